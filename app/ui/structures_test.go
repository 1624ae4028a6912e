package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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
	empty := structure.Point{X: s.current.Bounds().Max.X + 200, Y: s.current.Bounds().Min.Y}
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
	test.Tap(s.details.Objects[2].(*widget.Button))
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
	s.onUndo()
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
	if u.win.Content() == u.main || !s.canvas.large {
		t.Error("presentation did not take the window")
	}
	s.togglePresentation()
	if u.win.Content() != u.main || s.canvas.large {
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

func TestWrapLabel(t *testing.T) {
	tests := []struct {
		label     string
		width, fs float32
		lines     int
		want      string
	}{
		{"Cercle d’ancrage", 140, 13, 3, "Cercle d’ancrage"},
		{"Rayonnement et formation", 100, 13, 3, "Rayonnement|et formation"},
		{"Coordination externe", 100, 18, 1, "Coordina…"},
		{"", 100, 13, 2, ""},
	}
	for _, tt := range tests {
		if got := strings.Join(wrapLabel(tt.label, tt.width, tt.fs, tt.lines), "|"); got != tt.want {
			t.Errorf("wrapLabel(%q) = %q, want %q", tt.label, got, tt.want)
		}
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
