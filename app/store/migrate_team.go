package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"atelier/app/kit/usererr"
)

// teamMigrations are the PostgreSQL schema's migrations. The first is a
// baseline that makes schema 7 at once; from 8 on, file N is the twin of
// SQLite's migration N, with the same number.
//
//go:embed migrations_pg/*.sql
var teamMigrations embed.FS

// teamMigrationFiles lists the PostgreSQL migrations in order with their
// versions, and checks that each follows the one before.
func teamMigrationFiles() (names []string, versions []int, err error) {
	names, err = fs.Glob(teamMigrations, "migrations_pg/*.sql")
	if err != nil {
		return nil, nil, err
	}
	for i, name := range names {
		num, _, _ := strings.Cut(path.Base(name), "_")
		n, err := strconv.Atoi(num)
		if err != nil || (i > 0 && n != versions[i-1]+1) {
			return nil, nil, fmt.Errorf("migration PostgreSQL mal numérotée\u00a0: %s", name)
		}
		versions = append(versions, n)
	}
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("aucune migration PostgreSQL")
	}
	return names, versions, nil
}

// migrationLock serialises Ateliers opening the same new team database at
// once: the second waits, then finds the schema made. The key is the
// application id, so nobody else's advisory locks are in the way.
const migrationLock = ApplicationID

// migrateTeam checks that the database is Atelier's (its marker table) or
// empty, then applies the missing migrations, each in one transaction
// together with its row in atelier_schema_migrations.
func (s *Store) migrateTeam(ctx context.Context) error {
	names, versions, err := teamMigrationFiles()
	if err != nil {
		return err
	}
	latest, err := latestVersion()
	if err != nil {
		return err
	}
	for i, name := range names {
		if err := s.applyTeamMigration(ctx, name, versions[i], i == 0, latest); err != nil {
			return err
		}
	}
	return nil
}

// applyTeamMigration applies one migration unless the database already has
// it, re-reading the version under the lock: another Atelier may have
// applied it meanwhile. The baseline applies only to a database without Atelier's tables.
func (s *Store) applyTeamMigration(ctx context.Context, name string, version int, baseline bool, latest int) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return teamUnreachable(s.path, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock); err != nil {
		return teamUnreachable(s.path, err)
	}
	current, err := teamVersion(ctx, tx, s.path)
	if err != nil {
		return err
	}
	if current > latest {
		return usererr.New("Impossible d’ouvrir la base d’équipe «\u00a0%s\u00a0»\u00a0: elle vient d’une version plus récente d’Atelier (schéma %d)\u202f; "+
			"mettez l’application à jour pour l’ouvrir. Rien n’a été modifié.", s.path, current).Of(ErrTooNew)
	}
	if current >= version || (current > 0 && baseline) {
		return nil
	}
	body, err := teamMigrations.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return explain(usererr.New("Impossible de mettre à jour la base d’équipe «\u00a0%s\u00a0» vers le schéma %d (%s)", s.path, version, path.Base(name)), err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO atelier_schema_migrations (version, applied_at) VALUES ($1, $2)", version, s.now().Unix()); err != nil {
		return explain(usererr.New("Impossible de mettre à jour la base d’équipe «\u00a0%s\u00a0» vers le schéma %d", s.path, version), err)
	}
	if err := tx.Commit(); err != nil {
		return explain(usererr.New("Impossible de mettre à jour la base d’équipe «\u00a0%s\u00a0»", s.path), err)
	}
	return nil
}

// teamVersion is the schema version of the database: 0 when it is empty,
// refused when it holds tables but not Atelier's marker, or another
// program's marker.
func teamVersion(ctx context.Context, tx *sql.Tx, name string) (int, error) {
	var marked bool
	var tables int
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('atelier_database') IS NOT NULL,
		(SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())`).Scan(&marked, &tables); err != nil {
		return 0, teamUnreachable(name, err)
	}
	foreign := usererr.New("Impossible d’ouvrir la base d’équipe «\u00a0%s\u00a0»\u00a0: elle contient déjà des tables qui ne sont pas celles d’Atelier. "+
		"Donnez l’adresse d’une base vide, créée pour Atelier\u202f; celle-ci n’a pas été modifiée.", name).Of(ErrForeign)
	if !marked {
		if tables > 0 {
			return 0, foreign
		}
		return 0, nil
	}
	var id, version int
	err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT min(application_id) FROM atelier_database), 0),
		coalesce((SELECT max(version) FROM atelier_schema_migrations), 0)`).Scan(&id, &version)
	if err != nil {
		return 0, teamUnreachable(name, err)
	}
	if id != ApplicationID {
		return 0, foreign
	}
	return version, nil
}
