package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
)

// An empty cohort's roster offers the registration form's import first,
// in the table's place, until somebody is registered.
func TestEmptyRosterOffersTheFormsImportFirst(t *testing.T) {
	u, _ := newTestUI(t)
	u.nav.Select(areaPeople)
	r := u.roster
	if !r.empty.Visible() || r.table.Visible() {
		t.Fatalf("empty cohort: first step shown %v, table shown %v", r.empty.Visible(), r.table.Visible())
	}

	// The step's button opens what Importer… opens.
	overlays := u.win.Canvas().Overlays()
	tapButton(t, r.root, "Importer…")
	viaImport := overlays.Top()
	if viaImport == nil {
		t.Fatal("Importer… opens nothing")
	}
	want := dialogText(u)
	overlays.Remove(viaImport)
	tapButton(t, r.empty, "Importer le formulaire d’inscription…")
	if overlays.Top() == nil || dialogText(u) != want {
		t.Errorf("the first step opens %q, Importer… opens %q", dialogText(u), want)
	}
	overlays.Remove(overlays.Top())

	// A search that finds nobody is not an empty cohort… once there is one.
	p, err := u.svc.AddPerson(context.Background(), u.cohort.ID, participants.Participant{Name: "Awa Diallo", Email: "awa@exemple.ca"})
	if err != nil {
		t.Fatal(err)
	}
	r.changed(p.ID)
	if r.empty.Visible() || !r.table.Visible() {
		t.Errorf("one person registered: first step shown %v, table shown %v", r.empty.Visible(), r.table.Visible())
	}
	test.Type(r.search, "zzz")
	if len(r.shown) != 0 || r.empty.Visible() {
		t.Errorf("a search finding nobody shows the first step (%d shown)", len(r.shown))
	}
}

// A roster cell asks for the ellipsis only where its text does not fit,
// and never grows wider than its column: the table's cells stay cheap to
// redraw at each keystroke without a text spilling into the next column.
func TestRosterCellsFitTheirColumn(t *testing.T) {
	u, _ := rosterUI(t)
	r := u.roster
	l := r.table.CreateCell().(*widget.Label)
	for _, tt := range []struct {
		text     string
		col      int
		ellipsis bool
	}{
		{"Awa Diallo", 0, false},
		{"Marie-Ève Bouchard-Saint-Amand de la Vallée-du-Richelieu", 0, true},
		{"elle", 1, false},
		{"marie-eve.bouchard-saint-amand@exemple.org", 2, true},
		{"Liste d’attente", 5, false},
		{"3 / 5", 6, false},
	} {
		setCell(l, tt.text, rosterWidths[tt.col])
		if got := l.Truncation == fyne.TextTruncateEllipsis; got != tt.ellipsis {
			t.Errorf("%q: ellipsis %v, want %v", tt.text, got, tt.ellipsis)
		}
		if w := l.MinSize().Width; w > rosterWidths[tt.col] {
			t.Errorf("%q needs %.0f px in a column of %.0f", tt.text, w, rosterWidths[tt.col])
		}
	}
}
