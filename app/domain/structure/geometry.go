package structure

import (
	"image/color"
	"math"
)

// Point is a position in canvas units (one unit is one pixel at zoom 1).
type Point struct{ X, Y float32 }

// Rect is an axis-aligned box.
type Rect struct{ Min, Max Point }

// Contains reports whether p is inside r, borders included.
func (r Rect) Contains(p Point) bool {
	return p.X >= r.Min.X && p.X <= r.Max.X && p.Y >= r.Min.Y && p.Y <= r.Max.Y
}

// Union is the smallest box holding r and o.
func (r Rect) Union(o Rect) Rect {
	return Rect{
		Min: Point{min(r.Min.X, o.Min.X), min(r.Min.Y, o.Min.Y)},
		Max: Point{max(r.Max.X, o.Max.X), max(r.Max.Y, o.Max.Y)},
	}
}

// Shape is how a node is drawn.
type Shape int

// The shapes of the node kinds.
const (
	ShapeCircle    Shape = iota // cercle, personne
	ShapeRoundRect              // groupe de travail, équipe, rôle (a pill)
	ShapeHexagon                // hub
	ShapeRect                   // organisation partenaire
)

// look is how one kind of node is drawn, the same on screen, in PNG and PDF:
// its shape, its smallest size and how wide its label may make it.
type look struct {
	shape Shape
	w, h  float32
	maxW  float32
	fill  color.NRGBA
}

var looks = map[NodeKind]look{
	Cercle:        {ShapeCircle, 130, 130, 240, color.NRGBA{0x2E, 0x7D, 0x5B, 0xFF}},
	GroupeTravail: {ShapeRoundRect, 160, 70, 280, color.NRGBA{0x1F, 0x78, 0xB4, 0xFF}},
	Role:          {ShapeRoundRect, 130, 46, 260, color.NRGBA{0x7B, 0x4F, 0xB8, 0xFF}},
	Hub:           {ShapeHexagon, 150, 120, 300, color.NRGBA{0xE0, 0x7A, 0x1F, 0xFF}},
	Equipe:        {ShapeRoundRect, 150, 80, 280, color.NRGBA{0x00, 0x89, 0x7B, 0xFF}},
	Personne:      {ShapeCircle, 64, 64, 180, color.NRGBA{0x5C, 0x6B, 0x7A, 0xFF}},
	Partenaire:    {ShapeRect, 170, 70, 280, color.NRGBA{0x8D, 0x5B, 0x3C, 0xFF}},
}

func lookOf(k NodeKind) look {
	if l, ok := looks[k]; ok {
		return l
	}
	return looks[Equipe]
}

// Shape is how nodes of kind k are drawn.
func (k NodeKind) Shape() Shape { return lookOf(k).shape }

// Size is the smallest width and height of a node of kind k: the size of
// a node with a short label (see LayOut).
func (k NodeKind) Size() (w, h float32) { l := lookOf(k); return l.w, l.h }

// Color is the fill of a node of kind k; an unfilled role is drawn with this
// colour as its outline only.
func (k NodeKind) Color() color.NRGBA { return lookOf(k).fill }

// LinkColor is the colour of a link of kind k.
func (k LinkKind) Color() color.NRGBA {
	switch k {
	case LienDouble:
		return color.NRGBA{0x2E, 0x7D, 0x5B, 0xFF}
	case Delegation:
		return color.NRGBA{0x7B, 0x4F, 0xB8, 0xFF}
	case Conseil:
		return color.NRGBA{0xE0, 0x7A, 0x1F, 0xFF}
	}
	return color.NRGBA{0x60, 0x6B, 0x78, 0xFF} // coordination
}

// Dashed reports whether links of kind k are drawn dashed (advice is not
// authority).
func (k LinkKind) Dashed() bool { return k == Conseil }

// Center is the node's centre.
func (n Node) Center() Point { return Point{n.X, n.Y} }

// Outline is a node's shape where it is drawn: the shape of its kind, at
// the size its label needs.
type Outline struct {
	Kind NodeKind
	C    Point
	W, H float32
}

// Outline is where n is drawn with box b; a box of no size stands for the
// kind's size.
func (n Node) Outline(b Box) Outline {
	w, h := n.Kind.Size()
	if b.W > 0 && b.H > 0 {
		w, h = b.W, b.H
	}
	return Outline{Kind: n.Kind, C: n.Center(), W: w, H: h}
}

// Shape is the outline's shape.
func (o Outline) Shape() Shape { return o.Kind.Shape() }

// Bounds is the box the shape fills.
func (o Outline) Bounds() Rect {
	return Rect{Point{o.C.X - o.W/2, o.C.Y - o.H/2}, Point{o.C.X + o.W/2, o.C.Y + o.H/2}}
}

// Radius is the corner radius of a rounded rectangle: a one-line role is
// a pill, working groups and teams have softer corners; zero for the
// other shapes.
func (o Outline) Radius() float32 {
	if o.Shape() != ShapeRoundRect {
		return 0
	}
	return cornerRadius(o.Kind, o.H)
}

func cornerRadius(k NodeKind, h float32) float32 {
	if k == Role {
		return min(h/2, roleRadius)
	}
	return boxRadius
}

// Hexagon is the flat-topped hexagon of a hub: as wide as the outline at
// mid-height, half as wide at its top and bottom.
func (o Outline) Hexagon() [6]Point {
	x, y, w, h := o.C.X, o.C.Y, o.W, o.H
	return [6]Point{
		{X: x - w/2, Y: y}, {X: x - w/4, Y: y - h/2}, {X: x + w/4, Y: y - h/2},
		{X: x + w/2, Y: y}, {X: x + w/4, Y: y + h/2}, {X: x - w/4, Y: y + h/2},
	}
}

// Contains reports whether p falls on the shape.
func (o Outline) Contains(p Point) bool {
	dx, dy := p.X-o.C.X, p.Y-o.C.Y
	w, h := o.W, o.H
	switch o.Shape() {
	case ShapeCircle:
		r := w / 2
		return dx*dx+dy*dy <= r*r
	case ShapeHexagon:
		// Inside the box, and inside the slanted sides that cut a quarter
		// of the width at each end.
		ax, ay := abs(dx), abs(dy)
		return ax <= w/2 && ay <= h/2 && ax <= w/2-(w/4)*(ay/(h/2))
	}
	return o.Bounds().Contains(p)
}

// Border is where the segment from the centre toward p leaves the shape:
// links are drawn between borders, not centres.
func (o Outline) Border(toward Point) Point {
	dx, dy := toward.X-o.C.X, toward.Y-o.C.Y
	d := float32(math.Hypot(float64(dx), float64(dy)))
	if d == 0 {
		return o.C
	}
	ux, uy := dx/d, dy/d
	ax, ay := abs(ux), abs(uy)
	inf := float32(math.Inf(1))
	t := inf
	switch o.Shape() {
	case ShapeCircle:
		t = o.W / 2
	case ShapeHexagon:
		// The slanted sides: |x| + (w/2h)·|y| = w/2.
		if s := ax + o.W/(2*o.H)*ay; s > 0 {
			t = (o.W / 2) / s
		}
		if ay > 0 {
			t = min(t, (o.H/2)/ay)
		}
	default:
		if ax > 0 {
			t = (o.W / 2) / ax
		}
		if ay > 0 {
			t = min(t, (o.H/2)/ay)
		}
	}
	return Point{o.C.X + ux*t, o.C.Y + uy*t}
}

// Ends are where a link between a and b is drawn: from border to border.
func Ends(a, b Outline) (from, to Point) {
	return a.Border(b.C), b.Border(a.C)
}

// Arrowhead is the triangle at the end `to` of a segment, size long.
func Arrowhead(from, to Point, size float32) [3]Point {
	dx, dy := to.X-from.X, to.Y-from.Y
	d := float32(math.Hypot(float64(dx), float64(dy)))
	if d == 0 {
		return [3]Point{to, to, to}
	}
	ux, uy := dx/d, dy/d
	bx, by := to.X-ux*size, to.Y-uy*size
	px, py := -uy*size/2, ux*size/2
	return [3]Point{to, {bx + px, by + py}, {bx - px, by - py}}
}

// DistanceToSegment is how far p is from the segment a–b, for picking a
// link with the pointer.
func DistanceToSegment(p, a, b Point) float32 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	t := float32(0)
	if l2 > 0 {
		t = max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2))
	}
	cx, cy := a.X+t*dx-p.X, a.Y+t*dy-p.Y
	return float32(math.Hypot(float64(cx), float64(cy)))
}

// index maps node ids to their position in Nodes.
func (s Structure) index() map[int64]int {
	m := make(map[int64]int, len(s.Nodes))
	for i, n := range s.Nodes {
		m[n.ID] = i
	}
	return m
}

// NodeIndex is the position of the node with this id, or -1.
func (s Structure) NodeIndex(id int64) int {
	for i, n := range s.Nodes {
		if n.ID == id {
			return i
		}
	}
	return -1
}

func abs(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}
