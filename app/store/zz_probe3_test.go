package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func BenchmarkProbe3(b *testing.B) {
	path := filepath.Join(b.TempDir(), "grand.db")
	s, _ := Open(path)
	id := bigCohort(b, s, "Grande cohorte")
	s.Close()
	s, _ = Open(path)
	defer s.Close()
	ctx := context.Background()
	qs := []string{
		`SELECT a.participant_id, a.session_id, a.mark, a.minutes, nullif(a.note, '')
			FROM participants p JOIN attendance a ON a.participant_id = p.id
			WHERE p.cohort_id = ? ORDER BY p.registered_at, p.id, a.session_id`,
		`SELECT a.participant_id, a.session_id, CASE a.mark WHEN 'present' THEN 0 WHEN 'absent' THEN 1 WHEN 'excuse' THEN 2 ELSE 3 END, a.minutes, nullif(a.note, '')
			FROM participants p JOIN attendance a ON a.participant_id = p.id
			WHERE p.cohort_id = ? ORDER BY p.registered_at, p.id, a.session_id`,
		`SELECT a.participant_id, a.session_id, a.mark, a.minutes, a.note
			FROM participants p JOIN attendance a ON a.participant_id = p.id
			WHERE p.cohort_id = ? ORDER BY p.registered_at, p.id, a.session_id`,
		`SELECT a.participant_id, a.session_id, a.mark, a.minutes, a.note
			FROM participants p JOIN attendance a ON a.participant_id = p.id
			WHERE p.cohort_id = ?`,
		`SELECT a.participant_id, a.session_id, a.mark, a.minutes, a.note
			FROM attendance a WHERE a.participant_id IN (SELECT id FROM participants WHERE cohort_id = ?)`,
	}
	best := make([]time.Duration, len(qs))
	for i := range best {
		best[i] = time.Hour
	}
	for range 15 {
		for i, q := range qs {
			t0 := time.Now()
			rows, err := s.db.QueryContext(ctx, q, id)
			if err != nil {
				b.Fatal(err)
			}
			var v [5]any
			for rows.Next() {
				rows.Scan(&v[0], &v[1], &v[2], &v[3], &v[4])
			}
			rows.Close()
			best[i] = min(best[i], time.Since(t0))
		}
	}
	for i, q := range qs {
		fmt.Fprintf(os.Stderr, "%v  %.70q\n", best[i], q[30:])
	}
}
