package store

import (
	"context"
	"database/sql"
	"strings"

	"atelier/app/domain/library"
)

// Revised is what ReviseCatalogue did.
type Revised struct {
	Corrected int // entries rewritten from their revision
	Withdrawn int // entries removed: withdrawn, or corrected into one already there
	Kept      int // entries the facilitators had changed or use, left as they are
}

// ReviseCatalogue corrects the catalogue entries an earlier version of
// Atelier seeded, in one transaction. An entry is corrected only while it
// still says what was shipped (library.SameFacts with the revision's Old):
// one the facilitators edited is theirs and stays as it is. What the team
// added to an entry (favourite, attached file, ties to sessions) is kept
// through the correction. A withdrawn entry is removed unless the team
// uses it (favourite, file, ties), in which case it stays. Run before
// SeedLibrary, so that a corrected entry is not seeded a second time.
func (s *Store) ReviseCatalogue(ctx context.Context, revs []library.Revision) (Revised, error) {
	var done Revised
	if len(revs) == 0 {
		return done, nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		done = Revised{}
		for _, rev := range revs {
			if err := reviseOne(ctx, tx, rev, &done); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Revised{}, wrapWrite("la correction du catalogue", err)
	}
	return done, nil
}

func reviseOne(ctx context.Context, tx *sql.Tx, rev library.Revision, done *Revised) error {
	old := normalise(rev.Old)
	list, err := queryResources(ctx, tx, resourceSelect+" FROM resources r WHERE r.title = ? AND r.source = ? AND r.custom = 0", old.Title, old.Source)
	if err != nil || len(list) == 0 {
		return err
	}
	cur := list[0]
	if !library.SameFacts(cur, old) {
		done.Kept++
		return nil
	}
	if rev.New == nil {
		used, err := inUse(ctx, tx, cur)
		if err != nil {
			return err
		}
		if used {
			done.Kept++
			return nil
		}
		done.Withdrawn++
		_, err = deleteResource(ctx, tx, cur.ID)
		return err
	}
	next := normalise(*rev.New)
	if _, err := tx.ExecContext(ctx, "INSERT INTO resource_catalogue (title, source) VALUES (?, ?) ON CONFLICT DO NOTHING", next.Title, next.Source); err != nil {
		return err
	}
	var other int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM resources WHERE title = ? AND source = ? AND id <> ?", next.Title, next.Source, cur.ID).Scan(&other)
	switch {
	case err == sql.ErrNoRows:
		next.ID, next.Favourite, next.FilePath = cur.ID, cur.Favourite, cur.FilePath
		if _, err := tx.ExecContext(ctx, `UPDATE resources SET title = ?, original_title = ?, source = ?, author = ?,
				language = ?, has_french = ?, url = ?, summary = ?, tags = ? WHERE id = ?`,
			next.Title, next.OriginalTitle, next.Source, next.Author, next.Language, next.HasFrench, next.URL,
			next.Summary, strings.Join(next.Tags, "\n"), cur.ID); err != nil {
			return err
		}
		if err := writeSessions(ctx, tx, cur.ID, next.Sessions); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, indexSQL, ftsArgs(cur.ID, next)...); err != nil {
			return err
		}
		done.Corrected++
		return nil
	case err != nil:
		return err
	}
	// The corrected entry is already there (seeded by a newer version, or
	// written by the team): the old one's additions move onto it.
	if _, err := tx.ExecContext(ctx, `UPDATE resources SET favourite = max(favourite, ?),
			file_path = CASE WHEN file_path = '' THEN ? ELSE file_path END WHERE id = ?`, cur.Favourite, cur.FilePath, other); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE OR IGNORE resource_links SET resource_id = ? WHERE resource_id = ?", other, cur.ID); err != nil {
		return err
	}
	done.Withdrawn++
	_, err = deleteResource(ctx, tx, cur.ID)
	return err
}

// inUse reports whether the team made an entry theirs: a favourite, a file
// attached, or a tie to one of their sessions.
func inUse(ctx context.Context, tx *sql.Tx, r library.Resource) (bool, error) {
	if r.Favourite || r.FilePath != "" {
		return true, nil
	}
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM resource_links WHERE resource_id = ?", r.ID).Scan(&n)
	return n > 0, err
}

// deleteResource removes an entry and its index row, and reports whether
// there was one; its sessions and ties go with it (ON DELETE CASCADE).
func deleteResource(ctx context.Context, tx *sql.Tx, id int64) (bool, error) {
	res, err := tx.ExecContext(ctx, "DELETE FROM resources WHERE id = ?", id)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM resources_fts WHERE rowid = ?", id)
	return true, err
}
