package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"modernc.org/sqlite"

	"atelier/app/kit/atomicfile"
	"atelier/app/kit/usererr"
)

// copyParams open the working copies (restore, recovery): no WAL, so that
// the copy is one self-contained file once its pool is closed.
const copyParams = "_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_txlock=immediate"

// Restore replaces the whole content of the open file with the backup at
// src, while the store stays open: src is checked (an Atelier file, not
// from a newer Atelier, not damaged), copied and brought to the current
// schema aside, a backup of what it replaces is taken (ReasonRestore), and
// SQLite's backup API then writes it into the open file in one transaction
// that other connections see whole or not at all. A file refused leaves
// the open one as it was.
func (s *Store) Restore(ctx context.Context, src string) error {
	if s.team {
		return usererr.New("Une base d’équipe ne se restaure pas depuis Atelier\u00a0: elle est partagée par toute l’équipe. " +
			"Pour repartir d’une sauvegarde, copiez-la dans une base vide avec «\u00a0atelier db copy --to postgres://…\u00a0».").Of(ErrReadOnly)
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		return restoreFailed(src, err)
	}
	if s.Owns(abs) {
		return notRestored(abs, "c’est le fichier ouvert\u202f; choisissez une sauvegarde.")
	}
	latest, err := latestVersion()
	if err != nil {
		return err
	}
	if err := checkBackup(ctx, abs, latest); err != nil {
		return err
	}
	tmp, err := s.stageRestore(ctx, abs)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	// After the staging: the pre-restore copy may prune the very backup
	// being restored, which is safe in tmp by then.
	if _, err := s.autoBackup(ctx, ReasonRestore); err != nil {
		return usererr.Wrap(err, "%s La sauvegarde n’a pas été restaurée\u00a0: Atelier ne remplace pas la base sans en garder une copie.", usererr.Reason(err))
	}
	if err := s.restoreFrom(ctx, tmp); err != nil {
		return restoreFailed(abs, err)
	}
	return nil
}

func restoreFailed(src string, err error) error {
	return explain(usererr.New("Impossible de restaurer «\u00a0%s\u00a0»", src), err)
}

// checkBackup refuses, without writing to it, a file that is not an
// Atelier file with content, comes from a newer Atelier, or is damaged.
func checkBackup(ctx context.Context, path string, latest int) error {
	_, size, err := readHead(path)
	if err != nil {
		return err
	}
	// check takes an empty file for a new database; restoring one would
	// empty the open file.
	if size == 0 {
		return notRestored(path, "le fichier est vide, ce n’est pas une sauvegarde d’Atelier.")
	}
	if _, err := check(ctx, path, latest, false); err != nil {
		switch {
		case errors.Is(err, ErrNotDatabase):
			return notRestored(path, "ce n’est pas une base de données Atelier.")
		case errors.Is(err, ErrForeign):
			return notRestored(path, "ce fichier n’appartient pas à Atelier (il vient d’un autre logiciel).")
		case errors.Is(err, ErrTooNew):
			return notRestored(path, "ce fichier vient d’une version plus récente d’Atelier\u202f; mettez l’application à jour pour le restaurer.")
		case errors.Is(err, ErrCorrupt):
			return damagedBackup(path, err)
		}
		return usererr.Wrap(err, "%s La base ouverte n’a pas été modifiée.", usererr.Reason(err))
	}
	db, err := sql.Open("sqlite", dsn(path, "mode=ro&_pragma=busy_timeout(5000)"))
	if err != nil {
		return restoreFailed(path, err)
	}
	defer db.Close()
	var appID int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil || appID != ApplicationID {
		return notRestored(path, "ce fichier ne contient aucune donnée d’Atelier, ce n’est pas une sauvegarde.")
	}
	return nil // check ran quick_check
}

// damagedBackup refuses a damaged copy.
func damagedBackup(path string, err error) error {
	return usererr.Wrap(err, "Impossible de restaurer «\u00a0%s\u00a0»\u00a0: le fichier est endommagé. Choisissez une autre sauvegarde\u202f; la base ouverte n’a pas été modifiée.", path)
}

// notRestored refuses the file at path for the reason why.
func notRestored(path, why string) error {
	return usererr.New("Impossible de restaurer «\u00a0%s\u00a0»\u00a0: %s La base ouverte n’a pas été modifiée.", path, usererr.Phrase(why))
}

// passesQuickCheck runs SQLite's quick_check: the b-trees and records are
// walked, the indexes not compared with their tables. An error while
// checking is a damaged file too.
func passesQuickCheck(ctx context.Context, db *sql.DB) (bool, error) {
	first, err := quickCheckResult(ctx, db)
	return err == nil && first == "ok", err
}

// quickCheckResult is quick_check's first line: "ok", or the first
// problem found.
func quickCheckResult(ctx context.Context, db *sql.DB) (string, error) {
	var first string
	err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&first)
	return first, err
}

// stageRestore copies src beside the open file and brings the copy to the
// current schema, without the pre-migration backup Open would take: src
// is a backup already. It returns the copy's path.
func (s *Store) stageRestore(ctx context.Context, src string) (string, error) {
	tmp, err := atomicfile.CreateTemp(filepath.Dir(s.path), filepath.Base(s.path)+".restauration", nil)
	if err != nil {
		return "", restoreFailed(src, err)
	}
	name := tmp.Name()
	tmp.Close()
	fail := func(err error) (string, error) {
		os.Remove(name)
		return "", err
	}
	from, err := sql.Open("sqlite", dsn(src, "mode=ro&_pragma=busy_timeout(5000)"))
	if err != nil {
		return fail(restoreFailed(src, err))
	}
	_, err = from.ExecContext(ctx, "VACUUM INTO ?", name)
	from.Close()
	if err != nil {
		return fail(restoreFailed(src, err))
	}
	db, err := sql.Open("sqlite", dsn(name, copyParams))
	if err != nil {
		return fail(restoreFailed(src, err))
	}
	staged := &Store{db: db, path: name, now: s.now}
	names, err := migrationFiles()
	if err == nil {
		err = s.samePageSize(ctx, db)
	}
	if err == nil {
		var current int
		if err = db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err == nil {
			err = staged.upgrade(ctx, names, current)
		}
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(usererr.Wrap(err, "La sauvegarde «\u00a0%s\u00a0» n’a pas pu être mise au schéma de cette version d’Atelier\u00a0: %s La base ouverte n’a pas été modifiée.", src, usererr.Reason(err)))
	}
	return name, nil
}

// samePageSize rewrites the staged copy db with the open file's page size:
// the backup API cannot change the page size of a file in WAL mode, and a
// file made by another tool (the sqlite3 shell) may have another.
func (s *Store) samePageSize(ctx context.Context, db *sql.DB) error {
	var want, got int
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&want); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&got); err != nil || got == want {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", want)); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "VACUUM")
	return err
}

// restorer is what modernc's connections offer for SQLite's backup API.
type restorer interface {
	NewRestore(srcURI string) (*sqlite.Backup, error)
}

// restoreFrom writes the file at src over the open file's content through
// the backup API, all pages in one step: one write transaction, so the
// other connections of the pool see the old content or the new one.
func (s *Store) restoreFrom(ctx context.Context, src string) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		r, ok := dc.(restorer)
		if !ok {
			return errors.New("the SQLite driver has no backup API")
		}
		b, err := r.NewRestore(dsn(src, "mode=ro"))
		if err != nil {
			return err
		}
		for more := true; more && err == nil; {
			more, err = b.Step(-1)
		}
		if ferr := b.Finish(); err == nil {
			err = ferr
		}
		return err
	})
}
