package ui

import (
	"strings"
	"testing"

	"atelier/app/i18n"
)

// A name after « de » is elided as French does, in the marks dialog as in
// the withdrawal (TestWithdrawOffersTheSeatToTheFirstWaiting).
func TestMarksTitleElides(t *testing.T) {
	u, _ := rosterUI(t)
	r := u.roster
	helene := r.list[0]
	if !strings.HasPrefix(helene.Name, "Hélène") {
		t.Fatalf("first person is %q", helene.Name)
	}
	showMarksForm(r, helene)
	if text := dialogText(u); !strings.Contains(text, "Présences d’Hélène Tremblay") {
		t.Errorf("marks dialog says %q", text)
	}
}

// The person pane in English: English labels with an English colon, the
// date of registration among them, and counts and rates in English.
func TestPersonPaneInEnglish(t *testing.T) {
	u, _ := rosterUI(t)
	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	u.nav.Select(0)
	r := u.roster
	r.selectPerson(r.list[0].ID)
	text := r.detail.details.Text
	for _, want := range []string{"Email: helene@exemple.ca", "Registered: November 24, 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("person pane lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsAny(text, "\u00a0\u202f«»") || strings.Contains(text, "Inscription") {
		t.Errorf("French typography or words in the English pane:\n%q", text)
	}
}
