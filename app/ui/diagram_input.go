package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"atelier/app/domain/structure"
)

// focus takes the keyboard, so that Suppr, Esc, Ctrl+Z and the live keys
// reach the canvas.
func (d *diagramCanvas) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(d); c != nil {
		c.Focus(d)
	}
}

// Tapped selects what is under the pointer, or adds a node there when a
// kind was picked in the palette. Ctrl adds to the selection.
func (d *diagramCanvas) Tapped(e *fyne.PointEvent) {
	d.focus()
	if d.readOnly {
		return
	}
	p := d.toWorld(e.Position)
	if i := d.drawing.NodeAt(p); i >= 0 {
		id := d.s.Nodes[i].ID
		if d.ctrl || d.shift {
			d.selected[id] = !d.selected[id]
			if !d.selected[id] {
				delete(d.selected, id)
			}
			d.link = 0
			d.selectionChanged()
		} else {
			d.selectOnly(id)
		}
		d.Refresh()
		return
	}
	if i := d.drawing.LinkAt(p, 6/d.zoom); i >= 0 {
		d.selected = map[int64]bool{}
		d.link = d.s.Links[i].ID
		d.selectionChanged()
		d.Refresh()
		return
	}
	if d.addKind != "" && d.addKind != connectTool && !d.locked {
		d.addNode(d.addKind, p)
		d.addKind = ""
		return
	}
	d.selectOnly(0)
	d.Refresh()
}

// addNode puts a new node of kind k at p (snapped) and selects it.
func (d *diagramCanvas) addNode(k structure.NodeKind, p structure.Point) {
	p = structure.Snap(p, gridSize)
	s, id := structure.AddNode(d.s, structure.Node{Kind: k, Label: defaultLabel(k), X: p.X, Y: p.Y})
	d.setS(s)
	d.selectOnly(id)
	d.changed(true)
}

func (d *diagramCanvas) changed(final bool) {
	d.Refresh()
	if d.onChange != nil {
		d.onChange(d.s, final)
	}
}

// Dragged moves the selected nodes, draws a link from a node (with the
// connect tool, or Shift held), or pans when the drag starts on empty
// space. The participants' window, and a role that may only read, only pan.
func (d *diagramCanvas) Dragged(e *fyne.DragEvent) {
	pos := d.toWorld(e.Position)
	delta := structure.Point{X: e.Dragged.DX / d.zoom, Y: e.Dragged.DY / d.zoom}
	if d.drag.mode == dragNone {
		start := structure.Point{X: pos.X - delta.X, Y: pos.Y - delta.Y}
		i := d.drawing.NodeAt(start)
		switch {
		case d.readOnly || d.locked || i < 0:
			d.drag.mode = dragPan
		case d.shift || d.addKind == connectTool:
			d.drag.mode, d.drag.from = dragConnect, d.s.Nodes[i].ID
		default:
			id := d.s.Nodes[i].ID
			if !d.selected[id] {
				d.selectOnly(id)
			}
			d.drag.mode = dragMove
		}
	}
	d.drag.pointer = pos
	switch d.drag.mode {
	case dragMove:
		d.setS(structure.MoveNodes(d.s, d.Selected(), delta.X, delta.Y))
		d.drag.moved = true
		d.changed(false)
	case dragPan:
		d.origin.X -= delta.X
		d.origin.Y -= delta.Y
		d.Refresh()
	case dragConnect:
		d.Refresh()
	}
}

// DragEnd snaps moved nodes to the grid and reports the final change, or
// makes the link drawn from one node to another.
func (d *diagramCanvas) DragEnd() {
	mode := d.drag.mode
	d.drag.mode = dragNone
	switch mode {
	case dragMove:
		if d.drag.moved {
			s := d.s
			for _, id := range d.Selected() {
				n := s.Nodes[s.NodeIndex(id)]
				p := structure.Snap(n.Center(), gridSize)
				s = structure.MoveNodes(s, []int64{id}, p.X-n.X, p.Y-n.Y)
			}
			d.setS(s)
			d.changed(true)
		}
	case dragConnect:
		if i := d.drawing.NodeAt(d.drag.pointer); i >= 0 {
			d.connect(d.drag.from, d.s.Nodes[i].ID)
		}
		if d.addKind == connectTool {
			d.addKind = ""
		}
		d.Refresh()
	}
	d.drag.moved = false
}

// connect links two nodes with the current link kind.
func (d *diagramCanvas) connect(from, to int64) {
	s, err := structure.Connect(d.s, from, to, d.connectKind)
	if err != nil {
		return // a self link or a duplicate: nothing to draw
	}
	d.setS(s)
	d.changed(true)
}

// Scrolled pans; with Ctrl held it zooms around the pointer.
func (d *diagramCanvas) Scrolled(e *fyne.ScrollEvent) {
	if d.ctrl {
		d.ZoomBy(float32(math.Pow(1.0015, float64(e.Scrolled.DY))), e.Position)
		return
	}
	d.origin.X -= e.Scrolled.DX / d.zoom
	d.origin.Y -= e.Scrolled.DY / d.zoom
	d.Refresh()
}

// MouseDown reads the modifier keys held with the click.
func (d *diagramCanvas) MouseDown(e *desktop.MouseEvent) {
	d.ctrl = e.Modifier&fyne.KeyModifierShortcutDefault != 0
	d.shift = e.Modifier&fyne.KeyModifierShift != 0
}

// MouseUp is part of desktop.Mouseable.
func (d *diagramCanvas) MouseUp(*desktop.MouseEvent) {}

// KeyDown tracks Ctrl for the wheel.
func (d *diagramCanvas) KeyDown(e *fyne.KeyEvent) {
	switch e.Name {
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		d.ctrl = true
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		d.shift = true
	}
}

// KeyUp tracks Ctrl for the wheel.
func (d *diagramCanvas) KeyUp(e *fyne.KeyEvent) {
	switch e.Name {
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		d.ctrl = false
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		d.shift = false
	}
}

// FocusGained is part of fyne.Focusable.
func (d *diagramCanvas) FocusGained() {}

// FocusLost forgets the modifiers, whose release the widget may not see.
func (d *diagramCanvas) FocusLost() { d.ctrl, d.shift = false, false }

// TypedRune is part of fyne.Focusable; the keys come through TypedKey.
func (d *diagramCanvas) TypedRune(rune) {}

// nudges are the arrow keys' moves of the selected nodes.
var nudges = map[fyne.KeyName]structure.Point{
	fyne.KeyLeft: {X: -gridSize}, fyne.KeyRight: {X: gridSize},
	fyne.KeyUp: {Y: -gridSize}, fyne.KeyDown: {Y: gridSize},
}

// TypedKey deletes the selection, moves it with the arrows, drops a
// pending tool or the selection with Esc. In presentation Esc leaves it
// and nothing is deleted or moved: the group is looking. Whatever the
// canvas has no use for goes to onKey (the live session's keys: Space,
// the arrows, Page Up and Down, 1, 5).
func (d *diagramCanvas) TypedKey(e *fyne.KeyEvent) {
	if d.readOnly || !d.typedKey(e) {
		if d.onKey != nil {
			d.onKey(e)
		}
	}
}

// typedKey runs the canvas's own keys and reports whether e was one.
func (d *diagramCanvas) typedKey(e *fyne.KeyEvent) bool {
	switch e.Name {
	case fyne.KeyEscape:
		switch {
		case d.large:
			if d.onLeave != nil {
				d.onLeave()
			}
		case d.addKind != "" || len(d.selected) > 0 || d.link != 0:
			d.addKind = ""
			d.selectOnly(0)
			d.Refresh()
		}
		return true // a second Esc does nothing
	case fyne.KeyDelete, fyne.KeyBackspace:
		d.deleteSelection()
		return true
	}
	if step, ok := nudges[e.Name]; ok && !d.large && !d.locked && len(d.selected) > 0 {
		d.setS(structure.MoveNodes(d.s, d.Selected(), step.X, step.Y))
		d.changed(true)
		return true
	}
	return false
}

// TypedShortcut undoes and redoes canvas edits with the canvas focused
// (Ctrl+Z, Ctrl+Y or Ctrl+Maj+Z); other shortcuts go on to the window,
// which would not see them while the canvas has the focus.
func (d *diagramCanvas) TypedShortcut(sc fyne.Shortcut) {
	switch s := sc.(type) {
	case *fyne.ShortcutUndo:
		if !d.readOnly && !d.locked && d.onUndo != nil {
			d.onUndo()
		}
		return
	case *fyne.ShortcutRedo:
		if !d.readOnly && !d.locked && d.onRedo != nil {
			d.onRedo()
		}
		return
	case *desktop.CustomShortcut:
		if s.KeyName == fyne.KeyZ && s.Modifier == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift {
			d.TypedShortcut(&fyne.ShortcutRedo{})
			return
		}
	}
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(d).(fyne.Shortcutable); ok {
		c.TypedShortcut(sc)
	}
}

// deleteSelection removes the selected nodes (and their links) or link;
// never in presentation, nor for a role that may only read.
func (d *diagramCanvas) deleteSelection() {
	if d.large || d.readOnly || d.locked {
		return
	}
	switch {
	case len(d.selected) > 0:
		d.setS(structure.DeleteNodes(d.s, d.Selected()))
	case d.link != 0:
		d.setS(structure.DeleteLinks(d.s, []int64{d.link}))
	default:
		return
	}
	d.selectOnly(0)
	d.changed(true)
}
