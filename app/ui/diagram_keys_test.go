package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/structure"
)

// structureWindow is structureUI with the window at this size and the
// structure fitted in it, as a person sees it.
func structureWindow(t *testing.T, w, h float32) (*UI, *structuresScreen) {
	t.Helper()
	u, s := structureUI(t)
	u.win.Resize(fyne.NewSize(w, h))
	s.canvas.Fit()
	return u, s
}

// press sends a key to whatever has the focus, as a key press reaches it,
// or to the window when nothing has.
func press(u *UI, k fyne.KeyName) {
	e := &fyne.KeyEvent{Name: k}
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(e)
		return
	}
	if on := u.win.Canvas().OnTypedKey(); on != nil {
		on(e)
	}
}

func shortcut(t *testing.T, u *UI, sc fyne.Shortcut) {
	t.Helper()
	f, ok := u.win.Canvas().Focused().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the focused %T takes no shortcut", u.win.Canvas().Focused())
	}
	f.TypedShortcut(sc)
}

// tapNode taps node i of the structure on view where it is drawn.
func tapNode(s *structuresScreen, i int) {
	c := s.canvas
	c.Tapped(&fyne.PointEvent{Position: c.toScreen(c.s.Nodes[i].Center())})
}

func TestPresentationFitKeepsLabelsLegible(t *testing.T) {
	tests := []struct {
		w, h    float32
		present bool
		atLeast float32
	}{
		{1280, 720, true, 18},
		{1024, 600, true, 15},
		{1920, 1080, true, 27},
		{1280, 720, false, editLabelPx},
		{1024, 600, false, editLabelPx},
	}
	for _, tt := range tests {
		u, s := structureWindow(t, tt.w, tt.h)
		if tt.present {
			s.togglePresentation()
		}
		c := s.canvas
		if c.LabelPx() < tt.atLeast-0.01 {
			t.Errorf("%v×%v, presenting %v: labels %.1f px high after « Ajuster », want at least %v", tt.w, tt.h, tt.present, c.LabelPx(), tt.atLeast)
		}
		// The structure is centred: what does not fit is panned to.
		b := c.drawing.Bounds()
		mid := c.toScreen(structure.Point{X: (b.Min.X + b.Max.X) / 2, Y: (b.Min.Y + b.Max.Y) / 2})
		if d := mid.X - c.Size().Width/2; d > 1 || d < -1 {
			t.Errorf("%v×%v: the structure's middle %v is off the canvas's %v", tt.w, tt.h, mid, c.Size())
		}
		c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(2, 2)}, Dragged: fyne.NewDelta(100, 0)})
		c.DragEnd()
		if got := c.toScreen(structure.Point{X: (b.Min.X + b.Max.X) / 2, Y: (b.Min.Y + b.Max.Y) / 2}); got.X <= mid.X {
			t.Errorf("dragging the background does not pan")
		}
		_ = u
	}
}

func TestEscLeavesPresentationFromTheCanvas(t *testing.T) {
	u, s := structureWindow(t, 1280, 720)
	nodes := len(s.current.Nodes)
	s.togglePresentation()
	u.win.Canvas().Focus(s.canvas)
	tapNode(s, 0) // the panel opens on it, the focus stays on the canvas
	if u.win.Canvas().Focused() != s.canvas {
		t.Fatalf("the canvas lost the focus to %T", u.win.Canvas().Focused())
	}
	press(u, fyne.KeyEscape)
	if s.present || u.onScreen() != u.main || s.canvas.large {
		t.Fatal("Esc with the canvas focused did not leave the presentation")
	}
	press(u, fyne.KeyEscape)
	press(u, fyne.KeyEscape)
	if s.present || u.onScreen() != u.main || len(s.current.Nodes) != nodes {
		t.Error("Esc again did something")
	}
	// From anywhere else in the window, too.
	s.togglePresentation()
	u.win.Canvas().Unfocus()
	press(u, fyne.KeyEscape)
	if s.present {
		t.Error("Esc with nothing focused did not leave the presentation")
	}
}

func TestEscInEditing(t *testing.T) {
	u, s := structureWindow(t, 1280, 720)
	c := s.canvas
	u.win.Canvas().Focus(c)
	c.addKind = structure.Cercle
	tapNode(s, 1)
	press(u, fyne.KeyEscape)
	if c.addKind != "" || len(c.Selected()) != 0 || s.panel.Visible() {
		t.Errorf("Esc kept the tool %q, the selection %v or the panel", c.addKind, c.Selected())
	}
	before := len(s.current.Nodes)
	press(u, fyne.KeyEscape)
	if len(s.current.Nodes) != before || s.present {
		t.Error("a second Esc did something")
	}
}

func TestDeleteDoesNothingInPresentation(t *testing.T) {
	u, s := structureWindow(t, 1280, 720)
	s.togglePresentation()
	nodes, links := len(s.current.Nodes), len(s.current.Links)
	tapNode(s, 1)
	if len(s.canvas.Selected()) != 1 {
		t.Fatal("no selection in presentation")
	}
	for _, k := range []fyne.KeyName{fyne.KeyDelete, fyne.KeyBackspace} {
		press(u, k)
	}
	s.canvas.deleteSelection()
	if len(s.current.Nodes) != nodes || len(s.current.Links) != links {
		t.Errorf("deleted in presentation: %d nodes, %d links", len(s.current.Nodes), len(s.current.Links))
	}
	for _, o := range s.details.Objects {
		if b, ok := o.(*widget.Button); ok && b.Visible() && b.Icon != nil && b.Icon.Name() == "delete.svg" {
			t.Errorf("the panel offers %q in presentation", b.Text)
		}
	}
	s.togglePresentation()
	tapNode(s, 1)
	press(u, fyne.KeyDelete)
	if len(s.current.Nodes) != nodes-1 {
		t.Error("Suppr does not delete in editing")
	}
}

func TestCtrlZOnTheCanvas(t *testing.T) {
	u, s := structureWindow(t, 1280, 720)
	c := s.canvas
	nodes := len(s.current.Nodes)
	tapNode(s, 2)
	if u.win.Canvas().Focused() != c {
		t.Fatal("a tap does not focus the canvas")
	}
	press(u, fyne.KeyDelete)
	if len(s.current.Nodes) != nodes-1 {
		t.Fatal("not deleted")
	}
	shortcut(t, u, &fyne.ShortcutUndo{})
	if len(s.current.Nodes) != nodes || len(c.s.Nodes) != nodes {
		t.Errorf("Ctrl+Z: %d nodes, want %d back", len(s.current.Nodes), nodes)
	}
	shortcut(t, u, &fyne.ShortcutRedo{})
	if len(s.current.Nodes) != nodes-1 {
		t.Errorf("Ctrl+Y: %d nodes", len(s.current.Nodes))
	}
	s.undo() // what the main menu's « Annuler » calls
	if len(s.current.Nodes) != nodes {
		t.Errorf("undo(): %d nodes", len(s.current.Nodes))
	}
}

// The keys the canvas has no use for go to the live session.
func TestCanvasPassesOtherKeysOn(t *testing.T) {
	u, s := structureWindow(t, 1280, 720)
	c := s.canvas
	var passed []fyne.KeyName
	c.onKey = func(e *fyne.KeyEvent) { passed = append(passed, e.Name) }
	u.win.Canvas().Focus(c)
	for _, k := range []fyne.KeyName{fyne.KeySpace, fyne.KeyRight, fyne.KeyPageDown, fyne.KeyPageUp, fyne.Key1, fyne.Key5} {
		press(u, k)
	}
	if len(passed) != 6 {
		t.Errorf("passed on %v", passed)
	}
	// With a node selected the arrows move it, a grid step at a time.
	passed = nil
	tapNode(s, 0)
	x := s.current.Nodes[0].X
	press(u, fyne.KeyRight)
	if s.current.Nodes[0].X != x+gridSize || len(passed) != 0 {
		t.Errorf("→ on a selected node: x %v (was %v), passed %v", s.current.Nodes[0].X, x, passed)
	}
	press(u, fyne.KeySpace)
	s.togglePresentation()
	press(u, fyne.KeyRight) // nothing moves in front of the group
	if s.current.Nodes[0].X != x+gridSize || len(passed) != 2 {
		t.Errorf("presentation: x %v, passed %v", s.current.Nodes[0].X, passed)
	}
}
