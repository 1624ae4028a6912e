package course

import (
	"strings"
	"testing"
	"time"

	"atelier/app/domain/agenda"
)

func testPlans() []Plan {
	plans := make([]Plan, SessionCount)
	for i := range plans {
		plans[i] = Plan{Number: i + 1, Title: "Séance", Blocks: []agenda.Block{
			{ID: 7, Title: "Accueil", Kind: agenda.Accueil, Minutes: 30},
			{Title: "Bilan", Kind: agenda.Bilan, Minutes: 60},
		}}
	}
	return plans
}

func TestNewCohortKeepsTheHourAcrossDaylightSaving(t *testing.T) {
	// Toronto leaves daylight saving time on 1 November 2026.
	first := time.Date(2026, 10, 14, 18, 30, 0, 0, time.UTC)
	c, err := NewCohort("Cohorte automne 2026", testPlans(), first, "America/Toronto")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-10-14", "2026-10-21", "2026-10-28", "2026-11-04", "2026-11-11"}
	for i, s := range c.Sessions {
		if got := s.StartsAt.Format("2006-01-02 15:04 MST"); !strings.HasPrefix(got, want[i]+" 18:30") {
			t.Errorf("session %d at %s", s.Number, got)
		}
		if s.Blocks[0].ID != 0 {
			t.Error("block IDs of the curriculum copied into the cohort")
		}
	}
	if c.Sessions[3].StartsAt.Sub(c.Sessions[2].StartsAt) != 7*24*time.Hour+time.Hour {
		t.Error("the week across the change should last one hour more")
	}
	// The cohort has its own copy of the agenda.
	c.Sessions[0].Blocks[0].Title = "Changé"
	if testPlans()[0].Blocks[0].Title != "Accueil" {
		t.Error("plans changed")
	}
}

func TestCohortValidate(t *testing.T) {
	good, err := NewCohort("A", testPlans(), time.Date(2027, 1, 13, 18, 30, 0, 0, time.UTC), DefaultTimeZone)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(*Cohort)
		want   string
	}{
		{"no name", func(c *Cohort) { c.Name = " " }, "nom de la cohorte"},
		{"unknown zone", func(c *Cohort) { c.TimeZone = "Mars/Olympus" }, "fuseau horaire"},
		{"no seat", func(c *Cohort) { c.SeatLimit = 0 }, "au moins 1"},
		{"four sessions", func(c *Cohort) { c.Sessions = c.Sessions[:4] }, "compte 5 séances"},
		{"out of order", func(c *Cohort) { c.Sessions[2].StartsAt = c.Sessions[0].StartsAt }, "après la séance 2"},
		{"blank facilitator", func(c *Cohort) { c.Facilitators = []string{"Awa", ""} }, "personne animatrice"},
	}
	for _, tt := range tests {
		c := good
		c.Sessions = append([]Session(nil), good.Sessions...)
		tt.change(&c)
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestNextStartAndName(t *testing.T) {
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) // a Thursday
	got := NextStart(now, DefaultTimeZone)
	if got.Format("Mon 2006-01-02 15:04") != "Wed 2026-12-09 18:30" {
		t.Errorf("next start %v", got)
	}
	tests := map[time.Month]string{time.January: "hiver", time.April: "printemps", time.July: "été", time.October: "automne", time.December: "hiver"}
	for m, season := range tests {
		if got := DefaultName(time.Date(2027, m, 5, 0, 0, 0, 0, time.UTC)); got != "Cohorte "+season+" 2027" {
			t.Errorf("%v: %q", m, got)
		}
	}
}

func TestSessionEndsAsItsAgendaIsLaidOut(t *testing.T) {
	start := time.Date(2026, 12, 9, 18, 30, 0, 0, time.UTC)
	s := Session{StartsAt: start, Blocks: []agenda.Block{
		{Title: "Accueil", Kind: agenda.Accueil, Minutes: 10},
		// A break pinned to 19 h 30 leaves a gap after the welcome.
		{Title: "Pause", Kind: agenda.Pause, Minutes: 10, FixedStart: time.Hour},
	}}
	if want := start.Add(70 * time.Minute); !s.End().Equal(want) {
		t.Errorf("ends at %v, want %v (the gap counts, not only the %d min of blocks)", s.End(), want, s.Minutes())
	}
}
