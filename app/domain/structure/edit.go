package structure

import (
	"math"
	"slices"

	"atelier/app/kit/usererr"
)

// The editing helpers below never touch the structure they are given: each
// returns a new one whose Nodes and Links are fresh slices, so the canvas
// can keep the old value as an undo snapshot. Members slices are shared
// between the two; History makes its own deep copies.

// AddNode appends n under the next free id and returns that id. The id n
// carries is ignored.
func AddNode(s Structure, n Node) (Structure, int64) {
	var last int64
	for _, m := range s.Nodes {
		last = max(last, m.ID)
	}
	n.ID = last + 1
	out := s
	out.Nodes = append(slices.Clip(slices.Clone(s.Nodes)), n)
	out.Links = slices.Clone(s.Links)
	return out, n.ID
}

// MoveNodes shifts the nodes with these ids by (dx, dy). Unknown ids are
// ignored: a node deleted elsewhere simply stays deleted.
func MoveNodes(s Structure, ids []int64, dx, dy float32) Structure {
	out := s
	out.Nodes = slices.Clone(s.Nodes)
	out.Links = slices.Clone(s.Links)
	in := idSet(ids)
	for i := range out.Nodes {
		if in(out.Nodes[i].ID) {
			out.Nodes[i].X += dx
			out.Nodes[i].Y += dy
		}
	}
	return out
}

// Connect adds a link of this kind from one node to another under the next
// free link id. Two links of the same kind between the same two nodes, in
// either direction, would be drawn on top of each other, so the second is
// refused.
func Connect(s Structure, from, to int64, kind LinkKind) (Structure, error) {
	if !validLinkKind(kind) {
		return s, problem("Le type de lien «\u00a0%s\u00a0» est inconnu.", kind)
	}
	if from == to {
		return s, problem("Un lien ne peut relier un élément à lui-même. Choisir un autre élément d’arrivée.")
	}
	if s.NodeIndex(from) < 0 || s.NodeIndex(to) < 0 {
		return s, problem("L’un des éléments à relier n’existe plus. Recharger la structure puis réessayer.")
	}
	var last int64
	for _, l := range s.Links {
		last = max(last, l.ID)
		if l.Kind == kind && (l.From == from && l.To == to || l.From == to && l.To == from) {
			return s, problem("Ces deux éléments sont déjà reliés par un lien de type «\u00a0%s\u00a0».", linkName(kind))
		}
	}
	out := s
	out.Nodes = slices.Clone(s.Nodes)
	out.Links = append(slices.Clip(slices.Clone(s.Links)), Link{ID: last + 1, From: from, To: to, Kind: kind})
	return out, nil
}

// DeleteNodes removes the nodes with these ids and every link that touches
// one of them: a link to nothing would not validate.
func DeleteNodes(s Structure, ids []int64) Structure {
	in := idSet(ids)
	out := s
	out.Nodes = slices.DeleteFunc(slices.Clone(s.Nodes), func(n Node) bool { return in(n.ID) })
	out.Links = slices.DeleteFunc(slices.Clone(s.Links), func(l Link) bool { return in(l.From) || in(l.To) })
	return out
}

// DeleteLinks removes the links with these ids.
func DeleteLinks(s Structure, ids []int64) Structure {
	in := idSet(ids)
	out := s
	out.Nodes = slices.Clone(s.Nodes)
	out.Links = slices.DeleteFunc(slices.Clone(s.Links), func(l Link) bool { return in(l.ID) })
	return out
}

// Snap moves p to the nearest point of a grid of this step; a step of zero
// or less leaves p where it is.
func Snap(p Point, grid float32) Point {
	if grid <= 0 {
		return p
	}
	return Point{snap(p.X, grid), snap(p.Y, grid)}
}

func snap(v, grid float32) float32 {
	return float32(math.Round(float64(v)/float64(grid)) * float64(grid))
}

// idSet is a membership test; a drag moves one node or a handful, where a
// map would cost more than a scan.
func idSet(ids []int64) func(int64) bool {
	if len(ids) <= 16 {
		return func(id int64) bool { return slices.Contains(ids, id) }
	}
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return func(id int64) bool { return m[id] }
}

// problem is an error a person reads as it is, like the ones Validate gives.
func problem(format string, args ...any) error {
	return usererr.List{usererr.New(format, args...)}
}

// linkName is how a link kind reads in a sentence.
func linkName(k LinkKind) any {
	switch k {
	case LienDouble:
		return usererr.Phrase("lien double")
	case Coordination:
		return usererr.Phrase("coordination")
	case Delegation:
		return usererr.Phrase("délégation")
	case Conseil:
		return usererr.Phrase("conseil")
	}
	return string(k)
}
