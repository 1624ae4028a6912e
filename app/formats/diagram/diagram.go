// Package diagram draws a structure to PNG and PDF the way the canvas shows
// it: each kind of node with its shape and colour, unfilled roles outlined
// with a dashed line, links in their kind's colour (dashed for advice, doubled
// for a double link, with an arrowhead when directed). The PDF adds a table
// of the mandates. It takes domain values and an io.Writer and knows nothing
// of Fyne or SQL.
package diagram

import (
	"math"

	"atelier/app/domain/structure"
)

// The look of the export, in canvas units (one unit is one pixel at scale 1).
const (
	linkWidth     = 2
	doubleOffset  = 3.5 // from the centre line to each line of a lien double
	doubleWidth   = 1.6
	arrowSize     = 13
	linkDashOn    = 9
	linkDashOff   = 6
	outlineWidth  = 2.5 // of an unfilled role
	outlineDashOn = 7
	outlineDashOf = 4
	labelPad      = 7 // between a node's edge and its label
	linkLabelSize = 11
	linkLabelPad  = 3
	maxLabelLines = 3
	defaultMargin = 24
)

// unfilled reports whether n is drawn outlined rather than filled: a role
// nobody holds yet.
func unfilled(n structure.Node) bool {
	return n.Kind == structure.Role && !n.Filled()
}

// labelBox is where a node's label goes, relative to its centre, and how big.
type labelBox struct {
	size  float64 // font size
	lineH float64
	w, h  float64 // the box the lines must fit in
}

func labelBoxOf(k structure.NodeKind) labelBox {
	w, h := k.Size()
	fw, fh := float64(w), float64(h)
	size := 13.0
	switch k {
	case structure.Role:
		size = 11 // three lines must fit a 46-unit pill
	case structure.Personne:
		size = 9 // a 64-unit circle
	}
	b := labelBox{size: size, lineH: math.Round(size*1.2*10) / 10}
	switch k.Shape() {
	case structure.ShapeCircle:
		// The square inscribed in the circle, a little widened: the middle
		// lines have room to spare.
		b.w, b.h = fw*0.78, fh*0.72
	case structure.ShapeHexagon:
		b.w, b.h = fw*0.66, fh-2*labelPad
	case structure.ShapeRoundRect:
		b.w, b.h = fw-2*max(labelPad, float64(cornerRadius(k))*0.6), fh-6
	default:
		b.w, b.h = fw-2*labelPad, fh-2*labelPad
	}
	return b
}

// lines is how many lines of label fit the box, at most maxLabelLines.
func (b labelBox) lines() int {
	return max(1, min(maxLabelLines, int(b.h/b.lineH)))
}

// cornerRadius of a rounded rectangle: a role is a pill, working groups and
// teams have softer corners.
func cornerRadius(k structure.NodeKind) float32 {
	_, h := k.Size()
	if k == structure.Role {
		return h / 2
	}
	return 14
}

// hexagon is the flat-topped hexagon of a hub, as structure.Node.Contains
// sees it.
func hexagon(n structure.Node) []structure.Point {
	w, h := n.Kind.Size()
	x, y := n.X, n.Y
	return []structure.Point{
		{X: x - w/2, Y: y}, {X: x - w/4, Y: y - h/2}, {X: x + w/4, Y: y - h/2},
		{X: x + w/2, Y: y}, {X: x + w/4, Y: y + h/2}, {X: x - w/4, Y: y + h/2},
	}
}

// kindName is the French name of a node kind, as the table shows it.
func kindName(k structure.NodeKind) string {
	switch k {
	case structure.Cercle:
		return "cercle"
	case structure.GroupeTravail:
		return "groupe de travail"
	case structure.Role:
		return "rôle"
	case structure.Hub:
		return "pôle (hub)"
	case structure.Equipe:
		return "équipe"
	case structure.Personne:
		return "personne"
	case structure.Partenaire:
		return "organisation partenaire"
	}
	return string(k)
}

// link is one link ready to draw: its strokes, its arrowhead and where its
// label goes, all in canvas units.
type link struct {
	kind    structure.LinkKind
	label   string
	strokes [][2]structure.Point // one, or two for a lien double
	width   float32
	arrow   []structure.Point // nil when not directed
	mid     structure.Point
}

// links resolves the links of s to drawable ones; links to missing nodes or
// between overlapping nodes are skipped rather than failing the export.
func links(s structure.Structure) []link {
	byID := make(map[int64]int, len(s.Nodes))
	for i, n := range s.Nodes {
		byID[n.ID] = i
	}
	out := make([]link, 0, len(s.Links))
	for _, l := range s.Links {
		a, okA := byID[l.From]
		b, okB := byID[l.To]
		if !okA || !okB || a == b {
			continue
		}
		from, to := structure.Ends(s.Nodes[a], s.Nodes[b])
		dx, dy := float64(to.X-from.X), float64(to.Y-from.Y)
		d := math.Hypot(dx, dy)
		if d < 1 || math.IsNaN(d) || math.IsInf(d, 0) {
			continue // the nodes overlap: nothing to draw between them
		}
		ux, uy := float32(dx/d), float32(dy/d)
		k := link{kind: l.Kind, label: l.Label, width: linkWidth,
			mid: structure.Point{X: (from.X + to.X) / 2, Y: (from.Y + to.Y) / 2}}
		end := to
		if l.Kind.Directed() && d > arrowSize {
			tri := structure.Arrowhead(from, to, arrowSize)
			k.arrow = tri[:]
			// Stop the line inside the arrowhead so its square end does
			// not show past the point.
			end = structure.Point{X: to.X - ux*arrowSize*0.7, Y: to.Y - uy*arrowSize*0.7}
		}
		if l.Kind == structure.LienDouble {
			px, py := -uy*doubleOffset, ux*doubleOffset
			k.width = doubleWidth
			k.strokes = [][2]structure.Point{
				{{X: from.X + px, Y: from.Y + py}, {X: end.X + px, Y: end.Y + py}},
				{{X: from.X - px, Y: from.Y - py}, {X: end.X - px, Y: end.Y - py}},
			}
		} else {
			k.strokes = [][2]structure.Point{{from, end}}
		}
		out = append(out, k)
	}
	return out
}
