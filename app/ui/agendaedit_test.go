package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
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

// blockByID finds block id in the session of cohort c that holds it.
func blockByID(t *testing.T, c course.Cohort, id int64) (int, agenda.Block) {
	t.Helper()
	for _, se := range c.Sessions {
		for i, b := range se.Blocks {
			if b.ID == id {
				return i, b
			}
		}
	}
	t.Fatalf("no block %d", id)
	return 0, agenda.Block{}
}

// retype clears entry and types text into it, as a person would.
func retype(entry *widget.Entry, text string) {
	entry.SetText("")
	test.Type(entry, text)
}

func TestPendingEditSavedBeforeLeaving(t *testing.T) {
	tests := []struct {
		name  string
		leave func(t *testing.T, u *UI)
	}{
		{"another block", func(_ *testing.T, u *UI) { u.sessions.agendaList.Select(3) }},
		{"another session", func(_ *testing.T, u *UI) { u.sessions.list.Select(3) }},
		{"add a block", func(_ *testing.T, u *UI) { u.sessions.onAddBlock() }},
		{"duplicate it", func(_ *testing.T, u *UI) { u.sessions.onDuplicate() }},
		{"move it down", func(_ *testing.T, u *UI) { u.sessions.move(1) }},
		{"remove the next one", func(_ *testing.T, u *UI) {
			u.sessions.agendaList.Select(2)
			u.sessions.onRemoveBlock()
		}},
		{"another area", func(t *testing.T, u *UI) {
			u.nav.Select(areaLibrary)
			if u.current != areaLibrary {
				t.Errorf("area %d on view", u.current)
			}
			u.nav.Select(areaSessions)
		}},
		{"live mode", func(t *testing.T, u *UI) {
			u.onLiveMenu()
			if u.live == nil {
				t.Error("live mode did not open")
			} else {
				u.live.close(false)
			}
		}},
		{"flush", func(t *testing.T, u *UI) {
			if !u.sessions.flush() {
				t.Error("flush refused a valid edit")
			}
		}},
		{"the cohort read again", func(_ *testing.T, u *UI) { u.loadCohorts(u.cohort.ID) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, st := newTestUI(t)
			s := u.sessions
			s.list.Select(1)
			s.agendaList.Select(1)
			id := s.session().Blocks[1].ID
			retype(s.editor.title, "Tour de table revu")
			if s.editor.save.Importance != widget.HighImportance || s.editor.state.Text != "Modifications non enregistrées" {
				t.Errorf("while editing: button %v, state %q", s.editor.save.Importance, s.editor.state.Text)
			}
			tt.leave(t, u)
			if top := u.win.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("a dialog asks %q", dialogText(u))
			}
			c, err := st.Cohort(context.Background(), u.cohort.ID)
			if err != nil {
				t.Fatal(err)
			}
			if _, b := blockByID(t, c, id); b.Title != "Tour de table revu" {
				t.Errorf("stored title %q", b.Title)
			}
			// The agenda shows it, and so does the editor when the block
			// is picked again.
			s.list.Select(1)
			i, _ := blockByID(t, s.cohort, id)
			if s.slots[i].Title != "Tour de table revu" {
				t.Errorf("agenda shows %q", s.slots[i].Title)
			}
			s.agendaList.Select(i)
			if s.editor.title.Text != "Tour de table revu" || s.editor.dirty() {
				t.Errorf("editor shows %q (dirty %v)", s.editor.title.Text, s.editor.dirty())
			}
			if s.editor.save.Importance == widget.HighImportance || s.editor.state.Text != "" {
				t.Errorf("once saved: button %v, state %q", s.editor.save.Importance, s.editor.state.Text)
			}
		})
	}
}

func TestPendingEditUndone(t *testing.T) {
	u, st := newTestUI(t)
	s := u.sessions
	s.agendaList.Select(2)
	before := s.session().Blocks[2].Title
	retype(s.editor.title, "Titre à défaire")
	// Undo saves the edit, then undoes it: redo brings it back.
	s.onUndo()
	if s.editor.title.Text != before || s.session().Blocks[2].Title != before {
		t.Errorf("after undo: editor %q, agenda %q", s.editor.title.Text, s.session().Blocks[2].Title)
	}
	s.onRedo()
	c, _ := st.Cohort(context.Background(), u.cohort.ID)
	if got := c.Sessions[0].Blocks[2].Title; got != "Titre à défaire" || s.editor.title.Text != got {
		t.Errorf("after redo: stored %q, editor %q", got, s.editor.title.Text)
	}
}

func TestInvalidPendingEditKeepsTheBlock(t *testing.T) {
	tests := []struct {
		name  string
		field func(*blockEditor) *widget.Entry
		value string
		says  string
	}{
		{"minutes not a number", func(e *blockEditor) *widget.Entry { return e.minutes }, "abc", "durée s’écrit en minutes"},
		{"no minutes", func(e *blockEditor) *widget.Entry { return e.minutes }, "0", "durée s’écrit en minutes"},
		{"fixed time before the start", func(e *blockEditor) *widget.Entry { return e.fixed }, "08:00", "après le début"},
		{"fixed time unreadable", func(e *blockEditor) *widget.Entry { return e.fixed }, "midi", "19:30"},
		{"no title", func(e *blockEditor) *widget.Entry { return e.title }, "", "titre du bloc est obligatoire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, st := newTestUI(t)
			s := u.sessions
			s.agendaList.Select(1)
			stored := s.session().Blocks[1]
			field := tt.field(s.editor)
			retype(field, tt.value)

			// Picking another block is refused, and the person told why.
			s.agendaList.Select(4)
			if s.current != 1 || s.editor.index != 1 || field.Text != tt.value {
				t.Fatalf("moved to block %d (editor %d), field %q", s.current, s.editor.index, field.Text)
			}
			if text := dialogText(u); !strings.Contains(text, tt.says) || !strings.Contains(text, stored.Title) {
				t.Fatalf("dialog says %q", text)
			}
			// « Corriger » goes back to the field, the edit kept.
			tapButton(t, u.win.Canvas().Overlays().Top(), "Corriger")
			if u.win.Canvas().Overlays().Top() != nil || field.Text != tt.value || u.win.Canvas().Focused() != fyne.Focusable(field) {
				t.Fatalf("after Corriger: field %q, focus %v", field.Text, u.win.Canvas().Focused())
			}
			// The other ways out are refused the same way.
			for name, leave := range map[string]func(){"flush": func() {
				if s.flush() {
					t.Error("flush accepted an invalid edit")
				}
			}, "session": func() { s.list.Select(2) }, "add": s.onAddBlock, "undo": s.onUndo,
				"area": func() { u.nav.Select(areaPeople) }, "live": u.onLiveMenu} {
				leave()
				if u.current != areaSessions || u.live != nil {
					t.Errorf("%s: area %d, live %v", name, u.current, u.live != nil)
				}
				if s.selected != 0 || s.current != 1 || len(s.session().Blocks) != len(s.slots) || !strings.Contains(dialogText(u), tt.says) {
					t.Errorf("%s: session %d, block %d, dialog %q", name, s.selected, s.current, dialogText(u))
				}
				tapButton(t, u.win.Canvas().Overlays().Top(), "Corriger")
			}
			// « Abandonner la modification » goes where the person asked,
			// the block as it was.
			s.agendaList.Select(4)
			tapButton(t, u.win.Canvas().Overlays().Top(), "Abandonner la modification")
			if s.current != 4 || s.editor.index != 4 || s.editor.dirty() {
				t.Errorf("after discarding: block %d, editor %d, dirty %v", s.current, s.editor.index, s.editor.dirty())
			}
			c, _ := st.Cohort(context.Background(), u.cohort.ID)
			if c.Sessions[0].Blocks[1] != stored {
				t.Errorf("stored %+v, want %+v", c.Sessions[0].Blocks[1], stored)
			}
			s.agendaList.Select(1)
			if s.editor.title.Text != stored.Title || s.editor.minutes.Text != strconv.Itoa(stored.Minutes) || s.editor.fixed.Text != "" {
				t.Errorf("block 2 shows %q, %q, %q", s.editor.title.Text, s.editor.minutes.Text, s.editor.fixed.Text)
			}
		})
	}
}

func TestEnterSavesTheBlock(t *testing.T) {
	tests := []struct {
		name  string
		field func(*blockEditor) *widget.Entry
		value string
		got   func(agenda.Block) string
		want  string
	}{
		{"title", func(e *blockEditor) *widget.Entry { return e.title }, "Accueil chaleureux", func(b agenda.Block) string { return b.Title }, "Accueil chaleureux"},
		{"minutes", func(e *blockEditor) *widget.Entry { return e.minutes }, "25", func(b agenda.Block) string { return strconv.Itoa(b.Minutes) }, "25"},
		{"fixed time", func(e *blockEditor) *widget.Entry { return e.fixed }, "18 h 45", func(b agenda.Block) string { return b.FixedStart.String() }, "15m0s"},
		{"lead", func(e *blockEditor) *widget.Entry { return &e.lead.Entry }, "Awa", func(b agenda.Block) string { return b.Facilitator }, "Awa"},
		{"materials", func(e *blockEditor) *widget.Entry { return e.material }, "Cartons", func(b agenda.Block) string { return b.Materials }, "Cartons"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, st := newTestUI(t)
			s := u.sessions
			s.agendaList.Select(1)
			f := tt.field(s.editor)
			u.win.Canvas().Focus(f)
			retype(f, tt.value)
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			c, _ := st.Cohort(context.Background(), u.cohort.ID)
			if got := tt.got(c.Sessions[0].Blocks[1]); got != tt.want {
				t.Errorf("stored %q, want %q", got, tt.want)
			}
			if s.editor.dirty() || s.current != 1 || u.win.Canvas().Overlays().Top() != nil {
				t.Errorf("after Enter: dirty %v, block %d, dialog %q", s.editor.dirty(), s.current, dialogText(u))
			}
		})
	}
}

func TestEnterInTheNotesIsANewLine(t *testing.T) {
	u, st := newTestUI(t)
	s := u.sessions
	s.agendaList.Select(1)
	n := s.editor.notes
	u.win.Canvas().Focus(n)
	retype(n, "Première ligne")
	n.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(n, "Deuxième ligne")
	stored := func() string {
		c, _ := st.Cohort(context.Background(), u.cohort.ID)
		return c.Sessions[0].Blocks[1].Notes
	}
	if n.Text != "Première ligne\nDeuxième ligne" || stored() == n.Text || !s.editor.dirty() {
		t.Fatalf("notes %q, stored %q", n.Text, stored())
	}
	// Shift+Enter saves.
	n.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	n.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	n.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := stored(); got != "Première ligne\nDeuxième ligne" {
		t.Errorf("after Shift+Enter, stored %q", got)
	}
}
