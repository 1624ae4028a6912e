package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
	"atelier/app/i18n"
	"atelier/app/service"
	"atelier/app/store"
	"atelier/app/store/pgtest"
	"atelier/workshops"
)

// seedTeam makes what the window shows, through svc (a role that may
// write): the first cohort, three people, one structure.
func seedTeam(t *testing.T, svc *service.Service) {
	t.Helper()
	ctx := context.Background()
	if _, err := svc.FirstStart(ctx, workshops.Catalogue()); err != nil {
		t.Fatal(err)
	}
	list, err := svc.Cohorts(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("cohorts %v, %v", list, err)
	}
	for _, name := range []string{"Hélène Tremblay", "Marc-André Côté", "Zoë Lin"} {
		if _, err := svc.AddPerson(ctx, list[0].ID, participants.Participant{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	st, err := structure.FromTemplateSized("xr-groupe-local", "Groupe Rive-Sud", nil)
	if err == nil {
		_, err = svc.Store().CreateStructure(ctx, list[0].ID, st)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// openWindow builds the window on svc as a start does, in French.
func openWindow(t *testing.T, svc *service.Service) *UI {
	t.Helper()
	clock = now
	t.Setenv("LANG", "en_US.UTF-8")
	if err := i18n.Apply("fr"); err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), svc, Options{Language: "fr", PrefsPath: filepath.Join(t.TempDir(), "preferences.json"), Still: true})
	u.win.Resize(fyne.NewSize(1180, 760))
	u.start()
	return u
}

// readOnlyUI opens the window on a team database through a role granted
// SELECT only; writer is the same database through its owner.
func readOnlyUI(t *testing.T) (u *UI, writer *store.Store) {
	t.Helper()
	dsn := pgtest.Start(t)
	writer, err := store.Open(dsn, store.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { writer.Close() })
	seedTeam(t, service.New(writer, workshops.MustPlans(), testNow))

	ro, err := store.Open(pgtest.ReadOnlyRole(t, dsn), store.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	if ro.Granted() {
		t.Fatal("the SELECT-only role is granted writing")
	}
	return openWindow(t, service.New(ro, workshops.MustPlans(), testNow)), writer
}

// control is one control of the window, named for the failure message.
type control struct {
	name string
	d    fyne.Disableable
}

// button is the first button labelled label in o.
func button(t *testing.T, o fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == label && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", label)
	}
	return found
}

// iconButton is the first button in o drawn with icon and no text.
func iconButton(t *testing.T, o fyne.CanvasObject, icon fyne.Resource) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == "" && b.Icon != nil && b.Icon.Name() == icon.Name() && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button with the icon %s", icon.Name())
	}
	return found
}

// windowControls goes through every area of a window on seedTeam's data
// and gathers the controls that change data (writes) and some that only
// read (reads), each as it is once the area is on view.
func windowControls(t *testing.T, u *UI) (writes, reads []control) {
	t.Helper()
	w := func(name string, d fyne.Disableable) { writes = append(writes, control{name, d}) }
	r := func(name string, d fyne.Disableable) { reads = append(reads, control{name, d}) }
	// The top bar, before any area has its own « Modifier… ».
	w("Modifier… (cohorte)", button(t, u.main, "Modifier…"))
	w("Créer une cohorte…", button(t, u.main, "Créer une cohorte…"))

	u.nav.Select(areaPeople)
	ro := u.roster
	w("Liste › Importer…", button(t, ro.root, "Importer…"))
	w("Liste › Ajouter…", button(t, ro.root, "Ajouter…"))
	ro.selectPerson(ro.list[0].ID)
	p := ro.detail
	w("fiche › Modifier…", p.edit)
	w("fiche › Modifier les présences…", p.marks)
	w("fiche › Confirmer", p.confirm)
	w("fiche › désistement", p.withdraw)
	r("fiche › Autres actions", p.more)

	u.people.SelectIndex(1)
	c := u.checkin
	for _, l := range []string{"Importer le rapport de la visio…", "Ajouter une arrivée sans inscription…", "Marquer les autres absent·e·s…"} {
		w("Accueil › "+l, button(t, c.root, l))
	}

	u.nav.Select(areaSessions)
	s := u.sessions
	for _, l := range []string{"Ajouter", "Revenir au programme", "Former les groupes…"} {
		w("Agenda › "+l, button(t, s.root, l))
	}
	for _, i := range []fyne.Resource{theme.ContentCopyIcon(), theme.MoveUpIcon(), theme.MoveDownIcon(), theme.DeleteIcon()} {
		w("Agenda › "+i.Name(), iconButton(t, s.root, i))
	}
	e := s.editor
	w("bloc › Titre", e.title)
	w("bloc › Type", e.kind)
	w("bloc › Minutes", e.minutes)
	w("bloc › Heure fixe", e.fixed)
	w("bloc › Animation", e.lead)
	w("bloc › Matériel", e.material)
	w("bloc › Notes", e.notes)
	w("Enregistrer le bloc", e.save)
	w("Notes de l’équipe", s.notes.entry)
	w("Enregistrer les notes", button(t, s.notes.root, "Enregistrer les notes"))
	r("Animer en direct", button(t, s.root, "Animer en direct"))
	r("Exporter le guide en PDF…", button(t, s.guide.root, "Exporter le guide en PDF…"))

	u.nav.Select(areaStructures)
	st := u.structures
	st.canvas.Resize(fyne.NewSize(800, 600))
	st.canvas.Fit()
	for _, l := range []string{"Créer…", "Cercle", "Rôle", "Relier", "Ranger"} {
		w("Structure › "+l, button(t, st.root, l))
	}
	w("Structure › type de lien", st.linkKind)
	w("Structure › annuler", iconButton(t, st.root, theme.ContentUndoIcon()))
	r("Structure › Présenter", button(t, st.root, "Présenter"))
	r("Structure › Ajuster", button(t, st.root, "Ajuster"))
	tapNode(st, 0)
	w("Enregistrer le mandat", button(t, st.panel, "Enregistrer le mandat"))
	w("Retirer l’élément", button(t, st.panel, "Retirer l’élément"))

	u.nav.Select(areaLibrary)
	l := u.library
	w("Bibliothèque › Ajouter…", button(t, l.root, "Ajouter…"))
	w("Bibliothèque › Importer un CSV…", button(t, l.root, "Importer un CSV…"))
	r("Bibliothèque › Exporter en CSV…", button(t, l.root, "Exporter en CSV…"))
	l.list.Select(0)
	w("ressource › favoris", button(t, l.detail, "Ajouter aux favoris"))
	w("ressource › Lier à une séance…", button(t, l.detail, "Lier à une séance de la cohorte…"))

	u.nav.Select(areaExports)
	x := u.content.Objects[0]
	w("Exports › Relire un classeur corrigé…", button(t, x, "Relire un classeur corrigé…"))
	w("Exports › Changer… (attestations)", button(t, x, "Changer…"))
	for _, l := range []string{"Sauvegarder la base…", "Exporter le classeur…", "Exporter la liste…", "Créer le document…", "Créer les attestations…"} {
		r("Exports › "+l, button(t, x, l))
	}
	return writes, reads
}

// menuItem is the main menu's item labelled label.
func menuItem(t *testing.T, u *UI, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		for _, i := range m.Items {
			if i.Label == label {
				return i
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

func TestReadOnlyRoleSeesEverythingAndChangesNothing(t *testing.T) {
	u, writer := readOnlyUI(t)
	ctx := context.Background()
	if !strings.Contains(u.team.Text, "consultation seulement") {
		t.Errorf("team line %q", u.team.Text)
	}
	writes, reads := windowControls(t, u)
	for _, c := range writes {
		if !c.d.Disabled() {
			t.Errorf("%s is on for a role that may only read", c.name)
		}
	}
	for _, c := range reads {
		if c.d.Disabled() {
			t.Errorf("%s is off: it only reads", c.name)
		}
	}
	for _, i := range u.roster.detail.moreMenu().Items {
		if want := i.Label != "Exporter ses données…" && !i.IsSeparator; i.Disabled != want {
			t.Errorf("« Autres actions › %s » disabled %v", i.Label, i.Disabled)
		}
	}
	for _, i := range u.structures.moreMenu().Items {
		if want := !strings.HasPrefix(i.Label, "Exporter") && !i.IsSeparator; i.Disabled != want {
			t.Errorf("structure ⋮ › %s disabled %v", i.Label, i.Disabled)
		}
	}
	for _, l := range []string{"Créer une cohorte…", "Modifier la cohorte…", "Démarrer ou mettre en pause", "Suivant"} {
		if !menuItem(t, u, l).Disabled {
			t.Errorf("menu « %s » is on", l)
		}
	}
	if menuItem(t, u, "Partager l’écran").Disabled || menuItem(t, u, "Rechercher").Disabled {
		t.Error("a menu item that only reads is off")
	}

	// The data is there to read.
	if n := len(u.roster.list); n != 3 {
		t.Errorf("the roster lists %d people, want 3", n)
	}
	if len(u.sessions.slots) == 0 || u.sessions.editor.title.Text == "" {
		t.Errorf("agenda: %d blocks, editor on %q", len(u.sessions.slots), u.sessions.editor.title.Text)
	}
	if len(u.structures.current.Nodes) < 10 {
		t.Errorf("the structure shows %d nodes", len(u.structures.current.Nodes))
	}
	if len(u.library.results) == 0 {
		t.Error("the library is empty")
	}

	// Shortcuts and menu actions do nothing, and say nothing.
	pressMenu(t, u, key(fyne.KeyN, ctrl))
	u.onEditCohort()
	if o := u.win.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("a cohort dialog opened: %q", dialogTextOf(o))
	}

	// The canvas: a node is selected to read its mandate, never moved,
	// deleted or undone.
	u.nav.Select(areaStructures)
	s := u.structures
	s.canvas.Resize(fyne.NewSize(800, 600))
	s.canvas.Fit()
	tapNode(s, 0)
	first := s.current.Nodes[0]
	if ids := s.canvas.Selected(); len(ids) != 1 || ids[0] != first.ID {
		t.Fatalf("a tap selects %v", ids)
	}
	start := at(s.canvas, first.Center())
	s.canvas.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.Add(fyne.NewDelta(60, 0))}, Dragged: fyne.NewDelta(60, 0)})
	s.canvas.DragEnd()
	press(u, fyne.KeyRight)
	press(u, fyne.KeyDelete)
	s.canvas.addKind = structure.Cercle
	s.canvas.Tapped(&fyne.PointEvent{Position: fyne.NewPos(5, 5)})
	s.canvas.TypedShortcut(&fyne.ShortcutUndo{})
	stored, _ := writer.Structure(ctx, s.current.ID)
	if n := s.current.Nodes; len(n) != len(stored.Nodes) || n[0].X != first.X || stored.Nodes[0].X != first.X {
		t.Errorf("the diagram changed: %d nodes (stored %d), first at x %v (stored %v, was %v)", len(n), len(stored.Nodes), n[0].X, stored.Nodes[0].X, first.X)
	}

	// Check-in: a tap on a name marks no one and opens nothing; the rows
	// offer no tap.
	u.nav.Select(areaPeople)
	u.people.SelectIndex(1)
	c := u.checkin
	if len(c.shown) != 3 {
		t.Fatalf("the desk lists %d people", len(c.shown))
	}
	c.list.Select(0)
	c.search.SetText("Zoë")
	c.search.OnSubmitted(c.search.Text)
	if o := u.win.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("a tap opened %q", dialogTextOf(o))
	}
	if marks, _ := writer.SessionAttendance(ctx, c.session.ID); len(marks) != 0 || len(c.marks) != 0 {
		t.Errorf("marks %v, desk %v", marks, c.marks)
	}
	row := c.list.CreateItem()
	c.updateRow(0, row)
	if _, hint := rowMark(row.(*fyne.Container)); hint.Text != "" {
		t.Errorf("the row says %q", hint.Text)
	}

	// Undo in the agenda would save: nothing happens.
	u.nav.Select(areaSessions)
	before := len(u.sessions.session().Blocks)
	u.undo(false)
	if o := u.win.Canvas().Overlays().Top(); o != nil || len(u.sessions.session().Blocks) != before {
		t.Error("undo acted on the agenda")
	}
}

func TestReadOnlyRoleFollowsTheClock(t *testing.T) {
	u, writer := readOnlyUI(t)
	se := u.cohort.Sessions[1]
	clock = se.StartsAt
	l := u.openLive(se)
	if !l.following || l.takeBtn.Visible() || !l.driverBar.Visible() {
		t.Fatalf("following %v, « Prendre la main » shown %v, bar %v", l.following, l.takeBtn.Visible(), l.driverBar.Visible())
	}
	if !strings.HasPrefix(l.driverLine.Text, "Consultation seulement") {
		t.Errorf("driver line %q", l.driverLine.Text)
	}
	for _, b := range l.timerBtns {
		if !b.Disabled() {
			t.Errorf("clock control %q %v is on", b.Text, b.Icon)
		}
	}
	if l.shareBtn.Disabled() || !l.groupsBtn.Disabled() {
		t.Errorf("« Partager l’écran » off %v, « Former les groupes… » off %v", l.shareBtn.Disabled(), l.groupsBtn.Disabled())
	}
	l.onStartPause()
	l.takeOver()
	press(u, fyne.KeySpace)
	pressMenu(t, u, key(fyne.KeyP, alt))
	if o := u.win.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("a control opened %q", dialogTextOf(o))
	}
	if saved, _ := writer.LiveState(context.Background(), se.ID); saved != "" || l.runner.Running() || !l.following {
		t.Errorf("the clock moved: saved %q, running %v, following %v", saved, l.runner.Running(), l.following)
	}

	// A facilitator starts the clock: this window shows theirs.
	w := openWindow(t, service.New(writer, workshops.MustPlans(), testNow))
	w.me = instance{id: "Camille#2", name: "Camille Roy"}
	w.openLive(se).onStartPause()
	u.onChange(store.Change{Tables: []string{"live_states"}})
	if l := u.live; !l.runner.Running() || !strings.Contains(l.driverLine.Text, "Camille Roy") || l.takeBtn.Visible() {
		t.Errorf("following Camille: running %v, line %q, « Prendre la main » %v", l.runner.Running(), l.driverLine.Text, l.takeBtn.Visible())
	}
}

// On a file on this machine (always granted), the same controls are on:
// the guard follows the role, it is not always there.
func TestAFileKeepsEveryControlOn(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "atelier.db"), store.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := service.New(st, workshops.MustPlans(), testNow)
	seedTeam(t, svc)
	u := openWindow(t, svc)
	writes, reads := windowControls(t, u)
	for _, c := range append(writes, reads...) {
		if c.d.Disabled() {
			t.Errorf("%s is off on a file", c.name)
		}
	}
	for _, i := range append(u.roster.detail.moreMenu().Items, u.structures.moreMenu().Items...) {
		if i.Disabled {
			t.Errorf("menu item %q is off on a file", i.Label)
		}
	}
	if menuItem(t, u, "Créer une cohorte…").Disabled || u.structures.canvas.locked {
		t.Error("a file's window is locked")
	}
	se := u.cohort.Sessions[1]
	clock = se.StartsAt
	if l := u.openLive(se); l.following || l.startBtn.Disabled() {
		t.Errorf("alone on a file: following %v, « Démarrer » off %v", l.following, l.startBtn.Disabled())
	}
}
