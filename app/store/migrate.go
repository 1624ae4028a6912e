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
			return nil, fmt.Errorf("migration mal numérotée : %s (attendu %03d_…)", name, i+1)
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
func (s *Store) migrate(ctx context.Context) error {
	names, err := migrationFiles()
	if err != nil {
		return err
	}
	latest := len(names)
	var current int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("impossible de lire « %s » : %w", s.path, err)
	}
	if current > latest {
		return refused(s.path, ErrTooNew, "")
	}
	for n := current + 1; n <= latest; n++ {
		name := names[n-1]
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = s.write(ctx, func(tx *sql.Tx) error {
			var version int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
				return err
			}
			if version > latest {
				return refused(s.path, ErrTooNew, "")
			}
			if version >= n {
				return nil
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n))
			return err
		})
		if errors.Is(err, ErrTooNew) {
			return err
		}
		if err != nil {
			return fmt.Errorf("impossible de mettre à jour « %s » vers le schéma %d (%s) : %w", s.path, n, path.Base(name), err)
		}
	}
	return nil
}
