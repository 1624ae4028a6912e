package structure

import (
	"math"
	"strings"
)

// How node labels are written, in canvas units: the canvas multiplies
// these by its zoom, the PNG by its scale, the PDF by its millimetres per
// unit, so that all three break the lines at the same places.
const (
	LabelSize     = 13 // font size of a node's label, in bold
	LabelLine     = 16 // line height of a node's label
	MaxLabelLines = 5  // a longer label ends with « … »
	LinkLabelSize = 11 // font size of a link's label, regular
	LinkLabelMax  = 160
)

// Room between a shape's edge and its label.
const (
	labelPadX  = 8
	labelPadY  = 6
	circlePad  = 6
	wrapStep   = 6  // canvas units between two tried line widths
	minWrapW   = 24 // the narrowest line a circle's label is tried at
	roleRadius = 23 // a one-line role is a pill; a taller one keeps its corners
	boxRadius  = 14
)

// Box is a node as it is drawn: the size its shape grows to so that its
// label fits, and the label's lines.
type Box struct {
	W, H  float32
	Lines []string
}

// Metrics is what the layouts know of the text: the box of each node, its
// label laid out in the real font, and how wide a link's label is. The
// diagram package provides the one the app uses.
type Metrics interface {
	Box(n Node) Box
	LinkLabelWidth(label string) float64
}

// LayOut wraps label inside a shape of kind k and grows the shape to hold
// it, width measuring the label's font at LabelSize. Lines break at spaces,
// then after hyphens, and inside a word only when a word is too long for
// the widest shape. Circles grow in diameter; the other shapes grow in
// width up to their kind's widest, then in height, one line at a time, up
// to MaxLabelLines. A shape is never smaller than its kind's size.
func LayOut(k NodeKind, label string, width TextWidth) Box {
	w0, h0 := k.Size()
	if width == nil || strings.TrimSpace(label) == "" {
		return Box{W: w0, H: h0}
	}
	maxW := float64(lookOf(k).maxW)
	pad := padX(k)
	lo, hi := float64(w0)-2*pad, maxW-2*pad
	switch k.Shape() {
	case ShapeCircle:
		lo = minWrapW
	case ShapeHexagon:
		lo = float64(w0)/2 - 2*pad
	}
	var best Box
	var bestScore [4]float64
	for cw := lo; ; cw += wrapStep {
		cw = min(cw, hi)
		lines, how := wrap(label, cw, MaxLabelLines, width)
		widths := make([]float64, len(lines))
		for i, l := range lines {
			widths[i] = width(l)
		}
		w, h := need(k, widths)
		over := 0.0
		if float64(w) > maxW {
			over = 1
		}
		// Lower is better: within the kind's widest, the fewest cuts, then
		// the smallest circle, or for the other shapes the least height
		// (they grow in width first), then the narrowest.
		score := [4]float64{over, float64(how), float64(h), float64(w)}
		if k.Shape() == ShapeCircle {
			score[2], score[3] = float64(w), float64(len(lines))
		}
		if best.Lines == nil || less(score, bestScore) {
			best, bestScore = Box{W: w, H: h, Lines: lines}, score
		}
		switch {
		case cw >= hi:
			return best
		case len(lines) == 1 && how == breakAtSpaces:
			return best // wider lines would be the same line
		case k.Shape() != ShapeCircle && over == 0 && how == breakAtSpaces && h <= h0:
			return best // the kind's own height holds it: no need to widen
		}
	}
}

func less(a, b [4]float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// padX is the room kept on each side of a label's lines.
func padX(k NodeKind) float64 {
	switch k.Shape() {
	case ShapeCircle:
		return circlePad
	case ShapeRoundRect:
		return max(labelPadX, 0.6*float64(cornerRadius(k, math.MaxFloat32)))
	}
	return labelPadX
}

// lineReach is how far from the centre, up or down, line i of n reaches
// when the lines are centred on the shape.
func lineReach(i, n int) float64 {
	top := -float64(n) * LabelLine / 2
	a, b := top+float64(i)*LabelLine, top+float64(i+1)*LabelLine
	return max(math.Abs(a), math.Abs(b))
}

// need is the smallest shape of kind k, never smaller than the kind's
// size, that holds lines of these widths centred in it; see LabelRoom.
func need(k NodeKind, widths []float64) (w, h float32) {
	w0, h0 := k.Size()
	n := len(widths)
	pad := padX(k)
	block := float64(n)*LabelLine + 2*labelPadY
	up := func(v float64) float32 { return float32(math.Ceil(v)) }
	switch k.Shape() {
	case ShapeCircle:
		d := max(float64(w0), block)
		for i, lw := range widths {
			d = max(d, 2*math.Hypot(lw/2+pad, lineReach(i, n)))
		}
		return up(d), up(d)
	case ShapeHexagon:
		hh := max(float64(h0), block)
		ww := float64(w0)
		for i, lw := range widths {
			// The hexagon is as wide as ww at mid-height and half that at
			// its top and bottom edges.
			ww = max(ww, (lw+2*pad)/(1-lineReach(i, n)/hh))
		}
		return up(ww), up(hh)
	}
	widest := 0.0
	for _, lw := range widths {
		widest = max(widest, lw)
	}
	return up(max(float64(w0), widest+2*pad)), up(max(float64(h0), block))
}

// LabelRoom is how wide each of n centred label lines may be inside the
// outline, or nil when n lines are too many for its height. Tests check
// every laid-out line against it.
func (o Outline) LabelRoom(n int) []float64 {
	pad := padX(o.Kind)
	if float64(n)*LabelLine+2*labelPadY > float64(o.H)+0.01 {
		return nil
	}
	room := make([]float64, n)
	for i := range room {
		y := lineReach(i, n)
		switch o.Kind.Shape() {
		case ShapeCircle:
			r := float64(o.W) / 2
			room[i] = 2*math.Sqrt(max(0, r*r-y*y)) - 2*pad
		case ShapeHexagon:
			room[i] = float64(o.W)*(1-y/float64(o.H)) - 2*pad
		default:
			room[i] = float64(o.W) - 2*pad
		}
	}
	return room
}
