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

// look is how one kind of node is drawn, the same on screen, in PNG and PDF.
type look struct {
	shape Shape
	w, h  float32
	fill  color.NRGBA
}

var looks = map[NodeKind]look{
	Cercle:        {ShapeCircle, 130, 130, color.NRGBA{0x2E, 0x7D, 0x5B, 0xFF}},
	GroupeTravail: {ShapeRoundRect, 160, 70, color.NRGBA{0x1F, 0x78, 0xB4, 0xFF}},
	Role:          {ShapeRoundRect, 130, 46, color.NRGBA{0x7B, 0x4F, 0xB8, 0xFF}},
	Hub:           {ShapeHexagon, 150, 120, color.NRGBA{0xE0, 0x7A, 0x1F, 0xFF}},
	Equipe:        {ShapeRoundRect, 150, 80, color.NRGBA{0x00, 0x89, 0x7B, 0xFF}},
	Personne:      {ShapeCircle, 64, 64, color.NRGBA{0x5C, 0x6B, 0x7A, 0xFF}},
	Partenaire:    {ShapeRect, 170, 70, color.NRGBA{0x8D, 0x5B, 0x3C, 0xFF}},
}

func lookOf(k NodeKind) look {
	if l, ok := looks[k]; ok {
		return l
	}
	return looks[Equipe]
}

// Shape is how nodes of kind k are drawn.
func (k NodeKind) Shape() Shape { return lookOf(k).shape }

// Size is the width and height of a node of kind k.
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

// Bounds is the box the node's shape fills.
func (n Node) Bounds() Rect {
	w, h := n.Kind.Size()
	return Rect{Point{n.X - w/2, n.Y - h/2}, Point{n.X + w/2, n.Y + h/2}}
}

// Contains reports whether p falls on the node's shape.
func (n Node) Contains(p Point) bool {
	w, h := n.Kind.Size()
	dx, dy := p.X-n.X, p.Y-n.Y
	switch n.Kind.Shape() {
	case ShapeCircle:
		r := w / 2
		return dx*dx+dy*dy <= r*r
	case ShapeHexagon:
		// A hexagon with flat top and bottom: inside the box, and inside
		// the slanted sides that cut a quarter of the width at each end.
		ax, ay := abs(dx), abs(dy)
		return ax <= w/2 && ay <= h/2 && ax <= w/2-(w/4)*(ay/(h/2))
	}
	return n.Bounds().Contains(p)
}

// Border is where the segment from the node's centre toward p leaves its
// shape: links are drawn between borders, not centres.
func (n Node) Border(toward Point) Point {
	w, h := n.Kind.Size()
	dx, dy := toward.X-n.X, toward.Y-n.Y
	d := float32(math.Hypot(float64(dx), float64(dy)))
	if d == 0 {
		return n.Center()
	}
	ux, uy := dx/d, dy/d
	var t float32
	switch n.Kind.Shape() {
	case ShapeCircle:
		t = w / 2
	default:
		// Distance along (ux, uy) to the box's edge.
		tx, ty := float32(math.Inf(1)), float32(math.Inf(1))
		if ux != 0 {
			tx = (w / 2) / abs(ux)
		}
		if uy != 0 {
			ty = (h / 2) / abs(uy)
		}
		t = min(tx, ty)
		if n.Kind.Shape() == ShapeHexagon {
			// Walk back until inside the slanted sides.
			for t > 0 && !n.Contains(Point{n.X + ux*t, n.Y + uy*t}) {
				t -= 1
			}
		}
	}
	return Point{n.X + ux*t, n.Y + uy*t}
}

// Ends are where a link between a and b is drawn: from border to border.
func Ends(a, b Node) (from, to Point) {
	return a.Border(b.Center()), b.Border(a.Center())
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

// NodeAt is the index of the topmost node under p, or -1.
func (s Structure) NodeAt(p Point) int {
	for i := len(s.Nodes) - 1; i >= 0; i-- {
		if s.Nodes[i].Contains(p) {
			return i
		}
	}
	return -1
}

// LinkAt is the index of the link within tolerance of p, or -1.
func (s Structure) LinkAt(p Point, tolerance float32) int {
	byID := s.index()
	for i, l := range s.Links {
		a, okA := byID[l.From]
		b, okB := byID[l.To]
		if !okA || !okB {
			continue
		}
		from, to := Ends(s.Nodes[a], s.Nodes[b])
		if DistanceToSegment(p, from, to) <= tolerance {
			return i
		}
	}
	return -1
}

// Bounds is the box around every node; the zero Rect when there is none.
func (s Structure) Bounds() Rect {
	if len(s.Nodes) == 0 {
		return Rect{}
	}
	r := s.Nodes[0].Bounds()
	for _, n := range s.Nodes[1:] {
		r = r.Union(n.Bounds())
	}
	return r
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
