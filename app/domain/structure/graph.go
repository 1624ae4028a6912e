package structure

import "slices"

// graph is a structure seen as an undirected graph of node indexes, which
// is what the layouts walk. Links to missing nodes and self links are
// left out: Validate reports them, the layout just draws what it can.
type graph struct {
	adj [][]int // neighbours, each once, in link order
	deg []int   // links touching the node
	in  []int   // links coming from above: délégation, conseil, lien double
}

func newGraph(s Structure) graph {
	n := len(s.Nodes)
	g := graph{adj: make([][]int, n), deg: make([]int, n), in: make([]int, n)}
	byID := s.index()
	seen := make(map[[2]int]bool, len(s.Links))
	for _, l := range s.Links {
		a, okA := byID[l.From]
		b, okB := byID[l.To]
		if !okA || !okB || a == b {
			continue
		}
		g.deg[a]++
		g.deg[b]++
		// A double link is drawn from the parent circle to the child one;
		// coordination links have no above and below.
		if l.Kind != Coordination {
			g.in[b]++
		}
		if key := [2]int{min(a, b), max(a, b)}; !seen[key] {
			seen[key] = true
			g.adj[a] = append(g.adj[a], b)
			g.adj[b] = append(g.adj[b], a)
		}
	}
	return g
}

// components are the connected parts of the graph, each listed in
// breadth-first order from its first node, biggest part first.
func (g graph) components() [][]int {
	seen := make([]bool, len(g.adj))
	var comps [][]int
	for i := range g.adj {
		if seen[i] {
			continue
		}
		comps = append(comps, g.bfs(i, seen))
	}
	slices.SortStableFunc(comps, func(a, b []int) int { return len(b) - len(a) })
	return comps
}

// bfs lists the nodes reachable from start that are not yet seen, marking
// them seen.
func (g graph) bfs(start int, seen []bool) []int {
	order := []int{start}
	seen[start] = true
	for k := 0; k < len(order); k++ {
		for _, m := range g.adj[order[k]] {
			if !seen[m] {
				seen[m] = true
				order = append(order, m)
			}
		}
	}
	return order
}

// eccentricity is how many steps the farthest node of the component is
// from i: the smaller, the lower the drawing grown from i.
func (g graph) eccentricity(i int, dist []int) int {
	for k := range dist {
		dist[k] = -1
	}
	dist[i] = 0
	queue, far := []int{i}, 0
	for k := 0; k < len(queue); k++ {
		v := queue[k]
		for _, m := range g.adj[v] {
			if dist[m] < 0 {
				dist[m] = dist[v] + 1
				far = max(far, dist[m])
				queue = append(queue, m)
			}
		}
	}
	return far
}

// centre picks, among the candidates, the node with the most links; ties
// go to the one nearest to everything, then to the first one.
func (g graph) centre(candidates []int) int {
	top := 0
	for _, c := range candidates {
		top = max(top, g.deg[c])
	}
	var tied []int
	for _, c := range candidates {
		if g.deg[c] == top {
			tied = append(tied, c)
		}
	}
	slices.Sort(tied)
	if len(tied) == 1 {
		return tied[0]
	}
	dist := make([]int, len(g.adj))
	best, bestEcc := tied[0], g.eccentricity(tied[0], dist)
	for _, c := range tied[1:] {
		if e := g.eccentricity(c, dist); e < bestEcc {
			best, bestEcc = c, e
		}
	}
	return best
}
