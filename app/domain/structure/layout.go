package structure

import (
	"cmp"
	"math"
	"slices"
)

// Spacing of the automatic layouts, in canvas units. Every gap is more
// than the 10 units snapping to the grid can take away, so snapped boxes
// still never touch.
const (
	layoutGrid   = 10   // positions land on this grid
	layerGap     = 90   // between the rows of a layered layout
	siblingGap   = 40   // between neighbours in a row
	ringGap      = 30   // between nodes of a radial layout
	partGap      = 80   // between unconnected parts of a diagram
	minRowWidth  = 1600 // unconnected parts wrap past this width
	layoutMargin = 40   // from the canvas origin to the first box
	sweeps       = 4    // barycentre passes to untangle the rows
	labelGap     = 12   // between a link's label and the shapes it joins
)

// Tidy lays the diagram out again: around its centre when it has a hub or
// a node linked to at least 40 % of the others (hubs, snowflakes,
// coalitions), in rows from the top otherwise (circles and roles). The
// shapes are spaced by the size m gives them with their labels laid out
// (their kind's size when m is nil), with room between them for the
// labels of the links. The input is left as it is; links and contents are
// kept.
func Tidy(s Structure, m Metrics) Structure {
	if radialFits(s) {
		return TidyRadial(s, m)
	}
	return TidyLayered(s, m)
}

func radialFits(s Structure) bool {
	for _, n := range s.Nodes {
		if n.Kind == Hub {
			return true
		}
	}
	for _, d := range newGraph(s).deg {
		if float64(d) >= 0.4*float64(len(s.Nodes)) {
			return true
		}
	}
	return false
}

// TidyLayered draws each connected part as a hierarchy: its root on top
// (a node no délégation, conseil or lien double points to, the most linked
// one), then the nodes one step away, and so on. Rows are ordered by
// barycentre to cut crossings and parents are centred over their
// children. Unconnected parts sit side by side, biggest first.
func TidyLayered(s Structure, m Metrics) Structure { return arrange(s, m, layered) }

// TidyRadial draws each connected part around its most linked node, the
// others on rings by their distance from it; each node gets an angle
// proportional to how many nodes hang from it, so branches do not mix.
func TidyRadial(s Structure, m Metrics) Structure { return arrange(s, m, radial) }

// placer positions the nodes of one connected part, anywhere: arrange
// moves the part into place afterwards.
type placer func(g graph, part []int, sz sizes, x, y []float64)

// sizes are the drawn sizes of the nodes, by index, and the room their
// links' labels need.
type sizes struct {
	w, h []float64
	// labels is the widest label of the links between two nodes, keyed
	// by their indexes, lower first.
	labels map[[2]int]float64
	// widest is the widest link label of the diagram, 0 without labels.
	widest float64
}

func measure(s Structure, m Metrics) sizes {
	n := len(s.Nodes)
	sz := sizes{w: make([]float64, n), h: make([]float64, n), labels: map[[2]int]float64{}}
	for i, nd := range s.Nodes {
		b := boxOf(nd, m)
		sz.w[i], sz.h[i] = float64(b.W), float64(b.H)
	}
	if m == nil {
		return sz
	}
	byID := s.index()
	for _, l := range s.Links {
		a, okA := byID[l.From]
		b, okB := byID[l.To]
		if !okA || !okB || a == b || l.Label == "" {
			continue
		}
		lw := min(m.LinkLabelWidth(l.Label), LinkLabelMax)
		key := [2]int{min(a, b), max(a, b)}
		sz.labels[key] = max(sz.labels[key], lw)
		sz.widest = max(sz.widest, lw)
	}
	return sz
}

// gap is the room between nodes a and b side by side in a row: wider when
// a labelled link joins them.
func (sz sizes) gap(a, b int) float64 {
	if lw, ok := sz.labels[[2]int{min(a, b), max(a, b)}]; ok {
		return max(siblingGap, lw+2*labelGap)
	}
	return siblingGap
}

// ringGap is the room between two rings of a radial layout, whose links
// run across it with their labels.
func (sz sizes) ringGap() float64 {
	if sz.widest > 0 {
		return max(ringGap, sz.widest+2*labelGap)
	}
	return ringGap
}

func arrange(s Structure, m Metrics, place placer) Structure {
	out := s
	out.Nodes = slices.Clone(s.Nodes)
	out.Links = slices.Clone(s.Links)
	n := len(s.Nodes)
	if n == 0 {
		return out
	}
	sz := measure(s, m)
	w, h := sz.w, sz.h
	x, y := make([]float64, n), make([]float64, n)
	g := newGraph(s)
	parts := g.components()
	boxes := make([][4]float64, len(parts)) // min x, min y, max x, max y
	widest := 0.0
	for k, part := range parts {
		place(g, part, sz, x, y)
		b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, i := range part {
			b[0], b[1] = min(b[0], x[i]-w[i]/2), min(b[1], y[i]-h[i]/2)
			b[2], b[3] = max(b[2], x[i]+w[i]/2), max(b[3], y[i]+h[i]/2)
		}
		boxes[k] = b
		widest = max(widest, b[2]-b[0])
	}
	// Shelves: parts left to right, a new row when the next would make the
	// row wider than the widest part (or minRowWidth).
	limit := max(widest, minRowWidth)
	left, top, rowH := 0.0, 0.0, 0.0
	for k, part := range parts {
		b := boxes[k]
		pw, ph := b[2]-b[0], b[3]-b[1]
		if left > 0 && left+pw > limit {
			left, top, rowH = 0, top+rowH+partGap, 0
		}
		dx, dy := layoutMargin+left-b[0], layoutMargin+top-b[1]
		for _, i := range part {
			x[i] += dx
			y[i] += dy
		}
		left += pw + partGap
		rowH = max(rowH, ph)
	}
	for i := range out.Nodes {
		out.Nodes[i].X = float32(math.Round(x[i]/layoutGrid) * layoutGrid)
		out.Nodes[i].Y = float32(math.Round(y[i]/layoutGrid) * layoutGrid)
	}
	return out
}

// layered is TidyLayered for one connected part.
func layered(g graph, part []int, sz sizes, x, y []float64) {
	h := sz.h
	var roots []int
	for _, i := range part {
		if g.in[i] == 0 {
			roots = append(roots, i)
		}
	}
	if len(roots) == 0 { // every node has a parent: a cycle
		roots = part
	}
	rows := g.rows(g.centre(roots))
	rows = untangle(g, rows)

	// Rows top to bottom, each as high as its tallest node.
	top := 0.0
	for _, row := range rows {
		rh := 0.0
		for _, i := range row {
			rh = max(rh, h[i])
		}
		for _, i := range row {
			y[i] = top + rh/2
		}
		top += rh + layerGap
	}

	// Going down, each node as near as it can be to the middle of its
	// parents; coming back up, each parent over the middle of its children.
	spread(rows[0], make([]float64, len(rows[0])), sz, x)
	for r := 1; r < len(rows); r++ {
		spread(rows[r], wishes(g, rows[r], rows[r-1], x), sz, x)
	}
	for r := len(rows) - 2; r >= 0; r-- {
		spread(rows[r], wishes(g, rows[r], rows[r+1], x), sz, x)
	}
}

// rows are the nodes by their distance from root, in breadth-first order.
func (g graph) rows(root int) [][]int {
	depth := map[int]int{root: 0}
	rows := [][]int{{root}}
	for r := 0; r < len(rows); r++ {
		for _, v := range rows[r] {
			for _, m := range g.adj[v] {
				if _, ok := depth[m]; ok {
					continue
				}
				depth[m] = r + 1
				if len(rows) == r+1 {
					rows = append(rows, nil)
				}
				rows[r+1] = append(rows[r+1], m)
			}
		}
	}
	return rows
}

// untangle reorders each row by the mean place of its neighbours in the
// row above, then in the row below, a few times, and keeps the order with
// the fewest crossings.
func untangle(g graph, rows [][]int) [][]int {
	rank := make(map[int]float64) // place in its row, from 0 to 1
	setRanks := func(row []int) {
		for k, i := range row {
			rank[i] = float64(k) / float64(max(1, len(row)-1))
		}
	}
	for _, row := range rows {
		setRanks(row)
	}
	inRow := make(map[int]int)
	for r, row := range rows {
		for _, i := range row {
			inRow[i] = r
		}
	}
	order := func(r, ref int) {
		key := make(map[int]float64, len(rows[r]))
		for _, i := range rows[r] {
			sum, n := 0.0, 0
			for _, m := range g.adj[i] {
				if inRow[m] == ref {
					sum += rank[m]
					n++
				}
			}
			if n > 0 {
				key[i] = sum / float64(n)
			} else {
				key[i] = rank[i]
			}
		}
		slices.SortStableFunc(rows[r], func(a, b int) int { return cmp.Compare(key[a], key[b]) })
		setRanks(rows[r])
	}
	best := cloneRows(rows)
	fewest := crossings(g, rows, inRow)
	for range sweeps {
		if fewest == 0 {
			break
		}
		for r := 1; r < len(rows); r++ {
			order(r, r-1)
		}
		for r := len(rows) - 2; r >= 0; r-- {
			order(r, r+1)
		}
		if c := crossings(g, rows, inRow); c < fewest {
			best, fewest = cloneRows(rows), c
		}
	}
	return best
}

func cloneRows(rows [][]int) [][]int {
	c := make([][]int, len(rows))
	for r, row := range rows {
		c[r] = slices.Clone(row)
	}
	return c
}

// crossings counts the links between consecutive rows that cross.
func crossings(g graph, rows [][]int, inRow map[int]int) int {
	total := 0
	for r := 0; r+1 < len(rows); r++ {
		below := make(map[int]int, len(rows[r+1]))
		for k, i := range rows[r+1] {
			below[i] = k
		}
		// Links in the order of their upper end, then lower end; two
		// cross when their lower ends come in the other order. A Fenwick
		// tree counts those inversions.
		tree := make([]int, len(rows[r+1])+1)
		placed := 0
		for _, i := range rows[r] {
			var ends []int
			for _, m := range g.adj[i] {
				if inRow[m] == r+1 {
					ends = append(ends, below[m])
				}
			}
			slices.Sort(ends)
			for _, e := range ends {
				atMost := 0
				for k := e + 1; k > 0; k -= k & -k {
					atMost += tree[k]
				}
				total += placed - atMost
				for k := e + 1; k < len(tree); k += k & -k {
					tree[k]++
				}
				placed++
			}
		}
	}
	return total
}

// wishes is, for each node of row, the mean x of its neighbours in ref, or
// its own x when it has none there.
func wishes(g graph, row, ref []int, x []float64) []float64 {
	in := make(map[int]bool, len(ref))
	for _, i := range ref {
		in[i] = true
	}
	want := make([]float64, len(row))
	for k, i := range row {
		sum, n := 0.0, 0
		for _, m := range g.adj[i] {
			if in[m] {
				sum += x[m]
				n++
			}
		}
		if n > 0 {
			want[k] = sum / float64(n)
		} else {
			want[k] = x[i]
		}
	}
	return want
}

// spread sets the x of a row's nodes, kept in this order and at least
// their gap apart, as near their wished x as can be (least squares). It
// is an isotonic regression solved by pooling adjacent violators.
func spread(row []int, want []float64, sz sizes, x []float64) {
	w := sz.w
	off := make([]float64, len(row)) // where each node sits if packed from 0
	for k := 1; k < len(row); k++ {
		off[k] = off[k-1] + (w[row[k-1]]+w[row[k]])/2 + sz.gap(row[k-1], row[k])
	}
	type pool struct {
		sum float64
		n   int
	}
	var pools []pool
	for k := range row {
		pools = append(pools, pool{want[k] - off[k], 1})
		for len(pools) > 1 {
			a, b := pools[len(pools)-2], pools[len(pools)-1]
			if a.sum/float64(a.n) <= b.sum/float64(b.n) {
				break
			}
			pools = pools[:len(pools)-1]
			pools[len(pools)-1] = pool{a.sum + b.sum, a.n + b.n}
		}
	}
	k := 0
	for _, p := range pools {
		at := p.sum / float64(p.n)
		for range p.n {
			x[row[k]] = at + off[k]
			k++
		}
	}
}

// radial is TidyRadial for one connected part.
func radial(g graph, part []int, sz sizes, x, y []float64) {
	w, h := sz.w, sz.h
	root := g.centre(part)
	// Breadth-first tree from the root.
	parent := map[int]int{root: -1}
	depth := map[int]int{root: 0}
	order := []int{root}
	children := make(map[int][]int)
	for k := 0; k < len(order); k++ {
		v := order[k]
		for _, m := range g.adj[v] {
			if _, ok := parent[m]; !ok {
				parent[m], depth[m] = v, depth[v]+1
				children[v] = append(children[v], m)
				order = append(order, m)
			}
		}
	}
	size := make(map[int]int, len(order))
	for k := len(order) - 1; k >= 0; k-- {
		v := order[k]
		size[v]++
		if p := parent[v]; p >= 0 {
			size[p] += size[v]
		}
	}
	// Each node's share of the turn, split among its children by size; the
	// first child of the root points straight up.
	start := map[int]float64{}
	span := map[int]float64{root: 2 * math.Pi}
	if c := children[root]; len(c) > 0 {
		start[root] = -math.Pi/2 - math.Pi*float64(size[c[0]])/float64(size[root]-1)
	}
	for _, v := range order {
		at := start[v]
		for _, c := range children[v] {
			start[c] = at
			span[c] = span[v] * float64(size[c]) / float64(size[v]-1)
			at += span[c]
		}
	}
	// Ring radii: far enough from the previous ring for the largest boxes
	// of both not to meet, and wide enough for each node's share of the
	// ring to hold its box (see radiusFor).
	half := func(i int) float64 { return math.Hypot(w[i], h[i]) / 2 }
	rings := depth[order[len(order)-1]] + 1
	reach := make([]float64, rings) // largest half-diagonal on each ring
	need := make([]float64, rings)
	for _, v := range order {
		d := depth[v]
		reach[d] = max(reach[d], half(v))
		if d > 0 {
			need[d] = max(need[d], radiusFor(half(v), span[v]))
		}
	}
	radius := make([]float64, rings)
	for d := 1; d < rings; d++ {
		radius[d] = max(radius[d-1]+reach[d-1]+reach[d]+sz.ringGap(), need[d])
	}
	for _, v := range order {
		a := start[v] + span[v]/2
		x[v] = radius[depth[v]] * math.Cos(a)
		y[v] = radius[depth[v]] * math.Sin(a)
	}
}

// radiusFor is the smallest radius at which a node whose circumscribed
// circle has radius r, placed in the middle of an angle span, keeps ringGap
// from any node of the same ring in the next spans. Two such nodes are at
// least (span₁ + span₂)/2 apart in angle, and since sin is concave the
// chord between them is then at least the mean of 2R·sin(span/2) of each.
func radiusFor(r, span float64) float64 {
	s := math.Sin(min(span, math.Pi) / 2)
	return (2*r + ringGap) / (2 * s)
}
