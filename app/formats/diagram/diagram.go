// Package diagram draws a structure to PNG and PDF the way the canvas shows
// it: each kind of node with its shape and colour, grown to hold its label
// as Metrics lays it out in DejaVu Sans (the canvas uses the same Metrics,
// so all three break lines alike), unfilled roles outlined
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
	linkLabelSize = structure.LinkLabelSize
	linkLabelPad  = 3
	defaultMargin = 24
)

// unfilled reports whether n is drawn outlined rather than filled: a role
// nobody holds yet.
func unfilled(n structure.Node) bool {
	return n.Kind == structure.Role && !n.Filled()
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

// links resolves the links of d to drawable ones, between the shapes as
// they are drawn; links to missing nodes or between overlapping nodes are
// skipped rather than failing the export. Labels are cut as m cuts them.
func links(d structure.Drawing, m *Metrics) []link {
	byID := make(map[int64]int, len(d.Nodes))
	for i, n := range d.Nodes {
		byID[n.ID] = i
	}
	out := make([]link, 0, len(d.Links))
	for _, l := range d.Links {
		a, okA := byID[l.From]
		b, okB := byID[l.To]
		if !okA || !okB || a == b {
			continue
		}
		from, to := structure.Ends(d.Outline(a), d.Outline(b))
		dx, dy := float64(to.X-from.X), float64(to.Y-from.Y)
		dist := math.Hypot(dx, dy)
		if dist < 1 || math.IsNaN(dist) || math.IsInf(dist, 0) {
			continue // the nodes overlap: nothing to draw between them
		}
		ux, uy := float32(dx/dist), float32(dy/dist)
		k := link{kind: l.Kind, label: m.LinkLabel(l.Label), width: linkWidth,
			mid: structure.Point{X: (from.X + to.X) / 2, Y: (from.Y + to.Y) / 2}}
		end := to
		if l.Kind.Directed() && dist > arrowSize {
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
