package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/stdlib"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/store/pgtest"
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
	s, err := Open(filepath.Join(t.TempDir(), "atelier.db"), Options{Now: testClock})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openTeamTest opens a new team database on the test binary's PostgreSQL
// cluster (pgtest), closed with the test.
func openTeamTest(t testing.TB) *Store {
	t.Helper()
	s, err := openTeam(context.Background(), pgtest.Start(t), Options{Now: testClock})
	if err != nil {
		t.Fatalf("openTeam: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// onEngines runs test on a new SQLite file and on a new team database,
// as subtests named for the engine: what the store promises, it promises
// on both.
func onEngines(t *testing.T, test func(t *testing.T, s *Store)) {
	t.Helper()
	for _, e := range []struct {
		name string
		open func(testing.TB) *Store
	}{{"sqlite", openTest}, {"postgres", openTeamTest}} {
		t.Run(e.name, func(t *testing.T) { test(t, e.open(t)) })
	}
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

// testClock is the store's clock in tests: 24 November 2026, 15:00 UTC.
func testClock() time.Time { return time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC) }

// addPeople registers ps in a cohort through one EditRoster, each with the
// status it has (inscrit·e when it has none), and returns them with their
// ids.
func addPeople(t testing.TB, s *Store, cohortID int64, ps ...participants.Participant) []participants.Participant {
	t.Helper()
	var out []participants.Participant
	err := s.EditRoster(context.Background(), cohortID, "les personnes", func(r *Roster) error {
		out = out[:0]
		for _, p := range ps {
			if p.Status == "" {
				p.Status = participants.Inscrit
			}
			p, err := r.Add(p)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("adding %d people: %v", len(ps), err)
	}
	return out
}

// dump reads every row of every table of the file or team database (the
// full-text index's own tables included), one string per row, each table's rows sorted: two
// dumps are equal when nothing in the file changed.
func dump(t testing.TB, db *sql.DB) map[string][]string {
	t.Helper()
	query := `SELECT name FROM sqlite_schema
		WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`
	if _, team := db.Driver().(*stdlib.Driver); team {
		query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
	}
	tables, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		if err := tables.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	tables.Close()
	out := map[string][]string{}
	for _, n := range names {
		out[n] = dumpTable(t, db, n, "*")
	}
	return out
}

// dumpTable reads columns (a SELECT list) of every row of table, sorted.
func dumpTable(t testing.TB, db *sql.DB, table, columns string) []string {
	t.Helper()
	rows, err := db.Query("SELECT " + columns + " FROM " + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		list = append(list, fmt.Sprintf("%q", vals))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(list)
	return list
}

// diffDumps names the tables whose rows differ between two dumps.
func diffDumps(before, after map[string][]string) []string {
	var changed []string
	for n, rows := range before {
		if !slices.Equal(rows, after[n]) {
			changed = append(changed, n)
		}
	}
	for n := range after {
		if _, ok := before[n]; !ok {
			changed = append(changed, n)
		}
	}
	slices.Sort(changed)
	return changed
}

// noDriverText fails when a message meant for a person shows SQLite's own
// words, or is not a sentence.
func noDriverText(t testing.TB, msg string) {
	t.Helper()
	for _, s := range []string{"database", "sqlite", "SQL", "(5)", "(8)", "(11)", "(13)", "readonly", "locked", "malformed", "disk is full"} {
		if strings.Contains(msg, s) {
			t.Errorf("message shows driver text %q: %s", s, msg)
		}
	}
	// The first letter, after any opening quote (« Awa » : …), is a capital.
	first := strings.IndexFunc(msg, unicode.IsLetter)
	if r, _ := utf8.DecodeRuneInString(msg[max(first, 0):]); first < 0 || !unicode.IsUpper(r) || !strings.HasSuffix(msg, ".") {
		t.Errorf("message is not a sentence: %q", msg)
	}
}

// holdWriteLock opens an edit of cohort id on s that adds « Awa » and
// waits: until release is called, s holds the file's write lock. done
// gives the edit's result once released.
func holdWriteLock(t testing.TB, s *Store, id int64) (release func(), done <-chan error) {
	t.Helper()
	inside, free := make(chan struct{}), make(chan struct{})
	result := make(chan error, 1)
	go func() {
		result <- s.EditRoster(context.Background(), id, "la personne", func(r *Roster) error {
			if _, err := r.Add(participants.Participant{Name: "Awa", Status: participants.Inscrit}); err != nil {
				return err
			}
			close(inside)
			<-free
			return nil
		})
	}()
	<-inside
	return func() { close(free) }, result
}
