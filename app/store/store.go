// Package store keeps Atelier's data in one SQLite file: cohorts with their
// dated sessions and agendas, participants, attendance and settings.
//
// It is the only package that speaks SQL. The schema lives in embedded,
// numbered migrations tracked with PRAGMA user_version; the file is marked
// as Atelier's with PRAGMA application_id, and Open refuses, without
// changing a byte, a file that is not SQLite, belongs to another program or
// comes from a newer Atelier. Every public method runs in one transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver

	"atelier/app/kit/usererr"
)

// createFailed explains why a new database file could not be made.
func createFailed(path string, err error) error {
	if usererr.Message(err) == usererr.Unexpected {
		return usererr.Wrap(err, "Impossible de créer la base de données «\u00a0%s\u00a0». Une erreur inattendue est survenue (détail dans le journal d’Atelier).", path)
	}
	return usererr.Wrap(err, "Impossible de créer la base de données «\u00a0%s\u00a0». %s", path, usererr.Reason(err))
}

// ApplicationID marks a SQLite file as Atelier's ("ATLR").
const ApplicationID = 0x41544C52

// dsnParams are set on every pooled connection. _txlock=immediate makes
// write transactions take the write lock at BEGIN, so two writers wait for
// each other under busy_timeout instead of failing at COMMIT.
// synchronous=FULL syncs the WAL at every commit: with NORMAL, a power cut
// can lose the last commits Atelier already reported as saved.
const dsnParams = "_pragma=foreign_keys(1)&_pragma=secure_delete(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(FULL)&_txlock=immediate"

// readOnlyParams are set on every connection of a read-only Store. mode=ro
// is SQLite's own refusal to write, whatever the file's permissions allow.
// query_only is not set: it would also refuse VACUUM INTO, and a backup of
// a file one may only read is what a read-only command is for. Nothing
// that writes is set either: no journal_mode, no secure_delete.
const readOnlyParams = "mode=ro&_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)"

// Store is an open Atelier file. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	path     string
	now      func() time.Time
	readOnly bool
	// tidy is a read-only Store that found no -wal or -shm beside the
	// file: Close removes those its connections made.
	tidy bool
	// team is a team database on PostgreSQL (openTeam); path is then its
	// name for messages, never a file, and dsn its address.
	team bool
	dsn  string
	// granted is false on a team database whose role may only read: the
	// Store is then read-only although nobody asked for it.
	granted bool
	// appName is what the team database's other users see of this
	// Atelier (Presence): « Atelier/<Options.Who> », encoded.
	appName string

	mu       sync.Mutex
	watchers []context.CancelFunc // Watch's goroutines, stopped by Close
}

// Options are how a Store is opened.
type Options struct {
	// Now is the clock of every time the store writes (registration,
	// creation and update times); nil means time.Now. The application
	// gives the store, the window and the command line one clock.
	Now func() time.Time
	// ReadOnly opens the file for reading only, for the commands that
	// only read it (exports, search): they then work on a file or in a
	// folder the person may not write to, and never change a byte. The
	// file must exist and have this build's schema (ErrMissing,
	// ErrNeedsUpdate); every write through the Store is refused with
	// ErrReadOnly.
	ReadOnly bool
	// MustExist refuses, with ErrMissing, a path where there is no file,
	// instead of creating one there: a mistyped --db must not start an
	// empty database.
	MustExist bool
	// Who is the facilitator's name as the team sees it in « qui est
	// là » (Presence); empty: just « Atelier ».
	Who string
}

// Open opens the Atelier file at path, creating it (and its folder) when it
// does not exist, brings its schema up to date and finishes an erasure left
// pending. A file that is not one Atelier can use is refused with
// ErrNotFile, ErrNotDatabase, ErrCorrupt, ErrForeign or ErrTooNew and left
// exactly as it was.
//
// A path that is a postgres:// address (IsTeam) opens a team database on
// PostgreSQL instead, with the same methods.
func Open(path string, opt Options) (*Store, error) {
	ctx := context.Background()
	if IsTeam(path) {
		return openTeam(ctx, path, opt)
	}
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, openFailed(path, err)
	}
	latest, err := latestVersion()
	if err != nil {
		return nil, err
	}
	exists, err := regularFile(abs)
	if err != nil {
		return nil, err
	}
	if !exists && (opt.MustExist || opt.ReadOnly) {
		return nil, missing(abs)
	}
	if opt.ReadOnly {
		return openReadOnly(ctx, abs, latest, now)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, openFailed(abs, err)
	}
	created, err := createIfMissing(abs)
	if err != nil {
		return nil, err
	}
	if !created {
		if _, err := check(ctx, abs, latest, false); err != nil {
			return nil, err
		}
		// Only once the file is known to be ours: it holds personal data.
		if err := tighten(abs); err != nil {
			return nil, err
		}
	}

	db, err := sql.Open("sqlite", dsn(abs, dsnParams))
	if err != nil {
		return nil, openFailed(abs, err)
	}
	s := &Store{db: db, path: abs, now: now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		if created {
			// Leave no half-made file behind that nobody asked to keep.
			for _, p := range []string{abs, abs + "-wal", abs + "-shm"} {
				os.Remove(p)
			}
		}
		return nil, err
	}
	if !created {
		// Still pending (another reader is there) is no reason not to
		// open: the mark stays for the next time, ErasurePending tells.
		if pending, err := s.ErasurePending(ctx); err == nil && pending {
			s.finishErasure(ctx, openFinishAttempts)
		}
	}
	return s, nil
}

// openReadOnly opens an existing file without writing to it, not even
// the -wal and -shm SQLite may need beside it.
func openReadOnly(ctx context.Context, abs string, latest int, now func() time.Time) (*Store, error) {
	tidy := !companionsExist(abs)
	immutable, err := check(ctx, abs, latest, true)
	if err != nil {
		return nil, err
	}
	params := readOnlyParams
	if immutable {
		params += "&immutable=1"
	}
	db, err := sql.Open("sqlite", dsn(abs, params))
	if err != nil {
		return nil, openFailed(abs, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, openFailed(abs, err)
	}
	return &Store{db: db, path: abs, now: now, readOnly: true, tidy: tidy && !immutable}, nil
}

// regularFile reports whether a file is at path, refusing at once what is
// there but is no file: os.Open would hang on a named pipe until someone
// writes to it, and SQLite has nothing to do with a folder or a device.
func regularFile(path string) (bool, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, openFailed(path, err)
	}
	if !fi.Mode().IsRegular() {
		return false, notAFile(path, fi.Mode())
	}
	return true, nil
}

// ReadOnly reports whether the Store refuses writes: opened with
// Options.ReadOnly, or a team database whose role may only read.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Team reports whether the Store is a team database on PostgreSQL: there
// is no file, so no backups, restore or recovery of one.
func (s *Store) Team() bool { return s.team }

// Granted reports whether the role may write to the team database;
// always true for a file.
func (s *Store) Granted() bool { return !s.team || s.granted }

// Close closes the file. Pending WAL content is folded into the main file.
func (s *Store) Close() error {
	s.mu.Lock()
	for _, stop := range s.watchers {
		stop()
	}
	s.watchers = nil
	s.mu.Unlock()
	err := s.db.Close()
	if s.tidy {
		tidyCompanions(context.Background(), s.path)
	}
	return err
}

// Path is the absolute path of the file; on a team database, its name for
// messages (« base sur hôte »), never its password.
func (s *Store) Path() string { return s.path }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// dsn builds a SQLite URI for path. The path is percent-encoded, so '?',
// '#', '%' and spaces in folder names reach SQLite intact.
func dsn(path, params string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: params}
	return u.String()
}

// createIfMissing creates an empty file readable by its owner only. SQLite
// would otherwise create it with the umask's permissions.
func createIfMissing(path string) (bool, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, createFailed(path, err)
	}
	if err := f.Close(); err != nil {
		return false, createFailed(path, err)
	}
	return true, nil
}

// tighten removes group and other access from the file and its WAL
// companions: they hold activists' personal data.
func tighten(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if errors.Is(err, os.ErrNotExist) && p != path {
			continue
		}
		if err != nil {
			return openFailed(p, err)
		}
		if fi.Mode().Perm()&0o077 == 0 {
			continue
		}
		if err := os.Chmod(p, 0o600); err != nil {
			return usererr.Wrap(err, "Impossible de réserver «\u00a0%s\u00a0» à son propriétaire (il contient des données personnelles)\u00a0: "+
				"Atelier n’a pas le droit d’en changer les droits. Déplacez-le dans un dossier à vous, puis rouvrez-le.", p)
		}
	}
	return nil
}

// read runs fn in a read transaction: a deferred BEGIN that does not take
// the write lock.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.inTx(ctx, &sql.TxOptions{ReadOnly: true}, fn)
}

// write runs fn in a write transaction (BEGIN IMMEDIATE through _txlock)
// and commits only if fn succeeds.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.team && !s.granted && s.readOnly {
		return errRoleReadOnly
	}
	if s.readOnly {
		return errOpenedReadOnly
	}
	return s.inTx(ctx, nil, fn)
}

func (s *Store) inTx(ctx context.Context, opts *sql.TxOptions, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Owns reports whether path is the open file or one of its SQLite
// companions (-wal, -shm, -journal), under any name: through a symbolic
// link, a hard link or a relative path. Writing an export, a backup or a
// document there would destroy the database; the application refuses such
// a destination with this.
func (s *Store) Owns(path string) bool {
	if s.team {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	own := []string{s.path, s.path + "-wal", s.path + "-shm", s.path + "-journal"}
	if slices.Contains(own, abs) {
		return true
	}
	// Under another name (a link, a relative path through another
	// folder): found by the file it leads to.
	target, err := os.Stat(abs)
	if err != nil {
		return false
	}
	for _, p := range own {
		if fi, err := os.Stat(p); err == nil && os.SameFile(fi, target) {
			return true
		}
	}
	return false
}
