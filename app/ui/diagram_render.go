package ui

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/vector"

	"atelier/app/domain/structure"
	"atelier/assets/fonts"
)

// The canvas writes labels in the fonts the layout measured them in (and
// the PNG and PDF write them in), so that the lines it breaks fit the
// shapes it draws.
var (
	labelFont     = fyne.NewStaticResource("DejaVuSans-Bold.ttf", fonts.Bold)
	linkLabelFont = fyne.NewStaticResource("DejaVuSans.ttf", fonts.Regular)
)

// minTextPx: labels smaller than this on screen are not drawn; they could
// not be read and would cost a drag step for nothing.
const minTextPx = 3

// CreateRenderer draws the diagram.
func (d *diagramCanvas) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	return &diagramRenderer{d: d, bg: bg}
}

// diagramRenderer redraws the visible part of the diagram at each refresh
// with canvas objects it keeps from one refresh to the next: a drag step
// on 300 nodes moves them rather than allocating new ones.
type diagramRenderer struct {
	d       *diagramCanvas
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject

	rects   pool[*canvas.Rectangle]
	circles pool[*canvas.Circle]
	images  pool[*canvas.Image]
	lines   pool[*canvas.Line]
	texts   pool[*canvas.Text]

	// textH is the height Fyne gives a line of label at lineFor, to centre
	// it in its line.
	textH, linkTextH, lineFor float32
}

// pool hands out the objects of one kind in order, making more when a
// refresh needs more than the last one.
type pool[T any] struct {
	items []T
	used  int
}

func (p *pool[T]) get(make func() T) T {
	if p.used == len(p.items) {
		p.items = append(p.items, make())
	}
	p.used++
	return p.items[p.used-1]
}

// reset starts a refresh, forgetting what a much smaller drawing no
// longer needs.
func (p *pool[T]) reset() {
	if len(p.items) > 4*p.used+64 {
		p.items = p.items[:p.used]
	}
	p.used = 0
}

func (r *diagramRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	d := r.d
	if d.fitPending || (d.autoFit && size != d.lastSize) {
		d.lastSize = size
		d.Fit()
		return
	}
	d.lastSize = size
	r.Refresh()
}

func (r *diagramRenderer) MinSize() fyne.Size           { return fyne.NewSize(160, 120) }
func (r *diagramRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *diagramRenderer) Destroy()                     {}

// Refresh rebuilds the drawing of what is in view.
func (r *diagramRenderer) Refresh() {
	d := r.d
	for _, p := range []interface{ reset() }{&r.rects, &r.circles, &r.images, &r.lines, &r.texts} {
		p.reset()
	}
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	objs := r.objects[:0]
	objs = append(objs, r.bg)
	size := d.Size()
	view := structure.Rect{Min: d.origin, Max: structure.Point{X: d.origin.X + size.Width/d.zoom, Y: d.origin.Y + size.Height/d.zoom}}
	stroke := d.zoom
	if d.large || d.readOnly {
		stroke *= 1.6
	}
	r.measureText()
	dr := d.drawing
	index := make(map[int64]int, len(dr.Nodes))
	for i, n := range dr.Nodes {
		index[n.ID] = i
	}
	type label struct {
		text string
		c    color.Color
		mid  structure.Point
	}
	var labels []label
	for _, l := range dr.Links {
		a, okA := index[l.From]
		b, okB := index[l.To]
		if !okA || !okB || a == b {
			continue
		}
		from, to := structure.Ends(dr.Outline(a), dr.Outline(b))
		if !segmentNear(view, from, to) {
			continue
		}
		objs = r.appendLink(objs, l, from, to, stroke)
		if l.Label != "" {
			labels = append(labels, label{l.Label, l.Kind.Color(), structure.Point{X: (from.X + to.X) / 2, Y: (from.Y + to.Y) / 2}})
		}
	}
	for i := range dr.Nodes {
		o := dr.Outline(i)
		if !overlaps(view, o.Bounds()) {
			continue
		}
		objs = r.appendNode(objs, i, o, stroke)
	}
	// Link labels over the nodes, as in the PNG.
	for _, l := range labels {
		objs = r.appendLinkLabel(objs, l.text, l.c, l.mid)
	}
	if d.drag.mode == dragConnect {
		if i := index[d.drag.from]; i < len(dr.Nodes) && dr.Nodes[i].ID == d.drag.from {
			objs = append(objs, r.line(d.connectKind.Color(),
				dr.Outline(i).Border(d.drag.pointer), d.drag.pointer, 2*stroke))
		}
	}
	clear(objs[len(objs):cap(objs)]) // let go of what is no longer drawn
	r.objects = objs
	canvas.Refresh(d)
}

// measureText asks Fyne once per zoom how tall it draws a line of label.
func (r *diagramRenderer) measureText() {
	if r.lineFor == r.d.zoom {
		return
	}
	r.lineFor = r.d.zoom
	drv := fyne.CurrentApp().Driver()
	s, _ := drv.RenderedTextSize("Ag", structure.LabelSize*r.d.zoom, fyne.TextStyle{}, labelFont)
	r.textH = s.Height
	s, _ = drv.RenderedTextSize("Ag", structure.LinkLabelSize*r.d.zoom, fyne.TextStyle{}, linkLabelFont)
	r.linkTextH = s.Height
}

func overlaps(a, b structure.Rect) bool {
	return a.Min.X <= b.Max.X && b.Min.X <= a.Max.X && a.Min.Y <= b.Max.Y && b.Min.Y <= a.Max.Y
}

func segmentNear(view structure.Rect, a, b structure.Point) bool {
	box := structure.Rect{Min: structure.Point{X: min(a.X, b.X), Y: min(a.Y, b.Y)}, Max: structure.Point{X: max(a.X, b.X), Y: max(a.Y, b.Y)}}
	return overlaps(view, box)
}

func (r *diagramRenderer) line(c color.Color, a, b structure.Point, width float32) *canvas.Line {
	l := r.lines.get(func() *canvas.Line { return canvas.NewLine(c) })
	l.StrokeColor = c
	l.StrokeWidth = width
	l.Position1, l.Position2 = r.d.toScreen(a), r.d.toScreen(b)
	return l
}

func (r *diagramRenderer) text(s string, c color.Color, size float32, font fyne.Resource) *canvas.Text {
	t := r.texts.get(func() *canvas.Text { return canvas.NewText("", c) })
	t.Text, t.Color, t.TextSize, t.FontSource = s, c, size, font
	t.Alignment = fyne.TextAlignCenter
	t.TextStyle = fyne.TextStyle{}
	return t
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
	return objs
}

// appendLinkLabel writes a link's label on a patch of the background, cut
// as the PNG cuts it.
func (r *diagramRenderer) appendLinkLabel(objs []fyne.CanvasObject, label string, c color.Color, mid structure.Point) []fyne.CanvasObject {
	d := r.d
	size := structure.LinkLabelSize * d.zoom
	if size < minTextPx {
		return objs
	}
	if d.fonts == nil {
		return objs
	}
	label = d.fonts.LinkLabel(label)
	if label == "" {
		return objs
	}
	w := d.fonts.LinkLabelWidth(label)
	pad := 3 * d.zoom
	tw := float32(w) * d.zoom
	at := d.toScreen(mid)
	bg := r.rects.get(func() *canvas.Rectangle { return canvas.NewRectangle(color.Transparent) })
	bg.FillColor, bg.StrokeWidth, bg.CornerRadius = theme.Color(theme.ColorNameInputBackground), 0, pad
	c = readableOn(c, bg.FillColor)
	bg.Resize(fyne.NewSize(tw+2*pad, r.linkTextH+pad))
	bg.Move(fyne.NewPos(at.X-tw/2-pad, at.Y-(r.linkTextH+pad)/2))
	t := r.text(label, c, size, linkLabelFont)
	t.Resize(fyne.NewSize(tw+2*pad, r.linkTextH))
	t.Move(fyne.NewPos(at.X-tw/2-pad, at.Y-r.linkTextH/2))
	return append(objs, bg, t)
}

func (r *diagramRenderer) appendNode(objs []fyne.CanvasObject, i int, o structure.Outline, stroke float32) []fyne.CanvasObject {
	d := r.d
	n := d.drawing.Nodes[i]
	b := o.Bounds()
	pos := d.toScreen(b.Min)
	size := fyne.NewSize(o.W*d.zoom, o.H*d.zoom)
	fill, ink, outline := nodeColors(n)
	strokeWidth := 1.5 * stroke
	if vacant(n) {
		strokeWidth = 3 * stroke
	}
	if d.selected[n.ID] {
		outline = theme.Color(theme.ColorNamePrimary)
		strokeWidth = 4 * stroke
	}
	var shape fyne.CanvasObject
	switch o.Shape() {
	case structure.ShapeCircle:
		c := r.circles.get(func() *canvas.Circle { return canvas.NewCircle(fill) })
		c.FillColor, c.StrokeColor, c.StrokeWidth = fill, outline, strokeWidth
		shape = c
	case structure.ShapeHexagon:
		img := r.images.get(func() *canvas.Image {
			img := canvas.NewImageFromImage(nil)
			img.FillMode = canvas.ImageFillStretch
			img.ScaleMode = canvas.ImageScaleFastest
			return img
		})
		if src := hexagonImage(size, fill, outline, strokeWidth); img.Image != src {
			img.Image = src
			img.Refresh()
		}
		shape = img
	default:
		rect := r.rects.get(func() *canvas.Rectangle { return canvas.NewRectangle(fill) })
		rect.FillColor, rect.StrokeColor, rect.StrokeWidth = fill, outline, strokeWidth
		rect.CornerRadius = o.Radius() * d.zoom
		shape = rect
	}
	shape.Resize(size)
	shape.Move(pos)
	objs = append(objs, shape)

	// The label's lines as the layout broke them, each centred in its
	// line, the block centred on the shape.
	fontSize := structure.LabelSize * d.zoom
	if fontSize < minTextPx {
		return objs
	}
	lines := d.drawing.Boxes[i].Lines
	if d.fonts == nil && n.Label != "" {
		lines = []string{n.Label}
	}
	lineH := structure.LabelLine * d.zoom
	centre := d.toScreen(n.Center())
	top := centre.Y - lineH*float32(len(lines))/2 + (lineH-r.textH)/2
	for k, l := range lines {
		t := r.text(l, ink, fontSize, labelFont)
		t.Resize(fyne.NewSize(size.Width, r.textH))
		t.Move(fyne.NewPos(pos.X, top+float32(k)*lineH))
		objs = append(objs, t)
	}
	return objs
}

// nodeColors are a node's fill, the colour of its label and its outline:
// the kind's colour with black or white ink, whichever reads; an unfilled
// role white with a thick outline in its colour, the label in that colour
// darkened enough to read on white.
func nodeColors(n structure.Node) (fill, ink, outline color.Color) {
	c := n.Kind.Color()
	if vacant(n) {
		white := color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF}
		return white, readableOn(c, white), c
	}
	return c, inkOn(c), darker(c)
}

// vacant reports whether a node is a role nobody holds yet.
func vacant(n structure.Node) bool { return n.Kind == structure.Role && !n.Filled() }

func darker(c color.NRGBA) color.NRGBA {
	return color.NRGBA{R: c.R * 3 / 4, G: c.G * 3 / 4, B: c.B * 3 / 4, A: c.A}
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
