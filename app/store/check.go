package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"atelier/app/kit/usererr"
)

// sqliteHeader starts every SQLite 3 database file.
const sqliteHeader = "SQLite format 3\x00"

// check decides, without writing to it, whether the existing file at path
// is one this version of Atelier may open. Opening the pool would already
// write (journal_mode=WAL rewrites the header), so the file's first bytes
// are read directly and its pragmas through a read-only connection, which
// also runs quick_check: a damaged file is refused before anything writes
// to it. forReading is a read-only Store's check: the schema must then be
// this build's, and immutable says the file can only be read with
// immutable=1 (see readOnlyConn).
func check(ctx context.Context, path string, latest int, forReading bool) (immutable bool, err error) {
	// SQLite cannot remove what a read-only connection adds beside a WAL
	// file; a refused file is left with nothing new beside it.
	if !companionsExist(path) {
		defer func() {
			if err != nil {
				tidyCompanions(ctx, path)
			}
		}()
	}
	head, size, err := readHead(path)
	if err != nil {
		return false, err
	}
	if size == 0 {
		if forReading {
			return false, needsUpdate(path)
		}
		return false, nil // an empty file is a new database to SQLite
	}
	if !bytes.HasPrefix(head, []byte(sqliteHeader)) {
		return false, refused(path, ErrNotDatabase, nil)
	}

	db, immutable, err := readOnlyConn(ctx, path, forReading)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var version, appID, tables int
	err = db.QueryRowContext(ctx, `SELECT
		(SELECT user_version FROM pragma_user_version),
		(SELECT application_id FROM pragma_application_id),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&version, &appID, &tables)
	if err != nil {
		return false, unreadable(path, err)
	}
	switch {
	case appID == ApplicationID && version > latest:
		return false, refused(path, ErrTooNew, usererr.New(
			"Ce fichier vient d’une version plus récente d’Atelier (schéma %d)\u202f; mettez l’application à jour pour l’ouvrir. Le fichier n’a pas été modifié.", version))
	case appID == ApplicationID:
	case appID == 0 && version == 0 && tables == 0:
		// An empty SQLite file, e.g. made with the sqlite3 shell.
	default:
		// Another program's mark, or someone else's tables.
		return false, refused(path, ErrForeign, nil)
	}
	if err := quickCheck(ctx, db, path); err != nil {
		return false, err
	}
	if forReading && version < latest {
		return false, needsUpdate(path)
	}
	return immutable, nil
}

// readOnlyConn opens path for the check, read-only. In WAL mode SQLite
// must open the -shm index beside the file, creating it if needed; in a
// folder the person may not write to, with no -shm there, it cannot. For a
// read-only Store the file is then opened immutable=1: SQLite reads the
// main file alone, without locks. That is safe only when no WAL holds
// content the main file lacks (a -wal with frames would be ignored, its
// commits unseen) and nobody writes meanwhile, which a folder nobody can
// create a -wal or -journal in ensures; so it is used only when there is
// no non-empty -wal and the folder refuses a new file.
func readOnlyConn(ctx context.Context, path string, forReading bool) (*sql.DB, bool, error) {
	const params = "mode=ro&_pragma=busy_timeout(5000)"
	db, err := sql.Open("sqlite", dsn(path, params))
	if err != nil {
		return nil, false, openFailed(path, err)
	}
	err = db.PingContext(ctx)
	if err == nil {
		// Ping may not touch the file's pages: the first query does.
		_, err = db.ExecContext(ctx, "SELECT count(*) FROM sqlite_schema")
	}
	if err == nil || !forReading || !cannotOpenIndex(err) || walHasContent(path) || folderWritable(path) {
		if err != nil && !isNotDatabase(err) && !isCorrupt(err) {
			db.Close()
			return nil, false, openFailed(path, err)
		}
		return db, false, nil // a NOTADB or CORRUPT error is the check's to tell
	}
	db.Close()
	db, err = sql.Open("sqlite", dsn(path, params+"&immutable=1"))
	if err != nil {
		return nil, false, openFailed(path, err)
	}
	return db, true, nil
}

// quickCheck runs PRAGMA quick_check, which reads every page of the file
// (a few milliseconds for a course's data) and reports a damaged b-tree.
func quickCheck(ctx context.Context, db *sql.DB, path string) error {
	first, err := quickCheckResult(ctx, db)
	if err != nil {
		return unreadable(path, err)
	}
	if first != "ok" {
		return usererr.Wrap(fmt.Errorf("quick_check: %s", first), "Impossible d’ouvrir «\u00a0%s\u00a0». %s", path, ErrCorrupt).Of(ErrCorrupt)
	}
	return nil
}

// unreadable explains a failure of the check's read-only connection.
func unreadable(path string, err error) error {
	switch {
	case isNotDatabase(err):
		return refused(path, ErrNotDatabase, nil)
	case isCorrupt(err):
		return usererr.Wrap(err, "Impossible d’ouvrir «\u00a0%s\u00a0». %s", path, ErrCorrupt).Of(ErrCorrupt)
	}
	return openFailed(path, err)
}

// needsUpdate explains that a read-only Store cannot open an older file.
func needsUpdate(path string) error {
	return usererr.New("Impossible d’ouvrir «\u00a0%s\u00a0» en lecture seule\u00a0: ce fichier vient d’une version plus ancienne d’Atelier "+
		"et doit d’abord être mis à jour. Ouvrez-le une fois dans la fenêtre d’Atelier (ou avec une commande qui écrit, comme une importation), "+
		"puis recommencez. Le fichier n’a pas été modifié.", path).Of(ErrNeedsUpdate)
}

// readHead returns the first 100 bytes of the file (the SQLite header) and
// the file's size.
func readHead(path string) ([]byte, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, openFailed(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, openFailed(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, 0, refused(path, ErrNotDatabase, nil)
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, 0, openFailed(path, err)
	}
	return head[:n], fi.Size(), nil
}

// isNotDatabase reports whether SQLite found the file unreadable as a
// database even though it starts like one.
func isNotDatabase(err error) bool { return sqliteCode(err) == sqlite3.SQLITE_NOTADB }

// isCorrupt reports whether SQLite met a damaged page.
func isCorrupt(err error) bool { return sqliteCode(err) == sqlite3.SQLITE_CORRUPT }

// cannotOpenIndex reports whether SQLite could not open (or create) the
// WAL's -shm index: a read-only folder.
func cannotOpenIndex(err error) bool {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY:
		return true
	}
	return false
}

// sqliteCode is the primary result code of a SQLite error, 0 for others.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return 0
	}
	return se.Code() & 0xff
}

// companionsExist reports whether a -wal or -shm is beside path.
func companionsExist(path string) bool {
	for _, p := range []string{path + "-wal", path + "-shm"} {
		if _, err := os.Lstat(p); !errors.Is(err, os.ErrNotExist) {
			return true
		}
	}
	return false
}

// tidyCompanions removes the empty -wal and the -shm a read-only
// connection had to create beside a WAL file and cannot remove: it opens
// the file as a writer, reads one page and closes it, and SQLite then
// deletes them, but only if it is the last connection (it takes the
// exclusive lock to check) and there is nothing in the log to copy, so the
// main file's bytes do not change and nobody else's files go.
func tidyCompanions(ctx context.Context, path string) {
	if !companionsExist(path) {
		return
	}
	db, err := sql.Open("sqlite", dsn(path, "_pragma=busy_timeout(0)"))
	if err != nil {
		return
	}
	defer db.Close()
	db.ExecContext(ctx, "SELECT count(*) FROM sqlite_schema")
}

// walHasContent reports whether a -wal beside path holds frames (or
// cannot be looked at, which must count as holding some).
func walHasContent(path string) bool {
	fi, err := os.Stat(path + "-wal")
	if errors.Is(err, os.ErrNotExist) {
		return false
	}
	return err != nil || fi.Size() > 0
}

// folderWritable reports whether a new file can be made in path's folder,
// by making one and removing it at once.
func folderWritable(path string) bool {
	f, err := os.CreateTemp(filepath.Dir(path), ".atelier-check-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}
