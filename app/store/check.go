package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteHeader starts every SQLite 3 database file.
const sqliteHeader = "SQLite format 3\x00"

// check decides, without writing to it, whether the existing file at path
// is one this version of Atelier may open. Opening the pool would already
// write (journal_mode=WAL rewrites the header), so the file's first bytes
// are read directly and its pragmas through a read-only connection.
func check(ctx context.Context, path string, latest int) error {
	head, size, err := readHead(path)
	if err != nil {
		return err
	}
	if size == 0 {
		return nil // an empty file is a new database to SQLite
	}
	if !bytes.HasPrefix(head, []byte(sqliteHeader)) {
		return refused(path, ErrNotDatabase, "")
	}

	db, err := sql.Open("sqlite", dsn(path, "mode=ro&_pragma=busy_timeout(5000)"))
	if err != nil {
		return openFailed(path, err)
	}
	defer db.Close()
	var version, appID, tables int
	err = db.QueryRowContext(ctx, `SELECT
		(SELECT user_version FROM pragma_user_version),
		(SELECT application_id FROM pragma_application_id),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&version, &appID, &tables)
	if err != nil {
		if isNotDatabase(err) {
			return refused(path, ErrNotDatabase, "")
		}
		return openFailed(path, err)
	}
	switch {
	case appID == ApplicationID && version > latest:
		return refused(path, ErrTooNew, fmt.Sprintf(
			"Ce fichier vient d’une version plus récente d’Atelier (schéma %d) ; mettez l’application à jour pour l’ouvrir. Le fichier n’a pas été modifié.", version))
	case appID == ApplicationID:
		return nil
	case appID == 0 && version == 0 && tables == 0:
		return nil // an empty SQLite file, e.g. made with the sqlite3 shell
	default:
		// Another program's mark, or someone else's tables.
		return refused(path, ErrForeign, "")
	}
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
		return nil, 0, refused(path, ErrNotDatabase, "")
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
func isNotDatabase(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return true
	}
	return false
}
