package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"atelier/app/kit/usererr"
)

// Why an automatic backup was taken; the reason is part of its file name.
const (
	ReasonDaily   = "quotidienne"
	ReasonRestore = "avant-restauration"
)

// reasonMigration names the copy taken before a file goes from schema
// from to schema to.
func reasonMigration(from, to int) string { return fmt.Sprintf("avant-migration-%d-%d", from, to) }

// KeptBackups is how many automatic backups stay beside the file.
const KeptBackups = 7

// backupLayout is the time in a backup's name: sortable, and free of the
// characters Windows refuses in names (':').
const backupLayout = "2006-01-02_15h04m05"

// staleTemp is how old a temporary file left by a backup must be before it
// is taken for the remains of an interrupted one, not for a copy under way.
const staleTemp = time.Hour

// BackupInfo describes one automatic backup.
type BackupInfo struct {
	Path   string
	Taken  time.Time // local time, from the file's name
	Reason string    // ReasonDaily, ReasonRestore or « avant-migration-5-6 »
	Size   int64
	// Schema is the copy's schema version and People how many people it
	// holds; both 0 and -1 when the copy cannot be read.
	Schema int
	People int
}

// BackupDir is the folder of the automatic backups: beside the file, named
// after it, so that two databases in one folder keep theirs apart.
func (s *Store) BackupDir() string { return s.path + ".sauvegardes" }

// AutoBackup takes the day's backup when none was taken yet on the local
// calendar day of the store's clock, then keeps the last KeptBackups. It
// reports whether it made one. The remains of an interrupted backup are
// removed on the way.
//
// A team database has no file to copy: its server keeps its own backups,
// and « atelier backup -o FICHIER.db » takes one on the facilitator's
// machine.
func (s *Store) AutoBackup(ctx context.Context) (bool, error) {
	if s.team {
		return false, nil
	}
	// A restore interrupted by a crash leaves its staged copy beside the
	// file; the window's start is the next chance to remove it.
	sweepTemps(filepath.Dir(s.path), filepath.Base(s.path)+".restauration.", s.now())
	list, err := s.listBackups(false)
	if err != nil {
		return false, err
	}
	today := s.now().In(time.Local)
	for _, b := range list {
		if b.Reason == ReasonDaily && sameDay(b.Taken, today) {
			sweepTemps(s.BackupDir(), "", s.now())
			return false, nil
		}
	}
	if _, err := s.autoBackup(ctx, ReasonDaily); err != nil {
		return false, err
	}
	return true, nil
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// autoBackup copies the file into BackupDir under the time and reason,
// then prunes the oldest copies, never the one just made.
func (s *Store) autoBackup(ctx context.Context, reason string) (string, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", autoBackupFailed(dir, err)
	}
	// A folder made by hand, or by a umask, may be open to others.
	if err := os.Chmod(dir, 0o700); err != nil {
		return "", autoBackupFailed(dir, err)
	}
	sweepTemps(dir, "", s.now())
	stamp := s.now().In(time.Local).Format(backupLayout)
	path := filepath.Join(dir, stamp+"_"+reason+".db")
	// Two copies in the same second (a restore right after another) keep
	// both: the second is not the same content.
	for n := 2; exists(path); n++ {
		path = filepath.Join(dir, fmt.Sprintf("%s_%s_%d.db", stamp, reason, n))
	}
	if err := s.Backup(ctx, path); err != nil {
		return "", err
	}
	return path, s.prune(path)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func autoBackupFailed(dir string, err error) error {
	return explain(usererr.New("Impossible de préparer le dossier des sauvegardes «\u00a0%s\u00a0»", dir), err)
}

// prune removes the automatic backups beyond the KeptBackups most recent;
// keep, the copy just made, stays whatever the clock said.
func (s *Store) prune(keep string) error {
	list, err := s.listBackups(false)
	if err != nil {
		return err
	}
	kept := 1
	for _, b := range list {
		if b.Path == keep {
			continue
		}
		if kept < KeptBackups {
			kept++
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return usererr.Wrap(err, "Impossible de retirer l’ancienne sauvegarde «\u00a0%s\u00a0»\u00a0: supprimez-la vous-même, elle contient des données personnelles.", b.Path)
		}
	}
	return nil
}

// Backups lists the automatic backups, the most recent first, with the
// schema version and the number of people each holds.
func (s *Store) Backups() ([]BackupInfo, error) { return s.listBackups(true) }

func (s *Store) listBackups(look bool) ([]BackupInfo, error) {
	if s.team {
		return nil, nil
	}
	entries, err := os.ReadDir(s.BackupDir())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, usererr.Wrap(err, "Impossible de lire le dossier des sauvegardes «\u00a0%s\u00a0».", s.BackupDir())
	}
	var list []BackupInfo
	for _, e := range entries {
		b, ok := parseBackupName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		b.Path = filepath.Join(s.BackupDir(), e.Name())
		if fi, err := e.Info(); err == nil {
			b.Size = fi.Size()
		}
		b.Schema, b.People = 0, -1
		if look {
			b.Schema, b.People = peek(b.Path)
		}
		list = append(list, b)
	}
	slices.SortFunc(list, func(a, b BackupInfo) int {
		if c := b.Taken.Compare(a.Taken); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
	return list, nil
}

// parseBackupName reads « 2026-12-01_09h30m00_quotidienne.db » (or
// « …_quotidienne_2.db », the second of the same second).
func parseBackupName(name string) (BackupInfo, bool) {
	base, ok := strings.CutSuffix(name, ".db")
	if !ok || len(base) < len(backupLayout)+2 || base[len(backupLayout)] != '_' {
		return BackupInfo{}, false
	}
	taken, err := time.ParseInLocation(backupLayout, base[:len(backupLayout)], time.Local)
	if err != nil {
		return BackupInfo{}, false
	}
	reason, _, _ := strings.Cut(base[len(backupLayout)+1:], "_")
	if reason == "" {
		return BackupInfo{}, false
	}
	return BackupInfo{Taken: taken, Reason: reason}, true
}

// peek reads a backup's schema version and number of people without
// writing beside it: a backup is never written to after it is made.
func peek(path string) (schema, people int) {
	db, err := sql.Open("sqlite", dsn(path, "mode=ro&immutable=1"))
	if err != nil {
		return 0, -1
	}
	defer db.Close()
	if err := db.QueryRow("PRAGMA user_version").Scan(&schema); err != nil {
		return 0, -1
	}
	if err := db.QueryRow("SELECT count(*) FROM participants").Scan(&people); err != nil {
		return schema, -1
	}
	return schema, people
}

// sweepTemps removes, in dir, the temporary files of backups (« .NAME.*.tmp »
// with NAME starting with prefix) older than staleTemp: an interrupted
// backup leaves one, and it holds personal data. A failure is left for the
// next sweep.
func sweepTemps(dir, prefix string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(n, "."+prefix) || !strings.HasSuffix(n, ".tmp") {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(now.Add(-staleTemp)) {
			os.Remove(filepath.Join(dir, n))
		}
	}
}
