package structure

// Drawing is a structure with the box of each node: what the canvas, the
// PNG and the PDF draw, and what hits and links follow, so that a grown
// shape is picked and reached where it is drawn.
type Drawing struct {
	Structure
	Boxes []Box // by node index
}

// Draw lays out every node of s with m; with no metrics every node has
// its kind's size and no lines.
func Draw(s Structure, m Metrics) Drawing {
	d := Drawing{Structure: s, Boxes: make([]Box, len(s.Nodes))}
	for i, n := range s.Nodes {
		d.Boxes[i] = boxOf(n, m)
	}
	return d
}

func boxOf(n Node, m Metrics) Box {
	if m == nil {
		w, h := n.Kind.Size()
		return Box{W: w, H: h}
	}
	return m.Box(n)
}

// Outline is where node i is drawn.
func (d Drawing) Outline(i int) Outline {
	var b Box
	if i < len(d.Boxes) {
		b = d.Boxes[i]
	}
	return d.Nodes[i].Outline(b)
}

// NodeAt is the index of the topmost node under p, or -1.
func (d Drawing) NodeAt(p Point) int {
	for i := len(d.Nodes) - 1; i >= 0; i-- {
		if d.Outline(i).Contains(p) {
			return i
		}
	}
	return -1
}

// LinkAt is the index of the link within tolerance of p, or -1.
func (d Drawing) LinkAt(p Point, tolerance float32) int {
	byID := d.index()
	for i, l := range d.Links {
		from, to, ok := d.ends(byID, l)
		if ok && DistanceToSegment(p, from, to) <= tolerance {
			return i
		}
	}
	return -1
}

// Ends are where link l is drawn, border to border; false when one of its
// nodes is missing.
func (d Drawing) Ends(l Link) (from, to Point, ok bool) {
	a, b := d.NodeIndex(l.From), d.NodeIndex(l.To)
	if a < 0 || b < 0 {
		return Point{}, Point{}, false
	}
	from, to = Ends(d.Outline(a), d.Outline(b))
	return from, to, true
}

func (d Drawing) ends(byID map[int64]int, l Link) (from, to Point, ok bool) {
	a, okA := byID[l.From]
	b, okB := byID[l.To]
	if !okA || !okB {
		return Point{}, Point{}, false
	}
	from, to = Ends(d.Outline(a), d.Outline(b))
	return from, to, true
}

// Bounds is the box around every drawn node; the zero Rect when there is
// none.
func (d Drawing) Bounds() Rect {
	if len(d.Nodes) == 0 {
		return Rect{}
	}
	r := d.Outline(0).Bounds()
	for i := 1; i < len(d.Nodes); i++ {
		r = r.Union(d.Outline(i).Bounds())
	}
	return r
}
