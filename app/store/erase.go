package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"atelier/app/kit/fold"
	"atelier/app/kit/usererr"
)

// erasurePendingKey is the setting that says an erasure was committed but
// older copies of the person may still be in the file's bytes. Its value
// holds no personal data: only that something is left to fold away.
const erasurePendingKey = "erasure_pending"

// ErrErasurePending is an erasure committed while another connection was
// reading the file: the person is gone from every table, but SQLite cannot
// yet overwrite the pages that still hold them.
var ErrErasurePending = usererr.New("La personne est retirée de la liste, mais sa trace reste encore dans le fichier\u00a0: " +
	"une autre fenêtre ou commande d’Atelier est en train de le lire. L’effacement s’achèvera à la prochaine ouverture d’Atelier, " +
	"ou dès que l’autre fenêtre ou commande se sera fermée.")

// Bounds of the wait for readers to let go of the WAL. Counted in attempts
// rather than read off a clock: the store has no wall clock of its own.
const (
	checkpointPause    = 50 * time.Millisecond
	eraseAttempts      = 60 // about three seconds
	openFinishAttempts = 10 // half a second: opening must not drag
)

// EraseParticipant removes every row about a person for good, and the
// copies of them the file still holds: the file is opened with
// secure_delete, so freed space is overwritten with zeros, and the
// write-ahead log, which keeps the pages as they were, is folded into the
// file and emptied. While another connection reads, the log cannot be
// emptied: the erasure is then committed and marked pending, finished by
// FinishErasure or the next Open, and the error is ErrErasurePending.
//
// On a team database the rows go at COMMIT and nothing is left for Atelier
// to fold: old row versions stay in the server's files until its VACUUM,
// which the server's owner runs, so no erasure is ever pending there.
func (s *Store) EraseParticipant(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var cohortID int64
		var name string
		err := tx.QueryRowContext(ctx, "SELECT cohort_id, name FROM participants WHERE id = $1", id).Scan(&cohortID, &name)
		if errors.Is(err, sql.ErrNoRows) {
			return personNotFound(id)
		}
		if err != nil {
			return err
		}
		if err := eraseFromStructures(ctx, tx, cohortID, name); err != nil {
			return err
		}
		// Marks, breakout groups and linked diagram members go by cascade.
		if _, err := tx.ExecContext(ctx, "DELETE FROM participants WHERE id = $1", id); err != nil {
			return err
		}
		if s.team {
			return nil // nothing pending on a server (see above)
		}
		// In the same transaction: should Atelier stop before the log is
		// emptied, the next opening still knows there is work left.
		_, err = tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, '1')
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, erasurePendingKey)
		return err
	})
	if err != nil {
		return wrapWrite("l’effacement", err)
	}
	if s.team {
		return nil
	}
	return s.finishErasure(ctx, eraseAttempts)
}

// erasedLabel replaces the name on a diagram's « personne » node that
// stood for the erased person: the node and its links stay, so the
// diagram still reads.
const erasedLabel = "Personne retirée"

// eraseFromStructures removes the person from the cohort's structure
// diagrams where they appear by name only, which the cascade misses: as a
// member written in a diagram saved before they registered (not linked to
// them), and as the label of a « personne » node. Names are compared as
// the diagram links them (fold.Key).
func eraseFromStructures(ctx context.Context, tx *sql.Tx, cohortID int64, name string) error {
	key := fold.Key(name)
	type row struct{ structure, node, position int64 }
	// matching reads the rows of query whose last column is the name.
	matching := func(query string) ([]row, error) {
		rows, err := tx.QueryContext(ctx, query, cohortID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var found []row
		for rows.Next() {
			var r row
			var n string
			if err := rows.Scan(&r.structure, &r.node, &r.position, &n); err != nil {
				return nil, err
			}
			if fold.Key(n) == key {
				found = append(found, r)
			}
		}
		return found, rows.Err()
	}
	members, err := matching(`SELECT m.structure_id, m.node_id, m.position, m.name
		FROM structure_members m JOIN structures s ON s.id = m.structure_id
		WHERE s.cohort_id = $1 AND m.participant_id IS NULL`)
	if err != nil {
		return err
	}
	for _, m := range members {
		if _, err := tx.ExecContext(ctx, "DELETE FROM structure_members WHERE structure_id = $1 AND node_id = $2 AND position = $3",
			m.structure, m.node, m.position); err != nil {
			return err
		}
	}
	nodes, err := matching(`SELECT n.structure_id, n.id, 0, n.label
		FROM structure_nodes n JOIN structures s ON s.id = n.structure_id
		WHERE s.cohort_id = $1 AND n.kind = 'personne'`)
	if err != nil {
		return err
	}
	for _, n := range nodes {
		if _, err := tx.ExecContext(ctx, "UPDATE structure_nodes SET label = $1 WHERE structure_id = $2 AND id = $3",
			erasedLabel, n.structure, n.node); err != nil {
			return err
		}
	}
	return nil
}

// ErasurePending reports whether an erasure is still to be finished: the
// person is gone from the tables, but their trace is still in the file.
// Never on a team database, whose erasures have nothing left to finish.
func (s *Store) ErasurePending(ctx context.Context) (bool, error) {
	if s.team {
		return false, nil
	}
	v, err := s.Setting(ctx, erasurePendingKey)
	return v != "", err
}

// FinishErasure tries again to fold away the trace of a pending erasure,
// for a caller that knows the other reader has gone. It returns nil when
// nothing is left (or nothing was pending), ErrErasurePending when another
// connection still reads.
func (s *Store) FinishErasure(ctx context.Context) error {
	if s.readOnly || s.team {
		return nil
	}
	pending, err := s.ErasurePending(ctx)
	if err != nil || !pending {
		return err
	}
	return s.finishErasure(ctx, eraseAttempts)
}

// finishErasure empties the WAL (checkpoint TRUNCATE: every page copied
// into the file, the log cut to nothing), waiting for readers through at
// most attempts tries, then clears the pending mark.
func (s *Store) finishErasure(ctx context.Context, attempts int) error {
	done, err := s.truncateWAL(ctx, attempts)
	if err != nil {
		return explain(usererr.New("La personne est retirée de la liste, mais sa trace n’a pas pu être effacée du fichier"), err)
	}
	if !done {
		return ErrErasurePending
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM settings WHERE key = $1", erasurePendingKey)
		return err
	})
	if err != nil {
		return explain(usererr.New("La personne est effacée, mais Atelier n’a pas pu noter que l’effacement est terminé"), err)
	}
	// The mark's removal went to the log: fold it too, so that the file
	// is left as a closed one would be. It holds nothing personal, so a
	// reader arriving in between is of no consequence.
	_, err = s.truncateWAL(ctx, 1)
	return wrapWrite("l’effacement", err)
}

// truncateWAL runs PRAGMA wal_checkpoint(TRUNCATE) until it succeeds or
// attempts run out. SQLite reports a reader in the way not as an error but
// in the result row (busy, log, checkpointed), so the row is what decides.
func (s *Store) truncateWAL(ctx context.Context, attempts int) (bool, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	// The pool's busy_timeout would have each try wait five seconds inside
	// SQLite, deaf to ctx; here the waiting is ours, in short pauses. The
	// connection goes back to the pool with its own timeout.
	var timeout int
	if err := conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout); err != nil {
		return false, err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		return false, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA busy_timeout = %d", timeout))
	for i := 0; ; i++ {
		var busy, log, checkpointed int
		if err := conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &log, &checkpointed); err != nil {
			return false, err
		}
		if busy == 0 {
			return true, nil
		}
		if i+1 >= attempts {
			return false, nil
		}
		t := time.NewTimer(checkpointPause)
		select {
		case <-ctx.Done():
			// Not an error: the erasure is committed and stays pending.
			t.Stop()
			return false, nil
		case <-t.C:
		}
	}
}
