package store

import (
	"context"
	"database/sql"
	"time"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

// AddParticipants registers people in a cohort and returns their IDs in
// the same order. Either all are saved or none: the first invalid person
// stops everything and the error says which one it is. A zero RegisteredAt
// is taken as now.
func (s *Store) AddParticipants(ctx context.Context, cohortID int64, ps []participants.Participant) ([]int64, error) {
	for i, p := range ps {
		if err := p.Validate(); err != nil {
			return nil, usererr.New("Personne n°\u00a0%d («\u00a0%s\u00a0»)\u00a0: %s", i+1, p.Name, err)
		}
	}
	ids := make([]int64, len(ps))
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := cohortExists(ctx, tx, cohortID); err != nil {
			return err
		}
		stmt, err := prepareParticipantInsert(ctx, tx)
		if err != nil {
			return err
		}
		defer stmt.Close()
		now := s.now()
		for i, p := range ps {
			if ids[i], err = insertParticipant(ctx, stmt, cohortID, p, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, wrapWrite("les personnes inscrites", err)
	}
	return ids, nil
}

// Participants lists a cohort's people in order of registration.
func (s *Store) Participants(ctx context.Context, cohortID int64) ([]participants.Participant, error) {
	var list []participants.Participant
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = cohortPeople(ctx, tx, cohortID)
		return err
	})
	if err != nil {
		return nil, wrapRead("les personnes inscrites", err)
	}
	return list, nil
}

// cohortPeople reads a cohort's people in order of registration. Counting
// them first sizes the list: grown by append, a list of 10,000 people
// allocates five times its size.
func cohortPeople(ctx context.Context, tx *sql.Tx, cohortID int64) ([]participants.Participant, error) {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM participants WHERE cohort_id = ?", cohortID).Scan(&n); err != nil {
		return nil, err
	}
	return queryPeople(ctx, tx, n, "WHERE cohort_id = ? ORDER BY registered_at, id", cohortID)
}

// queryPeople reads the participants that where (a WHERE clause, with
// ORDER BY if wanted) selects; size is how many are expected.
func queryPeople(ctx context.Context, tx *sql.Tx, size int, where string, args ...any) ([]participants.Participant, error) {
	// Optional fields come back NULL when empty: SQLite then has no text
	// to hand over, and Go no string to allocate.
	rows, err := tx.QueryContext(ctx, `SELECT id, cohort_id, name, nullif(pronouns, ''), nullif(email, ''),
			nullif(organisation, ''), nullif(city, ''), nullif(phone, ''),
			nullif(accessibility, ''), consent, nullif(notes, ''), status, registered_at, queued_at, attended
		FROM participants `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := make([]participants.Participant, 0, size)
	var id, cohort, pronouns, email, org, city, phone, access, notes, registered, queued, attended any
	var status string
	for rows.Next() {
		list = append(list, participants.Participant{})
		p := &list[len(list)-1]
		if err := rows.Scan(&id, &cohort, &p.Name, &pronouns, &email, &org, &city, &phone, &access,
			&p.Consent, &notes, &status, &registered, &queued, &attended); err != nil {
			return nil, err
		}
		p.ID, p.CohortID = integer(id), integer(cohort)
		p.Pronouns, p.Email, p.Organisation = text(pronouns), text(email), text(org)
		p.City, p.Phone, p.Accessibility, p.Notes = text(city), text(phone), text(access), text(notes)
		p.Status = participants.Status(status)
		p.RegisteredAt = time.Unix(0, integer(registered))
		p.QueuedAt = time.Unix(0, integer(queued))
		p.Attended = int(integer(attended))
	}
	return list, rows.Err()
}

// CountParticipants is the number of people registered in a cohort,
// whatever their status.
func (s *Store) CountParticipants(ctx context.Context, cohortID int64) (int, error) {
	var n int
	err := s.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx,
			"SELECT count(*) FROM participants WHERE cohort_id = ?", cohortID).Scan(&n)
	})
	return n, wrapRead("le nombre de personnes inscrites", err)
}

// SetAttendance records attendance marks, replacing any earlier mark for
// the same person and session. Either all are saved or none.
func (s *Store) SetAttendance(ctx context.Context, marks []participants.Attendance) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		stmt, err := prepareMark(ctx, tx)
		if err != nil {
			return err
		}
		defer stmt.Close()
		return setMarks(ctx, stmt, 0, marks)
	})
	return wrapWrite("les présences", err)
}

// prepareMark prepares the statement setMarks runs. The SELECT inserts
// nothing when the session is not one of the person's cohort, which
// foreign keys alone would allow, nor, given a cohort (?6 not 0), when the
// person is not of that cohort.
func prepareMark(ctx context.Context, tx *sql.Tx) (*sql.Stmt, error) {
	return tx.PrepareContext(ctx, `INSERT INTO attendance
			(participant_id, session_id, mark, minutes, note)
		SELECT p.id, s.id, ?3, ?4, ?5
		FROM participants p JOIN sessions s ON s.cohort_id = p.cohort_id
		WHERE p.id = ?1 AND s.id = ?2 AND ?6 IN (0, p.cohort_id)
		ON CONFLICT (session_id, participant_id) DO UPDATE
		SET mark = excluded.mark, minutes = excluded.minutes, note = excluded.note`)
}

// setMarks writes marks with a statement from prepareMark; cohortID, when
// not 0, is the cohort every person marked must belong to.
func setMarks(ctx context.Context, stmt *sql.Stmt, cohortID int64, marks []participants.Attendance) error {
	for i, a := range marks {
		if err := a.Validate(); err != nil {
			return usererr.New("Présence n°\u00a0%d\u00a0: %s", i+1, err)
		}
	}
	for i, a := range marks {
		res, err := stmt.ExecContext(ctx, a.ParticipantID, a.SessionID, string(a.Mark), a.Minutes, a.Note, cohortID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return notFound("Présence n°\u00a0%d\u00a0: la personne n°\u00a0%d ou la séance n°\u00a0%d est introuvable, ou elles ne sont pas de la même cohorte.",
				i+1, a.ParticipantID, a.SessionID)
		}
	}
	return nil
}

// Attendance lists every mark of a cohort, session by session, and within a
// session by participant id.
func (s *Store) Attendance(ctx context.Context, cohortID int64) ([]participants.Attendance, error) {
	var list []participants.Attendance
	err := s.read(ctx, func(tx *sql.Tx) error {
		// Room for a mark per person and session; counting the marks
		// exactly would cost as much as reading them.
		var n int
		if err := tx.QueryRowContext(ctx,
			"SELECT count(*) FROM participants WHERE cohort_id = ?", cohortID).Scan(&n); err != nil {
			return err
		}
		n *= course.SessionCount
		// A range of the primary key per session, in session order.
		rows, err := tx.QueryContext(ctx, `SELECT a.participant_id, a.session_id, a.mark,
				a.minutes, nullif(a.note, '')
			FROM sessions s JOIN attendance a ON a.session_id = s.id
			WHERE s.cohort_id = ? ORDER BY s.number, a.participant_id`, cohortID)
		if err != nil {
			return err
		}
		defer rows.Close()
		list = make([]participants.Attendance, 0, n)
		var pid, sid, minutes, note any
		var mark string
		for rows.Next() {
			list = append(list, participants.Attendance{})
			a := &list[len(list)-1]
			if err := rows.Scan(&pid, &sid, &mark, &minutes, &note); err != nil {
				return err
			}
			a.ParticipantID, a.SessionID = integer(pid), integer(sid)
			a.Mark = participants.Mark(mark)
			a.Minutes = int(integer(minutes))
			a.Note = text(note)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, wrapRead("les présences", err)
	}
	return list, nil
}

// prepareParticipantInsert prepares the insert that insertParticipant runs.
func prepareParticipantInsert(ctx context.Context, tx *sql.Tx) (*sql.Stmt, error) {
	return tx.PrepareContext(ctx, `INSERT INTO participants (id, cohort_id, name, pronouns,
		email, email_key, organisation, city, phone, accessibility, consent, notes, status,
		registered_at, queued_at, created_at) VALUES (nullif(?, 0), ?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
}

// insertParticipant writes p, under its own id when it has one (a person
// restored after removal) and registered now when it has no time.
func insertParticipant(ctx context.Context, stmt *sql.Stmt, cohortID int64, p participants.Participant, now time.Time) (int64, error) {
	if p.RegisteredAt.IsZero() {
		p.RegisteredAt = now
	}
	res, err := stmt.ExecContext(ctx, p.ID, cohortID, p.Name, p.Pronouns, p.Email, participants.EmailKey(p.Email), p.Organisation,
		p.City, p.Phone, p.Accessibility, p.Consent, p.Notes, string(p.Status),
		p.RegisteredAt.UnixNano(), queueTime(p), now.Unix())
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// queueTime is p's place in the waiting list as stored: its registration
// time when it never waited.
func queueTime(p participants.Participant) int64 {
	if p.QueuedAt.IsZero() {
		return p.RegisteredAt.UnixNano()
	}
	return p.QueuedAt.UnixNano()
}

// SessionAttendance reads the marks of one session, by participant id, as
// the check-in view needs them; cheaper than the whole cohort's Attendance.
func (s *Store) SessionAttendance(ctx context.Context, sessionID int64) ([]participants.Attendance, error) {
	var list []participants.Attendance
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = sessionMarks(ctx, tx, sessionID)
		return err
	})
	if err != nil {
		return nil, wrapRead("les présences de la séance", err)
	}
	return list, nil
}

func sessionMarks(ctx context.Context, tx *sql.Tx, sessionID int64) ([]participants.Attendance, error) {
	rows, err := tx.QueryContext(ctx, `SELECT participant_id, mark, minutes, nullif(note, '')
		FROM attendance WHERE session_id = ? ORDER BY participant_id`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []participants.Attendance
	var pid, minutes, note any
	var mark string
	for rows.Next() {
		if err := rows.Scan(&pid, &mark, &minutes, &note); err != nil {
			return nil, err
		}
		list = append(list, participants.Attendance{ParticipantID: integer(pid), SessionID: sessionID,
			Mark: participants.Mark(mark), Minutes: int(integer(minutes)), Note: text(note)})
	}
	return list, rows.Err()
}

// MarkedSessions tells which of a cohort's sessions have at least one mark
// (by id): with the clock, what makes a session held.
func (s *Store) MarkedSessions(ctx context.Context, cohortID int64) (map[int64]bool, error) {
	marked := map[int64]bool{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT s.id FROM sessions s WHERE s.cohort_id = ?
			AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)`, cohortID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			marked[id] = true
		}
		return rows.Err()
	})
	return marked, wrapRead("les présences", err)
}

func cohortExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var exists bool
	if err := tx.QueryRowContext(ctx,
		"SELECT EXISTS (SELECT 1 FROM cohorts WHERE id = $1)", id).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		return cohortNotFound(id)
	}
	return nil
}

// integer reads an INTEGER column scanned into an any. Scanning straight
// into an int64 goes through reflection, and into an int through a string,
// which shows on lists of tens of thousands of rows.
func integer(v any) int64 {
	n, _ := v.(int64)
	return n
}

// text reads a TEXT column scanned into an any; NULL is "".
func text(v any) string {
	s, _ := v.(string)
	return s
}
