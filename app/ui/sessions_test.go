package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// shownRow is the date line the list of sessions shows for the session
// starting on day (« 2 déc. »), as drawn.
func shownRow(t *testing.T, s *sessionsScreen, day string) string {
	t.Helper()
	var found string
	walk(s.list, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, " "+day+" ") {
			found = l.Text
		}
	})
	if found == "" {
		t.Fatalf("no row for %s", day)
	}
	return found
}

func TestSessionTimesFollowTheAgenda(t *testing.T) {
	const before = "mer. 2 déc. 2026 · 18\u00a0h\u00a030 – 20\u00a0h"
	tests := []struct {
		name  string
		block int
		field func(*blockEditor) *widget.Entry
		value string
		want  string
	}{
		// 30 minutes more on the first block.
		{"a longer block", 0, func(e *blockEditor) *widget.Entry { return e.minutes }, "40", "mer. 2 déc. 2026 · 18\u00a0h\u00a030 – 20\u00a0h\u00a030"},
		// The break pinned 15 minutes later than it falls: the same 90
		// minutes of blocks, but the session ends later.
		{"a later fixed break", 5, func(e *blockEditor) *widget.Entry { return e.fixed }, "19:40", "mer. 2 déc. 2026 · 18\u00a0h\u00a030 – 20\u00a0h\u00a015"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			s := u.sessions
			if got := shownRow(t, s, "2 déc."); got != before {
				t.Fatalf("before: %q", got)
			}
			width := u.win.Content().MinSize().Width
			s.agendaList.Select(tt.block)
			f := tt.field(s.editor)
			retype(f, tt.value)
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if got := shownRow(t, s, "2 déc."); got != tt.want {
				t.Errorf("after the edit: %q, want %q", got, tt.want)
			}
			if !strings.Contains(s.total.Text, "de trop") {
				t.Errorf("total %q", s.total.Text)
			}
			// The longer total takes room from the date, not from the
			// window: a small laptop's screen has none to give.
			if m := u.win.Content().MinSize(); m.Width > width {
				t.Errorf("with the plan over, the window needs %v, %v before", m.Width, width)
			}
			s.onUndo()
			if got := shownRow(t, s, "2 déc."); got != before {
				t.Errorf("after undo: %q", got)
			}
			if got := s.total.Text; got != "1\u00a0h\u00a030 prévues sur 1\u00a0h\u00a030" {
				t.Errorf("total after undo %q", got)
			}
			s.onRedo()
			if got := shownRow(t, s, "2 déc."); got != tt.want {
				t.Errorf("after redo: %q", got)
			}
		})
	}
}

// TestLiveFollowsTheAgenda: live mode running the session takes every
// saved agenda, undo and redo included.
func TestLiveFollowsTheAgenda(t *testing.T) {
	u, _ := newTestUI(t)
	s := u.sessions
	u.openLive(s.session())
	t.Cleanup(func() {
		if u.live != nil {
			u.live.close(false)
		}
	})
	minutes := func() int { return u.live.session.Blocks[0].Minutes }
	first := minutes()
	s.agendaList.Select(0)
	retype(s.editor.minutes, "40")
	s.agendaList.Select(1) // saves on the way
	if minutes() != 40 {
		t.Errorf("live has %d min after the edit", minutes())
	}
	s.onUndo()
	if minutes() != first {
		t.Errorf("live has %d min after undo", minutes())
	}
	s.onRedo()
	if minutes() != 40 {
		t.Errorf("live has %d min after redo", minutes())
	}
	// Another session's agenda is none of its business.
	s.list.Select(2)
	s.agendaList.Select(0)
	retype(s.editor.minutes, "33")
	s.editor.onSave()
	if minutes() != 40 || u.live.session.ID != u.cohort.Sessions[0].ID {
		t.Errorf("live follows session %d, %d min", u.live.session.ID, minutes())
	}
}
