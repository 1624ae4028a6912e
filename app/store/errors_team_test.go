package store

import (
	"context"
	"testing"

	"atelier/app/store/pgtest"
)

// What PostgreSQL reports, met for real through the store's own methods,
// reaches a person as sentences.
func TestTeamFailuresExplained(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		fail   func(t *testing.T) error
		kind   error
		says   string
		driver string
	}{
		{"accès en lecture seule", func(t *testing.T) error {
			dsn := pgtest.Start(t)
			s, err := openTeam(ctx, dsn, Options{Now: testClock})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			// This database only, not the role: the cluster is shared.
			execPG(t, dsn, `DO $$ BEGIN
				EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database());
			END $$`)
			s, err = openTeam(ctx, dsn, Options{Now: testClock})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			_, err = s.CreateCohort(ctx, testCohort(t, "Cohorte", date(2027, 1, 6, 18, 30)))
			return err
		}, ErrReadOnly, "votre accès à la base d’équipe permet de consulter, pas de modifier", "25006"},
		// A server stopped under an open store (issue 16, point 5).
		{"serveur arrêté", func(t *testing.T) error {
			c, err := pgtest.StartCluster()
			if err != nil {
				t.Fatal(err)
			}
			if err := c.CreateDatabase("team"); err != nil {
				c.Stop()
				t.Fatal(err)
			}
			s, err := openTeam(ctx, c.DSN("team"), Options{Now: testClock})
			if err != nil {
				c.Stop()
				t.Fatal(err)
			}
			defer s.Close()
			if err := c.Stop(); err != nil {
				t.Fatal(err)
			}
			_, err = s.CreateCohort(ctx, testCohort(t, "Cohorte", date(2027, 1, 6, 18, 30)))
			return err
		}, ErrOffline, "la base d’équipe ne répond pas", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkExplained(t, tt.fail(t), tt.kind, tt.says, tt.driver)
		})
	}
}

// The roster tells a courriel already taken by the unique index's refusal:
// on PostgreSQL too, and only for that index.
func TestTeamUniqueViolation(t *testing.T) {
	db := openTeamTest(t).db
	for _, q := range []string{
		"INSERT INTO cohorts (id, name, time_zone, seat_limit, created_at) VALUES (1, 'A', 'America/Toronto', 20, 0)",
		`INSERT INTO participants (cohort_id, name, email, email_key, status, registered_at, queued_at, created_at)
			VALUES (1, 'Awa', 'awa@example.org', 'awa@example.org', 'inscrit', 0, 0, 0)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	_, twice := db.Exec(`INSERT INTO participants (cohort_id, name, email, email_key, status, registered_at, queued_at, created_at)
		VALUES (1, 'Awa B.', 'Awa@example.org', 'awa@example.org', 'inscrit', 0, 0, 0)`)
	_, cohort := db.Exec("INSERT INTO cohorts (name, time_zone, seat_limit, created_at) VALUES ('A', 'America/Toronto', 20, 0)")
	for _, c := range []struct {
		err    error
		column string
		want   bool
	}{
		{twice, "participants.email_key", true},
		{twice, "participants.name", false},
		{twice, "cohorts.email_key", false},
		{cohort, "participants.email_key", false},
		{nil, "participants.email_key", false},
	} {
		if got := isUniqueViolation(c.err, c.column); got != c.want {
			t.Errorf("isUniqueViolation(%v, %q) = %v, want %v", c.err, c.column, got, c.want)
		}
	}
}
