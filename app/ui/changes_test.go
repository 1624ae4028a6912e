package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/config"

	"atelier/app/domain/participants"
	"atelier/app/store"
)

// other opens a second Store on the window's file: another window, or a
// colleague on the team database.
func other(t *testing.T, st *store.Store) *store.Store {
	t.Helper()
	o, err := store.Open(st.Path(), store.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}

func TestAColleaguesMarkChangesTheCount(t *testing.T) {
	u, st := rosterUI(t)
	u.nav.Select(areaPeople)
	u.people.SelectIndex(1)
	c := u.checkin
	test.Type(c.search, "trem") // what the person is typing stays
	before := c.count.Text
	var id int64
	for _, p := range c.people {
		if p.Name == "Hélène Tremblay" {
			id = p.ID
		}
	}
	err := other(t, st).SetAttendance(context.Background(), []participants.Attendance{{SessionID: c.session.ID, ParticipantID: id, Mark: participants.Present}})
	if err != nil {
		t.Fatal(err)
	}
	if c.count.Text != before {
		t.Fatal("the count changed before the change was reported")
	}
	u.onChange(store.Change{Tables: []string{"attendance"}})
	if !strings.HasPrefix(c.count.Text, "Présences\u00a0: 1 sur") {
		t.Errorf("count %q after a colleague's mark (was %q)", c.count.Text, before)
	}
	if c.search.Text != "trem" || len(c.shown) != 1 {
		t.Errorf("search %q shows %d: the reload lost the typing", c.search.Text, len(c.shown))
	}
}

func TestAColleaguesAgendaEditShowsUnlessEditing(t *testing.T) {
	u, st := newTestUI(t)
	s := u.sessions
	s.list.Select(2)
	s.agendaList.Select(1)
	se := s.session()
	blocks := append(se.Blocks[:0:0], se.Blocks...)
	blocks[1].Title = "Tour de parole, version de Noé"
	noe := other(t, st)
	blocks, err := noe.SaveSessionBlocks(context.Background(), se.ID, blocks)
	if err != nil {
		t.Fatal(err)
	}
	u.onChange(store.Change{Tables: []string{"agenda_blocks"}})
	if got := s.session().Blocks[1].Title; got != "Tour de parole, version de Noé" {
		t.Fatalf("agenda shows %q after the colleague's edit", got)
	}
	if s.editor.title.Text != "Tour de parole, version de Noé" || s.current != 1 || s.selected != 2 {
		t.Errorf("editor %q, block %d, session %d: the screen did not stay where it was", s.editor.title.Text, s.current, s.selected)
	}
	// While this facilitator types in the block, a colleague's edit does
	// not replace what is typed.
	s.editor.title.SetText("Mon titre à moi")
	blocks[1].Title = "Encore Noé"
	if _, err := noe.SaveSessionBlocks(context.Background(), se.ID, blocks); err != nil {
		t.Fatal(err)
	}
	u.onChange(store.Change{Tables: []string{"agenda_blocks"}})
	if s.editor.title.Text != "Mon titre à moi" {
		t.Errorf("the typing was replaced by %q", s.editor.title.Text)
	}
}

func TestOwnSaveDoesNotRedraw(t *testing.T) {
	u, _ := newTestUI(t)
	s := u.sessions
	s.list.Select(2)
	s.agendaList.Select(3)
	hist := s.history
	u.onChange(store.Change{All: true})
	if s.history != hist || s.current != 3 {
		t.Error("a change that changed nothing on view reset the agenda (its undo history, the block on view)")
	}
}

func TestTeamSettingsSavedWithoutPassword(t *testing.T) {
	u, _ := newTestUI(t)
	u.onTeamSettings()
	form := findForm(t, u.win.Canvas().Overlays().Top())
	entries := formEntries(form)
	check := formCheck(form)
	check.SetChecked(true)
	for label, text := range map[string]string{"Serveur": "equipe.example.org", "Port": "5433", "Base": "atelier", "Rôle": "camille", "Votre nom pour l’équipe": "Camille Roy"} {
		e, ok := entries[label]
		if !ok {
			t.Fatalf("no field %q in %v", label, entries)
		}
		e.SetText(text)
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Enregistrer")
	prefs := config.LoadPrefs(u.opts.PrefsPath)
	want := config.Team{On: true, Host: "equipe.example.org", Port: 5433, Database: "atelier", User: "camille", Who: "Camille Roy"}
	if prefs.Team != want || prefs.Language != "fr" {
		t.Errorf("saved %+v", prefs)
	}
	dsn, err := config.DBPath("", prefs)
	if err != nil || dsn != "postgres://camille@equipe.example.org:5433/atelier?sslmode=verify-full" {
		t.Errorf("next start opens %q, %v", dsn, err)
	}
	// Changing the language keeps the team database chosen.
	u.setLanguage("en")
	if got := config.LoadPrefs(u.opts.PrefsPath); got.Team != want || got.Language != "en" {
		t.Errorf("after the language: %+v", got)
	}
}

// findForm is the first form under o.
func findForm(t *testing.T, o fyne.CanvasObject) *widget.Form {
	t.Helper()
	var found *widget.Form
	walk(o, func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok && found == nil {
			found = f
		}
	})
	if found == nil {
		t.Fatal("no form on screen")
	}
	return found
}

func formEntries(f *widget.Form) map[string]*widget.Entry {
	out := map[string]*widget.Entry{}
	for _, it := range f.Items {
		if e, ok := it.Widget.(*widget.Entry); ok {
			out[it.Text] = e
		}
	}
	return out
}

func formCheck(f *widget.Form) *widget.Check {
	for _, it := range f.Items {
		if c, ok := it.Widget.(*widget.Check); ok {
			return c
		}
	}
	return nil
}

func TestAColleaguesNotesShowUnlessTyping(t *testing.T) {
	u, st := newTestUI(t)
	s := u.sessions
	s.list.Select(1)
	s.notes.load()
	id := s.session().ID
	if err := other(t, st).SetSessionNotes(context.Background(), id, "Noé apporte les cartons"); err != nil {
		t.Fatal(err)
	}
	u.onChange(store.Change{Tables: []string{"sessions"}})
	if s.notes.entry.Text != "Noé apporte les cartons" {
		t.Errorf("notes pane %q after a colleague's save", s.notes.entry.Text)
	}
	s.notes.entry.SetText("Je prépare la salle")
	if err := other(t, st).SetSessionNotes(context.Background(), id, "Noé encore"); err != nil {
		t.Fatal(err)
	}
	u.onChange(store.Change{Tables: []string{"sessions"}})
	if s.notes.entry.Text != "Je prépare la salle" {
		t.Errorf("the typing was replaced by %q", s.notes.entry.Text)
	}
}

func TestAConflictingAgendaSaveShowsTheirs(t *testing.T) {
	u, st := newTestUI(t)
	s := u.sessions
	s.list.Select(2)
	s.agendaList.Select(1)
	se := s.session()
	theirs := append(se.Blocks[:0:0], se.Blocks...)
	theirs[1].Title = "Version de Noé"
	if _, err := other(t, st).SaveSessionBlocks(context.Background(), se.ID, theirs); err != nil {
		t.Fatal(err)
	}
	// Before this window hears of it, the facilitator saves the same block.
	s.editor.title.SetText("Ma version")
	s.editor.onSave()
	if got := s.session().Blocks[1].Title; got != "Version de Noé" {
		t.Fatalf("after the refused save the agenda shows %q, want the colleague's", got)
	}
	stored, _ := st.Cohort(context.Background(), u.cohort.ID)
	if got := stored.Sessions[2].Blocks[1].Title; got != "Version de Noé" {
		t.Errorf("the colleague's change was overwritten: %q", got)
	}
	// Edited again from their version, the save goes through.
	s.agendaList.Select(1)
	s.editor.title.SetText("Version commune")
	s.editor.onSave()
	stored, _ = st.Cohort(context.Background(), u.cohort.ID)
	if got := stored.Sessions[2].Blocks[1].Title; got != "Version commune" {
		t.Errorf("the save after the conflict: %q", got)
	}
}

func TestAConflictingDiagramSaveShowsTheirs(t *testing.T) {
	u, s := structureUI(t)
	theirs := s.current
	theirs.Nodes = append(theirs.Nodes[:0:0], theirs.Nodes...)
	theirs.Nodes[0].Label = "Cercle de Noé"
	if _, err := other(t, u.store).SaveStructure(context.Background(), theirs); err != nil {
		t.Fatal(err)
	}
	s.current.Nodes[1].Label = "Mon cercle"
	s.save()
	if s.current.Nodes[0].Label != "Cercle de Noé" || s.current.Nodes[1].Label == "Mon cercle" {
		t.Errorf("after the refused save the canvas shows %q, %q", s.current.Nodes[0].Label, s.current.Nodes[1].Label)
	}
	stored, _ := u.store.Structure(context.Background(), s.current.ID)
	if stored.Nodes[0].Label != "Cercle de Noé" {
		t.Error("the colleague's change was overwritten")
	}
}

func TestAColleaguesNodeMoveShowsWithoutRefit(t *testing.T) {
	u, s := structureUI(t)
	u.nav.Select(areaStructures)
	zoom := s.canvas.zoom
	theirs := s.current
	theirs.Nodes = append(theirs.Nodes[:0:0], theirs.Nodes...)
	theirs.Nodes[0].X += 300
	if _, err := other(t, u.store).SaveStructure(context.Background(), theirs); err != nil {
		t.Fatal(err)
	}
	u.onChange(store.Change{Tables: []string{"structure_nodes"}})
	if s.current.Nodes[0].X != theirs.Nodes[0].X {
		t.Errorf("node at %v after the colleague's move, want %v", s.current.Nodes[0].X, theirs.Nodes[0].X)
	}
	if s.canvas.zoom != zoom {
		t.Errorf("the view was refitted: zoom %v → %v", zoom, s.canvas.zoom)
	}
	// The next save here starts from their version: no conflict.
	s.current.Nodes[1].Label = "Mon cercle"
	s.save()
	if stored, _ := u.store.Structure(context.Background(), s.current.ID); stored.Nodes[1].Label != "Mon cercle" || stored.Nodes[0].X != theirs.Nodes[0].X {
		t.Errorf("saved after following: %q at %v", stored.Nodes[1].Label, stored.Nodes[0].X)
	}
}
