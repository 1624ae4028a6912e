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
	if got := circle.Border(Point{100, 0}); !near(got, Point{65, 0}) {
		t.Errorf("circle border %v", got)
	}
	if got := team.Border(Point{0, 0}); !near(got, Point{320, 0}) {
		t.Errorf("box border %v", got)
	}
	from, to := Ends(circle, team)
	if !near(from, Point{65, 0}) || !near(to, Point{320, 0}) {
		t.Errorf("ends %v %v", from, to)
	}
	if !hub.Contains(Point{0, 400}) || hub.Contains(Point{74, 459}) || !hub.Contains(Point{70, 400}) {
		t.Error("hexagon contains")
	}
	if got := hub.Border(Point{1000, 1000 + 400}); !hub.Contains(Point{got.X - 1, got.Y - 1}) {
		t.Errorf("hexagon border %v not on the shape", got)
	}
	s := Structure{Name: "s", Nodes: []Node{circle, team, hub}, Links: []Link{{From: 1, To: 2, Kind: Coordination}}}
	if s.NodeAt(Point{10, 10}) != 0 || s.NodeAt(Point{200, 200}) != -1 {
		t.Error("node at")
	}
	if s.LinkAt(Point{200, 3}, 5) != 0 || s.LinkAt(Point{200, 30}, 5) != -1 {
		t.Error("link at")
	}
	b := s.Bounds()
	if b.Min.X != -75 || b.Max.X != 480 || b.Max.Y != 460 {
		t.Errorf("bounds %v", b)
	}
	head := Arrowhead(Point{0, 0}, Point{100, 0}, 10)
	if !near(head[0], Point{100, 0}) || !near(head[1], Point{90, 5}) {
		t.Errorf("arrowhead %v", head)
	}
}
