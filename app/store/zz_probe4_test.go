package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func BenchmarkProbe4(b *testing.B) {
	path := filepath.Join(b.TempDir(), "grand.db")
	s, _ := Open(path)
	id := bigCohort(b, s, "Grande cohorte")
	s.Close()
	s, _ = Open(path)
	defer s.Close()
	ctx := context.Background()
	q := `SELECT a.participant_id, a.session_id, a.mark, a.minutes, a.note
			FROM participants p JOIN attendance a ON a.participant_id = p.id
			WHERE p.cohort_id = ? ORDER BY p.registered_at, p.id, a.session_id`
	q1 := `SELECT a.participant_id
			FROM participants p JOIN attendance a ON a.participant_id = p.id
			WHERE p.cohort_id = ? ORDER BY p.registered_at, p.id, a.session_id`
	var bestSQL, bestRaw, bestRaw1 = time.Hour, time.Hour, time.Hour
	for range 15 {
		t0 := time.Now()
		rows, _ := s.db.QueryContext(ctx, q, id)
		var v [5]any
		for rows.Next() {
			rows.Scan(&v[0], &v[1], &v[2], &v[3], &v[4])
		}
		rows.Close()
		bestSQL = min(bestSQL, time.Since(t0))

		for k, qq := range []string{q, q1} {
			c, _ := s.db.Conn(ctx)
			t0 = time.Now()
			c.Raw(func(dc any) error {
				r, err := dc.(driver.QueryerContext).QueryContext(ctx, qq, []driver.NamedValue{{Ordinal: 1, Value: id}})
				if err != nil {
					b.Fatal(err)
				}
				dest := make([]driver.Value, len(r.Columns()))
				n := 0
				for r.Next(dest) == nil {
					n++
				}
				r.Close()
				return nil
			})
			if k == 0 {
				bestRaw = min(bestRaw, time.Since(t0))
			} else {
				bestRaw1 = min(bestRaw1, time.Since(t0))
			}
			c.Close()
		}
	}
	fmt.Fprintf(os.Stderr, "database/sql %v raw %v raw1col %v\n", bestSQL, bestRaw, bestRaw1)
}
