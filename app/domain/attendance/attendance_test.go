package attendance

import (
	"strings"
	"testing"
	"time"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
)

var start = time.Date(2026, 12, 2, 23, 30, 0, 0, time.UTC)

func cohort() course.Cohort {
	c := course.Cohort{}
	for i := range 5 {
		c.Sessions = append(c.Sessions, course.Session{ID: int64(10 + i), Number: i + 1, StartsAt: start.AddDate(0, 0, 7*i)})
	}
	return c
}

// people: 11 holding a seat (ids 1–11), one waiting (12), one walk-in (13),
// one who withdrew (14).
func people() []participants.Participant {
	var list []participants.Participant
	for i := 1; i <= 11; i++ {
		st := participants.Inscrit
		if i%2 == 0 {
			st = participants.Confirme
		}
		list = append(list, participants.Participant{ID: int64(i), Name: string(rune('A' + i)), Status: st})
	}
	return append(list,
		participants.Participant{ID: 12, Name: "Waiting", Status: participants.Attente},
		participants.Participant{ID: 13, Name: "Walk-in", Status: participants.SansInscription},
		participants.Participant{ID: 14, Name: "Gone", Status: participants.Desiste},
	)
}

func mark(pid, sid int64, m participants.Mark) participants.Attendance {
	return participants.Attendance{ParticipantID: pid, SessionID: sid, Mark: m}
}

func TestAVideoReportListingOnlyWhoCameDoesNotOverstate(t *testing.T) {
	c := cohort()
	// Session 1 is over; three people came and were marked from the report,
	// with the walk-in; nobody else was marked.
	marks := []participants.Attendance{
		mark(1, 10, participants.Present), mark(2, 10, participants.Present), mark(3, 10, participants.Retard),
		mark(13, 10, participants.Present),
	}
	now := start.Add(3 * time.Hour)
	r := Tally(c, people(), marks, now)
	s1 := r.Sessions[0]
	if s1.Expected != 11 || s1.Came() != 3 || s1.Unmarked != 8 || s1.Others != 1 || !s1.Held {
		t.Fatalf("session 1 %+v", s1)
	}
	if got := s1.Rate(); got != (Rate{3, 11}) {
		t.Errorf("session 1 rate %v, want 3/11 (not 100 %%)", got)
	}
	if r.Held != 1 || r.Cohort != (Rate{3, 11}) {
		t.Errorf("held %d, cohort %v", r.Held, r.Cohort)
	}
	if r.Sessions[1].Held || r.Sessions[1].Rate() != (Rate{}) {
		t.Errorf("session 2 not yet started: %+v", r.Sessions[1])
	}
	// A week later session 2 has started too: whoever came once of two
	// is at 50 %, not 100 %.
	later := Tally(c, people(), marks, start.AddDate(0, 0, 7).Add(time.Minute))
	if got := later.People[1].Rate; got != (Rate{1, 2}) {
		t.Errorf("person 1 rate %v, want 1/2", got)
	}
	if got := later.Cohort; got != (Rate{3, 22}) {
		t.Errorf("cohort rate %v, want 3/22", got)
	}
}

func TestHeldByMarkOrByStart(t *testing.T) {
	c := cohort()
	before := start.Add(-time.Hour)
	// A rehearsal mark makes session 3 held even before its date.
	marks := []participants.Attendance{mark(1, 12, participants.Present)}
	r := Tally(c, people(), marks, before)
	var held []int
	for _, s := range r.Sessions {
		if s.Held {
			held = append(held, s.Number)
		}
	}
	if len(held) != 1 || held[0] != 3 || r.Held != 1 {
		t.Errorf("held %v", held)
	}
	if n := HeldCount(c, map[int64]bool{12: true}, before); n != 1 {
		t.Errorf("HeldCount %d", n)
	}
	if n := HeldCount(c, nil, start.AddDate(0, 0, 14)); n != 3 {
		t.Errorf("HeldCount by date %d, want 3", n)
	}
}

func TestNeverExpected(t *testing.T) {
	c := cohort()
	marks := []participants.Attendance{
		mark(12, 10, participants.Present), mark(13, 10, participants.Retard), mark(14, 10, participants.Absent),
	}
	s := Tally(c, people(), marks, start.Add(time.Hour)).Sessions[0]
	if s.Expected != 11 || s.Others != 2 || s.Absent != 0 || s.Came() != 0 || s.Here() != 2 {
		t.Errorf("%+v", s)
	}
}

func TestRestAndQualified(t *testing.T) {
	marks := []participants.Attendance{mark(1, 10, participants.Present), mark(2, 10, participants.Excuse)}
	rest := Rest(people(), marks)
	if len(rest) != 9 {
		t.Fatalf("rest %d, want 9 (11 seats, 2 marked; never the waiting list, walk-in or withdrawn)", len(rest))
	}
	for _, p := range rest {
		if p.ID == 1 || p.ID == 2 || p.ID > 11 {
			t.Errorf("%d in the rest", p.ID)
		}
	}
	var all []participants.Attendance
	for sid := int64(10); sid < 15; sid++ {
		all = append(all, mark(1, sid, participants.Present))
		if sid < 13 {
			all = append(all, mark(13, sid, participants.Retard))
		}
	}
	all = append(all, mark(2, 10, participants.Present))
	r := Tally(cohort(), people(), all, start.AddDate(0, 1, 0))
	var names []string
	for _, p := range Qualified(r, people(), 3) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "B,Walk-in" {
		t.Errorf("qualified %q", got)
	}
	if got := r.People[1].Sessions; len(got) != 5 || got[0] != 10 {
		t.Errorf("sessions attended %v", got)
	}
}

func TestRatio(t *testing.T) {
	if _, ok := (Rate{}).Ratio(); ok {
		t.Error("0/0 has a ratio")
	}
	if f, ok := (Rate{2, 3}).Ratio(); !ok || f < 0.66 || f > 0.67 {
		t.Errorf("2/3 = %v", f)
	}
}
