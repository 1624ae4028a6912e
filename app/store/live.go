package store

import (
	"context"
	"database/sql"
)

// SessionNotes reads the facilitators' notes of a session.
func (s *Store) SessionNotes(ctx context.Context, sessionID int64) (string, error) {
	var notes string
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT notes FROM sessions WHERE id = $1", sessionID).Scan(&notes)
		if err == sql.ErrNoRows {
			return notFound("La séance n°\u00a0%d est introuvable.", sessionID)
		}
		return err
	})
	return notes, wrapRead("les notes de la séance", err)
}

// SetSessionNotes saves the facilitators' notes of a session.
func (s *Store) SetSessionNotes(ctx context.Context, sessionID int64, notes string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE sessions SET notes = $1 WHERE id = $2", notes, sessionID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("La séance n°\u00a0%d est introuvable.", sessionID)
		}
		return nil
	})
	return wrapWrite("les notes de la séance", err)
}

// LiveState reads the saved live-mode state of a session; "" when the
// session is not being run.
func (s *Store) LiveState(ctx context.Context, sessionID int64) (string, error) {
	var state string
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT state FROM live_states WHERE session_id = $1", sessionID).Scan(&state)
		if err == sql.ErrNoRows {
			return nil
		}
		return err
	})
	return state, wrapRead("l’état du mode animation", err)
}

// SaveLiveState keeps the live-mode state of a session; an empty state
// forgets it (the session is over).
func (s *Store) SaveLiveState(ctx context.Context, sessionID int64, state string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if state == "" {
			_, err := tx.ExecContext(ctx, "DELETE FROM live_states WHERE session_id = $1", sessionID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO live_states (session_id, state, updated_at) VALUES ($1, $2, $3)
			ON CONFLICT (session_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
			sessionID, state, s.now().Unix())
		return err
	})
	return wrapWrite("l’état du mode animation", err)
}

// Breakout reads the groups kept with a session, as participant ids.
func (s *Store) Breakout(ctx context.Context, sessionID int64) ([][]int64, error) {
	var groups [][]int64
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		groups, err = readGroups(ctx, tx, "SELECT group_no, participant_id FROM breakout_members WHERE session_id = $1 ORDER BY group_no, participant_id", sessionID)
		return err
	})
	return groups, wrapRead("les sous-groupes", err)
}

// BreakoutHistory reads the groups of the cohort's sessions before session
// number before, for the split to avoid pairing the same people again.
func (s *Store) BreakoutHistory(ctx context.Context, cohortID int64, before int) ([][]int64, error) {
	var groups [][]int64
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT s.id FROM sessions s WHERE s.cohort_id = $1 AND s.number < $2 ORDER BY s.number`, cohortID, before)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		for _, id := range ids {
			g, err := readGroups(ctx, tx, "SELECT group_no, participant_id FROM breakout_members WHERE session_id = $1 ORDER BY group_no, participant_id", id)
			if err != nil {
				return err
			}
			groups = append(groups, g...)
		}
		return nil
	})
	return groups, wrapRead("les sous-groupes des séances précédentes", err)
}

func readGroups(ctx context.Context, tx *sql.Tx, query string, sessionID int64) ([][]int64, error) {
	rows, err := tx.QueryContext(ctx, query, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var groups [][]int64
	last := 0
	for rows.Next() {
		var no int
		var pid int64
		if err := rows.Scan(&no, &pid); err != nil {
			return nil, err
		}
		if no != last {
			groups = append(groups, nil)
			last = no
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], pid)
	}
	return groups, rows.Err()
}

// SaveBreakout replaces the groups kept with a session.
func (s *Store) SaveBreakout(ctx context.Context, sessionID int64, groups [][]int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM breakout_members WHERE session_id = $1", sessionID); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, "INSERT INTO breakout_members (session_id, group_no, participant_id) VALUES ($1, $2, $3)")
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, g := range groups {
			for _, pid := range g {
				if _, err := stmt.ExecContext(ctx, sessionID, i+1, pid); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return wrapWrite("les sous-groupes", err)
}
