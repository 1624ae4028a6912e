package ui

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/structure"
	"atelier/app/formats/diagram"
	"atelier/app/kit/usererr"
)

// gridSize is the step nodes snap to when a drag ends, and that the arrow
// keys move them by.
const gridSize = 10

// Label sizes on screen, in pixels. A label smaller than these cannot be
// read: « Ajuster » never zooms out past them, it pans instead.
const (
	editLabelPx    = 11 // editing, at arm's length
	presentLabelPx = 18 // presentation, at 720 pixels of window height
	presentRefH    = 720
	sharedFloorPx  = 14 // the participants' window, when nothing else fits
	maxFitZoom     = 2  // « Ajuster » on a small diagram, editing
	maxShowZoom    = 3  // and shown to the group
	fitMargin      = 30 // canvas units around the diagram when fitted
)

// diagramCanvas is the structure editor's drawing area: a widget with its
// own renderer that draws nodes and links, and turns taps, drags and the
// wheel into edits. It never writes anything itself: it reports each change
// through onChange, with final set when the change is complete (end of a
// drag, a node added) and should be saved and recorded for undo.
//
// Shapes grow for their labels, which are laid out in the real font by
// the same function the PNG and the PDF use (diagram.Metrics): what is hit,
// where links start and how far « Ajuster » zooms all follow the drawing.
type diagramCanvas struct {
	widget.BaseWidget

	s        structure.Structure
	drawing  structure.Drawing // s with each node's box
	fonts    *diagram.Metrics  // nil when the fonts could not be read
	zoom     float32
	origin   structure.Point // the world point at the widget's top-left corner
	selected map[int64]bool  // node ids
	link     int64           // selected link id, 0 when none
	large    bool            // presentation: legible from afar, nothing deleted
	readOnly bool            // the participants' window: no selection, no edit
	locked   bool            // a role that may only read: selection, no edit

	// addKind, when set, makes the next tap on empty space add a node of
	// that kind; connectKind makes drags from a node draw a link of that kind.
	addKind     structure.NodeKind
	connectKind structure.LinkKind

	ctrl, shift bool // modifier keys held, from KeyDown/KeyUp and MouseDown
	fitPending  bool // Fit was asked before the widget had a size
	autoFit     bool // fit again whenever the size changes (participants' window)
	lastSize    fyne.Size
	// rightInset is how much of the widget's right side something floats
	// over (the side panel): a node selected there is brought into view.
	rightInset float32

	drag struct {
		mode    int // dragNone, dragMove, dragPan, dragConnect
		from    int64
		pointer structure.Point // world position of the pointer
		moved   bool
	}

	onChange func(s structure.Structure, final bool)
	onSelect func()
	onUndo   func()
	onRedo   func()
	onLeave  func()               // Esc in presentation
	onKey    func(*fyne.KeyEvent) // the keys the canvas has no use for
}

const (
	dragNone = iota
	dragMove
	dragPan
	dragConnect
)

func newDiagramCanvas() *diagramCanvas {
	d := &diagramCanvas{zoom: 1, selected: map[int64]bool{}, connectKind: structure.Coordination}
	if m, err := diagram.LabelMetrics(); err == nil {
		d.fonts = m
	} else {
		// The fonts are built in; without them labels keep their kind's
		// shape and are drawn on one line.
		log.Printf("diagram fonts: %s", usererr.Detail(err))
	}
	d.ExtendBaseWidget(d)
	return d
}

// SetStructure shows s, keeping the view unless fit is asked.
func (d *diagramCanvas) SetStructure(s structure.Structure, fit bool) {
	d.setS(s)
	for id := range d.selected {
		if s.NodeIndex(id) < 0 {
			delete(d.selected, id)
		}
	}
	if d.link != 0 && !hasLink(s, d.link) {
		d.link = 0
	}
	if fit {
		d.Fit()
		return
	}
	d.Refresh()
}

func hasLink(s structure.Structure, id int64) bool {
	for _, l := range s.Links {
		if l.ID == id {
			return true
		}
	}
	return false
}

// setS takes s and lays its labels out; the metrics cache the boxes, so a
// drag step costs a lookup per node.
func (d *diagramCanvas) setS(s structure.Structure) {
	d.s = s
	d.drawing = structure.Draw(s, d.metrics())
}

// metrics lays labels out for Draw and Tidy; nil without fonts, which
// gives every node its kind's size.
func (d *diagramCanvas) metrics() structure.Metrics {
	if d.fonts == nil {
		return nil
	}
	return d.fonts
}

// minLabelPx is the smallest label « Ajuster » allows: legible at arm's
// length when editing, from the back of the room when shown, growing with
// the window (18 pixels at 720 pixels of height).
func (d *diagramCanvas) minLabelPx() float32 {
	if !d.large && !d.readOnly {
		return editLabelPx
	}
	h := d.Size().Height
	if c := fyne.CurrentApp().Driver().CanvasForObject(d); c != nil {
		h = max(h, c.Size().Height)
	}
	return max(sharedFloorPx, min(40, presentLabelPx*h/presentRefH))
}

// LabelPx is the height of the labels on screen at the current zoom.
func (d *diagramCanvas) LabelPx() float32 { return structure.LabelSize * d.zoom }

// Fit zooms so that the whole structure shows, unless its labels would
// then be too small to read: it zooms to the smallest legible size
// instead, centred, and the rest is a drag or a turn of the wheel away.
// The participants' window always fits, never below sharedFloorPx.
func (d *diagramCanvas) Fit() {
	size := d.Size()
	if size.Width < 10 || size.Height < 10 {
		d.fitPending = true
		return
	}
	d.fitPending = false
	if len(d.s.Nodes) == 0 {
		d.zoom, d.origin = 1, structure.Point{X: -40, Y: -40}
		d.Refresh()
		return
	}
	b := d.drawing.Bounds()
	w, h := b.Max.X-b.Min.X+2*fitMargin, b.Max.Y-b.Min.Y+2*fitMargin
	fit := min(size.Width/w, size.Height/h)
	floor := d.minLabelPx() / structure.LabelSize
	top := float32(maxFitZoom)
	if d.large || d.readOnly {
		top = maxShowZoom
	}
	if d.readOnly && fit < floor {
		floor = float32(sharedFloorPx) / structure.LabelSize
	}
	d.zoom = min(max(fit, floor), max(top, floor))
	cx, cy := (b.Min.X+b.Max.X)/2, (b.Min.Y+b.Max.Y)/2
	d.origin = structure.Point{X: cx - size.Width/2/d.zoom, Y: cy - size.Height/2/d.zoom}
	d.Refresh()
}

func clampZoom(z float32) float32 { return max(0.2, min(4, z)) }

// ZoomBy zooms around the widget point at (screen coordinates).
func (d *diagramCanvas) ZoomBy(factor float32, at fyne.Position) {
	before := d.toWorld(at)
	d.zoom = clampZoom(d.zoom * factor)
	d.origin = structure.Point{X: before.X - at.X/d.zoom, Y: before.Y - at.Y/d.zoom}
	d.Refresh()
}

func (d *diagramCanvas) toWorld(p fyne.Position) structure.Point {
	return structure.Point{X: d.origin.X + p.X/d.zoom, Y: d.origin.Y + p.Y/d.zoom}
}

func (d *diagramCanvas) toScreen(p structure.Point) fyne.Position {
	return fyne.NewPos((p.X-d.origin.X)*d.zoom, (p.Y-d.origin.Y)*d.zoom)
}

// Selected lists the selected node ids in diagram order.
func (d *diagramCanvas) Selected() []int64 {
	var ids []int64
	for _, n := range d.s.Nodes {
		if d.selected[n.ID] {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

func (d *diagramCanvas) selectOnly(id int64) {
	d.selected = map[int64]bool{}
	d.link = 0
	if id != 0 {
		d.selected[id] = true
	}
	d.selectionChanged()
}

func (d *diagramCanvas) selectionChanged() {
	if d.onSelect != nil {
		d.onSelect()
	}
}

// keepInView pans, without zooming, so that node id is not under what
// floats over the right of the widget, when there is room for it beside.
func (d *diagramCanvas) keepInView(id int64) {
	i := d.s.NodeIndex(id)
	if i < 0 || d.rightInset <= 0 {
		return
	}
	b := d.drawing.Outline(i).Bounds()
	left, right := d.toScreen(b.Min).X, d.toScreen(b.Max).X
	free := d.Size().Width - d.rightInset - 16
	if right <= free || right-left > free-16 {
		return
	}
	shift := min(right-free, left-16) // never past the left edge
	if shift <= 0 {
		return
	}
	d.origin.X += shift / d.zoom
	d.Refresh()
}

// connectTool is the palette's « relier » entry, kept in addKind.
const connectTool structure.NodeKind = "-relier-"

// defaultLabel names a new node by its kind.
func defaultLabel(k structure.NodeKind) string { return nodeKindLabel(k) }
