package structure

import (
	"math"
	"testing"
)

func near(a, b Point) bool {
	return math.Abs(float64(a.X-b.X)) < 1.5 && math.Abs(float64(a.Y-b.Y)) < 1.5
}

func TestBorderAndHits(t *testing.T) {
	circle := Node{ID: 1, Kind: Cercle, X: 0, Y: 0}        // diameter 130
	team := Node{ID: 2, Kind: GroupeTravail, X: 400, Y: 0} // 160 × 70
	hub := Node{ID: 3, Kind: Hub, X: 0, Y: 400}            // 150 × 120
	c, tm, h := circle.Outline(Box{}), team.Outline(Box{}), hub.Outline(Box{})
	if got := c.Border(Point{100, 0}); !near(got, Point{65, 0}) {
		t.Errorf("circle border %v", got)
	}
	if got := tm.Border(Point{0, 0}); !near(got, Point{320, 0}) {
		t.Errorf("box border %v", got)
	}
	from, to := Ends(c, tm)
	if !near(from, Point{65, 0}) || !near(to, Point{320, 0}) {
		t.Errorf("ends %v %v", from, to)
	}
	if !h.Contains(Point{0, 400}) || h.Contains(Point{74, 459}) || !h.Contains(Point{70, 400}) {
		t.Error("hexagon contains")
	}
	for _, toward := range []Point{{1000, 1400}, {1000, 400}, {0, 1000}, {-300, 100}, {30, 1000}} {
		got := h.Border(toward)
		in := Point{got.X + (h.C.X-got.X)*0.01, got.Y + (h.C.Y-got.Y)*0.01}
		out := Point{got.X - (h.C.X-got.X)*0.01, got.Y - (h.C.Y-got.Y)*0.01}
		if !h.Contains(in) || h.Contains(out) {
			t.Errorf("hexagon border toward %v at %v, not on the shape", toward, got)
		}
	}
	s := Structure{Name: "s", Nodes: []Node{circle, team, hub}, Links: []Link{{From: 1, To: 2, Kind: Coordination}}}
	d := Draw(s, nil)
	if d.NodeAt(Point{10, 10}) != 0 || d.NodeAt(Point{200, 200}) != -1 {
		t.Error("node at")
	}
	if d.LinkAt(Point{200, 3}, 5) != 0 || d.LinkAt(Point{200, 30}, 5) != -1 {
		t.Error("link at")
	}
	b := d.Bounds()
	if b.Min.X != -75 || b.Max.X != 480 || b.Max.Y != 460 {
		t.Errorf("bounds %v", b)
	}
	head := Arrowhead(Point{0, 0}, Point{100, 0}, 10)
	if !near(head[0], Point{100, 0}) || !near(head[1], Point{90, 5}) {
		t.Errorf("arrowhead %v", head)
	}
}

// A grown shape is hit, and reached by its links, where it is drawn.
func TestGrownShapesAreHitWhereDrawn(t *testing.T) {
	long := "Groupe de travail sur la mobilisation des membres"
	s := Structure{Name: "s", Nodes: []Node{
		{ID: 1, Kind: Role, Label: long, X: 0, Y: 0},
		{ID: 2, Kind: Cercle, Label: "Cercle", X: 500, Y: 0},
	}, Links: []Link{{ID: 1, From: 1, To: 2, Kind: Coordination}}}
	d := Draw(s, metrics)
	o := d.Outline(0)
	w0, _ := Role.Size()
	if o.W <= w0 {
		t.Fatalf("the role did not grow for its label: %v wide", o.W)
	}
	edge := Point{X: o.W/2 - 2, Y: 0}
	if d.NodeAt(edge) != 0 || Draw(s, nil).NodeAt(edge) != -1 {
		t.Errorf("the grown part of the role at %v is not hit", edge)
	}
	from, _, ok := d.Ends(s.Links[0])
	if !ok || !near(from, Point{X: o.W / 2, Y: 0}) {
		t.Errorf("link leaves the role at %v, want its grown border %v", from, o.W/2)
	}
}
