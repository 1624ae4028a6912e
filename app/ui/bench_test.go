package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"atelier/app/domain/library"
	"atelier/app/domain/participants"
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

// BenchmarkRosterSearch10k is a name typed letter by letter in the
// roster's search box at 10,000 people, each time on a roster just loaded
// (what opening the Participants area does): the search, the table and
// the counts redrawn. It reports the first keystroke, the mean of the
// others, the median and the 99th percentile of all; the first must cost
// what the others cost, under 5 ms each.
func BenchmarkRosterSearch10k(b *testing.B) {
	a, svc := benchSetup(b)
	ctx := context.Background()
	list, err := svc.Cohorts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	ps := make([]participants.Participant, 10_000)
	first := []string{"Hélène", "Marc-André", "Zoë", "Awa", "Gabrielle", "François", "Noémie", "Kwame", "Léa", "Éloi"}
	last := []string{"Tremblay", "Côté", "Lévesque", "Diallo", "Gagnon", "Bouchard-Saint-Amand", "Roy", "Pelletier", "Bélanger", "Morin"}
	for i := range ps {
		ps[i] = participants.Participant{Name: fmt.Sprintf("%s %s %d", first[i%10], last[(i/10)%10], i),
			Email: fmt.Sprintf("personne%d@exemple.ca", i), City: "Montréal", Organisation: "Collectif Œuvre commune",
			Status: participants.Inscrit}
	}
	if _, err := svc.Store().AddParticipants(ctx, list[0].ID, ps); err != nil {
		b.Fatal(err)
	}
	u := New(a, svc, Options{Language: "fr", Still: true})
	u.win.Resize(fyne.NewSize(1280, 800))
	u.start()
	u.nav.Select(areaPeople)
	r := u.roster
	var firstKey, next time.Duration
	var all []time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		r.search.SetText("")
		r.load(true)
		b.StartTimer()
		for k, c := range "levesque 9" {
			t0 := time.Now()
			test.Type(r.search, string(c))
			took := time.Since(t0)
			if k == 0 {
				firstKey += took
			} else {
				next += took
			}
			all = append(all, took)
		}
	}
	if n := len(r.shown); n == 0 || n >= 1000 {
		b.Fatalf("« levesque 9 » finds %d people", n)
	}
	slices.Sort(all)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(firstKey)/float64(b.N), "first-ms")
	b.ReportMetric(ms(next)/float64(b.N*(len(all)/b.N-1)), "next-ms")
	b.ReportMetric(ms(all[len(all)*99/100]), "p99-ms")
	b.ReportMetric(ms(all[len(all)/2]), "p50-ms")
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
