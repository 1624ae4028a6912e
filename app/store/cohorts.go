package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/kit/usererr"
)

// CreateCohort validates c and saves it with its facilitators, sessions and
// their agendas. It returns the new cohort's ID.
func (s *Store) CreateCohort(ctx context.Context, c course.Cohort) (int64, error) {
	if err := c.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = insertCohort(ctx, tx, c, s.now())
		return err
	})
	if err != nil {
		return 0, wrapWrite("la cohorte", err)
	}
	return id, nil
}

// CreateCohortIfNone saves c when the file holds no cohort at all (a
// first start), in one transaction, so that two windows starting at once
// make one. It reports whether it created it.
func (s *Store) CreateCohortIfNone(ctx context.Context, c course.Cohort) (created bool, err error) {
	if err := c.Validate(); err != nil {
		return false, err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM cohorts)").Scan(&exists); err != nil {
			return err
		}
		if exists {
			return nil
		}
		if _, err := insertCohort(ctx, tx, c, s.now()); err != nil {
			return err
		}
		created = true
		return nil
	})
	if err != nil {
		return false, wrapWrite("la première cohorte", err)
	}
	return created, nil
}

func insertCohort(ctx context.Context, tx *sql.Tx, c course.Cohort, now time.Time) (int64, error) {
	if err := checkNameFree(ctx, tx, c.Name, 0); err != nil {
		return 0, err
	}
	created := c.CreatedAt
	if created.IsZero() {
		created = now
	}
	// RETURNING rather than LastInsertId, which pgx does not give: one
	// text for both engines.
	var id int64
	err := tx.QueryRowContext(ctx,
		"INSERT INTO cohorts (name, time_zone, seat_limit, certificate_min, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
		c.Name, c.TimeZone, c.SeatLimit, c.CertificateMin, created.Unix()).Scan(&id)
	if err != nil {
		return 0, err
	}
	if err := insertFacilitators(ctx, tx, id, c.Facilitators); err != nil {
		return 0, err
	}
	sessionStmt, err := tx.PrepareContext(ctx,
		"INSERT INTO sessions (cohort_id, number, title, starts_at) VALUES ($1, $2, $3, $4) RETURNING id")
	if err != nil {
		return 0, err
	}
	defer sessionStmt.Close()
	blockStmt, err := prepareBlockInsert(ctx, tx)
	if err != nil {
		return 0, err
	}
	defer blockStmt.Close()
	for _, ses := range c.Sessions {
		var sid int64
		if err := sessionStmt.QueryRowContext(ctx, id, ses.Number, ses.Title, ses.StartsAt.Unix()).Scan(&sid); err != nil {
			return 0, err
		}
		if err := insertBlocks(ctx, blockStmt, sid, ses.Blocks); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// checkNameFree gives a readable error before the UNIQUE constraint would
// give an unreadable one. except is the cohort being renamed.
func checkNameFree(ctx context.Context, tx *sql.Tx, name string, except int64) error {
	var taken bool
	err := tx.QueryRowContext(ctx,
		"SELECT EXISTS (SELECT 1 FROM cohorts WHERE name = $1 AND id <> $2)", name, except).Scan(&taken)
	if err != nil {
		return err
	}
	if taken {
		return duplicateName(name)
	}
	return nil
}

func insertFacilitators(ctx context.Context, tx *sql.Tx, cohortID int64, names []string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM cohort_facilitators WHERE cohort_id = $1", cohortID); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx,
		"INSERT INTO cohort_facilitators (cohort_id, position, name) VALUES ($1, $2, $3)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, name := range names {
		if _, err := stmt.ExecContext(ctx, cohortID, i, strings.TrimSpace(name)); err != nil {
			return err
		}
	}
	return nil
}

func prepareBlockInsert(ctx context.Context, tx *sql.Tx) (*sql.Stmt, error) {
	return tx.PrepareContext(ctx, `INSERT INTO agenda_blocks
		(session_id, position, title, kind, minutes, facilitator, notes, materials, fixed_start)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`)
}

func insertBlocks(ctx context.Context, stmt *sql.Stmt, sessionID int64, blocks []agenda.Block) error {
	for i, b := range blocks {
		if _, err := insertBlock(ctx, stmt, sessionID, i, b); err != nil {
			return err
		}
	}
	return nil
}

func insertBlock(ctx context.Context, stmt *sql.Stmt, sessionID int64, position int, b agenda.Block) (int64, error) {
	var id int64
	err := stmt.QueryRowContext(ctx, sessionID, position, b.Title, string(b.Kind), b.Minutes,
		b.Facilitator, b.Notes, b.Materials, fixedStart(b)).Scan(&id)
	return id, err
}

// fixedStart is the stored fixed_start of b: NULL when the block follows
// the one before it.
func fixedStart(b agenda.Block) any {
	if b.Fixed() {
		return int64(b.FixedStart / time.Minute)
	}
	return nil
}

// Cohorts lists every cohort, the one whose first session is latest first.
func (s *Store) Cohorts(ctx context.Context) ([]course.Summary, error) {
	var list []course.Summary
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.id, c.name, c.time_zone,
			(SELECT min(starts_at) FROM sessions WHERE cohort_id = c.id) AS first
			FROM cohorts c ORDER BY first DESC NULLS LAST, c.id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		zones := map[string]*time.Location{}
		for rows.Next() {
			var sum course.Summary
			var tz string
			var first sql.NullInt64
			if err := rows.Scan(&sum.ID, &sum.Name, &tz, &first); err != nil {
				return err
			}
			if first.Valid {
				loc, ok := zones[tz]
				if !ok {
					loc = course.Cohort{TimeZone: tz}.Location()
					zones[tz] = loc
				}
				sum.FirstDate = time.Unix(first.Int64, 0).In(loc)
			}
			list = append(list, sum)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, wrapRead("la liste des cohortes", err)
	}
	return list, nil
}

// Cohort loads one cohort with its sessions in order, their start times in
// the cohort's time zone, and each session's blocks in agenda order.
func (s *Store) Cohort(ctx context.Context, id int64) (course.Cohort, error) {
	var c course.Cohort
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = loadCohort(ctx, tx, id)
		return err
	})
	if err != nil {
		return course.Cohort{}, wrapRead("la cohorte", err)
	}
	return c, nil
}

// loadCohort reads cohort id with its team, sessions and agendas.
func loadCohort(ctx context.Context, tx *sql.Tx, id int64) (course.Cohort, error) {
	var c course.Cohort
	var created int64
	err := tx.QueryRowContext(ctx,
		"SELECT id, name, time_zone, seat_limit, certificate_min, created_at, version FROM cohorts WHERE id = $1", id).
		Scan(&c.ID, &c.Name, &c.TimeZone, &c.SeatLimit, &c.CertificateMin, &created, &c.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return c, cohortNotFound(id)
	}
	if err != nil {
		return c, err
	}
	loc := c.Location()
	c.CreatedAt = time.Unix(created, 0).In(loc)
	if c.Facilitators, err = loadFacilitators(ctx, tx, id); err != nil {
		return c, err
	}
	if c.Sessions, err = loadSessions(ctx, tx, id, loc); err != nil {
		return c, err
	}
	return c, loadBlocks(ctx, tx, id, c.Sessions)
}

func cohortNotFound(id int64) error {
	return notFound("La cohorte n°\u00a0%d est introuvable\u202f; elle a peut-être été supprimée.", id)
}

func loadFacilitators(ctx context.Context, tx *sql.Tx, cohortID int64) ([]string, error) {
	rows, err := tx.QueryContext(ctx,
		"SELECT name FROM cohort_facilitators WHERE cohort_id = $1 ORDER BY position", cohortID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

func loadSessions(ctx context.Context, tx *sql.Tx, cohortID int64, loc *time.Location) ([]course.Session, error) {
	rows, err := tx.QueryContext(ctx,
		"SELECT id, number, title, starts_at FROM sessions WHERE cohort_id = $1 ORDER BY number", cohortID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sessions := make([]course.Session, 0, course.SessionCount)
	for rows.Next() {
		var ses course.Session
		var starts int64
		if err := rows.Scan(&ses.ID, &ses.Number, &ses.Title, &starts); err != nil {
			return nil, err
		}
		ses.StartsAt = time.Unix(starts, 0).In(loc)
		sessions = append(sessions, ses)
	}
	return sessions, rows.Err()
}

// loadBlocks fills the sessions' blocks with one query for the cohort;
// sessions may be some of the cohort's only.
func loadBlocks(ctx context.Context, tx *sql.Tx, cohortID int64, sessions []course.Session) error {
	rows, err := tx.QueryContext(ctx, `SELECT b.session_id, b.id, b.title, b.kind, b.minutes,
			b.facilitator, b.notes, b.materials, coalesce(b.fixed_start, 0), b.version
		FROM agenda_blocks b JOIN sessions s ON s.id = b.session_id
		WHERE s.cohort_id = $1 ORDER BY s.number, b.position`, cohortID)
	if err != nil {
		return err
	}
	defer rows.Close()
	index := make(map[int64]int, len(sessions))
	for i, ses := range sessions {
		index[ses.ID] = i
	}
	for rows.Next() {
		var sid int64
		var b agenda.Block
		var kind string
		var fixed int64
		if err := rows.Scan(&sid, &b.ID, &b.Title, &kind, &b.Minutes, &b.Facilitator, &b.Notes, &b.Materials, &fixed, &b.Version); err != nil {
			return err
		}
		b.Kind = agenda.Kind(kind)
		b.FixedStart = time.Duration(fixed) * time.Minute
		i, ok := index[sid]
		if !ok {
			continue
		}
		sessions[i].Blocks = append(sessions[i].Blocks, b)
	}
	return rows.Err()
}

// SaveSessionBlocks makes blocks the agenda of one session and returns
// them with their ids. A block keeps its id, and what is tied to it, across
// edits and moves: a block with the id of one of the session's blocks is
// updated in place; a block without one (or repeating an id already seen,
// a copy) is added; the session's blocks left out are removed, and the
// resources tied to them go with them. Nothing is written unless every
// block is valid.
//
// Each block kept must carry the version it was read with: when another
// person saved the agenda since (which bumps every block it kept), or
// removed a block this list still has, nothing is written and the error is
// a *ConflictError (ErrConflict) with the agenda as saved now. The blocks
// returned carry their new versions, for the next save.
func (s *Store) SaveSessionBlocks(ctx context.Context, sessionID int64, blocks []agenda.Block) ([]agenda.Block, error) {
	if err := validateBlocks(blocks); err != nil {
		return nil, err
	}
	out := append([]agenda.Block(nil), blocks...)
	err := s.write(ctx, func(tx *sql.Tx) error {
		existing, err := blockIDs(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		// Positions are unique within a session: the blocks already there
		// step aside (to negative places) before taking their new ones.
		if _, err := tx.ExecContext(ctx, "UPDATE agenda_blocks SET position = -1 - position WHERE session_id = $1", sessionID); err != nil {
			return err
		}
		// The step aside above leaves versions alone: every block kept is
		// updated again below, where its version is checked and bumped.
		update, err := tx.PrepareContext(ctx, `UPDATE agenda_blocks SET position = $1, title = $2, kind = $3,
			minutes = $4, facilitator = $5, notes = $6, materials = $7, fixed_start = $8, version = version + 1
			WHERE id = $9 AND version = $10`)
		if err != nil {
			return err
		}
		defer update.Close()
		insert, err := prepareBlockInsert(ctx, tx)
		if err != nil {
			return err
		}
		defer insert.Close()
		seen := map[int64]bool{}
		for i := range out {
			b := &out[i]
			gone := false
			if b.ID != 0 && b.Version != 0 && !existing[b.ID] && !seen[b.ID] {
				if gone, err = blockGone(ctx, tx, b.ID); err != nil {
					return err
				}
			}
			switch {
			case existing[b.ID] && !seen[b.ID]:
				res, err := update.ExecContext(ctx, i, b.Title, string(b.Kind), b.Minutes, b.Facilitator, b.Notes, b.Materials, fixedStart(*b), b.ID, b.Version)
				if err != nil {
					return err
				}
				// No row: another save changed the block after it was
				// read (or, on a team database, removed it since
				// blockIDs read the list).
				if n, err := res.RowsAffected(); err != nil {
					return err
				} else if n == 0 {
					return errAgendaStale
				}
				b.Version++
			case gone:
				// A block read with a version and now gone: the other
				// person removed it. (One of another session's blocks is
				// a copy, added below.)
				return errAgendaStale
			default:
				if b.ID, err = insertBlock(ctx, insert, sessionID, i, *b); err != nil {
					return err
				}
				b.Version = 1 // the column's default
			}
			seen[b.ID] = true
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM agenda_blocks WHERE session_id = $1 AND position < 0", sessionID)
		return err
	})
	if errors.Is(err, errAgendaStale) {
		// Read once rolled back: inside, the blocks stood aside at
		// negative places, some already rewritten.
		err = s.read(ctx, func(tx *sql.Tx) error { return agendaConflict(ctx, tx, sessionID) })
	}
	if err != nil {
		return nil, wrapWrite("l’agenda de la séance", err)
	}
	return out, nil
}

// errAgendaStale stops a save of an agenda that someone else changed since
// it was read; SaveSessionBlocks turns it into a *ConflictError.
var errAgendaStale = errors.New("agenda saved by someone else since it was read")

// blockGone reports whether no session has block id any more.
func blockGone(ctx context.Context, tx *sql.Tx, id int64) (bool, error) {
	var exists bool
	err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM agenda_blocks WHERE id = $1)", id).Scan(&exists)
	return !exists, err
}

// blockIDs reads the ids of a session's blocks, and checks the session.
func blockIDs(ctx context.Context, tx *sql.Tx, sessionID int64) (map[int64]bool, error) {
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = $1)", sessionID).Scan(&exists); err != nil {
		return nil, err
	}
	if !exists {
		return nil, notFound("La séance n°\u00a0%d est introuvable\u202f; elle a peut-être été supprimée.", sessionID)
	}
	rows, err := tx.QueryContext(ctx, "SELECT id FROM agenda_blocks WHERE session_id = $1", sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids[id] = true
	}
	return ids, rows.Err()
}

func validateBlocks(blocks []agenda.Block) error {
	for i, b := range blocks {
		if err := b.Validate(); err != nil {
			return usererr.New("Bloc %d («\u00a0%s\u00a0»)\u00a0: %s", i+1, b.Title, err)
		}
	}
	return nil
}

// cohortStale explains an update of cohort id that changed no row: gone, or
// saved by someone else since it was read.
func cohortStale(ctx context.Context, tx *sql.Tx, id int64) error {
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM cohorts WHERE id = $1)", id).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		return cohortNotFound(id)
	}
	return cohortConflict(ctx, tx, id)
}

// updateCohort saves a cohort's name, time zone, seat limit, certificate
// minimum, facilitators and session start times; agendas are saved with
// SaveSessionBlocks. c.Version must be the version it was read with: a
// cohort saved by someone else since is a *ConflictError (ErrConflict).
// The seat limit is a rule's business (a roster may not hold more seats
// than it has): only Roster.SaveCohort calls this.
func updateCohort(ctx context.Context, tx *sql.Tx, c course.Cohort) error {
	if err := checkNameFree(ctx, tx, c.Name, c.ID); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx,
		`UPDATE cohorts SET name = $1, time_zone = $2, seat_limit = $3, certificate_min = $4, version = version + 1
		WHERE id = $5 AND version = $6`,
		c.Name, c.TimeZone, c.SeatLimit, c.CertificateMin, c.ID, c.Version)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return cohortStale(ctx, tx, c.ID)
	}
	if err := insertFacilitators(ctx, tx, c.ID, c.Facilitators); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx,
		"UPDATE sessions SET starts_at = $1 WHERE cohort_id = $2 AND number = $3")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, ses := range c.Sessions {
		res, err := stmt.ExecContext(ctx, ses.StartsAt.Unix(), c.ID, ses.Number)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return notFound("La séance %d de la cohorte «\u00a0%s\u00a0» est introuvable.", ses.Number, c.Name)
		}
	}
	return nil
}
