package store

import (
	"context"
	"os"
	"path/filepath"

	"atelier/app/kit/atomicfile"
	"atelier/app/kit/usererr"
)

// Backup writes a consistent copy of the file to dest, replacing dest if it
// exists. SQLite writes the copy (VACUUM INTO) to a temporary file next to
// dest, which is renamed over dest only once complete, so dest is never
// half-written and a copy of a file being written to is never torn.
func (s *Store) Backup(ctx context.Context, dest string) error {
	return s.BackupTracked(ctx, dest, nil)
}

// BackupTracked is Backup, telling track the name of the temporary copy
// while it is written (a journal of writes under way notes it, so that a
// copy cut short is removed at the next start); release ends that. track
// may be nil.
func (s *Store) BackupTracked(ctx context.Context, dest string, track func(tmp string) (release func(), err error)) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return explain(usererr.New("Impossible de situer «\u00a0%s\u00a0»", dest), err)
	}
	if s.Owns(abs) {
		return usererr.New("La copie de sauvegarde ne peut pas remplacer le fichier ouvert («\u00a0%s\u00a0»)\u202f; choisissez un autre nom.", abs)
	}
	// What an interrupted copy to the same name left behind goes first.
	sweepTemps(filepath.Dir(abs), filepath.Base(abs)+".", s.now())
	var releases []func()
	defer func() {
		for _, r := range releases {
			r()
		}
	}()
	var note func(string) error
	if track != nil {
		note = func(name string) error {
			release, err := track(name)
			if err == nil {
				releases = append(releases, release)
			}
			return err
		}
	}
	tmp, err := atomicfile.CreateTemp(filepath.Dir(abs), filepath.Base(abs), note)
	if err != nil {
		return backupFailed(abs, err)
	}
	name := tmp.Name()
	tmp.Close()
	if err := s.backupTo(ctx, name, abs); err != nil {
		os.Remove(name)
		return backupFailed(abs, err)
	}
	return nil
}

// backupFailed explains why the copy at dest could not be made.
func backupFailed(dest string, err error) error {
	return explain(usererr.New("Impossible de créer la copie de sauvegarde «\u00a0%s\u00a0»", dest), err)
}

func (s *Store) backupTo(ctx context.Context, tmp, dest string) error {
	if s.team {
		// A server has no VACUUM INTO a file of this machine: the copy is
		// a new file filled row by row (Copy), then installed the same way.
		if _, err := copyIntoFile(ctx, s, tmp); err != nil {
			return err
		}
		return finishCopy(tmp, dest)
	}
	// VACUUM INTO accepts an existing empty file; CreateTemp made it 0600,
	// so the copy is never readable by others, even briefly. It cannot run
	// inside a transaction: it is its own read transaction.
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return err
	}
	return finishCopy(tmp, dest)
}
