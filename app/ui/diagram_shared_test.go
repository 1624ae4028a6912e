package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"atelier/app/domain/structure"
)

// bigDiagram is 300 nodes of every kind and 400 links, with labels short
// and long, for the benchmarks and the worst cases of fitting.
func bigDiagram() structure.Structure {
	labels := []string{"Élément %d", "Coordination externe %d", "Gestion du budget %d",
		"Groupe de travail sur la mobilisation des membres %d", "Cercle %d"}
	s := structure.Structure{Name: "grande"}
	for i := range 300 {
		kind := structure.NodeKinds()[i%len(structure.NodeKinds())]
		s.Nodes = append(s.Nodes, structure.Node{ID: int64(i + 1), Kind: kind, Label: fmt.Sprintf(labels[i%len(labels)], i+1),
			X: float32(i%20) * 300, Y: float32(i/20) * 200})
	}
	for i := range 400 {
		l := structure.Link{ID: int64(i + 1), From: int64(i%300 + 1), To: int64((i*7+13)%300 + 1), Kind: structure.LinkKinds()[i%4]}
		if i%5 == 0 {
			l.Label = "mandat"
		}
		s.Links = append(s.Links, l)
	}
	return s
}

// sharedWindow puts a shared diagram in a window of this size.
func sharedWindow(t testing.TB, w, h float32) *sharedDiagram {
	v := newSharedDiagram()
	win := test.NewWindow(v)
	t.Cleanup(win.Close)
	win.Resize(fyne.NewSize(w, h))
	return v
}

func TestSharedDiagramFitsLegibly(t *testing.T) {
	test.NewTempApp(t)
	xr, err := structure.FromTemplateSized("xr-groupe-local", "Rive-Sud", newDiagramCanvas().metrics())
	if err != nil {
		t.Fatal(err)
	}
	small := structure.Structure{Name: "petite", Nodes: xr.Nodes[:2]}
	tests := []struct {
		name   string
		s      structure.Structure
		w, h   float32
		atLeat float32 // label height on screen
		fits   bool
	}{
		{"small diagram, projector", small, 1280, 720, presentLabelPx, true},
		{"XR, projector", xr, 1280, 720, sharedFloorPx, false}, // 1 660 units wide: panned
		{"300 nodes, projector", bigDiagram(), 1280, 720, sharedFloorPx, false},
		{"XR, small window", xr, 800, 450, sharedFloorPx, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := sharedWindow(t, tt.w, tt.h)
			v.show(tt.s)
			c := v.canvas
			if c.LabelPx() < tt.atLeat-0.01 {
				t.Errorf("labels %.1f px high, want at least %v", c.LabelPx(), tt.atLeat)
			}
			b := c.drawing.Bounds()
			in := func(p structure.Point) bool {
				q := c.toScreen(p)
				return q.X >= 0 && q.Y >= 0 && q.X <= c.Size().Width && q.Y <= c.Size().Height
			}
			if got := in(b.Min) && in(b.Max); got != tt.fits {
				t.Errorf("whole diagram in view: %v, want %v (zoom %.2f)", got, tt.fits, c.zoom)
			}
			// Centred: as much room left and right.
			left, right := c.toScreen(b.Min).X, c.Size().Width-c.toScreen(b.Max).X
			if d := left - right; d > 2 || d < -2 {
				t.Errorf("not centred: %.0f px left, %.0f right", left, right)
			}
		})
	}
}

func TestSharedDiagramIsReadOnly(t *testing.T) {
	test.NewTempApp(t)
	v := sharedWindow(t, 1280, 720)
	var keys []fyne.KeyName
	v.onKey = func(e *fyne.KeyEvent) { keys = append(keys, e.Name) }
	xr, _ := structure.FromTemplateSized("xr-groupe-local", "", v.canvas.metrics())
	v.show(xr)
	c := v.canvas
	c.Tapped(&fyne.PointEvent{Position: c.toScreen(xr.Nodes[0].Center())})
	if len(c.Selected()) != 0 {
		t.Error("a tap selects on the participants' window")
	}
	focused := fyne.CurrentApp().Driver().CanvasForObject(c).Focused()
	if focused == nil {
		t.Fatal("a tap does not give the keys to the diagram")
	}
	for _, k := range []fyne.KeyName{fyne.KeyDelete, fyne.KeySpace, fyne.KeyRight, fyne.KeyEscape} {
		focused.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if len(c.s.Nodes) != len(xr.Nodes) {
		t.Error("a key deleted a node")
	}
	if len(keys) != 4 {
		t.Errorf("keys passed on: %v", keys)
	}
	start := c.toScreen(xr.Nodes[0].Center())
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.Add(fyne.NewDelta(40, 0))}, Dragged: fyne.NewDelta(40, 0)})
	c.DragEnd()
	if c.s.Nodes[0].X != xr.Nodes[0].X {
		t.Error("a drag moved a node")
	}
}

// BenchmarkSharedDiagramShow is the participants' window following one
// edit of a 300-node diagram.
func BenchmarkSharedDiagramShow(b *testing.B) {
	test.NewTempApp(b)
	v := sharedWindow(b, 1280, 720)
	s := bigDiagram()
	v.show(s) // the labels laid out once, as after the first edit
	for b.Loop() {
		s = structure.MoveNodes(s, []int64{151}, 10, 0)
		v.show(s)
	}
}
