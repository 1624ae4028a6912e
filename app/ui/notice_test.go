package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/i18n"
	"atelier/app/kit/textfmt"
	"atelier/app/service"
	"atelier/app/store"
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
func storedMark(t *testing.T, u *UI, id, session int64) (participants.Attendance, bool) {
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
	if _, ok := storedMark(t, u, helene.ID, c.session.ID); ok {
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
	got, ok := storedMark(t, u, helene.ID, c.session.ID)
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
	if _, ok := storedMark(t, u, second.ID, c.session.ID); ok {
		t.Error("Annuler left the second mark")
	}
	if _, ok := storedMark(t, u, first.ID, c.session.ID); !ok {
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

// Moving or deleting an agenda block says so with « Annuler », which
// takes the edit back; typing in the block ends the offer, since
// « Annuler » would then take back something else.
func TestAgendaEditsSaySoAndUndo(t *testing.T) {
	u, st := newTestUI(t)
	s := u.sessions
	s.list.Select(3)
	s.agendaList.Select(1)
	before := slices.Clone(s.session().Blocks)
	title := before[1].Title
	s.onRemoveBlock()
	if want := "Bloc «\u00a0" + title + "\u00a0» supprimé."; !u.notice.root.Visible() || u.notice.label.Text != want {
		t.Fatalf("notice %v %q, want %q", u.notice.root.Visible(), u.notice.label.Text, want)
	}
	tapButton(t, u.notice.root, "Annuler")
	c, _ := st.Cohort(context.Background(), u.cohort.ID)
	if got := c.Sessions[3].Blocks; len(got) != len(before) || got[1].Title != title {
		t.Fatalf("after Annuler: %d blocks, block 2 %q", len(got), got[1].Title)
	}
	s.agendaList.Select(1)
	s.move(1)
	if want := "Bloc «\u00a0" + title + "\u00a0» déplacé."; !u.notice.root.Visible() || u.notice.label.Text != want {
		t.Fatalf("notice %v %q, want %q", u.notice.root.Visible(), u.notice.label.Text, want)
	}
	s.editor.title.SetText("Autre titre")
	if u.notice.root.Visible() {
		t.Error("the offer stays after the block was edited")
	}
}

// Linking a resource says where, with « Annuler » removing the link; a
// link already there is said so, with nothing to undo.
func TestResourceLinkSaysSoAndUndo(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	id, err := st.AddResource(ctx, resourceForTest())
	if err != nil {
		t.Fatal(err)
	}
	r := resourceForTest()
	r.ID = id
	ses := u.cohort.Sessions[2]
	l := newLibraryScreen(u)
	l.link(r, ses.ID, store.WholeSession, "à la séance 3")
	if want := "«\u00a0" + r.Title + "\u00a0» est liée à la séance 3."; u.notice.label.Text != want || !u.notice.undo.Visible() {
		t.Fatalf("notice %q, want %q", u.notice.label.Text, want)
	}
	if links, _ := st.SessionLinks(ctx, ses.ID); len(links) != 1 {
		t.Fatalf("links %v", links)
	}
	tapButton(t, u.notice.root, "Annuler")
	if links, _ := st.SessionLinks(ctx, ses.ID); len(links) != 0 {
		t.Fatalf("after Annuler: links %v", links)
	}
	l.link(r, ses.ID, store.WholeSession, "à la séance 3")
	l.link(r, ses.ID, store.WholeSession, "à la séance 3")
	if !strings.Contains(u.notice.label.Text, "était déjà liée") || u.notice.undo.Visible() {
		t.Errorf("a second link: %q, undo %v", u.notice.label.Text, u.notice.undo.Visible())
	}
	if links, _ := st.SessionLinks(ctx, ses.ID); len(links) != 1 {
		t.Errorf("links %v", links)
	}
}
