package structure

import (
	"fmt"
	"math"
	"reflect"
	"testing"
)

func TestLayoutsOnRandomGraphs(t *testing.T) {
	layouts := []struct {
		name string
		f    func(Structure, Metrics) Structure
		m    Metrics
	}{
		{"Tidy", Tidy, nil}, {"TidyLayered", TidyLayered, nil}, {"TidyRadial", TidyRadial, nil},
		{"Tidy measured", Tidy, metrics}, {"TidyLayered measured", TidyLayered, metrics}, {"TidyRadial measured", TidyRadial, metrics},
	}
	for seed := range uint64(40) {
		n := int(seed)*3 + 1
		s := randomStructure(seed, n, n*4/3)
		before := s.Clone()
		for _, l := range layouts {
			got := l.f(s, l.m)
			if o := overlap(got, l.m); o != "" {
				t.Fatalf("%s, seed %d, %d nodes: overlap %s", l.name, seed, n, o)
			}
			if o := offGrid(got); o != "" {
				t.Fatalf("%s, seed %d: off the grid: %s", l.name, seed, o)
			}
			if again := l.f(s, l.m); !reflect.DeepEqual(got, again) {
				t.Fatalf("%s, seed %d: two runs differ", l.name, seed)
			}
			if len(got.Nodes) != n || !reflect.DeepEqual(got.Links, s.Links) {
				t.Fatalf("%s, seed %d: nodes or links changed", l.name, seed)
			}
			for i := range got.Nodes {
				a, b := got.Nodes[i], s.Nodes[i]
				a.X, a.Y = b.X, b.Y
				if !reflect.DeepEqual(a, b) {
					t.Fatalf("%s, seed %d: node %d changed beyond its place", l.name, seed, i)
				}
			}
		}
		if !reflect.DeepEqual(s, before) {
			t.Fatalf("seed %d: the input was changed", seed)
		}
	}
}

func TestLayoutsOnTemplates(t *testing.T) {
	for _, tp := range Templates() {
		s, _ := FromTemplate(tp.Key, "")
		for name, f := range map[string]func(Structure, Metrics) Structure{"Tidy": Tidy, "TidyLayered": TidyLayered, "TidyRadial": TidyRadial} {
			for _, m := range []Metrics{nil, metrics} {
				got := f(s, m)
				if o := overlap(got, m); o != "" {
					t.Errorf("%s on %s (metrics %v): overlap %s", name, tp.Key, m, o)
				}
				if o := offGrid(got); o != "" {
					t.Errorf("%s on %s: off the grid %s", name, tp.Key, o)
				}
			}
		}
	}
}

// A large diagram drawn in a hurry, every label long enough to grow its
// shape: Tidy leaves no two shapes touching.
func TestTidyLargeMeasured(t *testing.T) {
	s := randomStructure(99, 300, 400)
	for i := range s.Nodes {
		s.Nodes[i].Label = fmt.Sprintf("Groupe de travail numéro %d sur la mobilisation", i+1)
	}
	for name, f := range map[string]func(Structure, Metrics) Structure{"Tidy": Tidy, "TidyLayered": TidyLayered, "TidyRadial": TidyRadial} {
		if o := overlap(f(s, metrics), metrics); o != "" {
			t.Errorf("%s: overlap %s", name, o)
		}
	}
}

// The labels of links sit in the middle of the gap between the shapes
// they join: Tidy makes the gap wide enough for them.
func TestTidyLeavesRoomForLinkLabels(t *testing.T) {
	tests := []struct {
		name string
		f    func(Structure, Metrics) Structure
		s    Structure
	}{
		{"radial", TidyRadial, labelledStar()},
		{"layered siblings", TidyLayered, Structure{Name: "s", Nodes: []Node{
			{ID: 1, Kind: Equipe, Label: "a"}, {ID: 2, Kind: Equipe, Label: "b"}, {ID: 3, Kind: Cercle, Label: "c"}},
			Links: []Link{
				{ID: 1, From: 3, To: 1, Kind: Delegation}, {ID: 2, From: 3, To: 2, Kind: Delegation},
				{ID: 3, From: 1, To: 2, Kind: Coordination, Label: "partage des tâches de la semaine"}}}},
	}
	for _, tt := range tests {
		got := tt.f(tt.s, metrics)
		d := Draw(got, metrics)
		for _, l := range got.Links {
			if l.Label == "" {
				continue
			}
			from, to, _ := d.Ends(l)
			gap := math.Hypot(float64(to.X-from.X), float64(to.Y-from.Y))
			// A longer label is cut to LinkLabelMax when drawn.
			if need := min(metrics.LinkLabelWidth(l.Label), LinkLabelMax); gap < need {
				t.Errorf("%s: link %q has %.0f units between its shapes, its label needs %.0f", tt.name, l.Label, gap, need)
			}
		}
	}
}

// labelledStar is a coalition whose links are all named.
func labelledStar() Structure {
	s, _ := FromTemplate("coalition", "")
	for i := range s.Links {
		s.Links[i].Label = "soutien logistique"
	}
	return s
}

func TestTidyLayered(t *testing.T) {
	// A circle delegating to two roles, drawn in the wrong order on
	// purpose, plus a lone person and a pair apart.
	s := Structure{Name: "s", Nodes: []Node{
		{ID: 1, Kind: Role, Label: "rôle A", X: 500, Y: 0},
		{ID: 2, Kind: Cercle, Label: "cercle", X: 0, Y: 900},
		{ID: 3, Kind: Role, Label: "rôle B", X: 10, Y: 10},
		{ID: 4, Kind: Personne, Label: "seule", X: 10, Y: 10},
		{ID: 5, Kind: Equipe, Label: "équipe", X: 10, Y: 10},
		{ID: 6, Kind: Equipe, Label: "autre équipe", X: 10, Y: 10},
	}, Links: []Link{
		{ID: 1, From: 2, To: 1, Kind: Delegation},
		{ID: 2, From: 2, To: 3, Kind: Delegation},
		{ID: 3, From: 5, To: 6, Kind: Coordination},
	}}
	got := TidyLayered(s, nil)
	circle, a, b := got.Nodes[1], got.Nodes[0], got.Nodes[2]
	if a.Y != b.Y || a.Y <= circle.Y {
		t.Errorf("roles at %v and %v, circle at %v: want both on one row below", a.Center(), b.Center(), circle.Center())
	}
	if mid := (a.X + b.X) / 2; math.Abs(float64(mid-circle.X)) > layoutGrid {
		t.Errorf("circle at x %v, not over its roles (%v)", circle.X, mid)
	}
	if a.X >= b.X {
		t.Error("roles out of link order")
	}
	b0 := Draw(got, nil).Bounds()
	if b0.Min.X < layoutMargin-layoutGrid || b0.Min.Y < layoutMargin-layoutGrid {
		t.Errorf("bounds %v: the drawing should start near the margin", b0)
	}
	// The pair and the lone person sit to the right of the hierarchy.
	for _, i := range []int{3, 4, 5} {
		if got.Nodes[i].Outline(Box{}).Bounds().Min.X <= b.Outline(Box{}).Bounds().Max.X {
			t.Errorf("%q not to the right of the hierarchy", got.Nodes[i].Label)
		}
	}
}

func TestUntangle(t *testing.T) {
	// Two parents, their children listed crosswise: the barycentre passes
	// must put each child under its parent.
	s := Structure{Name: "s", Nodes: []Node{
		{ID: 1, Kind: Cercle, Label: "racine"},
		{ID: 2, Kind: Cercle, Label: "p1"},
		{ID: 3, Kind: Cercle, Label: "p2"},
		{ID: 4, Kind: Role, Label: "enfant de p2"},
		{ID: 5, Kind: Role, Label: "enfant de p1"},
		{ID: 6, Kind: Role, Label: "autre enfant de p2"},
	}, Links: []Link{
		{ID: 1, From: 1, To: 2, Kind: LienDouble},
		{ID: 2, From: 1, To: 3, Kind: LienDouble},
		{ID: 3, From: 3, To: 4, Kind: Delegation},
		{ID: 4, From: 2, To: 5, Kind: Delegation},
		{ID: 5, From: 3, To: 6, Kind: Delegation},
	}}
	g := newGraph(s)
	rows := g.rows(0)
	inRow := map[int]int{}
	for r, row := range rows {
		for _, i := range row {
			inRow[i] = r
		}
	}
	if c := crossings(g, [][]int{{1, 2}, {3, 4, 5}}, map[int]int{1: 0, 2: 0, 3: 1, 4: 1, 5: 1}); c != 1 {
		t.Errorf("%d crossings counted, want 1", c)
	}
	got := untangle(g, rows)
	if c := crossings(g, got, inRow); c != 0 {
		t.Errorf("rows %v still cross %d times", got, c)
	}
}

func TestTidyRadial(t *testing.T) {
	s, _ := FromTemplate("coalition", "")
	got := TidyRadial(s, nil)
	centre := got.Nodes[0].Center()
	var sx, sy float32
	var radii []float64
	for _, n := range got.Nodes[1:] {
		sx += n.X - centre.X
		sy += n.Y - centre.Y
		radii = append(radii, math.Hypot(float64(n.X-centre.X), float64(n.Y-centre.Y)))
	}
	if math.Hypot(float64(sx), float64(sy))/6 > layoutGrid {
		t.Errorf("the backbone team is not in the middle of its partners")
	}
	for _, r := range radii {
		if math.Abs(r-radii[0]) > 2*layoutGrid {
			t.Errorf("partners not on one ring: %v", radii)
		}
	}
	if top := got.Nodes[1]; top.X != centre.X || top.Y >= centre.Y {
		t.Errorf("first partner at %v, want straight above %v", top.Center(), centre)
	}
}

func TestTidyChooses(t *testing.T) {
	star := Structure{Name: "s", Nodes: []Node{
		{ID: 1, Kind: Equipe, Label: "a"}, {ID: 2, Kind: Equipe, Label: "b"},
		{ID: 3, Kind: Equipe, Label: "c"}, {ID: 4, Kind: Equipe, Label: "d"},
		{ID: 5, Kind: Equipe, Label: "e"}, {ID: 6, Kind: Equipe, Label: "f"},
	}}
	chain := star
	for i := int64(1); i < 6; i++ {
		chain.Links = append(chain.Links, Link{ID: i, From: i, To: i + 1, Kind: Coordination})
		star.Links = append(star.Links, Link{ID: i, From: 1, To: i + 1, Kind: Coordination})
	}
	withHub := chain.Clone()
	withHub.Nodes[3].Kind = Hub
	tests := []struct {
		name string
		s    Structure
		want func(Structure, Metrics) Structure
	}{
		{"chain", chain, TidyLayered},
		{"star", star, TidyRadial},
		{"hub", withHub, TidyRadial},
		{"empty", Structure{Name: "vide"}, TidyLayered},
	}
	for _, tt := range tests {
		if got := Tidy(tt.s, metrics); !reflect.DeepEqual(got, tt.want(tt.s, metrics)) {
			t.Errorf("%s: Tidy chose the other layout", tt.name)
		}
	}
	if reflect.DeepEqual(TidyLayered(star, metrics), TidyRadial(star, metrics)) {
		t.Error("the two layouts agree on a star: the test above proves nothing")
	}
}

func benchStructure() Structure { return randomStructure(300, 300, 400) }

func BenchmarkTidy300(b *testing.B) {
	s := benchStructure()
	for b.Loop() {
		Tidy(s, metrics)
	}
}

func BenchmarkTidyLayered300(b *testing.B) {
	s := benchStructure()
	for b.Loop() {
		TidyLayered(s, metrics)
	}
}

func BenchmarkTidyRadial300(b *testing.B) {
	s := benchStructure()
	for b.Loop() {
		TidyRadial(s, metrics)
	}
}

// The Fenwick count agrees with counting every pair of links.
func TestCrossingsAgainstPairs(t *testing.T) {
	for seed := range uint64(20) {
		s := randomStructure(seed, 40, 60)
		g := newGraph(s)
		rows := g.rows(0)
		inRow, at := map[int]int{}, map[int]int{}
		for r, row := range rows {
			for k, i := range row {
				inRow[i], at[i] = r, k
			}
		}
		want := 0
		for r := 0; r+1 < len(rows); r++ {
			var links [][2]int
			for _, i := range rows[r] {
				for _, m := range g.adj[i] {
					if inRow[m] == r+1 {
						links = append(links, [2]int{at[i], at[m]})
					}
				}
			}
			for a := range links {
				for _, l := range links[a+1:] {
					if (links[a][0]-l[0])*(links[a][1]-l[1]) < 0 {
						want++
					}
				}
			}
		}
		if got := crossings(g, rows, inRow); got != want {
			t.Errorf("seed %d: %d crossings, want %d", seed, got, want)
		}
	}
}
