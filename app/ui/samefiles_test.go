package ui

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"atelier/app/cli"
	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
	"atelier/workshops"
)

// TestWindowAndCommandLineWriteTheSameFiles exports every file from the
// window and from the command line, on the same data with the same clock:
// the bytes must be the same, since both go through the application layer.
func TestWindowAndCommandLineWriteTheSameFiles(t *testing.T) {
	u, st := rosterUI(t)
	ctx := context.Background()
	people, _ := st.Participants(ctx, u.cohort.ID)
	var marks []participants.Attendance
	for _, s := range u.cohort.Sessions[:3] {
		for _, p := range people[:3] {
			marks = append(marks, participants.Attendance{ParticipantID: p.ID, SessionID: s.ID, Mark: participants.Present, Minutes: 80})
		}
	}
	if err := st.SetAttendance(ctx, marks); err != nil {
		t.Fatal(err)
	}
	c := u.cohort
	c.CertificateMin = 3
	if _, err := u.svc.UpdateCohort(ctx, c, false); err != nil {
		t.Fatal(err)
	}
	s, err := structure.FromTemplate("xr-groupe-local", "Groupe 1")
	if err != nil {
		t.Fatal(err)
	}
	if s.ID, err = st.CreateStructure(ctx, u.cohort.ID, s); err != nil {
		t.Fatal(err)
	}
	s.CohortID = u.cohort.ID
	u.loadCohorts(u.cohort.ID)
	e := newExportsScreen(u)
	dir := t.TempDir()
	window := func(name string, write func(path string) error) string {
		path := filepath.Join(dir, "fenetre-"+name)
		if err := write(path); err != nil {
			t.Fatalf("%s from the window: %v", name, err)
		}
		return path
	}
	pdf := func(write func(io.Writer) error) func(string) error {
		return func(path string) error {
			var b bytes.Buffer // as « Enregistrer » after the preview
			if err := write(&b); err != nil {
				return err
			}
			return os.WriteFile(path, b.Bytes(), 0o600)
		}
	}
	env := cli.Env{Stdout: io.Discard, Stderr: io.Discard, Version: "test", Plans: workshops.MustPlans(), Catalogue: workshops.Catalogue(), Now: testNow}
	command := func(name string, args ...string) string {
		path := filepath.Join(dir, "commande-"+name)
		var errb bytes.Buffer
		env.Stderr = &errb
		if code := cli.Run(append(append([]string{"--db", st.Path(), "export"}, args...), "-o", path), env); code != cli.ExitOK {
			t.Fatalf("atelier export %v: exit %d, %s", args, code, errb.String())
		}
		return path
	}
	for _, tt := range []struct {
		name        string
		window, cli string
	}{
		{"presences.xlsx", window("presences.xlsx", e.writeWorkbook), command("presences.xlsx", "attendance")},
		{"liste.xlsx", window("liste.xlsx", func(p string) error { e.exportRoster(p); return nil }), command("liste.xlsx", "roster")},
		{"liste.csv", window("liste.csv", func(p string) error { e.exportRoster(p); return nil }), command("liste.csv", "roster")},
		{"seance-3.pdf", window("seance-3.pdf", pdf(func(w io.Writer) error { return e.writeHandout(w, 3) })), command("seance-3.pdf", "handout", "--session", "3")},
		{"emargement.pdf", window("emargement.pdf", pdf(func(w io.Writer) error { return e.writeSignIn(w, 1) })), command("emargement.pdf", "signin", "--session", "1")},
		{"attestations.pdf", window("attestations.pdf", pdf(e.writeCertificates)), command("attestations.pdf", "certificates")},
		{"livret.pdf", window("livret.pdf", pdf(e.writeBooklet)), command("livret.pdf", "booklet")},
		{"groupe.png", window("groupe.png", func(p string) error { return u.exportStructure(p, s) }), command("groupe.png", "structure", "--name", "Groupe 1")},
		{"groupe.pdf", window("groupe.pdf", func(p string) error { return u.exportStructure(p, s) }), command("groupe.pdf", "structure", "--name", "Groupe 1")},
	} {
		a, errA := os.ReadFile(tt.window)
		b, errB := os.ReadFile(tt.cli)
		if errA != nil || errB != nil || len(a) == 0 {
			t.Fatalf("%s: %v, %v", tt.name, errA, errB)
		}
		if !bytes.Equal(a, b) {
			if d := os.Getenv("ATELIER_KEEP"); d != "" {
				os.WriteFile(filepath.Join(d, "w-"+tt.name), a, 0o600)
				os.WriteFile(filepath.Join(d, "c-"+tt.name), b, 0o600)
			}
			t.Errorf("%s: the window wrote %d bytes, the command line %d, not the same", tt.name, len(a), len(b))
		}
	}
}
