package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
		id, err = insertCohort(ctx, tx, c, time.Now())
		return err
	})
	if err != nil {
		return 0, wrapWrite("la cohorte", err)
	}
	return id, nil
}

// EnsureFirstCohort gives a new file something to show: when there is no
// cohort at all it creates one from plans, named for the season of its first
// session (« Cohorte automne 2026 »), with five weekly sessions starting on
// course.NextStart(now). It reports whether it created one.
func (s *Store) EnsureFirstCohort(ctx context.Context, plans []course.Plan, now time.Time) (created bool, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM cohorts)").Scan(&exists); err != nil {
			return err
		}
		if exists {
			return nil
		}
		first := course.NextStart(now, course.DefaultTimeZone)
		c, err := course.NewCohort(cohortName(first), plans, first, course.DefaultTimeZone)
		if err != nil {
			return err
		}
		if _, err := insertCohort(ctx, tx, c, now); err != nil {
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

// cohortName names a cohort for the season and year of its first session.
func cohortName(first time.Time) string {
	return fmt.Sprintf("Cohorte %s %d", season(first.Month()), first.Year())
}

// season is the French name of the (meteorological) season of month m.
func season(m time.Month) string {
	switch m {
	case time.December, time.January, time.February:
		return "hiver"
	case time.March, time.April, time.May:
		return "printemps"
	case time.June, time.July, time.August:
		return "été"
	default:
		return "automne"
	}
}

func insertCohort(ctx context.Context, tx *sql.Tx, c course.Cohort, now time.Time) (int64, error) {
	if err := checkNameFree(ctx, tx, c.Name, 0); err != nil {
		return 0, err
	}
	created := c.CreatedAt
	if created.IsZero() {
		created = now
	}
	res, err := tx.ExecContext(ctx,
		"INSERT INTO cohorts (name, time_zone, seat_limit, created_at) VALUES (?, ?, ?, ?)",
		c.Name, c.TimeZone, c.SeatLimit, created.Unix())
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := insertFacilitators(ctx, tx, id, c.Facilitators); err != nil {
		return 0, err
	}
	sessionStmt, err := tx.PrepareContext(ctx,
		"INSERT INTO sessions (cohort_id, number, title, starts_at) VALUES (?, ?, ?, ?)")
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
		res, err := sessionStmt.ExecContext(ctx, id, ses.Number, ses.Title, ses.StartsAt.Unix())
		if err != nil {
			return 0, err
		}
		sid, err := res.LastInsertId()
		if err != nil {
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
		"SELECT EXISTS (SELECT 1 FROM cohorts WHERE name = ? AND id <> ?)", name, except).Scan(&taken)
	if err != nil {
		return err
	}
	if taken {
		return duplicateName(name)
	}
	return nil
}

func insertFacilitators(ctx context.Context, tx *sql.Tx, cohortID int64, names []string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM cohort_facilitators WHERE cohort_id = ?", cohortID); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx,
		"INSERT INTO cohort_facilitators (cohort_id, position, name) VALUES (?, ?, ?)")
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
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
}

func insertBlocks(ctx context.Context, stmt *sql.Stmt, sessionID int64, blocks []agenda.Block) error {
	for i, b := range blocks {
		var fixed any // NULL: the block follows the one before
		if b.Fixed() {
			fixed = int64(b.FixedStart / time.Minute)
		}
		_, err := stmt.ExecContext(ctx, sessionID, i, b.Title, string(b.Kind), b.Minutes,
			b.Facilitator, b.Notes, b.Materials, fixed)
		if err != nil {
			return err
		}
	}
	return nil
}

// Cohorts lists every cohort, the one whose first session is latest first.
func (s *Store) Cohorts(ctx context.Context) ([]course.Summary, error) {
	var list []course.Summary
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.id, c.name, c.time_zone,
			(SELECT min(starts_at) FROM sessions WHERE cohort_id = c.id) AS first
			FROM cohorts c ORDER BY first DESC, c.id DESC`)
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
		var created int64
		err := tx.QueryRowContext(ctx,
			"SELECT id, name, time_zone, seat_limit, created_at FROM cohorts WHERE id = ?", id).
			Scan(&c.ID, &c.Name, &c.TimeZone, &c.SeatLimit, &created)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("La cohorte n° %d est introuvable ; elle a peut-être été supprimée.", id)
		}
		if err != nil {
			return err
		}
		loc := c.Location()
		c.CreatedAt = time.Unix(created, 0).In(loc)
		if c.Facilitators, err = loadFacilitators(ctx, tx, id); err != nil {
			return err
		}
		if c.Sessions, err = loadSessions(ctx, tx, id, loc); err != nil {
			return err
		}
		return loadBlocks(ctx, tx, id, c.Sessions)
	})
	if err != nil {
		return course.Cohort{}, wrapRead("la cohorte", err)
	}
	return c, nil
}

func loadFacilitators(ctx context.Context, tx *sql.Tx, cohortID int64) ([]string, error) {
	rows, err := tx.QueryContext(ctx,
		"SELECT name FROM cohort_facilitators WHERE cohort_id = ? ORDER BY position", cohortID)
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
		"SELECT id, number, title, starts_at FROM sessions WHERE cohort_id = ? ORDER BY number", cohortID)
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

// loadBlocks fills the sessions' blocks with one query for the cohort.
func loadBlocks(ctx context.Context, tx *sql.Tx, cohortID int64, sessions []course.Session) error {
	rows, err := tx.QueryContext(ctx, `SELECT b.session_id, b.id, b.title, b.kind, b.minutes,
			b.facilitator, b.notes, b.materials, coalesce(b.fixed_start, 0)
		FROM agenda_blocks b JOIN sessions s ON s.id = b.session_id
		WHERE s.cohort_id = ? ORDER BY s.number, b.position`, cohortID)
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
		if err := rows.Scan(&sid, &b.ID, &b.Title, &kind, &b.Minutes, &b.Facilitator, &b.Notes, &b.Materials, &fixed); err != nil {
			return err
		}
		b.Kind = agenda.Kind(kind)
		b.FixedStart = time.Duration(fixed) * time.Minute
		i := index[sid]
		sessions[i].Blocks = append(sessions[i].Blocks, b)
	}
	return rows.Err()
}

// ReplaceSessionBlocks replaces the agenda of one session. Nothing is
// written unless every block is valid.
func (s *Store) ReplaceSessionBlocks(ctx context.Context, sessionID int64, blocks []agenda.Block) error {
	if err := validateBlocks(blocks); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx,
			"SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?)", sessionID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return notFound("La séance n° %d est introuvable ; elle a peut-être été supprimée.", sessionID)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM agenda_blocks WHERE session_id = ?", sessionID); err != nil {
			return err
		}
		stmt, err := prepareBlockInsert(ctx, tx)
		if err != nil {
			return err
		}
		defer stmt.Close()
		return insertBlocks(ctx, stmt, sessionID, blocks)
	})
	return wrapWrite("l’agenda de la séance", err)
}

func validateBlocks(blocks []agenda.Block) error {
	for i, b := range blocks {
		if err := b.Validate(); err != nil {
			return invalid(err, "Bloc %d (« %s ») : %s", i+1, b.Title, err)
		}
	}
	return nil
}

// UpdateCohort saves a cohort's name, time zone, seat limit, facilitators
// and session start times. Agendas are saved with ReplaceSessionBlocks.
func (s *Store) UpdateCohort(ctx context.Context, c course.Cohort) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := checkNameFree(ctx, tx, c.Name, c.ID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx,
			"UPDATE cohorts SET name = ?, time_zone = ?, seat_limit = ? WHERE id = ?",
			c.Name, c.TimeZone, c.SeatLimit, c.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return notFound("La cohorte n° %d est introuvable ; elle a peut-être été supprimée.", c.ID)
		}
		if err := insertFacilitators(ctx, tx, c.ID, c.Facilitators); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx,
			"UPDATE sessions SET starts_at = ? WHERE cohort_id = ? AND number = ?")
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
				return notFound("La séance %d de la cohorte « %s » est introuvable.", ses.Number, c.Name)
			}
		}
		return nil
	})
	return wrapWrite("la cohorte", err)
}

// wrapWrite adds what was being saved to a database error; errors already
// written for a person pass through unchanged.
func wrapWrite(what string, err error) error {
	if err == nil || isForPerson(err) {
		return err
	}
	return fmt.Errorf("impossible d’enregistrer %s : %w", what, err)
}

// wrapRead is wrapWrite for loading.
func wrapRead(what string, err error) error {
	if err == nil || isForPerson(err) {
		return err
	}
	return fmt.Errorf("impossible de lire %s : %w", what, err)
}

// isForPerson reports whether err is already a sentence for the person
// using the app: a store error or a validation list.
func isForPerson(err error) bool {
	var ue *userError
	var vl usererr.List
	return errors.As(err, &ue) || errors.As(err, &vl)
}
