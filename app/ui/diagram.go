package ui

import (
	"image"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/vector"

	"atelier/app/domain/structure"
)

// gridSize is the step nodes snap to when a drag ends.
const gridSize = 10

// diagramCanvas is the structure editor's drawing area: a widget with its
// own renderer that draws nodes and links, and turns taps, drags and the
// wheel into edits. It never writes anything itself: it reports each change
// through onChange, with final set when the change is complete (end of a
// drag, a node added) and should be saved and recorded for undo.
type diagramCanvas struct {
	widget.BaseWidget

	s        structure.Structure
	zoom     float32
	origin   structure.Point // the world point at the widget's top-left corner
	selected map[int64]bool  // node ids
	link     int64           // selected link id, 0 when none
	large    bool            // presentation: bigger labels and strokes

	// addKind, when set, makes the next tap on empty space add a node of
	// that kind; connectKind makes drags from a node draw a link of that kind.
	addKind     structure.NodeKind
	connectKind structure.LinkKind

	ctrl, shift bool // modifier keys held, from KeyDown/KeyUp and MouseDown
	fitPending  bool // Fit was asked before the widget had a size

	drag struct {
		mode    int // dragNone, dragMove, dragPan, dragConnect
		from    int64
		pointer structure.Point // world position of the pointer
		moved   bool
	}

	onChange func(s structure.Structure, final bool)
	onSelect func()
}

const (
	dragNone = iota
	dragMove
	dragPan
	dragConnect
)

func newDiagramCanvas() *diagramCanvas {
	d := &diagramCanvas{zoom: 1, selected: map[int64]bool{}, connectKind: structure.Coordination}
	d.ExtendBaseWidget(d)
	return d
}

// SetStructure shows s, keeping the view unless fit is asked.
func (d *diagramCanvas) SetStructure(s structure.Structure, fit bool) {
	d.s = s
	for id := range d.selected {
		if s.NodeIndex(id) < 0 {
			delete(d.selected, id)
		}
	}
	if fit {
		d.Fit()
		return
	}
	d.Refresh()
}

// Fit zooms and pans so that the whole structure fills the widget.
func (d *diagramCanvas) Fit() {
	size := d.Size()
	b := d.s.Bounds()
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
	const margin = 40
	w, h := b.Max.X-b.Min.X+2*margin, b.Max.Y-b.Min.Y+2*margin
	d.zoom = clampZoom(min(size.Width/w, size.Height/h))
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
	if d.onSelect != nil {
		d.onSelect()
	}
}

// Tapped selects what is under the pointer, or adds a node there when a
// kind was picked in the palette. Ctrl adds to the selection.
func (d *diagramCanvas) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(d); c != nil {
		c.Focus(d)
	}
	p := d.toWorld(e.Position)
	if i := d.s.NodeAt(p); i >= 0 {
		id := d.s.Nodes[i].ID
		if d.ctrl || d.shift {
			d.selected[id] = !d.selected[id]
			if !d.selected[id] {
				delete(d.selected, id)
			}
			d.link = 0
			if d.onSelect != nil {
				d.onSelect()
			}
		} else {
			d.selectOnly(id)
		}
		d.Refresh()
		return
	}
	if i := d.s.LinkAt(p, 6/d.zoom); i >= 0 {
		d.selectOnly(0)
		d.link = d.s.Links[i].ID
		if d.onSelect != nil {
			d.onSelect()
		}
		d.Refresh()
		return
	}
	if d.addKind != "" {
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
	d.s = s
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
// connect tool, or Shift held), or pans when the drag starts on empty space.
func (d *diagramCanvas) Dragged(e *fyne.DragEvent) {
	pos := d.toWorld(e.Position)
	delta := structure.Point{X: e.Dragged.DX / d.zoom, Y: e.Dragged.DY / d.zoom}
	if d.drag.mode == dragNone {
		start := structure.Point{X: pos.X - delta.X, Y: pos.Y - delta.Y}
		i := d.s.NodeAt(start)
		switch {
		case i >= 0 && (d.shift || d.addKind == connectTool):
			d.drag.mode, d.drag.from = dragConnect, d.s.Nodes[i].ID
		case i >= 0:
			id := d.s.Nodes[i].ID
			if !d.selected[id] {
				d.selectOnly(id)
			}
			d.drag.mode = dragMove
		default:
			d.drag.mode = dragPan
		}
	}
	d.drag.pointer = pos
	switch d.drag.mode {
	case dragMove:
		d.s = structure.MoveNodes(d.s, d.Selected(), delta.X, delta.Y)
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
			for _, id := range d.Selected() {
				i := d.s.NodeIndex(id)
				n := d.s.Nodes[i]
				p := structure.Snap(structure.Point{X: n.X, Y: n.Y}, gridSize)
				d.s = structure.MoveNodes(d.s, []int64{id}, p.X-n.X, p.Y-n.Y)
			}
			d.changed(true)
		}
	case dragConnect:
		if i := d.s.NodeAt(d.drag.pointer); i >= 0 {
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
	d.s = s
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

// TypedRune is part of fyne.Focusable.
func (d *diagramCanvas) TypedRune(rune) {}

// TypedKey deletes the selection, or drops a pending tool with Escape.
func (d *diagramCanvas) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		d.deleteSelection()
	case fyne.KeyEscape:
		d.addKind = ""
		d.selectOnly(0)
		d.Refresh()
	}
}

// deleteSelection removes the selected nodes (and their links) or link.
func (d *diagramCanvas) deleteSelection() {
	switch {
	case len(d.selected) > 0:
		d.s = structure.DeleteNodes(d.s, d.Selected())
	case d.link != 0:
		d.s = structure.DeleteLinks(d.s, []int64{d.link})
	default:
		return
	}
	d.selectOnly(0)
	d.changed(true)
}

// connectTool is the palette's « relier » entry, kept in addKind.
const connectTool structure.NodeKind = "-relier-"

// defaultLabel names a new node by its kind.
func defaultLabel(k structure.NodeKind) string { return nodeKindLabel(k) }

// CreateRenderer draws the diagram.
func (d *diagramCanvas) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	return &diagramRenderer{d: d, bg: bg}
}

type diagramRenderer struct {
	d       *diagramCanvas
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *diagramRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	if r.d.fitPending {
		r.d.Fit()
		return
	}
	r.Refresh()
}
func (r *diagramRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 200) }
func (r *diagramRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *diagramRenderer) Destroy()                     {}

// Refresh rebuilds the drawing. Objects are cheap value types; a 300-node
// diagram is rebuilt in well under the 4 ms a drag step may take.
func (r *diagramRenderer) Refresh() {
	d := r.d
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	objs := make([]fyne.CanvasObject, 0, 1+len(d.s.Links)*3+len(d.s.Nodes)*3)
	objs = append(objs, r.bg)
	size := d.Size()
	view := structure.Rect{Min: d.origin, Max: structure.Point{X: d.origin.X + size.Width/d.zoom, Y: d.origin.Y + size.Height/d.zoom}}
	stroke := d.zoom
	if d.large {
		stroke *= 1.6
	}
	index := make(map[int64]int, len(d.s.Nodes))
	for i, n := range d.s.Nodes {
		index[n.ID] = i
	}
	for _, l := range d.s.Links {
		a, okA := index[l.From]
		b, okB := index[l.To]
		if !okA || !okB {
			continue
		}
		from, to := structure.Ends(d.s.Nodes[a], d.s.Nodes[b])
		if !segmentNear(view, from, to) {
			continue
		}
		objs = r.appendLink(objs, l, from, to, stroke)
	}
	for _, n := range d.s.Nodes {
		if !overlaps(view, n.Bounds()) {
			continue
		}
		objs = r.appendNode(objs, n, stroke)
	}
	if d.drag.mode == dragConnect {
		if i := d.s.NodeIndex(d.drag.from); i >= 0 {
			line := canvas.NewLine(d.connectKind.Color())
			line.StrokeWidth = 2 * stroke
			line.Position1 = d.toScreen(d.s.Nodes[i].Border(d.drag.pointer))
			line.Position2 = d.toScreen(d.drag.pointer)
			objs = append(objs, line)
		}
	}
	r.objects = objs
	canvas.Refresh(d)
}

func overlaps(a, b structure.Rect) bool {
	return a.Min.X <= b.Max.X && b.Min.X <= a.Max.X && a.Min.Y <= b.Max.Y && b.Min.Y <= a.Max.Y
}

func segmentNear(view structure.Rect, a, b structure.Point) bool {
	box := structure.Rect{Min: structure.Point{X: min(a.X, b.X), Y: min(a.Y, b.Y)}, Max: structure.Point{X: max(a.X, b.X), Y: max(a.Y, b.Y)}}
	return overlaps(view, box)
}

func (r *diagramRenderer) line(c color.Color, a, b structure.Point, width float32) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = width
	l.Position1, l.Position2 = r.d.toScreen(a), r.d.toScreen(b)
	return l
}

func (r *diagramRenderer) appendLink(objs []fyne.CanvasObject, l structure.Link, from, to structure.Point, stroke float32) []fyne.CanvasObject {
	c := color.Color(l.Kind.Color())
	width := 2 * stroke
	if l.ID == r.d.link {
		width = 4 * stroke
	}
	dx, dy := to.X-from.X, to.Y-from.Y
	length := float32(math.Hypot(float64(dx), float64(dy)))
	if length == 0 {
		return objs
	}
	ux, uy := dx/length, dy/length
	switch {
	case l.Kind == structure.LienDouble:
		off := 3 * stroke / r.d.zoom
		px, py := -uy*off, ux*off
		objs = append(objs,
			r.line(c, structure.Point{X: from.X + px, Y: from.Y + py}, structure.Point{X: to.X + px, Y: to.Y + py}, width*0.7),
			r.line(c, structure.Point{X: from.X - px, Y: from.Y - py}, structure.Point{X: to.X - px, Y: to.Y - py}, width*0.7))
	case l.Kind.Dashed():
		const dash, gap = 10, 7
		for t := float32(0); t < length; t += dash + gap {
			e := min(t+dash, length)
			objs = append(objs, r.line(c, structure.Point{X: from.X + ux*t, Y: from.Y + uy*t}, structure.Point{X: from.X + ux*e, Y: from.Y + uy*e}, width))
		}
	default:
		objs = append(objs, r.line(c, from, to, width))
	}
	if l.Kind.Directed() {
		head := structure.Arrowhead(from, to, 14)
		objs = append(objs, r.line(c, head[0], head[1], width), r.line(c, head[0], head[2], width))
	}
	if l.Label != "" {
		t := canvas.NewText(l.Label, c)
		t.TextSize = 11 * r.d.zoom
		if r.d.large {
			t.TextSize *= 1.5
		}
		mid := r.d.toScreen(structure.Point{X: (from.X + to.X) / 2, Y: (from.Y + to.Y) / 2})
		ts := t.MinSize()
		t.Move(fyne.NewPos(mid.X-ts.Width/2, mid.Y-ts.Height))
		objs = append(objs, t)
	}
	return objs
}

func (r *diagramRenderer) appendNode(objs []fyne.CanvasObject, n structure.Node, stroke float32) []fyne.CanvasObject {
	d := r.d
	b := n.Bounds()
	pos := d.toScreen(b.Min)
	size := fyne.NewSize((b.Max.X-b.Min.X)*d.zoom, (b.Max.Y-b.Min.Y)*d.zoom)
	fill := color.Color(n.Kind.Color())
	text := color.Color(color.White)
	var outline color.Color = darker(n.Kind.Color())
	strokeWidth := 1.5 * stroke
	if vacant(n) {
		// An unfilled role: white with a thick outline in its colour.
		fill, text, outline = color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF}, n.Kind.Color(), n.Kind.Color()
		strokeWidth = 3 * stroke
	}
	if d.selected[n.ID] {
		outline = theme.Color(theme.ColorNamePrimary)
		strokeWidth = 4 * stroke
	}
	var shape fyne.CanvasObject
	switch n.Kind.Shape() {
	case structure.ShapeCircle:
		c := canvas.NewCircle(fill)
		c.StrokeColor, c.StrokeWidth = outline, strokeWidth
		shape = c
	case structure.ShapeHexagon:
		img := canvas.NewImageFromImage(hexagonImage(size, fill, outline, strokeWidth))
		img.FillMode = canvas.ImageFillStretch
		img.ScaleMode = canvas.ImageScaleFastest
		shape = img
	default:
		rect := canvas.NewRectangle(fill)
		rect.StrokeColor, rect.StrokeWidth = outline, strokeWidth
		switch n.Kind {
		case structure.Role:
			rect.CornerRadius = size.Height / 2
		case structure.Partenaire:
			rect.CornerRadius = 0
		default:
			rect.CornerRadius = 12 * d.zoom
		}
		shape = rect
	}
	shape.Resize(size)
	shape.Move(pos)
	objs = append(objs, shape)

	// Presentation asks for large labels; a label that would not fit its
	// shape at that size steps down towards the normal size first.
	fontSize := 13 * d.zoom
	if d.large {
		fontSize = 18 * d.zoom
	}
	var lines []string
	var lineHeight float32
	for {
		lineHeight = fontSize * 1.25
		fits := max(1, min(3, int((size.Height-4*d.zoom)/lineHeight)))
		lines = wrapLabel(n.Label, (b.Max.X-b.Min.X-12)*d.zoom, fontSize, fits)
		last := lines[len(lines)-1:]
		if fontSize <= 13*d.zoom || len(last) == 0 || !strings.HasSuffix(last[0], "…") {
			break
		}
		fontSize = max(13*d.zoom, fontSize-1.5*d.zoom)
	}
	top := pos.Y + size.Height/2 - lineHeight*float32(len(lines))/2
	for i, l := range lines {
		t := canvas.NewText(l, text)
		t.TextSize = fontSize
		t.TextStyle = fyne.TextStyle{Bold: true}
		t.Alignment = fyne.TextAlignCenter
		t.Resize(fyne.NewSize(size.Width, lineHeight))
		t.Move(fyne.NewPos(pos.X, top+float32(i)*lineHeight))
		objs = append(objs, t)
	}
	return objs
}

// vacant reports whether a node is a role nobody holds yet.
func vacant(n structure.Node) bool { return n.Kind == structure.Role && !n.Filled() }

func darker(c color.NRGBA) color.NRGBA {
	return color.NRGBA{R: c.R * 3 / 4, G: c.G * 3 / 4, B: c.B * 3 / 4, A: c.A}
}

// wrapLabel splits a label into at most maxLines lines that fit width at
// fontSize, with an ellipsis when it is longer. Widths are estimated from
// the average glyph width, which is all a label on a shape needs.
func wrapLabel(label string, width, fontSize float32, maxLines int) []string {
	perLine := max(4, int(width/(fontSize*0.58)))
	var lines []string
	line := ""
	for _, w := range strings.Fields(label) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= perLine:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	for i, l := range lines {
		if r := []rune(l); len(r) > perLine {
			lines[i] = string(r[:perLine-1]) + "…"
		}
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := []rune(lines[maxLines-1])
		if len(last) >= perLine {
			last = last[:perLine-1]
		}
		lines[maxLines-1] = string(last) + "…"
	}
	return lines
}

// hexagonCache keeps the hub images by size and colours: a drag redraws
// the same few.
var hexagonCache = map[[5]uint32]image.Image{}

// hexagonImage draws a flat-topped hexagon filling size, anti-aliased.
func hexagonImage(size fyne.Size, fill, outline color.Color, stroke float32) image.Image {
	w, h := int(max(1, size.Width)), int(max(1, size.Height))
	key := [5]uint32{uint32(w), uint32(h), rgba(fill), rgba(outline), uint32(stroke * 10)}
	if img, ok := hexagonCache[key]; ok {
		return img
	}
	if len(hexagonCache) > 256 {
		hexagonCache = map[[5]uint32]image.Image{}
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	polygon := func(inset float32, c color.Color) {
		fw, fh := float32(w), float32(h)
		z := vector.NewRasterizer(w, h)
		z.MoveTo(fw/4+inset*0.5, inset)
		z.LineTo(fw*3/4-inset*0.5, inset)
		z.LineTo(fw-inset, fh/2)
		z.LineTo(fw*3/4-inset*0.5, fh-inset)
		z.LineTo(fw/4+inset*0.5, fh-inset)
		z.LineTo(inset, fh/2)
		z.ClosePath()
		z.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
	}
	polygon(0, outline)
	polygon(stroke, fill)
	hexagonCache[key] = img
	return img
}

func rgba(c color.Color) uint32 {
	r, g, b, a := c.RGBA()
	return r>>8<<24 | g>>8<<16 | b>>8<<8 | a>>8
}
