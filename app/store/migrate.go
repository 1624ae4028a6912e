package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"atelier/app/kit/usererr"
)

// migrations are applied in order; file N brings the schema to version N
// (PRAGMA user_version). A released file is never edited: a change to the
// schema is a new file.
//
//go:embed migrations/*.sql
var migrations embed.FS

// migrationFiles lists the embedded migrations in order and checks that
// they are numbered 1, 2, 3… without gaps.
func migrationFiles() ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	// fs.Glob returns names sorted; with zero-padded numbers that is the
	// order of application.
	for i, name := range names {
		num, _, _ := strings.Cut(path.Base(name), "_")
		n, err := strconv.Atoi(num)
		if err != nil || n != i+1 {
			return nil, fmt.Errorf("migration mal numérotée\u00a0: %s (attendu %03d_…)", name, i+1)
		}
	}
	return names, nil
}

// latestVersion is the schema version this build brings a file to.
func latestVersion() (int, error) {
	names, err := migrationFiles()
	return len(names), err
}

// migrate applies the missing migrations, each in its own transaction
// together with its user_version, so a file is never left between two
// versions. The version is re-read inside the write transaction: another
// Atelier opening the same file at the same time will have applied some.
//
// Migrations run with foreign keys off, on a connection of their own, so
// that one may rebuild a table others refer to (SQLite's way of changing a
// constraint); the references are checked before the commit instead.
func (s *Store) migrate(ctx context.Context) error {
	names, err := migrationFiles()
	if err != nil {
		return err
	}
	latest := len(names)
	var current int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return openFailed(s.path, err)
	}
	if current > latest {
		return refused(s.path, ErrTooNew, nil)
	}
	if current == latest {
		return nil
	}
	// The file as it was, for a migration that would go wrong or a schema
	// that turns out to lose something; a new file has nothing to keep.
	if current > 0 {
		if _, err := s.autoBackup(ctx, reasonMigration(current, latest)); err != nil {
			return usererr.Wrap(err, "%s Atelier ne met pas à jour «\u00a0%s\u00a0» vers le schéma %d sans en avoir fait une copie\u202f; le fichier n’a pas été modifié.",
				usererr.Reason(err), s.path, latest)
		}
	}
	return s.upgrade(ctx, names, current)
}

// upgrade applies the migrations after current, without the backup
// migrate takes first: for files that are copies already (a restore, a
// recovery).
func (s *Store) upgrade(ctx context.Context, names []string, current int) error {
	latest := len(names)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return openFailed(s.path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return openFailed(s.path, err)
	}
	// Back on before the connection returns to the pool.
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	for n := current + 1; n <= latest; n++ {
		name := names[n-1]
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = applyMigration(ctx, conn, n, latest, string(body))
		if errors.Is(err, ErrTooNew) {
			return refused(s.path, ErrTooNew, nil)
		}
		if err != nil {
			return explain(usererr.New("Impossible de mettre à jour «\u00a0%s\u00a0» vers le schéma %d (%s)", s.path, n, path.Base(name)), err)
		}
	}
	return nil
}

// applyMigration runs migration n in one write transaction on conn.
func applyMigration(ctx context.Context, conn *sql.Conn, n, latest int, body string) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > latest {
		return ErrTooNew
	}
	if version >= n {
		return nil
	}
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	var broken int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM pragma_foreign_key_check").Scan(&broken); err != nil {
		return err
	}
	if broken > 0 {
		refs := "une référence brisée"
		if broken > 1 {
			refs = fmt.Sprintf("%d références brisées", broken)
		}
		return usererr.Wrap(fmt.Errorf("migration %d: %d broken foreign keys", n, broken),
			"La base contient %s (des présences ou des membres de sous-groupes qui renvoient à des personnes ou des séances disparues)\u00a0: "+
				"elle ne peut pas être mise à jour vers le schéma %d. Le fichier n’a pas été modifié\u202f; gardez-en une copie pour qui vous aidera, "+
				"ou restaurez une sauvegarde récente.", refs, n)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n)); err != nil {
		return err
	}
	return tx.Commit()
}
