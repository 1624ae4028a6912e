package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
	"atelier/app/formats/callreport"
	"atelier/app/formats/registration"
	"atelier/app/i18n"
)

// An import that fails says why in the language of the window: in English,
// the reason registration gives in French is read from the catalogue, with
// English quotation marks around the headers it found.
func TestImportErrorInEnglish(t *testing.T) {
	u, _ := rosterUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	_, err := registration.Parse(strings.NewReader("Couleur,Ville\nbleu,Montréal\n"), "inscriptions.csv", u.cohort.Location())
	if err == nil {
		t.Fatal("a file without a name column was read")
	}
	if !strings.Contains(err.Error(), "Aucune colonne ne ressemble à un nom") {
		t.Fatalf("the error is not the one this test expects: %q", err.Error())
	}
	if p := u.roster.previewImport("inscriptions.csv", nil, err); p != nil {
		t.Fatal("a preview for an unusable file")
	}
	text := dialogText(u)
	for _, want := range []string{"No column looks like a name: the first line of the file holds “Couleur”, “Ville”.", "“Nom”"} {
		if !strings.Contains(text, want) {
			t.Errorf("the English dialog lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsAny(text, "\u00a0\u202f«»") || strings.Contains(text, "colonne") {
		t.Errorf("French in the English dialog:\n%q", text)
	}
}

// A refusal of the service (an email already taken, whose sentence names
// the other person with « d’ » in French) reaches the English window in
// English, the name after "of".
func TestServiceRefusalInEnglish(t *testing.T) {
	u, _ := rosterUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	_, err := u.svc.AddPerson(context.Background(), u.cohort.ID, participants.Participant{Name: "Hélène T.", Email: "helene@exemple.ca"})
	if err == nil {
		t.Fatal("a second person with the same email was added")
	}
	if !strings.Contains(err.Error(), "d’Hélène Tremblay") {
		t.Fatalf("the error is not the one this test expects: %q", err.Error())
	}
	u.showError(lang.X("person.err.save", "La fiche n’a pas été enregistrée."), err)
	text := dialogText(u)
	for _, want := range []string{"The record was not saved.", "The email “helene@exemple.ca” is already the email of Hélène Tremblay in this cohort"} {
		if !strings.Contains(text, want) {
			t.Errorf("the English dialog lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsAny(text, "\u00a0\u202f«»") || strings.Contains(text, "courriel") {
		t.Errorf("French in the English dialog:\n%q", text)
	}
}

// The lines a call report sets aside give their reason in English too.
func TestReportSkippedLineInEnglish(t *testing.T) {
	u, _ := rosterUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	u.people.SelectIndex(1)
	c := u.checkin
	f, err := os.Open(filepath.Join("..", "formats", "callreport", "testdata", "zoom_participants_fr.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := callreport.Parse(f, c.session.StartsAt, u.cohort.Location())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) == 0 {
		t.Fatal("the fixture no longer has a bad line")
	}
	c.previewReport(rep, nil)
	text := dialogText(u)
	if want := "The arrival time “04/11/2026 25:61:00” cannot be read."; !strings.Contains(text, want) {
		t.Errorf("the English preview lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "illisible") {
		t.Errorf("French in the English preview:\n%s", text)
	}
}

// A row the import preview rejects gives its reasons in English, as the
// clauses of one sentence.
func TestImportRejectedRowInEnglish(t *testing.T) {
	u, _ := rosterUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	sheet, err := registration.Parse(strings.NewReader("Nom,Courriel\nAlex Roy,alex-sans-arobase\n"), "inscriptions.csv", u.cohort.Location())
	if err != nil {
		t.Fatal(err)
	}
	p := u.roster.previewImport("inscriptions.csv", sheet, nil)
	if p == nil || len(sheet.Rows) != 1 || sheet.Rows[0].Err == nil {
		t.Fatalf("the row was not rejected: %+v", sheet.Rows)
	}
	l := widget.NewLabel("")
	p.updateRow(0, l)
	if want := "the email “alex-sans-arobase” is not valid"; !strings.Contains(l.Text, want) {
		t.Errorf("the rejected row says %q, want it to contain %q", l.Text, want)
	}
	if strings.ContainsAny(l.Text, "«»") || strings.Contains(l.Text, "courriel") {
		t.Errorf("French in the English row: %q", l.Text)
	}
}
