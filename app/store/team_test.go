package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"testing"

	"atelier/app/store/pgtest"
)

// execPG runs statements on a team database outside the store.
func execPG(t *testing.T, dsn string, stmts ...string) { t.Helper(); pgtest.Exec(t, dsn, stmts...) }

func TestOpenTeamRefuses(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		prepare func(t *testing.T, dsn string)
		is      error
		says    string
	}{
		{"autre logiciel", func(t *testing.T, dsn string) {
			execPG(t, dsn, "CREATE TABLE invoices (id int)")
		}, ErrForeign, "contient déjà des tables qui ne sont pas celles d’Atelier"},
		{"version plus récente", func(t *testing.T, dsn string) {
			s, err := openTeam(ctx, dsn, Options{Now: testClock})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			execPG(t, dsn, "INSERT INTO atelier_schema_migrations (version, applied_at) VALUES (99, 0)")
		}, ErrTooNew, "version plus récente d’Atelier (schéma 99)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dsn := pgtest.Start(t)
			tt.prepare(t, dsn)
			before := pgTables(t, dsn)
			s, err := openTeam(ctx, dsn, Options{Now: testClock})
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q, want %v saying %q", err, tt.is, tt.says)
			}
			noDriverText(t, err.Error())
			if after := pgTables(t, dsn); strings.Join(after, " ") != strings.Join(before, " ") {
				t.Errorf("tables %v became %v", before, after)
			}
		})
	}
}

// pgTables lists a database's tables.
func pgTables(t *testing.T, dsn string) []string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return queryLines(t, db, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
}

func TestOpenTeamUnreachable(t *testing.T) {
	_, err := openTeam(context.Background(), "postgres:///atelier?host="+t.TempDir()+"&user=atelier&connect_timeout=2", Options{Now: testClock})
	if err == nil || !strings.Contains(err.Error(), "Impossible de joindre la base d’équipe") {
		t.Fatalf("error %v, want one saying the server cannot be reached", err)
	}
	noDriverText(t, err.Error())
}

// Two Ateliers opening a new team database at once make the schema once;
// reopening keeps the data and applies nothing again.
func TestOpenTeamTwiceAtOnce(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Start(t)
	stores := make([]*Store, 4)
	errs := make([]error, len(stores))
	var wg sync.WaitGroup
	for i := range stores {
		wg.Go(func() { stores[i], errs[i] = openTeam(ctx, dsn, Options{Now: testClock}) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("store %d: %v", i, err)
		}
		defer stores[i].Close()
	}
	id := createTest(t, stores[0], "Cohorte partagée", date(2027, 1, 6, 18, 30))
	again, err := openTeam(ctx, dsn, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if c, err := again.Cohort(ctx, id); err != nil || c.Name != "Cohorte partagée" {
		t.Errorf("reopened: %+v, %v", c.Name, err)
	}
	// One row per migration (the baseline's 7, then 8…), none twice.
	if got := queryLines(t, again.db, "SELECT version::text FROM atelier_schema_migrations ORDER BY version"); strings.Join(got, " ") != "7 8" {
		t.Errorf("migration log %v, want one row for each of schemas 7 and 8", got)
	}
}
