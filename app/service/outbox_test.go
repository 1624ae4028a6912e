package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/fold"
	"atelier/app/store"
	"atelier/app/store/pgtest"
	"atelier/workshops"
)

// TestCheckInSurvivesADroppedServer stops the team database under a
// check-in: the marks taken meanwhile wait on this machine, durably, and
// arrive once the server is back.
func TestCheckInSurvivesADroppedServer(t *testing.T) {
	ctx := context.Background()
	c := pgtest.Own(t)
	if err := c.CreateDatabase("equipe"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(c.DSN("equipe"), store.Options{Now: func() time.Time { return start }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := New(st, workshops.MustPlans(), func() time.Time { return start })
	if _, err := svc.FirstStart(ctx, workshops.Catalogue()); err != nil {
		t.Fatal(err)
	}
	list, _ := st.Cohorts(ctx)
	cohort, err := st.Cohort(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	session := cohort.Sessions[0].ID
	var people []participants.Participant
	for _, name := range []string{"Hélène Tremblay", "Noé Côté", "Zoé Bouchard-Saint-Amand"} {
		p, err := svc.AddPerson(ctx, cohort.ID, participants.Participant{Name: name, Email: fold.Key(name)[:3] + "@example.org", Consent: true})
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	outbox := filepath.Join(t.TempDir(), "attente", "equipe.json")
	if n, err := svc.KeepOutbox(outbox); err != nil || n != 0 {
		t.Fatalf("KeepOutbox = %d, %v", n, err)
	}
	if _, err := svc.CheckIn(ctx, participants.Attendance{ParticipantID: people[0].ID, SessionID: session}); err != nil {
		t.Fatal(err)
	}

	if err := c.Halt(); err != nil {
		t.Fatal(err)
	}
	// Offline: two marks, and one taken back (a second tap).
	for _, p := range people[1:] {
		if _, err := svc.CheckIn(ctx, participants.Attendance{ParticipantID: p.ID, SessionID: session}); err != nil {
			t.Fatalf("offline check-in refused: %v", err)
		}
	}
	if err := svc.ClearMark(ctx, people[0].ID, session); err != nil {
		t.Fatalf("offline un-mark refused: %v", err)
	}
	if n := svc.Waiting(); n != 3 {
		t.Errorf("%d marks waiting, want 3", n)
	}
	fi, err := os.Stat(outbox)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("outbox file: %v, %v", fi, err)
	}
	// Durable: an Atelier restarted meanwhile finds them.
	again := New(st, workshops.MustPlans(), nil)
	if n, err := again.KeepOutbox(outbox); err != nil || n != 3 {
		t.Errorf("after a restart: %d waiting, %v", n, err)
	}
	if _, err := svc.SendWaiting(ctx); err == nil {
		t.Error("sent to a stopped server")
	}
	if n := svc.Waiting(); n != 3 {
		t.Errorf("a failed send lost marks: %d left", n)
	}

	if err := c.Resume(); err != nil {
		t.Fatal(err)
	}
	sent, err := svc.SendWaiting(ctx)
	if err != nil {
		// pgx notices the restart on the first statement only.
		sent, err = svc.SendWaiting(ctx)
	}
	if err != nil || sent != 3 {
		t.Fatalf("SendWaiting = %d, %v", sent, err)
	}
	marks, err := st.SessionAttendance(ctx, session)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]participants.Mark{}
	for _, m := range marks {
		got[m.ParticipantID] = m.Mark
	}
	if len(got) != 2 || got[people[1].ID] != participants.Present || got[people[2].ID] != participants.Present {
		t.Errorf("marks after the server came back: %v", got)
	}
	if _, err := os.Stat(outbox); !os.IsNotExist(err) {
		t.Errorf("the outbox file stays after everything was sent: %v", err)
	}
}
