package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
)

// testPlans is a stand-in curriculum: five sessions of 90 minutes each.
func testPlans() []course.Plan {
	plans := make([]course.Plan, course.SessionCount)
	for i := range plans {
		n := i + 1
		plans[i] = course.Plan{
			Number:     n,
			Title:      fmt.Sprintf("Séance %d : bâtir un mouvement", n),
			ShortTitle: fmt.Sprintf("S%d", n),
			Blocks: []agenda.Block{
				{Title: "Accueil et météo", Kind: agenda.Accueil, Minutes: 10, Notes: "Tour de prénoms", Materials: "Cartons"},
				{Title: "Présentation", Kind: agenda.Presentation, Minutes: 25, Facilitator: "Amélie", Notes: "Diapos 1 à 8", Materials: "Projecteur"},
				{Title: "Exercice en sous-groupes", Kind: agenda.SousGroupes, Minutes: 30, Notes: "Groupes de 4", Materials: "Feuilles, crayons"},
				{Title: "Pause", Kind: agenda.Pause, Minutes: 10, Notes: "—", Materials: "—"},
				{Title: "Bilan", Kind: agenda.Bilan, Minutes: 15, Notes: "Un mot chacun·e", Materials: "Tableau"},
			},
		}
	}
	return plans
}

// openTest opens a new store in a temporary folder, closed with the test.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "atelier.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testCohort builds a valid cohort whose first session is first (a
// wall-clock time in Toronto).
func testCohort(t testing.TB, name string, first time.Time) course.Cohort {
	t.Helper()
	c, err := course.NewCohort(name, testPlans(), first, course.DefaultTimeZone)
	if err != nil {
		t.Fatalf("NewCohort: %v", err)
	}
	c.Facilitators = []string{"Amélie", "Jonas"}
	return c
}

// createTest saves a cohort built by testCohort and returns its ID.
func createTest(t testing.TB, s *Store, name string, first time.Time) int64 {
	t.Helper()
	id, err := s.CreateCohort(context.Background(), testCohort(t, name, first))
	if err != nil {
		t.Fatalf("CreateCohort(%q): %v", name, err)
	}
	return id
}

func date(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}
