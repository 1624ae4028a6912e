package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

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
	u.pickWait.Wait() // the file dialog opens once the system has said it has none
	viaImport := overlays.Top()
	if viaImport == nil {
		t.Fatal("Importer… opens nothing")
	}
	want := dialogText(u)
	overlays.Remove(viaImport)
	tapButton(t, r.empty, "Importer le formulaire d’inscription…")
	u.pickWait.Wait()
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
