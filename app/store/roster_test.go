package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"

	"atelier/app/domain/participants"
)

// smallCohort makes a cohort of seats seats and returns it with a context.
func smallCohort(t *testing.T, seats int) (*Store, int64, []int64) {
	t.Helper()
	s := openTest(t)
	ctx := context.Background()
	c := testCohort(t, "Cohorte", date(2027, 1, 6, 18, 30))
	c.SeatLimit = seats
	id, err := s.CreateCohort(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := s.Cohort(ctx, id)
	sessions := make([]int64, len(full.Sessions))
	for i, se := range full.Sessions {
		sessions[i] = se.ID
	}
	return s, id, sessions
}

func TestSeatLimitAndWaitingList(t *testing.T) {
	s, id, _ := smallCohort(t, 2)
	ctx := context.Background()
	var added []participants.Participant
	for i, name := range []string{"Awa", "Bastien", "Chloé", "Dominique"} {
		p, err := s.AddParticipant(ctx, id, participants.Participant{Name: name, RegisteredAt: date(2026, 11, 1+i, 9, 0)})
		if err != nil {
			t.Fatal(err)
		}
		added = append(added, p)
	}
	want := []participants.Status{participants.Inscrit, participants.Inscrit, participants.Attente, participants.Attente}
	for i, p := range added {
		if p.Status != want[i] {
			t.Errorf("%s got %s, want %s", p.Name, p.Status, want[i])
		}
	}
	// Confirming someone waiting is refused while the seats are taken.
	chloe := added[2]
	chloe.Status = participants.Confirme
	if err := s.UpdateParticipant(ctx, chloe); !errors.Is(err, ErrNoSeat) {
		t.Errorf("confirming past the limit: %v", err)
	}
	// Bastien withdraws: Chloé, first on the waiting list, is offered the seat.
	next, ok, err := s.Withdraw(ctx, added[1].ID)
	if err != nil || !ok || next.ID != chloe.ID {
		t.Fatalf("after withdrawal, next is %+v, %v, %v", next, ok, err)
	}
	if err := s.Promote(ctx, next.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Promote(ctx, added[3].ID); !errors.Is(err, ErrNoSeat) {
		t.Errorf("second promotion: %v", err)
	}
	ps, _ := s.Participants(ctx, id)
	got := map[string]participants.Status{}
	for _, p := range ps {
		got[p.Name] = p.Status
	}
	if got["Bastien"] != participants.Desiste || got["Chloé"] != participants.Inscrit || got["Dominique"] != participants.Attente {
		t.Errorf("statuses %v", got)
	}
	// Nobody waits any more behind a withdrawal that frees no seat.
	if _, ok, _ := s.Withdraw(ctx, added[3].ID); ok {
		t.Error("withdrawing from the waiting list offered a seat")
	}
}

func TestWalkInIsAddedAndMarkedPresent(t *testing.T) {
	s, id, sessions := smallCohort(t, 1)
	ctx := context.Background()
	if _, err := s.AddParticipant(ctx, id, participants.Participant{Name: "Awa"}); err != nil {
		t.Fatal(err)
	}
	p, err := s.AddWalkIn(ctx, id, sessions[1], participants.Participant{Name: "Zoé Lévesque"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != participants.Confirme || p.Attended != 1 {
		t.Errorf("walk-in %+v", p)
	}
	marks, _ := s.SessionAttendance(ctx, sessions[1])
	if len(marks) != 1 || marks[0].ParticipantID != p.ID || marks[0].Mark != participants.Present {
		t.Errorf("marks %+v", marks)
	}
	if _, err := s.AddWalkIn(ctx, id, sessions[1], participants.Participant{Name: ""}); err == nil {
		t.Error("walk-in without a name accepted")
	}
}

func TestRemoveThenUndo(t *testing.T) {
	s, id, sessions := smallCohort(t, 5)
	ctx := context.Background()
	p, _ := s.AddParticipant(ctx, id, participants.Participant{Name: "Hélène Œuvre 🌱", Email: "helene@exemple.ca"})
	if err := s.SetAttendance(ctx, []participants.Attendance{
		{ParticipantID: p.ID, SessionID: sessions[0], Mark: participants.Present, Minutes: 90},
		{ParticipantID: p.ID, SessionID: sessions[1], Mark: participants.Excuse, Note: "malade"},
	}); err != nil {
		t.Fatal(err)
	}
	r, err := s.RemoveParticipant(ctx, p.ID)
	if err != nil || len(r.Marks) != 2 {
		t.Fatalf("removed %+v, %v", r, err)
	}
	if n, _ := s.CountParticipants(ctx, id); n != 0 {
		t.Fatalf("%d left after removal", n)
	}
	if err := s.RestoreParticipant(ctx, r); err != nil {
		t.Fatal(err)
	}
	back, err := s.PersonalData(ctx, p.ID)
	if err != nil || back.Participant.Name != p.Name || back.Participant.Attended != 1 || len(back.Marks) != 2 || back.Marks[1].Note != "malade" {
		t.Errorf("restored %+v, %v", back, err)
	}
}

func TestEraseLeavesNoTraceInTheFile(t *testing.T) {
	s, id, sessions := smallCohort(t, 5)
	ctx := context.Background()
	secret := "Xéphyrine Quatremains-Secrète"
	p, _ := s.AddParticipant(ctx, id, participants.Participant{Name: secret, Email: "xephyrine@exemple.ca", Notes: "Besoin : sous-titres"})
	if _, err := s.AddParticipant(ctx, id, participants.Participant{Name: "Awa"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: p.ID, SessionID: sessions[0], Mark: participants.Present}}); err != nil {
		t.Fatal(err)
	}
	if err := s.EraseParticipant(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(s.Path() + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		for _, needle := range []string{"Quatremains", "xephyrine@"} {
			if bytes.Contains(data, []byte(needle)) {
				t.Errorf("%q still in %s after erasing", needle, "atelier.db"+suffix)
			}
		}
	}
	if _, err := s.PersonalData(ctx, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("erased person still found: %v", err)
	}
}

func TestApplyImport(t *testing.T) {
	s, id, _ := smallCohort(t, 5)
	ctx := context.Background()
	old, _ := s.AddParticipant(ctx, id, participants.Participant{Name: "Awa", Email: "awa@exemple.ca"})
	old.City = "Québec"
	add := []participants.Participant{{Name: "Bo", Status: participants.Inscrit}, {Name: "Cy", Status: participants.Attente}}
	if err := s.ApplyImport(ctx, id, add, []participants.Participant{old}); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Participants(ctx, id)
	if len(ps) != 3 || ps[0].City != "Québec" {
		t.Errorf("after import %+v", ps)
	}
	bad := []participants.Participant{{Name: "Dé", Status: participants.Inscrit}, {Name: "", Status: participants.Inscrit}}
	if err := s.ApplyImport(ctx, id, bad, nil); err == nil {
		t.Error("an invalid person was accepted")
	}
	if n, _ := s.CountParticipants(ctx, id); n != 3 {
		t.Errorf("a refused import wrote %d people", n-3)
	}
}

func TestClearAttendanceKeepsTheCount(t *testing.T) {
	s, id, sessions := smallCohort(t, 5)
	ctx := context.Background()
	p, _ := s.AddParticipant(ctx, id, participants.Participant{Name: "Awa"})
	if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: p.ID, SessionID: sessions[0], Mark: participants.Present}}); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearAttendance(ctx, p.ID, sessions[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearAttendance(ctx, p.ID, sessions[1]); err != nil {
		t.Errorf("clearing a missing mark: %v", err)
	}
	ps, _ := s.Participants(ctx, id)
	if ps[0].Attended != 0 {
		t.Errorf("attended %d after clearing", ps[0].Attended)
	}
}
