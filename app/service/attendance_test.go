package service

import (
	"strings"
	"testing"
	"time"

	"atelier/app/domain/attendance"
	"atelier/app/domain/participants"
)

var eleven = []string{"Awa Diop", "Bo Tran", "Cy Roy", "Dé Gagnon", "Ed Noël", "Fa Ouellet",
	"Gi Lam", "Ha Bui", "Io Paré", "Jo Roy", "Ka Sow"}

func TestVideoReportMarksTheRestAbsent(t *testing.T) {
	f := newFixture(t)
	f.setSeats(11)
	f.importRows(append(eleven, "Lu Attente")...)
	f.after(1, 3*time.Hour)
	s1 := f.session(1)
	// Three came; Lu, on the waiting list, came too; so did a stranger.
	rep := f.zoom(1, []string{"Awa Diop", "Bo Tran", "Lu Attente", "Zed Inconnu"}, "Cy Roy")
	plan, err := f.svc.PlanReport(f.ctx, f.c, s1.ID, rep, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Absent) != 8 || strings.Contains(names(plan.Absent), "Lu Attente") {
		t.Fatalf("absent %d: %s", len(plan.Absent), names(plan.Absent))
	}
	if names(plan.Waiting) != "Lu Attente" {
		t.Fatalf("waiting list in the report: %q", names(plan.Waiting))
	}
	if len(plan.Result.Unmatched) != 1 || plan.Result.Unmatched[0].Name != "Zed Inconnu" {
		t.Fatalf("unmatched %+v", plan.Result.Unmatched)
	}
	out, err := f.svc.ApplyReport(f.ctx, f.c.ID, plan, []Choice{{WalkIn: true}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if out.Present != 4 || out.Late != 1 || out.WalkIns != 1 || len(out.Absent) != 8 {
		t.Fatalf("outcome %+v", out)
	}
	r, _, err := f.svc.Tally(f.ctx, f.c)
	if err != nil {
		t.Fatal(err)
	}
	got := r.Sessions[0]
	if got.Expected != 11 || got.Present != 2 || got.Late != 1 || got.Absent != 8 || got.Unmarked != 0 || got.Others != 2 {
		t.Fatalf("session 1 %+v", got)
	}
	if got.Rate() != (attendance.Rate{Attended: 3, Possible: 11}) || r.Cohort != got.Rate() {
		t.Fatalf("rates %v %v: 3 of 11 came", got.Rate(), r.Cohort)
	}
	if zed := f.person("Zed Inconnu"); zed.Status != participants.SansInscription || zed.Attended != 1 {
		t.Fatalf("walk-in %+v", zed)
	}
	// Nothing is marked twice: importing the same report again finds
	// nobody left to mark absent.
	again, err := f.svc.PlanReport(f.ctx, f.c, s1.ID, rep, 10*time.Minute)
	if err != nil || len(again.Absent) != 0 {
		t.Fatalf("again: %d absent, %v", len(again.Absent), err)
	}
}

// The host of the meeting and the cohort's facilitators are the team: not
// among the people to place, not added as walk-ins, given no mark.
func TestVideoReportLeavesTheTeamOut(t *testing.T) {
	f := newFixture(t)
	f.setSeats(11)
	f.importRows(eleven...)
	c := f.c
	c.Facilitators = []string{"Nadia Roy-Lefebvre", "Gabrielle Ouellet"}
	if _, err := f.svc.UpdateCohort(f.ctx, c, false); err != nil {
		t.Fatal(err)
	}
	f.reload()
	f.after(1, 3*time.Hour)
	s1 := f.session(1)
	rep := f.zoom(1, []string{"Salle Atelier (Host)", "Awa Diop", "Nadia Roy-Lefebvre", "Zed Inconnu"})
	plan, err := f.svc.PlanReport(f.ctx, f.c, s1.ID, rep, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	var team []string
	for _, a := range plan.Result.Team {
		team = append(team, a.Name)
	}
	if strings.Join(team, ", ") != "Nadia Roy-Lefebvre, Salle Atelier (Host)" {
		t.Errorf("team %q", team)
	}
	if len(plan.Result.Unmatched) != 1 || plan.Result.Unmatched[0].Name != "Zed Inconnu" {
		t.Fatalf("unmatched %+v", plan.Result.Unmatched)
	}
	out, err := f.svc.ApplyReport(f.ctx, f.c.ID, plan, []Choice{{WalkIn: true}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if out.Present != 2 || out.WalkIns != 1 {
		t.Errorf("outcome %+v", out)
	}
	people, err := f.st.Participants(f.ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(people) != 12 || strings.Contains(names(people), "Nadia") || strings.Contains(names(people), "Salle") {
		t.Errorf("roster after the report: %s", names(people))
	}
}

func TestCheckInAndTheRestAbsent(t *testing.T) {
	f := newFixture(t)
	f.setSeats(11)
	f.importRows(eleven...)
	s1 := f.session(1)
	f.after(1, 5*time.Minute)
	for _, n := range []string{"Awa Diop", "Bo Tran"} {
		if _, err := f.svc.CheckIn(f.ctx, participants.Attendance{ParticipantID: f.person(n).ID, SessionID: s1.ID, Note: "en visio"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.svc.Mark(f.ctx, participants.Attendance{ParticipantID: f.person("Cy Roy").ID, SessionID: s1.ID, Mark: participants.Excuse}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AddWalkIn(f.ctx, f.c.ID, s1.ID, participants.Participant{Name: "Walk In"}); err != nil {
		t.Fatal(err)
	}
	d, err := f.svc.Desk(f.ctx, f.c, s1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Tally.Came() != 2 || d.Tally.Expected != 11 || d.Tally.Others != 1 || d.Tally.Excused != 1 {
		t.Fatalf("desk %+v", d.Tally)
	}
	rest, err := f.svc.RestAbsent(f.ctx, f.c, s1.ID)
	if err != nil || len(rest) != 8 {
		t.Fatalf("rest %d %v", len(rest), err)
	}
	marked, err := f.svc.MarkRestAbsent(f.ctx, f.c.ID, s1.ID)
	if err != nil || names(marked) != names(rest) {
		t.Fatalf("marked %q, %v", names(marked), err)
	}
	d, _ = f.svc.Desk(f.ctx, f.c, s1.ID)
	if d.Tally.Absent != 8 || d.Tally.Unmarked != 0 {
		t.Fatalf("after: %+v", d.Tally)
	}
	for _, m := range d.Marks {
		if m.ParticipantID == f.person("Awa Diop").ID && (m.Mark != participants.Present || m.Note != "en visio") {
			t.Fatalf("check-in mark %+v", m)
		}
	}
}

func TestRatesCountSessionsHeld(t *testing.T) {
	f := newFixture(t)
	f.setSeats(2)
	f.importRows("Awa Diop", "Bo Tran")
	awa := f.person("Awa Diop")
	if err := f.svc.Mark(f.ctx, participants.Attendance{ParticipantID: awa.ID, SessionID: f.session(1).ID, Mark: participants.Present}); err != nil {
		t.Fatal(err)
	}
	f.after(2, time.Hour) // session 2 has started; nobody marked there yet
	r, _, err := f.svc.Tally(f.ctx, f.c)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.People[awa.ID].Rate; got != (attendance.Rate{Attended: 1, Possible: 2}) {
		t.Fatalf("Awa's rate %v: came to 1 of 2 sessions held", got)
	}
	if r.Held != 2 || r.Cohort != (attendance.Rate{Attended: 1, Possible: 4}) {
		t.Fatalf("held %d, cohort %v", r.Held, r.Cohort)
	}
	v, err := f.svc.Roster(f.ctx, f.c)
	if err != nil || v.Held != 2 {
		t.Fatalf("roster held %d, %v", v.Held, err)
	}
}

func TestMarksFormClearsAndSets(t *testing.T) {
	f := newFixture(t)
	f.importRows("Awa Diop")
	awa := f.person("Awa Diop")
	s1 := f.session(1)
	if err := f.svc.Mark(f.ctx, participants.Attendance{ParticipantID: awa.ID, SessionID: s1.ID, Mark: participants.Present, Minutes: 80, Note: "Zoom"}); err != nil {
		t.Fatal(err)
	}
	err := f.svc.SaveMarks(f.ctx, f.c.ID, awa.ID, []participants.Attendance{{ParticipantID: awa.ID, SessionID: f.session(2).ID, Mark: participants.Absent}}, []int64{s1.ID})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := f.svc.Desk(f.ctx, f.c, s1.ID)
	if len(d.Marks) != 0 {
		t.Fatalf("cleared mark still there: %+v", d.Marks)
	}
}
