package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"atelier/app/domain/course"
	"atelier/app/domain/live"
	"atelier/app/domain/participants"
	"atelier/app/store"
)

func TestLiveModeRunsResumesAndShares(t *testing.T) {
	u, st := newTestUI(t)
	se := u.cohort.Sessions[3]
	clock = se.StartsAt
	l := u.openLive(se)
	if !strings.HasPrefix(l.block.Text, "1/") || l.startBtn.Text != "Démarrer" {
		t.Fatalf("before start: %q, %q", l.block.Text, l.startBtn.Text)
	}
	l.onStartPause()
	first := se.Blocks[0].Minutes
	clock = clock.Add(time.Duration(first-1) * time.Minute) // one minute left
	l.refresh()
	if l.countdown.Text != "01:00" || l.countdown.Color != levelColor(live.Critical) && l.countdown.Color != levelColor(live.Warning) {
		t.Errorf("one minute left: %q in %v", l.countdown.Text, l.countdown.Color)
	}
	clock = clock.Add(2 * time.Minute) // one minute over
	l.refresh()
	if l.countdown.Text != "−01:00" || l.countdown.Color != levelColor(live.Overrun) {
		t.Errorf("overrun: %q in %v", l.countdown.Text, l.countdown.Color)
	}
	if !strings.Contains(l.drift.Text, "retard") {
		t.Errorf("drift %q", l.drift.Text)
	}
	l.act(l.runner.Next)
	l.addMinutes(5)
	if !strings.HasPrefix(l.block.Text, "2/") || !strings.Contains(l.extra.Text, "5") {
		t.Errorf("after next and +5: %q, %q", l.block.Text, l.extra.Text)
	}
	// The screen-share window shows the countdown, without the notes.
	l.onShare()
	if l.shared == nil || l.shared.countdown.Text != l.countdown.Text || l.shared.block.Text != se.Blocks[1].Title {
		t.Fatalf("shared window: %+v", l.shared)
	}
	// Quit mid-session: the run is kept and resumed on the next opening,
	// as after a restart of the app.
	l.close(false)
	if u.onScreen() != u.main || len(u.liveDock.Objects) != 0 || u.live != nil {
		t.Error("live panel still there after quitting")
	}
	saved, _ := st.LiveState(context.Background(), se.ID)
	if saved == "" {
		t.Fatal("live state not saved")
	}
	clock = clock.Add(time.Minute)
	l2 := u.openLive(se)
	if !strings.HasPrefix(l2.block.Text, "2/") || l2.startBtn.Text != "Pause" {
		t.Errorf("resumed at %q, button %q", l2.block.Text, l2.startBtn.Text)
	}
	for range se.Blocks {
		l2.act(l2.runner.Next)
	}
	if l2.block.Text != "Séance terminée" {
		t.Errorf("after the last block: %q", l2.block.Text)
	}
	l2.close(false)
	if saved, _ := st.LiveState(context.Background(), se.ID); saved != "" {
		t.Errorf("a finished session keeps its live state %q", saved)
	}
}

// allPresent is a present mark at se for each person of the cohort on view.
func allPresent(t *testing.T, u *UI, st *store.Store, se course.Session) []participants.Attendance {
	t.Helper()
	people, err := st.Participants(context.Background(), u.cohort.ID)
	if err != nil {
		t.Fatal(err)
	}
	var marks []participants.Attendance
	for _, p := range people {
		marks = append(marks, participants.Attendance{ParticipantID: p.ID, SessionID: se.ID, Mark: participants.Present})
	}
	return marks
}

func TestBreakoutGroupsFromThePresent(t *testing.T) {
	u, st := rosterUI(t)
	ctx := context.Background()
	se := u.cohort.Sessions[1]
	marks := allPresent(t, u, st, se)
	marks[4].Mark = participants.Absent
	if err := st.SetAttendance(ctx, marks); err != nil {
		t.Fatal(err)
	}
	b := u.openBreakouts(se)
	b.size.SetText("2")
	b.onSplit()
	if len(b.groups) != 2 || countMembers(b.groups) != 4 {
		t.Fatalf("groups %v", b.groups)
	}
	if !strings.HasPrefix(b.text.Text, "Sous-groupes — Séance 2\nGroupe 1\u00a0: ") || strings.Contains(b.text.Text, "Bruno") {
		t.Errorf("text %q", b.text.Text)
	}
	test.Tap(b.copy)
	if got := u.app.Clipboard().Content(); got != b.text.Text {
		t.Errorf("clipboard %q", got)
	}
	b.onSave()
	kept, _ := st.Breakout(ctx, se.ID)
	if len(kept) != 2 {
		t.Errorf("kept %v", kept)
	}
	// Reopened, the groups are still there.
	if again := u.openBreakouts(se); again.text.Text != b.text.Text {
		t.Errorf("reopened text %q", again.text.Text)
	}
}
