package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"atelier/app/formats/registration"
	"atelier/app/kit/usererr"
)

func TestImportPreviewThenApply(t *testing.T) {
	u, st := rosterUI(t)
	r := u.roster
	f, err := os.Open(filepath.Join("..", "formats", "registration", "testdata", "excel-fr.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := registration.Parse(f, "excel-fr.csv", u.cohort.Location())
	if err != nil {
		t.Fatal(err)
	}
	p := r.previewImport("excel-fr.csv", sheet, nil)
	// Three seats were full: the newcomers go on the waiting list.
	if !strings.Contains(p.summary.Text, "3 personnes ajoutées (dont 3 en liste d’attente)") {
		t.Errorf("summary %q", p.summary.Text)
	}
	if p.confirm.Text != "Importer 3 personnes" || p.confirm.Disabled() {
		t.Errorf("confirm %q disabled %v", p.confirm.Text, p.confirm.Disabled())
	}
	n, _ := st.CountParticipants(context.Background(), u.cohort.ID)
	if n != 5 {
		t.Fatalf("the preview wrote: %d people", n)
	}
	p.apply()
	if n, _ := st.CountParticipants(context.Background(), u.cohort.ID); n != 8 || len(r.list) != 8 {
		t.Errorf("after import: %d stored, %d listed", n, len(r.list))
	}
	// The same file again adds nobody.
	f.Seek(0, 0)
	sheet, _ = registration.Parse(f, "excel-fr.csv", u.cohort.Location())
	p = r.previewImport("excel-fr.csv", sheet, nil)
	if !p.confirm.Disabled() || !strings.Contains(p.summary.Text, "0 personne ajoutée") {
		t.Errorf("second preview %q, disabled %v", p.summary.Text, p.confirm.Disabled())
	}
}

func TestImportUnusableFileSaysWhy(t *testing.T) {
	u, _ := rosterUI(t)
	if p := u.roster.previewImport("x.csv", nil, usererr.New("Ce fichier est vide.")); p != nil {
		t.Fatal("a preview for an unusable file")
	}
	if text := dialogText(u); !strings.Contains(text, "Ce fichier est vide.") || !strings.Contains(text, "rien n’a été modifié") {
		t.Errorf("dialog says %q", text)
	}
}
