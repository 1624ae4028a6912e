package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
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
	var ids []int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := cohortExists(ctx, tx, cohortID); err != nil {
			return err
		}
		var i int
		var err error
		ids, i, err = insertPeople(ctx, tx, s.team, cohortID, ps, s.now())
		if errors.Is(err, errEmailHeld) {
			return usererr.Wrap(err, "Personne n°\u00a0%d («\u00a0%s\u00a0»)\u00a0: %s", i+1, ps[i].Name, usererr.Reason(emailHeld(ps[i].Email, err))).Of(ErrEmailTaken)
		}
		return err
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
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM participants WHERE cohort_id = $1", cohortID).Scan(&n); err != nil {
		return nil, err
	}
	return queryPeople(ctx, tx, n, "WHERE cohort_id = $1 ORDER BY registered_at, id", cohortID)
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
			"SELECT count(*) FROM participants WHERE cohort_id = $1", cohortID).Scan(&n)
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
// foreign keys alone would allow, nor, given a cohort ($6 not 0), when the
// person is not of that cohort. The CAST is for PostgreSQL, which would
// otherwise take $6 for an integer (like 0) and a bigint (like cohort_id)
// at once, and refuse.
func prepareMark(ctx context.Context, tx *sql.Tx) (*sql.Stmt, error) {
	return tx.PrepareContext(ctx, `INSERT INTO attendance
			(participant_id, session_id, mark, minutes, note)
		SELECT p.id, s.id, $3, $4, $5
		FROM participants p JOIN sessions s ON s.cohort_id = p.cohort_id
		WHERE p.id = $1 AND s.id = $2 AND CAST($6 AS bigint) IN (0, p.cohort_id)
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
			"SELECT count(*) FROM participants WHERE cohort_id = $1", cohortID).Scan(&n); err != nil {
			return err
		}
		n *= course.SessionCount
		// A range of the primary key per session, in session order.
		rows, err := tx.QueryContext(ctx, `SELECT a.participant_id, a.session_id, a.mark,
				a.minutes, nullif(a.note, '')
			FROM sessions s JOIN attendance a ON a.session_id = s.id
			WHERE s.cohort_id = $1 ORDER BY s.number, a.participant_id`, cohortID)
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

// participantsInsert and onEmailHeld open and close the INSERT of people,
// rows of participantRow in between. A courriel already someone's in the
// cohort inserts nothing (the row is missing from RETURNING) rather than
// breaking the unique index: on PostgreSQL a failed statement spoils the
// whole transaction, and the roster could no longer even say who has it.
const (
	participantsInsert = `INSERT INTO participants (id, cohort_id, name, pronouns,
		email, email_key, organisation, city, phone, accessibility, consent, notes, status,
		registered_at, queued_at, created_at) VALUES `
	onEmailHeld = `
		ON CONFLICT (cohort_id, email_key) WHERE email_key IS NOT NULL DO NOTHING
		RETURNING id`
	participantParams = 16 // a row's values: participantArgs
)

// participantRow is one row of VALUES for participantArgs, its
// parameters numbered from n+1 and written by param; id is the SQL of the
// first value.
func participantRow(b *strings.Builder, n int, id string, param func(int) string) {
	b.WriteString("(")
	b.WriteString(id)
	for i := 2; i <= participantParams; i++ {
		if i == 6 { // email_key: NULL when there is no courriel
			fmt.Fprintf(b, ", nullif(%s, '')", param(n+i))
		} else {
			b.WriteString(", " + param(n+i))
		}
	}
	b.WriteString(")")
}

// numbered writes parameter n as $n, which both engines read.
func numbered(n int) string { return "$" + strconv.Itoa(n) }

// batchParam is how insertPeople writes its parameters, numbered ($n) on
// PostgreSQL, which takes no other form, but anonymous (?) on SQLite: it
// looks up a named or numbered parameter in a list, once to compile and
// once to bind, so that a statement of thousands of them took seconds.
func batchParam(team bool) func(int) string {
	if team {
		return numbered
	}
	return func(int) string { return "?" }
}

// participantArgs are participantRow's values for p, whose registration
// time is set.
func participantArgs(args []any, id, cohortID int64, p participants.Participant, now time.Time) []any {
	return append(args, id, cohortID, p.Name, p.Pronouns, p.Email, participants.EmailKey(p.Email), p.Organisation,
		p.City, p.Phone, p.Accessibility, p.Consent, p.Notes, string(p.Status),
		p.RegisteredAt.UnixNano(), queueTime(p), now.Unix())
}

// prepareParticipantInsert prepares the insert of one person that
// insertParticipant runs.
func prepareParticipantInsert(ctx context.Context, tx *sql.Tx, team bool) (*sql.Stmt, error) {
	var q strings.Builder
	q.WriteString(participantsInsert)
	participantRow(&q, 0, participantID(team), numbered)
	q.WriteString(onEmailHeld)
	return tx.PrepareContext(ctx, q.String())
}

// participantID is the id a new row gets: its own ($1) for a person
// restored after removal, else a new one. SQLite makes one for a NULL
// written into its INTEGER PRIMARY KEY; PostgreSQL refuses a NULL in an
// identity column, so the next value is asked of its sequence.
func participantID(team bool) string {
	if team {
		return "coalesce(nullif($1::bigint, 0), nextval(pg_get_serial_sequence('participants', 'id')))"
	}
	return "nullif($1, 0)"
}

// errEmailHeld is an insert that did nothing because its courriel is
// already someone's in the cohort; callers turn it into a sentence.
var errEmailHeld = errors.New("participants_email_once: courriel already held in the cohort")

// insertParticipant writes p, under its own id when it has one (a person
// restored after removal) and registered now when it has no time. It
// returns errEmailHeld when the cohort already has p's courriel.
func insertParticipant(ctx context.Context, stmt *sql.Stmt, cohortID int64, p participants.Participant, now time.Time) (int64, error) {
	if p.RegisteredAt.IsZero() {
		p.RegisteredAt = now
	}
	var id int64
	err := stmt.QueryRowContext(ctx, participantArgs(nil, p.ID, cohortID, p, now)...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errEmailHeld
	}
	return id, err
}

// peopleBatch is how many people one INSERT of insertPeople writes: one
// statement a person would cost a team database a round trip to the
// server each, seconds for an import of thousands. 500 rows of 16 values
// stay well under the parameters either engine takes (SQLite 32,766,
// PostgreSQL 65,535).
const peopleBatch = 500

// insertPeople writes ps in the cohort, as insertParticipant would each
// but in statements of peopleBatch rows, and returns their ids in order.
// When the cohort already has the courriel of one of them (or of an
// earlier one of ps), the error is errEmailHeld and i is its index; the
// others may have been written, so the caller must undo the lot.
func insertPeople(ctx context.Context, tx *sql.Tx, team bool, cohortID int64, ps []participants.Participant, now time.Time) (ids []int64, i int, err error) {
	// The ids are decided beforehand: the rows RETURNING gives back come
	// in no promised order, and those it leaves out are the refused.
	if ids, err = newParticipantIDs(ctx, tx, team, ps); err != nil {
		return nil, 0, err
	}
	args := make([]any, 0, participantParams*min(len(ps), peopleBatch))
	param := batchParam(team)
	for start := 0; start < len(ps); start += peopleBatch {
		batch := ps[start:min(start+peopleBatch, len(ps))]
		var q strings.Builder
		q.WriteString(participantsInsert)
		args = args[:0]
		for k, p := range batch {
			if k > 0 {
				q.WriteString(", ")
			}
			participantRow(&q, len(args), param(len(args)+1), param)
			if p.RegisteredAt.IsZero() {
				p.RegisteredAt = now
			}
			args = participantArgs(args, ids[start+k], cohortID, p, now)
		}
		q.WriteString(onEmailHeld)
		written, err := returnedIDs(ctx, tx, q.String(), args, len(batch))
		if err != nil {
			return nil, 0, err
		}
		for k := range batch {
			if !written[ids[start+k]] {
				return nil, start + k, errEmailHeld
			}
		}
	}
	return ids, 0, nil
}

// returnedIDs runs an INSERT … RETURNING id and gathers the ids.
func returnedIDs(ctx context.Context, tx *sql.Tx, query string, args []any, size int) (map[int64]bool, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	written := make(map[int64]bool, size)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		written[id] = true
	}
	return written, rows.Err()
}

// newParticipantIDs is the id of each of ps: its own when it has one (a
// person restored), else a new one, taken the way each engine takes it for
// a row without: past the largest on SQLite (safe, since the write
// transaction holds the file), from the identity's sequence on PostgreSQL,
// which other writers draw from at the same time.
func newParticipantIDs(ctx context.Context, tx *sql.Tx, team bool, ps []participants.Participant) ([]int64, error) {
	ids := make([]int64, len(ps))
	fresh, top := 0, int64(0)
	for i, p := range ps {
		ids[i], top = p.ID, max(top, p.ID)
		if p.ID == 0 {
			fresh++
		}
	}
	if fresh == 0 {
		return ids, nil
	}
	next := make([]int64, 0, fresh)
	if team {
		rows, err := tx.QueryContext(ctx,
			"SELECT nextval(pg_get_serial_sequence('participants', 'id')) FROM generate_series(1, $1)", fresh)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			next = append(next, id)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	} else {
		var last int64
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM participants").Scan(&last); err != nil {
			return nil, err
		}
		// Past a restored person's id too, which may be above the largest
		// left in the table.
		for last = max(last, top); len(next) < fresh; {
			last++
			next = append(next, last)
		}
	}
	for i := range ids {
		if ids[i] == 0 {
			ids[i], next = next[0], next[1:]
		}
	}
	return ids, nil
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
		FROM attendance WHERE session_id = $1 ORDER BY participant_id`, sessionID)
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
		rows, err := tx.QueryContext(ctx, `SELECT s.id FROM sessions s WHERE s.cohort_id = $1
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
