package service

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

func TestSignInListsOnlyPeopleHoldingASeat(t *testing.T) {
	onEngines(t, signInListsOnlyPeopleHoldingASeat)
}

func signInListsOnlyPeopleHoldingASeat(t *testing.T, f *fixture) {
	f.setSeats(3)
	f.importRows("Aïcha Benali 🌻", "Bo Tran", "Cy Roy", "Dé Attente")
	if _, err := f.svc.Withdraw(f.ctx, f.c.ID, f.person("Cy Roy").ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AddWalkIn(f.ctx, f.c.ID, f.session(1).ID, participants.Participant{Name: "Ed Sans"}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w, err := f.svc.SignIn(f.ctx, &b, f.c.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	if w.People != 2 {
		t.Fatalf("%d people on the sheet, want 2", w.People)
	}
	text := pdfText(t, b.Bytes())
	for _, want := range []string{"Aïcha Benali", "Bo Tran"} {
		if !strings.Contains(text, want) {
			t.Errorf("sign-in sheet lacks %q:\n%s", want, text)
		}
	}
	for _, gone := range []string{"Cy Roy", "Dé Attente", "Ed Sans", "Benali ?", "Aïcha ?"} {
		if strings.Contains(text, gone) {
			t.Errorf("sign-in sheet shows %q:\n%s", gone, text)
		}
	}
}

func TestCertificates(t *testing.T) { onEngines(t, certificates) }

func certificates(t *testing.T, f *fixture) {
	f.importRows("Awa Diop", "Bo Tran")
	var b bytes.Buffer
	_, err := f.svc.Certificates(f.ctx, &b, f.c.ID, 0)
	want := "Aucune attestation à produire\u00a0: personne n’a encore suivi au moins 4 séances de la cohorte «\u00a0Cohorte hiver 2026\u00a0»."
	if err == nil || !strings.HasPrefix(usererr.Message(err), want) || b.Len() != 0 {
		t.Fatalf("nobody qualifies: %q", usererr.Message(err))
	}
	awa := f.person("Awa Diop")
	for n := 1; n <= 4; n++ {
		if err := f.svc.Mark(f.ctx, participants.Attendance{ParticipantID: awa.ID, SessionID: f.session(n).ID, Mark: participants.Present}); err != nil {
			t.Fatal(err)
		}
	}
	f.after(5, time.Hour)
	w, err := f.svc.Certificates(f.ctx, &b, f.c.ID, 0)
	if err != nil || w.People != 1 {
		t.Fatalf("certificates: %+v, %v", w, err)
	}
	text := pdfText(t, b.Bytes())
	last := textfmt.French.Date(f.session(5).StartsAt.In(f.c.Location()))
	if !strings.Contains(text, "Awa Diop") || strings.Contains(text, "Bo Tran") || !strings.Contains(text, "Fait le "+last) {
		t.Fatalf("certificate text (want « Fait le %s »):\n%s", last, text)
	}
}

func TestDocumentsAreTheSameBytesWhenWrittenAgain(t *testing.T) {
	onEngines(t, documentsAreTheSameBytesWhenWrittenAgain)
}

func documentsAreTheSameBytesWhenWrittenAgain(t *testing.T, f *fixture) {
	f.importRows("Awa Diop")
	var a, b bytes.Buffer
	if err := f.svc.Booklet(f.ctx, &a, f.c.ID); err != nil {
		t.Fatal(err)
	}
	f.now = f.now.Add(48 * time.Hour)
	if err := f.svc.Booklet(f.ctx, &b, f.c.ID); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the booklet changed with the clock")
	}
}
