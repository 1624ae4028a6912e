package ui

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"atelier/app/domain/library"
	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
	"atelier/app/store"
)

func TestDocumentsRenderAndPreview(t *testing.T) {
	u, st := rosterUI(t)
	ctx := context.Background()
	people, _ := st.Participants(ctx, u.cohort.ID)
	var marks []participants.Attendance
	for _, s := range u.cohort.Sessions[:3] {
		marks = append(marks, participants.Attendance{ParticipantID: people[0].ID, SessionID: s.ID, Mark: participants.Present})
	}
	if err := st.SetAttendance(ctx, marks); err != nil {
		t.Fatal(err)
	}
	setMin := func(n int) {
		c := u.cohort
		c.CertificateMin = n
		if _, err := u.svc.UpdateCohort(ctx, c, false); err != nil {
			t.Fatal(err)
		}
		u.loadCohorts(c.ID)
	}
	setMin(3)
	e := newExportsScreen(u)
	if !strings.Contains(dialogTextOf(e.root), "Attestation à partir de 3 séances suivies (réglage de la cohorte)") {
		t.Errorf("the certificates' minimum is not shown: %q", dialogTextOf(e.root))
	}
	s := u.cohort.Sessions[3]
	checks := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"handout", func(b *bytes.Buffer) error { return e.writeHandout(b, s.Number) }},
		{"signin", func(b *bytes.Buffer) error { return e.writeSignIn(b, s.Number) }},
		{"certificates", func(b *bytes.Buffer) error { return e.writeCertificates(b) }},
		{"booklet", func(b *bytes.Buffer) error { return e.writeBooklet(b) }},
	}
	for _, c := range checks {
		var b bytes.Buffer
		if err := c.write(&b); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("%PDF")) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	setMin(4)
	var b bytes.Buffer
	if err := e.writeCertificates(&b); err == nil || !strings.HasPrefix(usererr.Message(err), "Aucune attestation à produire") {
		t.Errorf("certificates for 4 sessions when nobody came 4 times: %v", err)
	}
	b.Reset()
	if err := e.writeHandout(&b, s.Number); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm absent: no preview image")
	}
	// The preview is made in memory: nothing of the document (names,
	// courriels) lands in the temporary folder, even for a moment.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	png, err := firstPage(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG")) || len(png) < 1000 {
		t.Fatalf("preview of %d bytes, not a PNG", len(png))
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the preview left %v in the temporary folder", left)
	}
	e.showPreview(u.newSavedNote(), "seance-4.pdf", b.Bytes(), png)
	if !strings.Contains(dialogText(u), "Première page de seance-4.pdf") {
		t.Errorf("preview dialog %q", dialogText(u))
	}
}

// The handout of session 4 lists a resource linked to it (issue 6: « sees
// it in that session's handout »).
func TestHandoutListsLinkedResource(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	id, err := st.AddResource(ctx, resourceForTest())
	if err != nil {
		t.Fatal(err)
	}
	s := u.cohort.Sessions[3]
	if err := st.LinkResource(ctx, id, s.ID, store.WholeSession); err != nil {
		t.Fatal(err)
	}
	e := newExportsScreen(u)
	var b bytes.Buffer
	if err := e.writeHandout(&b, s.Number); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b.Bytes())
	if !strings.Contains(text, "Notre guide maison des coalitions") {
		t.Errorf("the linked resource is not in the handout:\n%s", text)
	}
}

func resourceForTest() library.Resource {
	return library.Resource{Title: "Notre guide maison des coalitions", Source: "Équipe d’animation", Language: "fr",
		Summary: "Un guide écrit par l’équipe.", Tags: []string{"coalitions"}, Custom: true, URL: "https://exemple.org/guide.pdf"}
}

// pdfText extracts a PDF's text with pdftotext, skipping when it is absent.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext absent")
	}
	cmd := exec.Command(tool, "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
