package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"atelier/app/domain/agenda"
)

func TestAgendaEditing(t *testing.T) {
	u, st := newTestUI(t)
	s := u.sessions
	s.list.Select(3) // session 4
	before := append([]agenda.Block(nil), s.session().Blocks...)
	n := len(before)

	// Lengthen block 2 by 5 minutes: the plan runs over and says so.
	s.agendaList.Select(1)
	s.editor.minutes.SetText("20")
	s.editor.onSave()
	if !strings.Contains(s.total.Text, "de trop") || !s.issues.Visible() {
		t.Errorf("over: total %q, issues %q", s.total.Text, s.issues.Text)
	}
	// Add a block after it, duplicate it, move it up, remove it.
	s.onAddBlock()
	if len(s.session().Blocks) != n+1 || s.current != 2 || s.session().Blocks[2].Title != "Nouveau bloc" {
		t.Fatalf("after add: %d blocks, current %d", len(s.session().Blocks), s.current)
	}
	s.edit(agenda.Duplicate, s.current+1)
	s.move(-1)
	if s.current != 2 || len(s.session().Blocks) != n+2 {
		t.Fatalf("after duplicate and move: current %d, %d blocks", s.current, len(s.session().Blocks))
	}
	s.onRemoveBlock()
	s.onRemoveBlock()
	if len(s.session().Blocks) != n {
		t.Fatalf("after removals: %d blocks", len(s.session().Blocks))
	}
	// Undo brings the last removal back; redo removes it again.
	s.onUndo()
	if len(s.session().Blocks) != n+1 {
		t.Errorf("after undo: %d blocks", len(s.session().Blocks))
	}
	s.onRedo()
	if len(s.session().Blocks) != n {
		t.Errorf("after redo: %d blocks", len(s.session().Blocks))
	}
	// Everything is saved as it goes.
	c, _ := st.Cohort(context.Background(), u.cohort.ID)
	if got := c.Sessions[3].Blocks[1].Minutes; got != 20 {
		t.Errorf("stored block 2 lasts %d min", got)
	}
	// Back to the curriculum.
	s.onReset()
	tapButton(t, u.win.Canvas().Overlays().Top(), "Oui")
	if got := s.session().Blocks; len(got) != n || got[1].Minutes != before[1].Minutes || !strings.Contains(s.total.Text, "prévues sur") {
		t.Errorf("after reset: %d blocks, total %q", len(got), s.total.Text)
	}
}

func TestFixedStartShowsGapsAndOverlaps(t *testing.T) {
	u, _ := newTestUI(t)
	s := u.sessions
	s.list.Select(0)
	// Pin the 6th block (the break) at 19 h 30, later than it falls: a gap.
	s.agendaList.Select(5)
	start := s.session().StartsAt
	fixedAt := start.Add(s.slots[5].Start.Sub(start) + 5*time.Minute)
	s.editor.fixed.SetText(fixedAt.Format("15:04"))
	s.editor.onSave()
	if s.slots[5].Start != fixedAt || !s.slots[5].Fixed() {
		t.Fatalf("fixed block starts at %v", s.slots[5].Start)
	}
	if !strings.Contains(s.issues.Text, "5\u00a0min") {
		t.Errorf("gap not flagged: %q", s.issues.Text)
	}
	// Lengthen the block before by 10 minutes: now it overlaps the break.
	s.agendaList.Select(4)
	s.editor.minutes.SetText(strconv.Itoa(s.slots[4].Minutes + 10))
	s.editor.onSave()
	if !strings.Contains(s.issues.Text, "déborde") {
		t.Errorf("overlap not flagged: %q", s.issues.Text)
	}
	// A fixed time before the session starts is refused.
	s.agendaList.Select(2)
	s.editor.fixed.SetText("08:00")
	s.editor.onSave()
	if !strings.Contains(dialogText(u), "après le début") {
		t.Errorf("dialog %q", dialogText(u))
	}
}

func TestSessionNotesKept(t *testing.T) {
	u, st := newTestUI(t)
	s := u.sessions
	s.list.Select(2)
	s.tabs.SelectIndex(3)
	test.Type(s.notes.entry, "Ouvrir les salles à 18 h 20.")
	if s.notes.state.Text != "Modifications non enregistrées" {
		t.Errorf("state %q", s.notes.state.Text)
	}
	s.notes.onSave()
	got, err := st.SessionNotes(context.Background(), s.session().ID)
	if err != nil || got != "Ouvrir les salles à 18 h 20." {
		t.Errorf("stored %q, %v", got, err)
	}
	s.list.Select(0)
	if s.notes.entry.Text != "" {
		t.Errorf("session 1 shows %q", s.notes.entry.Text)
	}
}
