package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"atelier/app/kit/usererr"
)

// openTeam opens a team database on PostgreSQL (issue 16) at dsn
// (postgres://…), making Atelier's schema in an empty database and
// bringing an older one up to date. A database that holds other tables,
// or comes from a newer Atelier, is refused (ErrForeign, ErrTooNew) and
// left as it was.
//
// Groundwork: only the cohort methods (CreateCohort, CreateCohortIfNone,
// Cohorts, Cohort, SaveSessionBlocks) speak both engines yet, which is
// why this is not exported: docs/team-database.md says what is left
// before Open accepts a postgres:// address.
func openTeam(ctx context.Context, dsn string, opt Options) (*Store, error) {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, usererr.Wrap(err, "L’adresse de la base d’équipe est illisible. Vérifiez-la (elle commence par postgres://)\u202f; rien n’a été modifié.")
	}
	// Never the password: the name shows in messages and the log.
	name := cfg.Database + " sur " + cfg.Host
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, teamUnreachable(name, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, teamUnreachable(name, err)
	}
	s := &Store{db: db, path: name, now: now, team: true}
	if err := s.migrateTeam(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// teamUnreachable explains that the server did not let Atelier in.
func teamUnreachable(name string, err error) error {
	return usererr.Wrap(err, "Impossible de joindre la base d’équipe «\u00a0%s\u00a0»\u00a0: le serveur ne répond pas ou refuse la connexion. "+
		"Vérifiez le réseau, l’adresse et vos droits sur cette base, puis réessayez.", name)
}
