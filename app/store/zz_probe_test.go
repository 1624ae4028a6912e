package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func BenchmarkProbe(b *testing.B) {
	path := filepath.Join(b.TempDir(), "grand.db")
	s, _ := Open(path)
	id := bigCohort(b, s, "Grande cohorte")
	s.Close()
	ctx := context.Background()
	mins := make([]time.Duration, 7)
	for i := range mins {
		mins[i] = time.Hour
	}
	for range 30 {
		var ts [7]time.Time
		ts[0] = time.Now()
		s, _ := Open(path)
		ts[1] = time.Now()
		s.Cohorts(ctx)
		ts[2] = time.Now()
		s.Cohort(ctx, id)
		ts[3] = time.Now()
		s.Participants(ctx, id)
		ts[4] = time.Now()
		s.Attendance(ctx, id)
		ts[5] = time.Now()
		s.Close()
		ts[6] = time.Now()
		for i := 0; i < 6; i++ {
			mins[i] = min(mins[i], ts[i+1].Sub(ts[i]))
		}
		mins[6] = min(mins[6], ts[6].Sub(ts[0]))
	}
	fmt.Fprintf(os.Stderr, "min: open %v cohorts %v cohort %v parts %v att %v close %v total %v\n", mins[0], mins[1], mins[2], mins[3], mins[4], mins[5], mins[6])
}
