package ui

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"atelier/app/domain/participants"
	"atelier/app/formats/registration"
	"atelier/app/i18n"
	"atelier/app/kit/textfmt"
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
	rep := reportFixture(t, c, "zoom_participants_fr.csv")
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

// The rows a corrected workbook sets aside give their reason in English,
// after "Line N:", the workbook's own words in English quotation marks.
func TestCorrectionsProblemsInEnglish(t *testing.T) {
	u, _ := rosterUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	e := newExportsScreen(u)
	path := filepath.Join(t.TempDir(), "presences.xlsx")
	if err := e.writeWorkbook(path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]string{"A20": "Inconnue", "M1": "S9", "F2": "Peut-être"} {
		if err := f.SetCellValue("Présences", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if e.previewCorrections(b.Bytes()) == nil {
		t.Fatal("the corrected workbook was not read")
	}
	text := dialogText(u)
	for _, want := range []string{
		"Line 1: The column “S9” matches no session of the cohort; it is ignored. Check the number at the top of the column (S1 to S",
		"Line 2: The mark “Peut-être” for session 1 is unknown; this cell is ignored.",
		"Line 20: Nobody in the cohort is called “Inconnue”; this line is ignored. Check the name, or add the person in Atelier.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the English preview lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsAny(text, "\u00a0\u202f«»") || strings.Contains(text, "Ligne") || strings.Contains(text, "ignorée") {
		t.Errorf("French in the English preview:\n%q", text)
	}
}

// The registration import's warnings, about the file's titles or about
// one row, read in English.
func TestImportWarningsInEnglish(t *testing.T) {
	u, _ := rosterUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	sheet, err := registration.Parse(strings.NewReader("Nom;Vill\xe9;Horodateur\r\nHélène Côté;Québec;\r\nJos\xe9 Roy;Lévis;plus tard\r\nZoé Œuvray;Montréal;\r\n"), "inscriptions.csv", u.cohort.Location())
	if err != nil {
		t.Fatal(err)
	}
	p := u.roster.previewImport("inscriptions.csv", sheet, nil)
	if p == nil || len(sheet.Warnings) != 1 || len(sheet.Rows) != 3 || sheet.Rows[1].Warning == nil {
		t.Fatalf("the file was not read with its warnings: %q, %+v", sheet.Warnings, sheet.Rows)
	}
	text := dialogText(u)
	if want := "Line 1: some unreadable characters (not UTF-8) have been replaced with “\ufffd”; check the column headings."; !strings.Contains(text, want) {
		t.Errorf("the English preview lacks %q:\n%s", want, text)
	}
	l := widget.NewLabel("")
	p.updateRow(1, l)
	want := "registration date not recognized (“plus tard”): the person comes after the dated registrations; " +
		"unreadable characters (not UTF-8) replaced with “\ufffd”: check the spelling before importing, or save the file again as CSV UTF-8"
	if !strings.Contains(l.Text, want) {
		t.Errorf("the row says %q, want it to contain %q", l.Text, want)
	}
	for _, s := range []string{text, l.Text} {
		if strings.ContainsAny(s, "\u00a0\u202f«»") || strings.Contains(s, "illisibles") || strings.Contains(s, "Ligne") {
			t.Errorf("French in the English preview: %q", s)
		}
	}
}

// A call report from another day than its session's is said in English,
// dates written the English way, in the preview and in the question
// asked before saving.
func TestReportOtherDayInEnglish(t *testing.T) {
	u, _ := rosterUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	u.people.SelectIndex(1)
	c := u.checkin
	loc := u.cohort.Location()
	rep := reportFixture(t, c, "zoom_participants_fr.csv")
	other := time.Date(2026, 11, 4, 18, 25, 0, 0, loc)
	if y, m, d := c.session.StartsAt.In(loc).Date(); y == 2026 && m == 11 && d == 4 {
		other = other.AddDate(0, 0, -7)
	}
	if len(rep.Attendees) == 0 {
		t.Fatal("the fixture has nobody")
	}
	rep.Attendees[0].FirstJoin = other
	want := "Careful: this report is dated " + textfmt.English.Date(other) + ", but the session is on " +
		textfmt.English.Date(c.session.StartsAt) + ". Check the file and the session you picked."
	if !strings.HasPrefix(want, "Careful: this report is dated November") {
		t.Fatalf("the dates are not written the English way: %q", want)
	}
	p := c.previewReport(rep, nil)
	if p == nil {
		t.Fatal("no preview")
	}
	if text := dialogText(u); !strings.Contains(text, want) {
		t.Errorf("the English preview lacks %q:\n%s", want, text)
	}
	if p.plan.DateWarning == nil {
		t.Fatal("the plan does not warn of the other day")
	}
	p.save()
	text := dialogText(u)
	if !strings.Contains(text, want) {
		t.Errorf("the English question lacks %q:\n%s", want, text)
	}
	if strings.ContainsAny(text, "\u00a0\u202f«»") || strings.Contains(text, "séance") {
		t.Errorf("French in the English question:\n%q", text)
	}
}
