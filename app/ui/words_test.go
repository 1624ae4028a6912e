package ui

import (
	"strings"
	"testing"
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
