package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/structure"
)

// structureUI opens the Atelier structure area with a structure made from
// the XR template.
func structureUI(t *testing.T) (*UI, *structuresScreen) {
	t.Helper()
	u, _ := newTestUI(t)
	u.nav.Select(2)
	s := u.structures
	if !strings.Contains(s.status.Text, "Aucune structure") {
		t.Errorf("empty cohort status %q", s.status.Text)
	}
	s.create("xr-groupe-local", "Groupe Rive-Sud")
	if s.picker.Selected != "Groupe Rive-Sud" || len(s.current.Nodes) < 10 {
		t.Fatalf("after create: %q with %d nodes", s.picker.Selected, len(s.current.Nodes))
	}
	s.canvas.Resize(fyne.NewSize(800, 600))
	s.canvas.Fit()
	return u, s
}

func at(c *diagramCanvas, p structure.Point) fyne.Position { return c.toScreen(p) }

func TestStructureCanvasEditsAreSavedAndUndone(t *testing.T) {
	u, s := structureUI(t)
	c := s.canvas
	ctx := context.Background()
	first := s.current.Nodes[0]

	// Drag the first node by 100 units: it moves, snaps, and is saved when
	// the drag ends.
	start := at(c, first.Center())
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.Add(fyne.NewDelta(50*c.zoom, 0))}, Dragged: fyne.NewDelta(50*c.zoom, 0)})
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.Add(fyne.NewDelta(103*c.zoom, 0))}, Dragged: fyne.NewDelta(53*c.zoom, 0)})
	stored, _ := u.store.Structure(ctx, s.current.ID)
	if stored.Nodes[0].X != first.X {
		t.Error("saved during the drag")
	}
	c.DragEnd()
	stored, _ = u.store.Structure(ctx, s.current.ID)
	if got := stored.Nodes[0].X; got != first.X+100 && got != first.X+110 {
		t.Errorf("after the drag the node is at %v (was %v)", got, first.X)
	}
	if int(stored.Nodes[0].X)%gridSize != 0 {
		t.Errorf("not snapped: %v", stored.Nodes[0].X)
	}

	// Add a circle from the palette, where the canvas is tapped.
	n := len(s.current.Nodes)
	c.addKind = structure.Cercle
	b := c.drawing.Bounds()
	empty := structure.Point{X: b.Max.X + 200, Y: b.Min.Y}
	c.Tapped(&fyne.PointEvent{Position: at(c, empty)})
	if len(s.current.Nodes) != n+1 || s.current.Nodes[n].Kind != structure.Cercle {
		t.Fatalf("no circle added: %d nodes", len(s.current.Nodes))
	}
	circle := s.current.Nodes[n]
	if got := c.Selected(); len(got) != 1 || got[0] != circle.ID {
		t.Errorf("new node not selected: %v", got)
	}

	// Write its mandate in the side panel.
	form := s.details.Objects[1].(*widget.Form)
	form.Items[0].Widget.(*widget.Entry).SetText("Cercle des finances")
	form.Items[1].Widget.(*widget.Entry).SetText("Trouver l’argent du mouvement")
	test.Tap(s.action.Objects[0].(*fyne.Container).Objects[0].(*widget.Button))
	stored, _ = u.store.Structure(ctx, s.current.ID)
	if got := stored.Nodes[stored.NodeIndex(circle.ID)]; got.Label != "Cercle des finances" || got.Purpose != "Trouver l’argent du mouvement" {
		t.Errorf("mandate stored as %+v", got)
	}

	// Link it to the first node by dragging with Shift held.
	links := len(s.current.Links)
	c.shift = true
	from := at(c, s.current.Nodes[n].Center())
	to := at(c, s.current.Nodes[0].Center())
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	c.DragEnd()
	c.shift = false
	if len(s.current.Links) != links+1 {
		t.Fatalf("no link drawn: %d links", len(s.current.Links))
	}

	// Delete the circle (and its link), then undo twice.
	c.selectOnly(circle.ID)
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if len(s.current.Nodes) != n || len(s.current.Links) != links {
		t.Errorf("after delete: %d nodes, %d links", len(s.current.Nodes), len(s.current.Links))
	}
	s.undo()
	if len(s.current.Nodes) != n+1 || len(s.current.Links) != links+1 {
		t.Errorf("after undo: %d nodes, %d links", len(s.current.Nodes), len(s.current.Links))
	}
	stored, _ = u.store.Structure(ctx, s.current.ID)
	if len(stored.Nodes) != n+1 {
		t.Errorf("undo not saved: %d nodes", len(stored.Nodes))
	}

	// A restart finds it unchanged.
	u2 := New(u.app, u.svc, u.opts)
	u2.start()
	u2.nav.Select(2)
	again := u2.structures.current
	if again.Name != "Groupe Rive-Sud" || len(again.Nodes) != n+1 || again.Nodes[0].X != stored.Nodes[0].X {
		t.Errorf("after restart: %q, %d nodes", again.Name, len(again.Nodes))
	}
}

func TestStructureExportAndPresentation(t *testing.T) {
	u, s := structureUI(t)
	dir := t.TempDir()
	pngPath := filepath.Join(dir, "rive-sud.png")
	if err := u.exportStructure(pngPath, s.current); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil || img.Bounds().Dx() < 200 {
		t.Fatalf("png: %v, %v", img, err)
	}
	pdfPath := filepath.Join(dir, "rive-sud.pdf")
	if err := u.exportStructure(pdfPath, s.current); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(pdfPath); !strings.HasPrefix(string(data), "%PDF") {
		t.Error("not a PDF")
	}
	s.togglePresentation()
	if u.onScreen() == u.main || !s.canvas.large {
		t.Error("presentation did not take the window")
	}
	s.togglePresentation()
	if u.onScreen() != u.main || s.canvas.large {
		t.Error("presentation did not give the window back")
	}
}

func TestStructureRenameDuplicateDelete(t *testing.T) {
	u, s := structureUI(t)
	s.onDuplicate()
	if len(s.list) != 2 || !strings.Contains(s.picker.Selected, "(copie)") {
		t.Fatalf("after duplicate: %v, %q", s.list, s.picker.Selected)
	}
	s.onDelete()
	tapButton(t, u.win.Canvas().Overlays().Top(), "Oui")
	if len(s.list) != 1 || s.picker.Selected != "Groupe Rive-Sud" {
		t.Errorf("after delete: %v, %q", s.list, s.picker.Selected)
	}
}

// walkTexts collects the texts of labels and hyperlinks among objs.
func walkTexts(objs []fyne.CanvasObject, out *[]string) {
	for _, o := range objs {
		walk(o, func(c fyne.CanvasObject) {
			switch v := c.(type) {
			case *widget.Label:
				*out = append(*out, v.Text)
			case *widget.Hyperlink:
				*out = append(*out, v.Text)
			}
		})
	}
}

// The panel floats over the canvas: selecting a node neither narrows the
// canvas nor hides the node under the panel.
func TestSelectingKeepsTheCanvasSize(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 720}, {Width: 1024, Height: 600}} {
		u, s := structureWindow(t, size.Width, size.Height)
		c := s.canvas
		before, minBefore := c.Size(), u.win.Content().MinSize()
		if s.panel.Visible() {
			t.Fatal("the panel is open with nothing selected")
		}
		// The rightmost node, where the panel opens.
		right := 0
		for i := range c.s.Nodes {
			if c.s.Nodes[i].X > c.s.Nodes[right].X {
				right = i
			}
		}
		c.origin.X = c.s.Nodes[right].X - c.Size().Width/c.zoom + 100
		c.Refresh()
		tapNode(s, right)
		if got := c.Size(); got != before {
			t.Errorf("%v: the canvas went from %v to %v", size, before, got)
		}
		if got := u.win.Content().MinSize(); got != minBefore {
			t.Errorf("%v: the window needs %v, was %v", size, got, minBefore)
		}
		if !s.panel.Visible() || s.panel.Position().X < c.Size().Width/2 {
			t.Fatalf("%v: the panel is not open over the right of the canvas (%v)", size, s.panel.Position())
		}
		b := c.drawing.Outline(right).Bounds()
		if x := c.toScreen(b.Max).X; x > s.panel.Position().X {
			t.Errorf("%v: the selected node ends at %.0f, under the panel from %.0f", size, x, s.panel.Position().X)
		}
		var closeBtn *widget.Button
		walk(s.panel, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Icon != nil && b.Icon.Name() == theme.CancelIcon().Name() {
				closeBtn = b
			}
		})
		if closeBtn == nil {
			t.Fatal("the panel has no close button")
		}
		test.Tap(closeBtn)
		if s.panel.Visible() || c.Size() != before {
			t.Errorf("%v: closing the panel: visible %v, canvas %v", size, s.panel.Visible(), c.Size())
		}
	}
}

// The participants' window follows what the canvas shows: each edit,
// undo, « Ranger », a drag at most every 100 ms.
func TestStructureShownFollowsEdits(t *testing.T) {
	_, s := structureWindow(t, 1280, 720)
	var shown []structure.Structure
	s.shown = func(st structure.Structure) { shown = append(shown, st) }
	c := s.canvas
	first := s.current.Nodes[0]
	start := c.toScreen(first.Center())
	for i := range 5 {
		c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.Add(fyne.NewDelta(float32(10*i), 0))}, Dragged: fyne.NewDelta(10, 0)})
	}
	if len(shown) > 1 {
		t.Errorf("%d updates during a quick drag, want at most one per 100 ms", len(shown))
	}
	c.DragEnd()
	if n := len(shown); n == 0 || shown[n-1].Nodes[0].X == first.X {
		t.Fatalf("the end of the drag was not shown: %d updates", n)
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"undo", s.undo},
		{"redo", s.redo},
		{"tidy", s.onTidy},
		{"delete", func() { c.selectOnly(first.ID); c.deleteSelection() }},
		{"pick", func() { s.onPick(s.current.Name) }},
	}
	for _, st := range steps {
		n := len(shown)
		st.do()
		if len(shown) != n+1 || !reflect.DeepEqual(shown[len(shown)-1], s.current) {
			t.Errorf("%s: %d updates, or not the structure on view", st.name, len(shown)-n)
		}
	}
}

// The canvas writes each line of a label where the layout put it, and
// Fyne draws it no wider than the shape leaves: in editing and in
// presentation, the labels stay inside their shapes.
func TestCanvasLabelsStayInTheirShapes(t *testing.T) {
	_, s := structureWindow(t, 1280, 720)
	st := s.current
	st.Nodes[1].Label = "Groupe de travail sur la mobilisation des membres"
	s.canvas.SetStructure(st, true)
	for _, present := range []bool{false, true} {
		if present {
			s.togglePresentation()
		}
		c := s.canvas
		drv := fyne.CurrentApp().Driver()
		for i, n := range c.s.Nodes {
			b := c.drawing.Boxes[i]
			room := n.Outline(b).LabelRoom(len(b.Lines))
			if len(b.Lines) == 0 || room == nil {
				t.Fatalf("%q: no lines, or they do not fit", n.Label)
			}
			for k, l := range b.Lines {
				size, _ := drv.RenderedTextSize(l, structure.LabelSize*c.zoom, fyne.TextStyle{}, labelFont)
				if size.Width > float32(room[k])*c.zoom+1 {
					t.Errorf("presenting %v: %q is drawn %.1f px wide in %.1f px", present, l, size.Width, room[k]*float64(c.zoom))
				}
			}
		}
		// What the renderer draws is those lines, once the node is in view.
		c.origin = structure.Point{X: c.s.Nodes[1].X - c.Size().Width/2/c.zoom, Y: c.s.Nodes[1].Y - c.Size().Height/2/c.zoom}
		c.Refresh()
		var drawn []string
		for _, o := range test.WidgetRenderer(c).Objects() {
			if txt, ok := o.(*canvas.Text); ok {
				drawn = append(drawn, txt.Text)
			}
		}
		for _, l := range c.drawing.Boxes[1].Lines {
			if !slices.Contains(drawn, l) {
				t.Errorf("presenting %v: line %q is not drawn (%q)", present, l, drawn)
			}
		}
	}
}
