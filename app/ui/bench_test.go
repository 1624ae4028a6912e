package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"atelier/app/domain/library"
	"atelier/app/domain/structure"
	"atelier/app/i18n"
	"atelier/app/service"
	"atelier/app/store"
	"atelier/workshops"
)

// BenchmarkNewWindow builds the whole main window on a database holding the
// first cohort: what start-up costs on top of Fyne's own.
func BenchmarkNewWindow(b *testing.B) {
	a, svc := benchSetup(b)
	for b.Loop() {
		u := New(a, svc, Options{Language: "fr", Still: true})
		u.start()
		u.win.Close()
	}
}

// benchSetup opens a test app on a database holding the first cohort.
func benchSetup(b *testing.B) (fyne.App, *service.Service) {
	b.Helper()
	if err := i18n.Apply("fr"); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	clock = now
	st, err := store.Open(filepath.Join(b.TempDir(), "atelier.db"), store.Options{Now: testNow})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	svc := service.New(st, workshops.MustPlans(), testNow)
	if _, err := svc.FirstStart(context.Background(), library.Catalogue{}); err != nil {
		b.Fatal(err)
	}
	return a, svc
}

// BenchmarkCanvasDragStep is one step of dragging a node in a diagram of
// 300 nodes and 400 links: the move, the links re-routed, the redraw.
func BenchmarkCanvasDragStep(b *testing.B) {
	test.NewTempApp(b)
	// Labels short and long, laid out in the real font: many shapes grow.
	labels := []string{"Élément %d", "Coordination externe %d", "Gestion du budget %d",
		"Groupe de travail sur la mobilisation des membres %d", "Cercle %d"}
	s := structure.Structure{Name: "grande"}
	for i := range 300 {
		kind := structure.NodeKinds()[i%len(structure.NodeKinds())]
		s.Nodes = append(s.Nodes, structure.Node{ID: int64(i + 1), Kind: kind, Label: fmt.Sprintf(labels[i%len(labels)], i+1), X: float32(i%20) * 300, Y: float32(i/20) * 200})
	}
	for i := range 400 {
		l := structure.Link{ID: int64(i + 1), From: int64(i%300 + 1), To: int64((i*7+13)%300 + 1), Kind: structure.LinkKinds()[i%4]}
		if i%5 == 0 {
			l.Label = "mandat"
		}
		s.Links = append(s.Links, l)
	}
	for _, mode := range []struct {
		name      string
		large     bool
		zoomedOut bool
	}{{"editing", false, false}, {"presentation", true, false}, {"all in view", false, true}} {
		b.Run(mode.name, func(b *testing.B) {
			c := newDiagramCanvas()
			c.large = mode.large
			w := test.NewWindow(c)
			defer w.Close()
			w.Resize(fyne.NewSize(1280, 800))
			c.SetStructure(s, true)
			if mode.zoomedOut {
				// The widest view that still writes the labels: nearly
				// everything drawn.
				c.zoom, c.origin = 0.25, c.drawing.Bounds().Min
				c.Refresh()
			}
			i := c.s.NodeIndex(151)
			start := c.toScreen(c.s.Nodes[i].Center())
			step := fyne.NewDelta(2, 1)
			for b.Loop() {
				start = start.Add(step)
				c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start}, Dragged: step})
			}
			c.DragEnd()
		})
	}
}
