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
			if err := s.reviseOne(ctx, tx, rev, &done); err != nil {
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

func (s *Store) reviseOne(ctx context.Context, tx *sql.Tx, rev library.Revision, done *Revised) error {
	old := normalise(rev.Old)
	list, err := queryResources(ctx, tx, resourceSelect+" FROM resources r WHERE r.title = $1 AND r.source = $2 AND NOT r.custom", old.Title, old.Source)
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
		_, err = s.deleteResource(ctx, tx, cur.ID)
		return err
	}
	next := normalise(*rev.New)
	if _, err := tx.ExecContext(ctx, "INSERT INTO resource_catalogue (title, source) VALUES ($1, $2) ON CONFLICT DO NOTHING", next.Title, next.Source); err != nil {
		return err
	}
	var other int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM resources WHERE title = $1 AND source = $2 AND id <> $3", next.Title, next.Source, cur.ID).Scan(&other)
	switch {
	case err == sql.ErrNoRows:
		next.ID, next.Favourite, next.FilePath = cur.ID, cur.Favourite, cur.FilePath
		if _, err := tx.ExecContext(ctx, `UPDATE resources SET title = $1, original_title = $2, source = $3, author = $4,
				language = $5, has_french = $6, url = $7, summary = $8, tags = $9 WHERE id = $10`,
			next.Title, next.OriginalTitle, next.Source, next.Author, next.Language, next.HasFrench, next.URL,
			next.Summary, strings.Join(next.Tags, "\n"), cur.ID); err != nil {
			return err
		}
		if err := writeSessions(ctx, tx, cur.ID, next.Sessions); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.indexSQL(), ftsArgs(cur.ID, next)...); err != nil {
			return err
		}
		done.Corrected++
		return nil
	case err != nil:
		return err
	}
	// The corrected entry is already there (seeded by a newer version, or
	// written by the team): the old one's additions move onto it.
	if _, err := tx.ExecContext(ctx, `UPDATE resources SET favourite = favourite OR $1,
			file_path = CASE WHEN file_path = '' THEN $2 ELSE file_path END WHERE id = $3`, cur.Favourite, cur.FilePath, other); err != nil {
		return err
	}
	// The ties the corrected entry does not have yet move onto it; those
	// it has go with the old entry (ON DELETE CASCADE). SQLite's UPDATE OR
	// IGNORE said that in three words, PostgreSQL has no such thing.
	if _, err := tx.ExecContext(ctx, `UPDATE resource_links SET resource_id = $1
		WHERE resource_id = $2 AND NOT EXISTS (SELECT 1 FROM resource_links o
			WHERE o.resource_id = $1 AND o.session_id = resource_links.session_id
			AND coalesce(o.block_id, 0) = coalesce(resource_links.block_id, 0))`, other, cur.ID); err != nil {
		return err
	}
	done.Withdrawn++
	_, err = s.deleteResource(ctx, tx, cur.ID)
	return err
}

// inUse reports whether the team made an entry theirs: a favourite, a file
// attached, or a tie to one of their sessions.
func inUse(ctx context.Context, tx *sql.Tx, r library.Resource) (bool, error) {
	if r.Favourite || r.FilePath != "" {
		return true, nil
	}
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM resource_links WHERE resource_id = $1", r.ID).Scan(&n)
	return n > 0, err
}

// deleteResource removes an entry and its index row, and reports whether
// there was one; its sessions and ties go with it (ON DELETE CASCADE), and
// on PostgreSQL its search row too, which SQLite's virtual table cannot.
func (s *Store) deleteResource(ctx context.Context, tx *sql.Tx, id int64) (bool, error) {
	res, err := tx.ExecContext(ctx, "DELETE FROM resources WHERE id = $1", id)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	if s.team {
		return true, nil
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM resources_fts WHERE rowid = $1", id)
	return true, err
}
