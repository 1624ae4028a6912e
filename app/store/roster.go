package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

// Removed is what removing a person took out, kept by the caller so that
// the removal can be undone.
type Removed struct {
	Participant participants.Participant
	Marks       []participants.Attendance
}

// Roster is one cohort's roster inside one write transaction. The
// application layer reads through it what a rule needs (the seats, the
// people), decides, and writes through it; everything done in one
// EditRoster commits together or not at all, and no other writer comes in
// between. The store decides nothing here.
type Roster struct {
	ctx      context.Context
	tx       *sql.Tx
	cohortID int64
	now      time.Time
	team     bool // on PostgreSQL (Store.team): a few statements differ
	insert   *sql.Stmt
	marks    *sql.Stmt
}

// EditRoster runs fn on the roster of cohort cohortID in one write
// transaction, committed only if fn returns nil. what names the change for
// an error (« la personne », « l’importation »).
func (s *Store) EditRoster(ctx context.Context, cohortID int64, what string, fn func(r *Roster) error) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := lockCohort(ctx, tx, s.team, cohortID); err != nil {
			return err
		}
		r := &Roster{ctx: ctx, tx: tx, cohortID: cohortID, now: s.now(), team: s.team}
		defer r.close()
		return fn(r)
	})
	return wrapWrite(what, err)
}

func (r *Roster) close() {
	for _, st := range []*sql.Stmt{r.insert, r.marks} {
		if st != nil {
			st.Close()
		}
	}
}

// Now is the time of the transaction, from the store's clock.
func (r *Roster) Now() time.Time { return r.now }

// CohortID is the cohort edited.
func (r *Roster) CohortID() int64 { return r.cohortID }

// Seats reads how the cohort's seats stand.
func (r *Roster) Seats() (participants.Seats, error) {
	var limit int
	if err := r.tx.QueryRowContext(r.ctx, "SELECT seat_limit FROM cohorts WHERE id = $1", r.cohortID).Scan(&limit); err != nil {
		return participants.Seats{}, err
	}
	rows, err := r.tx.QueryContext(r.ctx, "SELECT status, count(*) FROM participants WHERE cohort_id = $1 GROUP BY status", r.cohortID)
	if err != nil {
		return participants.Seats{}, err
	}
	counts := map[participants.Status]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			rows.Close()
			return participants.Seats{}, err
		}
		counts[participants.Status(st)] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return participants.Seats{}, err
	}
	// The waiting people themselves (few), for the domain to say who is
	// first and where the list ends: the order of the list is its rule,
	// not SQL's.
	waiting, err := queryPeople(r.ctx, r.tx, counts[participants.Attente], "WHERE cohort_id = $1 AND status = 'attente'", r.cohortID)
	if err != nil {
		return participants.Seats{}, err
	}
	return participants.NewSeats(limit, counts, waiting), nil
}

// People reads the whole roster, in order of registration.
func (r *Roster) People() ([]participants.Participant, error) {
	return cohortPeople(r.ctx, r.tx, r.cohortID)
}

// Person reads one person of the cohort.
func (r *Roster) Person(id int64) (participants.Participant, error) {
	list, err := queryPeople(r.ctx, r.tx, 1, "WHERE id = $1 AND cohort_id = $2", id, r.cohortID)
	if err != nil {
		return participants.Participant{}, err
	}
	if len(list) == 0 {
		return participants.Participant{}, personNotFound(id)
	}
	return list[0], nil
}

// Add inserts p, status decided, and returns it with its id. A person with
// an id (one being restored) keeps it; a zero registration time is now.
func (r *Roster) Add(p participants.Participant) (participants.Participant, error) {
	if err := p.Validate(); err != nil {
		return p, usererr.New("«\u00a0%s\u00a0»\u00a0: %s", p.Name, err)
	}
	if r.insert == nil {
		var err error
		if r.insert, err = prepareParticipantInsert(r.ctx, r.tx, r.team); err != nil {
			return p, err
		}
	}
	if p.RegisteredAt.IsZero() {
		p.RegisteredAt = r.now
	}
	id, err := insertParticipant(r.ctx, r.insert, r.cohortID, p, r.now)
	if err != nil {
		return p, r.emailTaken(p, err)
	}
	p.ID, p.CohortID = id, r.cohortID
	return p, nil
}

// AddAll inserts ps, statuses decided, as Add would each, and returns
// them with their ids, in order; but in statements of hundreds of people,
// which an import of thousands into a team database needs (one statement a
// person costs a round trip to the server each). When one of ps is
// refused (invalid, or a courriel the cohort or an earlier one of ps
// has), none of ps is written, the error names that one, and the edit may
// go on.
func (r *Roster) AddAll(ps []participants.Participant) ([]participants.Participant, error) {
	out := make([]participants.Participant, len(ps))
	for i, p := range ps {
		if err := p.Validate(); err != nil {
			return nil, usererr.New("«\u00a0%s\u00a0»\u00a0: %s", p.Name, err)
		}
		if p.RegisteredAt.IsZero() {
			p.RegisteredAt = r.now
		}
		p.CohortID = r.cohortID
		out[i] = p
	}
	// Undone to the savepoint when refused, on both engines: rows of a
	// batch past the refused one are written, and on PostgreSQL an error
	// would otherwise spoil the rest of the edit.
	if _, err := r.tx.ExecContext(r.ctx, "SAVEPOINT add_all"); err != nil {
		return nil, err
	}
	ids, i, err := insertPeople(r.ctx, r.tx, r.team, r.cohortID, out, r.now)
	if err != nil {
		if _, rerr := r.tx.ExecContext(r.ctx, "ROLLBACK TO SAVEPOINT add_all"); rerr != nil {
			return nil, errors.Join(err, rerr)
		}
	}
	if _, rerr := r.tx.ExecContext(r.ctx, "RELEASE SAVEPOINT add_all"); rerr != nil {
		return nil, errors.Join(err, rerr)
	}
	if errors.Is(err, errEmailHeld) {
		key := participants.EmailKey(out[i].Email)
		for _, earlier := range out[:i] {
			if participants.EmailKey(earlier.Email) == key {
				return nil, EmailTaken(out[i].Email, earlier.Name, err)
			}
		}
		return nil, r.emailTaken(out[i], err)
	}
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].ID = ids[i]
	}
	return out, nil
}

// ByEmail finds the person of the cohort whose courriel has the same key
// as email (participants.EmailKey); ok is false when there is none.
func (r *Roster) ByEmail(email string) (p participants.Participant, ok bool, err error) {
	key := participants.EmailKey(email)
	if key == "" {
		return p, false, nil
	}
	list, err := queryPeople(r.ctx, r.tx, 1, "WHERE cohort_id = $1 AND email_key = $2", r.cohortID, key)
	if err != nil || len(list) == 0 {
		return p, false, err
	}
	return list[0], true, nil
}

// emailTaken explains the cohort refusing a second person with p's
// courriel (the application layer checks first; this is the last guard,
// e.g. against another writer): errEmailHeld, or the unique index itself;
// other errors pass unchanged.
func (r *Roster) emailTaken(p participants.Participant, err error) error {
	if !errors.Is(err, errEmailHeld) && !isUniqueViolation(err, "participants.email_key") {
		return err
	}
	other, ok, ferr := r.ByEmail(p.Email)
	if ferr != nil || !ok {
		return emailHeld(p.Email, err)
	}
	if other.ID == p.ID {
		// The person restored is there already: not a matter of courriel,
		// and as unexpected as the primary key refusing them would be.
		return fmt.Errorf("participant %d is already in cohort %d: %w", p.ID, r.cohortID, err)
	}
	return EmailTaken(p.Email, other.Name, err)
}

// emailHeld says that email is already someone's in the cohort, without
// saying whose.
func emailHeld(email string, cause error) error {
	return usererr.Wrap(cause, "Le courriel «\u00a0%s\u00a0» est déjà celui d’une autre personne de cette cohorte\u202f; une cohorte ne peut pas inscrire deux fois le même courriel.", email).Of(ErrEmailTaken)
}

// Save writes every field of p, status and place in the waiting list
// included. A courriel someone else of the cohort has changes nothing
// (NOT EXISTS) instead of breaking the unique index, which on PostgreSQL
// would spoil the transaction before emailTaken could read whose it is.
func (r *Roster) Save(p participants.Participant) error {
	if err := p.Validate(); err != nil {
		return err
	}
	res, err := r.tx.ExecContext(r.ctx, `UPDATE participants SET name = $1, pronouns = $2, email = $3,
			email_key = nullif($4, ''), organisation = $5, city = $6, phone = $7, accessibility = $8, consent = $9,
			notes = $10, status = $11, queued_at = $12
		WHERE id = $13 AND cohort_id = $14 AND NOT EXISTS (SELECT 1 FROM participants o
			WHERE o.cohort_id = $14 AND o.email_key = nullif($4, '') AND o.id <> $13)`,
		p.Name, p.Pronouns, p.Email, participants.EmailKey(p.Email), p.Organisation,
		p.City, p.Phone, p.Accessibility, p.Consent, p.Notes, string(p.Status), queueTime(p), p.ID, r.cohortID)
	if err != nil {
		return r.emailTaken(p, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n > 0 {
		return nil
	}
	if _, err := r.Person(p.ID); err != nil {
		return err
	}
	return r.emailTaken(p, errEmailHeld)
}

// Mark records attendance marks, replacing earlier ones for the same
// person and session, which must both be of the cohort.
func (r *Roster) Mark(marks ...participants.Attendance) error {
	if r.marks == nil {
		var err error
		if r.marks, err = prepareMark(r.ctx, r.tx); err != nil {
			return err
		}
	}
	return setMarks(r.ctx, r.marks, r.cohortID, marks)
}

// Clear removes a person's mark for a session, if any.
func (r *Roster) Clear(participantID, sessionID int64) error {
	_, err := r.tx.ExecContext(r.ctx, `DELETE FROM attendance WHERE participant_id = $1 AND session_id = $2
		AND participant_id IN (SELECT id FROM participants WHERE cohort_id = $3)`, participantID, sessionID, r.cohortID)
	return err
}

// SessionMarks reads the marks of one session of the cohort.
func (r *Roster) SessionMarks(sessionID int64) ([]participants.Attendance, error) {
	var ours bool
	if err := r.tx.QueryRowContext(r.ctx, "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = $1 AND cohort_id = $2)",
		sessionID, r.cohortID).Scan(&ours); err != nil {
		return nil, err
	}
	if !ours {
		return nil, sessionNotFound(sessionID)
	}
	return sessionMarks(r.ctx, r.tx, sessionID)
}

// Cohort reads the cohort, sessions and agendas included.
func (r *Roster) Cohort() (course.Cohort, error) { return loadCohort(r.ctx, r.tx, r.cohortID) }

// SaveCohort writes the cohort's name, time zone, seats, certificate
// minimum, facilitators and session times (agendas are saved apart).
func (r *Roster) SaveCohort(c course.Cohort) error {
	if c.ID != r.cohortID {
		return notFound("La cohorte n°\u00a0%d n’est pas celle qui est modifiée.", c.ID)
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return updateCohort(r.ctx, r.tx, c)
}

// Remove deletes a person and their marks, and returns them so that
// Restore can undo it.
func (r *Roster) Remove(id int64) (Removed, error) {
	if _, err := r.Person(id); err != nil {
		return Removed{}, err
	}
	rm, err := personalData(r.ctx, r.tx, id)
	if err != nil {
		return rm, err
	}
	_, err = r.tx.ExecContext(r.ctx, "DELETE FROM participants WHERE id = $1", id)
	return rm, err
}

// Restore puts back a removed person under the same id, with their marks;
// p is the person as the caller decided to restore them (a status may have
// changed since).
func (r *Roster) Restore(rm Removed, p participants.Participant) error {
	if _, err := r.Add(p); err != nil {
		return err
	}
	return r.Mark(rm.Marks...)
}

// lockCohort checks that the cohort exists and, on PostgreSQL, locks its
// row until the transaction ends. SQLite's BEGIN IMMEDIATE already lets
// one writer in at a time; PostgreSQL's READ COMMITTED lets two roster
// edits read the same seats and both fill the last one, so each takes the
// cohort's row first and the second waits for the first to commit. FOR
// UPDATE rather than FOR NO KEY UPDATE: a writer adding people to the
// cohort outside a roster edit (AddParticipants: its foreign key takes
// KEY SHARE) waits too, as it would for SQLite's one writer; marks, whose
// keys are people and sessions, do not.
func lockCohort(ctx context.Context, tx *sql.Tx, team bool, id int64) error {
	if !team {
		return cohortExists(ctx, tx, id)
	}
	err := tx.QueryRowContext(ctx, "SELECT id FROM cohorts WHERE id = $1 FOR UPDATE", id).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return cohortNotFound(id)
	}
	return err
}

func personNotFound(id int64) error {
	return notFound("La personne n°\u00a0%d est introuvable dans cette cohorte\u202f; elle a peut-être été retirée entre-temps.", id)
}

// PersonalData returns everything the store holds about one person, for
// them to take away.
func (s *Store) PersonalData(ctx context.Context, id int64) (Removed, error) {
	var r Removed
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = personalData(ctx, tx, id)
		return err
	})
	return r, wrapRead("les données de la personne", err)
}

func personalData(ctx context.Context, tx *sql.Tx, id int64) (Removed, error) {
	var r Removed
	list, err := queryPeople(ctx, tx, 1, "WHERE id = $1", id)
	if err != nil {
		return r, err
	}
	if len(list) == 0 {
		return r, personNotFound(id)
	}
	r.Participant = list[0]
	rows, err := tx.QueryContext(ctx, `SELECT a.session_id, a.mark, a.minutes, a.note
		FROM attendance a JOIN sessions s ON s.id = a.session_id
		WHERE a.participant_id = $1 ORDER BY s.number`, id)
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		a := participants.Attendance{ParticipantID: id}
		if err := rows.Scan(&a.SessionID, &a.Mark, &a.Minutes, &a.Note); err != nil {
			return r, err
		}
		r.Marks = append(r.Marks, a)
	}
	return r, rows.Err()
}

// ClearAttendance removes a person's mark for a session (a mark set by
// mistake); there is nothing to do when there is none.
func (s *Store) ClearAttendance(ctx context.Context, participantID, sessionID int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM attendance WHERE participant_id = $1 AND session_id = $2", participantID, sessionID)
		return err
	})
	return wrapWrite("la présence", err)
}
