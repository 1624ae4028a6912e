package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/i18n"
	"atelier/app/kit/textfmt"
	"atelier/app/service"
)

// timers is the time of the window newTestUI opened: nothing the window
// puts off happens until the test says the time has passed.
var timers *manualTimers

// manualTimers is an afterFunc whose time moves only with pass.
type manualTimers struct {
	now time.Duration
	due []*manualTimer
}

type manualTimer struct {
	at      time.Duration
	f       func()
	stopped bool
}

func (m *manualTimers) after(d time.Duration, f func()) func() {
	t := &manualTimer{at: m.now + d, f: f}
	m.due = append(m.due, t)
	return func() { t.stopped = true }
}

// pass moves time on by d and runs what fell due, in order.
func (m *manualTimers) pass(d time.Duration) {
	m.now += d
	var later []*manualTimer
	var fire []*manualTimer
	for _, t := range m.due {
		switch {
		case t.stopped:
		case t.at <= m.now:
			fire = append(fire, t)
		default:
			later = append(later, t)
		}
	}
	m.due = later
	for _, t := range fire {
		t.f()
	}
}

// markOf is the stored mark of person id at session, if any.
func markOf(t *testing.T, u *UI, id, session int64) (participants.Attendance, bool) {
	t.Helper()
	marks, err := u.store.SessionAttendance(context.Background(), session)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range marks {
		if m.ParticipantID == id {
			return m, true
		}
	}
	return participants.Attendance{}, false
}

// A second tap takes a présent·e mark back and says so; « Annuler » puts
// the mark back in the database as it was, minutes and note included.
func TestUnmarkSaysSoAndIsUndone(t *testing.T) {
	u, _ := rosterUI(t)
	u.people.SelectIndex(1)
	c := u.checkin
	helene := c.people[0]
	before := participants.Attendance{ParticipantID: helene.ID, SessionID: c.session.ID, Mark: participants.Present, Minutes: 95, Note: "en visio"}
	if err := u.svc.Mark(context.Background(), before); err != nil {
		t.Fatal(err)
	}
	c.reload()
	c.list.Select(0) // a tap on Hélène, already présente
	if _, ok := markOf(t, u, helene.ID, c.session.ID); ok {
		t.Fatal("the tap left the mark")
	}
	if !u.notice.root.Visible() || u.notice.label.Text != "Hélène Tremblay n’est plus marqué·e présent·e." || !u.notice.undo.Visible() {
		t.Fatalf("notice %v %q", u.notice.root.Visible(), u.notice.label.Text)
	}
	if !strings.HasPrefix(c.count.Text, "Présences\u00a0: 0 sur") {
		t.Errorf("count %q", c.count.Text)
	}
	timers.pass(noticeTime) // the undo stays longer than a plain notice
	tapButton(t, u.notice.root, "Annuler")
	got, ok := markOf(t, u, helene.ID, c.session.ID)
	if !ok || got != before {
		t.Fatalf("after Annuler: %v %+v, want %+v", ok, got, before)
	}
	if u.notice.root.Visible() || !strings.HasPrefix(c.count.Text, "Présences\u00a0: 1 sur") || c.marks[helene.ID] != before {
		t.Errorf("after Annuler: notice %v, count %q, desk %+v", u.notice.root.Visible(), c.count.Text, c.marks[helene.ID])
	}
}

// Marking says so too; its undo leaves no mark; the notice goes in time,
// and a new one replaces it.
func TestMarkSaysSoAndGoes(t *testing.T) {
	u, _ := rosterUI(t)
	u.people.SelectIndex(1)
	c := u.checkin
	first, second := c.people[0], c.people[1]
	c.list.Select(0)
	if u.notice.label.Text != first.Name+" est marqué·e présent·e." {
		t.Fatalf("notice %q", u.notice.label.Text)
	}
	c.list.Select(1) // the next tap: its notice replaces the first
	if u.notice.label.Text != second.Name+" est marqué·e présent·e." {
		t.Fatalf("notice %q", u.notice.label.Text)
	}
	tapButton(t, u.notice.root, "Annuler")
	if _, ok := markOf(t, u, second.ID, c.session.ID); ok {
		t.Error("Annuler left the second mark")
	}
	if _, ok := markOf(t, u, first.ID, c.session.ID); !ok {
		t.Error("Annuler took the first mark too")
	}
	c.list.Select(1)
	timers.pass(noticeUndoTime - time.Second)
	if !u.notice.root.Visible() {
		t.Fatal("the notice went too soon")
	}
	timers.pass(time.Second)
	if u.notice.root.Visible() {
		t.Error("the notice stayed")
	}
}

// « Enregistrer les présences » says how many it saved, agreed in number.
func TestReportSavedText(t *testing.T) {
	if err := i18n.Apply("fr"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		out  service.ReportOutcome
		want string
	}{
		{service.ReportOutcome{Present: 1}, "1 présence enregistrée"},
		{service.ReportOutcome{Present: 10, Late: 2}, "12 présences enregistrées"},
		{service.ReportOutcome{Present: 3, Absent: make([]participants.Participant, 1)}, "3 présences enregistrées · 1 absence"},
		{service.ReportOutcome{Present: 1000, Absent: make([]participants.Participant, 8)}, "1\u00a0000 présences enregistrées · 8 absences"},
	}
	for _, tc := range cases {
		if got := reportSaved(textfmt.French, tc.out); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.out, got, tc.want)
		}
	}
}
