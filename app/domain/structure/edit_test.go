package structure

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func sample() Structure {
	return Structure{ID: 3, Name: "Groupe local", Nodes: []Node{
		{ID: 1, Kind: Cercle, Label: "Cercle d’ancrage", X: 100, Y: 100, Members: []string{"Awa"}},
		{ID: 4, Kind: GroupeTravail, Label: "Arts", X: 400, Y: 100},
		{ID: 2, Kind: Role, Label: "Coordination externe", X: 400, Y: 300},
	}, Links: []Link{
		{ID: 7, From: 1, To: 4, Kind: LienDouble},
		{ID: 2, From: 4, To: 2, Kind: Delegation},
	}}
}

func ids[T any](items []T, id func(T) int64) []int64 {
	var out []int64
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

func nodeIDs(s Structure) []int64 { return ids(s.Nodes, func(n Node) int64 { return n.ID }) }
func linkIDs(s Structure) []int64 { return ids(s.Links, func(l Link) int64 { return l.ID }) }

func TestAddNode(t *testing.T) {
	in := sample()
	s, id := AddNode(in, Node{ID: 99, Kind: Personne, Label: "Léa"})
	if id != 5 || !slices.Equal(nodeIDs(s), []int64{1, 4, 2, 5}) || s.Nodes[3].Label != "Léa" {
		t.Errorf("added %d: %v", id, nodeIDs(s))
	}
	if !reflect.DeepEqual(in, sample()) {
		t.Error("the input was changed")
	}
	// Room left in the input's array must not be written into.
	roomy := Structure{Name: "s", Nodes: make([]Node, 1, 10)}
	roomy.Nodes[0] = Node{ID: 3, Kind: Role, Label: "a"}
	if s, id := AddNode(roomy, Node{Kind: Role, Label: "b"}); id != 4 || len(s.Nodes) != 2 || roomy.Nodes[:2][1].Label != "" {
		t.Errorf("added %d into the input's array", id)
	}
	if _, id := AddNode(Structure{Name: "s"}, Node{}); id != 1 {
		t.Errorf("first id %d", id)
	}
}

func TestMoveNodes(t *testing.T) {
	in := sample()
	s := MoveNodes(in, []int64{4, 2, 42}, 10, -20)
	if s.Nodes[0].Center() != (Point{100, 100}) || s.Nodes[1].Center() != (Point{410, 80}) || s.Nodes[2].Center() != (Point{410, 280}) {
		t.Errorf("moved to %v %v %v", s.Nodes[0].Center(), s.Nodes[1].Center(), s.Nodes[2].Center())
	}
	many := make([]int64, 40) // past the scan, into the map
	for i := range many {
		many[i] = int64(i + 1)
	}
	if s := MoveNodes(in, many, 1, 1); s.Nodes[0].X != 101 || s.Nodes[2].X != 401 {
		t.Errorf("moving many %v", s.Nodes)
	}
	if !reflect.DeepEqual(in, sample()) {
		t.Error("the input was changed")
	}
}

func TestConnect(t *testing.T) {
	tests := []struct {
		name     string
		from, to int64
		kind     LinkKind
		want     string // part of the error; "" for none
	}{
		{"new link", 1, 2, Coordination, ""},
		{"same pair, other kind", 1, 4, Coordination, ""},
		{"other direction, other kind", 2, 4, Conseil, ""},
		{"duplicate", 1, 4, LienDouble, "déjà reliés par un lien de type «\u00a0lien double\u00a0»"},
		{"duplicate reversed", 2, 4, Delegation, "«\u00a0délégation\u00a0»"},
		{"self", 4, 4, Delegation, "à lui-même"},
		{"unknown from", 9, 4, Delegation, "n’existe plus"},
		{"unknown to", 1, 9, Delegation, "n’existe plus"},
		{"unknown kind", 1, 2, "amitié", "type de lien «\u00a0amitié\u00a0» est inconnu"},
	}
	for _, tt := range tests {
		in := sample()
		s, err := Connect(in, tt.from, tt.to, tt.kind)
		if !reflect.DeepEqual(in, sample()) {
			t.Errorf("%s: the input was changed", tt.name)
		}
		if tt.want != "" {
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
			} else if p := frenchProblems(err.Error()); p != nil {
				t.Errorf("%s: %v", tt.name, p)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		l := s.Links[len(s.Links)-1]
		if l != (Link{ID: 8, From: tt.from, To: tt.to, Kind: tt.kind}) || len(s.Links) != 3 {
			t.Errorf("%s: added %+v", tt.name, l)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestDelete(t *testing.T) {
	in := sample()
	s := DeleteNodes(in, []int64{4})
	if !slices.Equal(nodeIDs(s), []int64{1, 2}) || len(s.Links) != 0 {
		t.Errorf("after deleting node 4: nodes %v, links %v", nodeIDs(s), linkIDs(s))
	}
	if err := s.Validate(); err != nil {
		t.Error(err)
	}
	s = DeleteNodes(in, []int64{2, 99})
	if !slices.Equal(nodeIDs(s), []int64{1, 4}) || !slices.Equal(linkIDs(s), []int64{7}) {
		t.Errorf("after deleting node 2: nodes %v, links %v", nodeIDs(s), linkIDs(s))
	}
	s = DeleteLinks(in, []int64{2, 99})
	if !slices.Equal(linkIDs(s), []int64{7}) || len(s.Nodes) != 3 {
		t.Errorf("after deleting link 2: %v", linkIDs(s))
	}
	if !reflect.DeepEqual(in, sample()) {
		t.Error("the input was changed")
	}
}

func TestSnap(t *testing.T) {
	tests := []struct {
		p    Point
		grid float32
		want Point
	}{
		{Point{14, 15}, 10, Point{10, 20}},
		{Point{-14, -16}, 10, Point{-10, -20}},
		{Point{33, 47}, 25, Point{25, 50}},
		{Point{3.3, 4.4}, 0, Point{3.3, 4.4}},
		{Point{3.3, 4.4}, -5, Point{3.3, 4.4}},
	}
	for _, tt := range tests {
		if got := Snap(tt.p, tt.grid); got != tt.want {
			t.Errorf("Snap(%v, %v) = %v, want %v", tt.p, tt.grid, got, tt.want)
		}
	}
}

// BenchmarkDragStep is one pointer move while dragging a node: the new
// structure, then the ends of the links to redraw.
func BenchmarkDragStep(b *testing.B) {
	s := benchStructure()
	id := s.Nodes[150].ID
	moved := []int64{id}
	var sink Point
	for b.Loop() {
		s = MoveNodes(s, moved, 1, 1)
		for _, l := range s.Links {
			if l.From != id && l.To != id {
				continue
			}
			i, j := s.NodeIndex(l.From), s.NodeIndex(l.To)
			if i < 0 || j < 0 {
				continue
			}
			from, to := Ends(s.Nodes[i].Outline(Box{}), s.Nodes[j].Outline(Box{}))
			sink.X += from.X + to.X
		}
	}
	_ = sink
}
