package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestSessionNotesAndLiveState(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) { testSessionNotesAndLiveState(t, s) })
}

func testSessionNotesAndLiveState(t *testing.T, s *Store) {
	ctx := context.Background()
	sessions := sessionIDs(t, s, createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30)))
	if err := s.SetSessionNotes(ctx, sessions[3], "Penser à ouvrir les salles « 4 à 6 »."); err != nil {
		t.Fatal(err)
	}
	if n, err := s.SessionNotes(ctx, sessions[3]); err != nil || n != "Penser à ouvrir les salles « 4 à 6 »." {
		t.Errorf("notes %q, %v", n, err)
	}
	if err := s.SetSessionNotes(ctx, 9999, "x"); err == nil {
		t.Error("notes of a missing session saved")
	}
	if st, err := s.LiveState(ctx, sessions[3]); st != "" || err != nil {
		t.Errorf("fresh live state %q, %v", st, err)
	}
	for _, state := range []string{`{"bloc":1}`, `{"bloc":2}`} {
		if err := s.SaveLiveState(ctx, sessions[3], state); err != nil {
			t.Fatal(err)
		}
	}
	if st, _ := s.LiveState(ctx, sessions[3]); st != `{"bloc":2}` {
		t.Errorf("live state %q", st)
	}
	if err := s.SaveLiveState(ctx, sessions[3], ""); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.LiveState(ctx, sessions[3]); st != "" {
		t.Errorf("cleared live state %q", st)
	}
}

func TestBreakoutsKeptAndErased(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) { testBreakoutsKeptAndErased(t, s) })
}

func testBreakoutsKeptAndErased(t *testing.T, s *Store) {
	ctx := context.Background()
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	sessions := sessionIDs(t, s, id)
	var ids []int64
	for i := range 6 {
		ids = append(ids, insertPerson(t, s, id, fmt.Sprintf("Personne %d", i)))
	}
	first := [][]int64{{ids[0], ids[1], ids[2]}, {ids[3], ids[4], ids[5]}}
	second := [][]int64{{ids[0], ids[3]}, {ids[1], ids[4]}, {ids[2], ids[5]}}
	if err := s.SaveBreakout(ctx, sessions[0], first); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBreakout(ctx, sessions[1], second); err != nil {
		t.Fatal(err)
	}
	got, err := s.Breakout(ctx, sessions[1])
	if err != nil || fmt.Sprint(got) != fmt.Sprint(second) {
		t.Errorf("session 2 groups %v, %v", got, err)
	}
	history, err := s.BreakoutHistory(ctx, id, 3)
	if err != nil || len(history) != 5 {
		t.Errorf("history %v, %v", history, err)
	}
	if s.team {
		// Erasing goes through erase.go, SQLite only until its own
		// conversion.
		return
	}
	if err := s.EraseParticipant(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Breakout(ctx, sessions[0])
	if fmt.Sprint(got) != fmt.Sprint([][]int64{{ids[1], ids[2]}, {ids[3], ids[4], ids[5]}}) {
		t.Errorf("after erasing, groups %v", got)
	}
}

func TestFixedStartRoundTrip(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) { testFixedStartRoundTrip(t, s) })
}

func testFixedStartRoundTrip(t *testing.T, s *Store) {
	ctx := context.Background()
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	sessions := sessionIDs(t, s, id)
	c, _ := s.Cohort(ctx, id)
	blocks := c.Sessions[1].Blocks
	blocks[3].FixedStart = 60 * time.Minute // the break at 19 h 30
	if _, err := s.SaveSessionBlocks(ctx, sessions[1], blocks); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Cohort(ctx, id)
	got := c.Sessions[1].Blocks
	if got[3].FixedStart != time.Hour || got[2].Fixed() {
		t.Errorf("fixed starts %v %v", got[3].FixedStart, got[2].FixedStart)
	}
}

// insertPerson registers name in a cohort with one INSERT, the same on
// both engines: the roster's own methods (roster.go) speak SQLite only
// until their conversion, and the groups need only someone to point at.
func insertPerson(t *testing.T, s *Store, cohortID int64, name string) int64 {
	t.Helper()
	now := testClock().Unix()
	var id int64
	if err := s.db.QueryRow(`INSERT INTO participants (cohort_id, name, status, registered_at, queued_at, created_at)
		VALUES ($1, $2, 'inscrit', $3, $3, $3) RETURNING id`, cohortID, name, now).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
