package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"atelier/app/domain/attendance"
	"atelier/app/domain/participants"
	"atelier/app/i18n"
	"atelier/app/kit/textfmt"
)

func TestCheckInMarksPresentAndCounts(t *testing.T) {
	u, st := rosterUI(t)
	u.people.SelectIndex(1)
	c := u.checkin
	if c.session.ID != u.cohort.Sessions[0].ID {
		t.Fatalf("check-in opened on session %d", c.session.Number)
	}
	// Seat holders first, alphabetically, then the waiting list.
	if len(c.people) != 5 || c.people[0].Name != "Hélène Tremblay" || c.people[3].Status != participants.Attente {
		t.Errorf("listed %v", c.people)
	}
	if c.count.Text != "Présences\u00a0: 0 sur 3 personnes attendues" {
		t.Errorf("count %q", c.count.Text)
	}
	test.Type(c.search, "cote")
	if len(c.shown) != 1 {
		t.Fatalf("cote finds %d", len(c.shown))
	}
	c.search.OnSubmitted(c.search.Text) // Enter marks the only match
	if c.count.Text != "Présences\u00a0: 1 sur 3 personnes attendues" || c.search.Text != "" {
		t.Errorf("after Enter: %q, search %q", c.count.Text, c.search.Text)
	}
	c.list.Select(0) // a tap on Hélène
	if !strings.HasPrefix(c.count.Text, "Présences\u00a0: 2 sur") {
		t.Errorf("after a tap: %q", c.count.Text)
	}
	c.list.Select(0) // a second tap takes it back
	if !strings.HasPrefix(c.count.Text, "Présences\u00a0: 1 sur") {
		t.Errorf("after a second tap: %q", c.count.Text)
	}
	marks, _ := st.SessionAttendance(context.Background(), c.session.ID)
	if len(marks) != 1 {
		t.Errorf("stored marks %+v", marks)
	}
}

func TestWalkInInOneStep(t *testing.T) {
	u, st := rosterUI(t)
	u.people.SelectIndex(1)
	c := u.checkin
	test.Type(c.search, "Jo Inconnu·e")
	c.onWalkIn()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no walk-in form")
	}
	tapButton(t, top, "Ajouter et marquer présent·e")
	ps, _ := st.Participants(context.Background(), u.cohort.ID)
	var last participants.Participant
	for _, p := range ps {
		if p.Name == "Jo Inconnu·e" {
			last = p
		}
	}
	if last.Name != "Jo Inconnu·e" || last.Attended != 1 || last.Status != participants.SansInscription {
		t.Errorf("walk-in stored as %+v", last)
	}
	// Present, but holding no seat: the count says so, and still expects 3.
	if got := c.count.Text; got != "Présences\u00a0: 0 sur 3 personnes attendues · 1 autre personne présente (sans place)" {
		t.Errorf("count %q", got)
	}
}

// The count agrees with the people expected, one or many.
func TestCheckinCountAgrees(t *testing.T) {
	frenchStrings(t)
	for _, tt := range []struct {
		here, expected int
		want           string
	}{
		{1, 1, "Présences\u00a0: 1 sur 1 personne attendue"},
		{0, 3, "Présences\u00a0: 0 sur 3 personnes attendues"},
	} {
		if got := checkinCount(textfmt.French, attendance.Session{Expected: tt.expected, Present: tt.here}); got != tt.want {
			t.Errorf("%d of %d: %q, want %q", tt.here, tt.expected, got, tt.want)
		}
	}
}

// Counts on screen group their thousands as the CLI does.
func TestCountsGroupThousands(t *testing.T) {
	frenchStrings(t)
	if got, want := checkinCount(textfmt.French, attendance.Session{Expected: 10000, Present: 1234}), "Présences\u00a0: 1\u00a0234 sur 10\u00a0000 personnes attendues"; got != want {
		t.Errorf("check-in count %q, want %q", got, want)
	}
	got := seatsText(textfmt.French, participants.Seats{Limit: 12000, Taken: 10000, Waiting: 1500}, 2500, 11500)
	for _, want := range []string{"10\u00a0000 places prises sur 12\u00a0000", "1\u00a0500 en liste d’attente", "2\u00a0500 sur 11\u00a0500"} {
		if !strings.Contains(got, want) {
			t.Errorf("seat counter %q lacks %q", got, want)
		}
	}
}

// frenchStrings loads the translations for a test that builds no window,
// which would otherwise see the fallbacks, singular only, when run alone.
func frenchStrings(t *testing.T) {
	t.Helper()
	t.Setenv("LANG", "C.UTF-8")
	if err := i18n.Apply("fr"); err != nil {
		t.Fatal(err)
	}
}
