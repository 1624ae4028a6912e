package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"atelier/app/domain/participants"
)

// ErrNoSeat is returned when a seat is asked for and none is left.
var ErrNoSeat error = sentence("Il n’y a plus de place dans cette cohorte.")

// Removed is what removing a person took out, kept by the caller so that
// the removal can be undone.
type Removed struct {
	Participant participants.Participant
	Marks       []participants.Attendance
}

// seats reads the cohort's seat limit and how many seats are held.
func seats(ctx context.Context, tx *sql.Tx, cohortID int64) (limit, taken int, err error) {
	err = tx.QueryRowContext(ctx, `SELECT c.seat_limit,
			(SELECT count(*) FROM participants p
				WHERE p.cohort_id = c.id AND p.status IN ('inscrit', 'confirme'))
		FROM cohorts c WHERE c.id = ?`, cohortID).Scan(&limit, &taken)
	if err == sql.ErrNoRows {
		err = notFound("La cohorte n° %d est introuvable ; elle a peut-être été supprimée.", cohortID)
	}
	return limit, taken, err
}

// AddParticipant registers one person. With no status, the seat limit
// decides: inscrit·e while seats remain, else liste d’attente.
func (s *Store) AddParticipant(ctx context.Context, cohortID int64, p participants.Participant) (participants.Participant, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = addInTx(ctx, tx, cohortID, p)
		return err
	})
	return p, wrapWrite("la personne", err)
}

func addInTx(ctx context.Context, tx *sql.Tx, cohortID int64, p participants.Participant) (participants.Participant, error) {
	limit, taken, err := seats(ctx, tx, cohortID)
	if err != nil {
		return p, err
	}
	if p.Status == "" {
		p.Status = participants.Attente
		if taken < limit {
			p.Status = participants.Inscrit
		}
	}
	if err := p.Validate(); err != nil {
		return p, err
	}
	stmt, err := prepareParticipantInsert(ctx, tx)
	if err != nil {
		return p, err
	}
	defer stmt.Close()
	p.ID, err = insertParticipant(ctx, stmt, cohortID, p, time.Now())
	p.CohortID = cohortID
	return p, err
}

// AddWalkIn adds a person who turned up without registering and marks them
// present at the session, in one transaction. A walk-in is confirmé·e even
// past the seat limit: they are in the room.
func (s *Store) AddWalkIn(ctx context.Context, cohortID, sessionID int64, p participants.Participant) (participants.Participant, error) {
	p.Status = participants.Confirme
	if p.Notes == "" {
		p.Notes = "Arrivée sans inscription"
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if p, err = addInTx(ctx, tx, cohortID, p); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO attendance (participant_id, session_id, mark, note)
			SELECT ?, id, 'present', 'Sans inscription' FROM sessions WHERE id = ? AND cohort_id = ?`,
			p.ID, sessionID, cohortID)
		return err
	})
	if err == nil {
		p.Attended = 1
	}
	return p, wrapWrite("la personne arrivée sans inscription", err)
}

// UpdateParticipant saves the editable fields of p. Giving a seat to
// someone who had none needs a free seat.
func (s *Store) UpdateParticipant(ctx context.Context, p participants.Participant) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var cohortID int64
		var old string
		err := tx.QueryRowContext(ctx, "SELECT cohort_id, status FROM participants WHERE id = ?", p.ID).Scan(&cohortID, &old)
		if err == sql.ErrNoRows {
			return notFound("La personne n° %d est introuvable ; elle a peut-être été supprimée.", p.ID)
		} else if err != nil {
			return err
		}
		if p.Status.HoldsSeat() && !participants.Status(old).HoldsSeat() {
			limit, taken, err := seats(ctx, tx, cohortID)
			if err != nil {
				return err
			}
			if taken >= limit {
				return &userError{msg: fmt.Sprintf("Il n’y a plus de place pour « %s » : les %d places sont prises. Augmentez le nombre de places de la cohorte ou libérez-en une.", p.Name, limit), err: ErrNoSeat}
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE participants SET name = ?, pronouns = ?, email = ?,
				organisation = ?, city = ?, phone = ?, accessibility = ?, consent = ?, notes = ?, status = ?
			WHERE id = ?`, p.Name, p.Pronouns, p.Email, p.Organisation, p.City, p.Phone,
			p.Accessibility, p.Consent, p.Notes, string(p.Status), p.ID)
		return err
	})
	return wrapWrite("la personne", err)
}

// Withdraw marks the person désisté·e. When that frees a seat and someone
// waits, it returns the first person waiting, to whom the seat can be
// offered with Promote.
func (s *Store) Withdraw(ctx context.Context, id int64) (next participants.Participant, ok bool, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		var cohortID int64
		var old string
		err := tx.QueryRowContext(ctx, "SELECT cohort_id, status FROM participants WHERE id = ?", id).Scan(&cohortID, &old)
		if err == sql.ErrNoRows {
			return notFound("La personne n° %d est introuvable ; elle a peut-être été supprimée.", id)
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE participants SET status = 'desiste' WHERE id = ?", id); err != nil {
			return err
		}
		limit, taken, err := seats(ctx, tx, cohortID)
		if err != nil || taken >= limit {
			return err
		}
		var at int64
		err = tx.QueryRowContext(ctx, `SELECT id, name, email, registered_at FROM participants
			WHERE cohort_id = ? AND status = 'attente' ORDER BY registered_at, id LIMIT 1`, cohortID).
			Scan(&next.ID, &next.Name, &next.Email, &at)
		if err == sql.ErrNoRows {
			return nil
		}
		next.CohortID, next.Status, next.RegisteredAt, ok = cohortID, participants.Attente, time.Unix(0, at), err == nil
		return err
	})
	return next, ok, wrapWrite("le désistement", err)
}

// Promote gives a seat to a person on the waiting list (inscrit·e), if one
// is free.
func (s *Store) Promote(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var cohortID int64
		var name string
		err := tx.QueryRowContext(ctx, "SELECT cohort_id, name FROM participants WHERE id = ?", id).Scan(&cohortID, &name)
		if err == sql.ErrNoRows {
			return notFound("La personne n° %d est introuvable ; elle a peut-être été supprimée.", id)
		} else if err != nil {
			return err
		}
		limit, taken, err := seats(ctx, tx, cohortID)
		if err != nil {
			return err
		}
		if taken >= limit {
			return &userError{msg: fmt.Sprintf("Il n’y a plus de place pour « %s » : les %d places sont prises.", name, limit), err: ErrNoSeat}
		}
		_, err = tx.ExecContext(ctx, "UPDATE participants SET status = 'inscrit' WHERE id = ?", id)
		return err
	})
	return wrapWrite("la place offerte", err)
}

// RemoveParticipant deletes a person and their marks, and returns them so
// that RestoreParticipant can undo it.
func (s *Store) RemoveParticipant(ctx context.Context, id int64) (Removed, error) {
	var r Removed
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = personalData(ctx, tx, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM participants WHERE id = ?", id)
		return err
	})
	return r, wrapWrite("la suppression", err)
}

// RestoreParticipant puts back a removed person, under the same id, with
// their marks.
func (s *Store) RestoreParticipant(ctx context.Context, r Removed) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		stmt, err := prepareParticipantInsert(ctx, tx)
		if err != nil {
			return err
		}
		defer stmt.Close()
		if _, err := insertParticipant(ctx, stmt, r.Participant.CohortID, r.Participant, time.Now()); err != nil {
			return err
		}
		for _, a := range r.Marks {
			if _, err := tx.ExecContext(ctx, `INSERT INTO attendance (participant_id, session_id, mark, minutes, note)
				VALUES (?, ?, ?, ?, ?)`, a.ParticipantID, a.SessionID, string(a.Mark), a.Minutes, a.Note); err != nil {
				return err
			}
		}
		return nil
	})
	return wrapWrite("l’annulation de la suppression", err)
}

// EraseParticipant removes every row about a person for good: the file is
// opened with secure_delete, so freed pages are overwritten, and the
// write-ahead log, which still holds older copies, is emptied.
func (s *Store) EraseParticipant(ctx context.Context, id int64) error {
	if _, err := s.RemoveParticipant(ctx, id); err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("la personne est effacée, mais le journal de la base n’a pas pu être vidé : %w", err)
	}
	return nil
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
	p := &r.Participant
	var at int64
	err := tx.QueryRowContext(ctx, `SELECT id, cohort_id, name, pronouns, email, organisation, city,
			phone, accessibility, consent, notes, status, registered_at, attended
		FROM participants WHERE id = ?`, id).Scan(&p.ID, &p.CohortID, &p.Name, &p.Pronouns, &p.Email,
		&p.Organisation, &p.City, &p.Phone, &p.Accessibility, &p.Consent, &p.Notes, &p.Status, &at, &p.Attended)
	if err == sql.ErrNoRows {
		return r, notFound("La personne n° %d est introuvable ; elle a peut-être été supprimée.", id)
	} else if err != nil {
		return r, err
	}
	p.RegisteredAt = time.Unix(0, at)
	rows, err := tx.QueryContext(ctx, `SELECT a.session_id, a.mark, a.minutes, a.note
		FROM attendance a JOIN sessions s ON s.id = a.session_id
		WHERE a.participant_id = ? ORDER BY s.number`, id)
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

// ApplyImport writes an import in one transaction: the new people and the
// existing ones whose details the file completed.
func (s *Store) ApplyImport(ctx context.Context, cohortID int64, add, update []participants.Participant) error {
	for _, p := range append(append([]participants.Participant(nil), add...), update...) {
		if err := p.Validate(); err != nil {
			return invalid(err, "« %s » : %s", p.Name, err)
		}
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := cohortExists(ctx, tx, cohortID); err != nil {
			return err
		}
		ins, err := prepareParticipantInsert(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.Close()
		now := time.Now()
		for _, p := range add {
			p.ID = 0
			if _, err := insertParticipant(ctx, ins, cohortID, p, now); err != nil {
				return err
			}
		}
		upd, err := tx.PrepareContext(ctx, `UPDATE participants SET name = ?, pronouns = ?, email = ?,
				organisation = ?, city = ?, phone = ?, accessibility = ?, consent = ?, notes = ?
			WHERE id = ? AND cohort_id = ?`)
		if err != nil {
			return err
		}
		defer upd.Close()
		for _, p := range update {
			if _, err := upd.ExecContext(ctx, p.Name, p.Pronouns, p.Email, p.Organisation, p.City,
				p.Phone, p.Accessibility, p.Consent, p.Notes, p.ID, cohortID); err != nil {
				return err
			}
		}
		return nil
	})
	return wrapWrite("l’importation", err)
}

// ClearAttendance removes a person's mark for a session (a mark set by
// mistake); there is nothing to do when there is none.
func (s *Store) ClearAttendance(ctx context.Context, participantID, sessionID int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM attendance WHERE participant_id = ? AND session_id = ?", participantID, sessionID)
		return err
	})
	return wrapWrite("la présence", err)
}
