package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/library"
	"atelier/app/i18n"
	"atelier/app/store"
)

func TestLibrarySearchFiltersAndOwnResources(t *testing.T) {
	u, st := newTestUI(t)
	u.nav.Select(3)
	l := u.library
	all := len(l.results)
	if all < 40 {
		t.Fatalf("the catalogue shows %d resources", all)
	}
	test.Type(l.search, "coalition")
	if len(l.results) == 0 || len(l.results) == all {
		t.Errorf("coalition finds %d of %d", len(l.results), all)
	}
	l.search.SetText("decentralise")
	if len(l.results) == 0 {
		t.Error("decentralise finds nothing")
	}
	l.search.SetText("")
	l.session.SetSelectedIndex(4) // Séance 4
	for _, r := range l.results {
		found := false
		for _, n := range r.Sessions {
			found = found || n == 4
		}
		if !found {
			t.Errorf("session 4 filter shows %q (sessions %v)", r.Title, r.Sessions)
		}
	}
	l.session.SetSelectedIndex(0)

	// A resource of the team's own, linked to session 4.
	r := library.Resource{Title: "Notre guide de l’œuvre collective", Source: "Équipe d’animation", Language: "fr",
		Summary: "Un guide maison.", Tags: []string{"coalitions"}, Sessions: []int{4}, Custom: true}
	l.save(r)
	l.search.SetText("oeuvre collective guide")
	if len(l.results) != 1 || !l.results[0].Custom {
		t.Fatalf("own resource search: %v", l.results)
	}
	own := l.results[0]
	if err := st.LinkResource(context.Background(), own.ID, u.cohort.Sessions[3].ID, store.WholeSession); err != nil {
		t.Fatal(err)
	}
	objs := resourceLinks(u, u.cohort.Sessions[3])
	var text []string
	walkTexts(objs, &text)
	if !strings.Contains(strings.Join(text, "|"), "Notre guide de l’œuvre collective") {
		t.Errorf("session 4 resources: %v", text)
	}
}

// A resource tied to a block follows it when the agenda is reordered, and
// the Ressources tab names the block.
func TestResourceTiedToABlockFollowsIt(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	id, err := st.AddResource(ctx, resourceForTest())
	if err != nil {
		t.Fatal(err)
	}
	s := u.sessionsArea()
	s.list.Select(3)
	ses := s.session()
	block := ses.Blocks[2]
	if err := st.LinkResource(ctx, id, ses.ID, block.ID); err != nil {
		t.Fatal(err)
	}
	s.current = 2
	s.move(-1) // the block goes up one place
	moved := s.session().Blocks[1]
	if moved.ID != block.ID || moved.Title != block.Title {
		t.Fatalf("block %d moved to %+v", block.ID, moved)
	}
	text := dialogTextOf(container.NewVBox(resourceLinks(u, s.session())...))
	if !strings.Contains(text, "Pour le bloc «\u00a0"+block.Title+"\u00a0»") {
		t.Errorf("resources tab says %q", text)
	}
	s.current = 1
	s.onRemoveBlock()
	if links, _ := st.SessionLinks(ctx, ses.ID); len(links) != 0 {
		t.Errorf("the removed block's resource is still tied: %+v", links)
	}
}

// The language filter and the form name languages in the interface's
// language, never by their code; the form's rows read as what they hold.
func TestLibraryNamesLanguages(t *testing.T) {
	u, _ := newTestUI(t)
	u.nav.Select(3)
	l := u.library
	opts := strings.Join(l.language.Options, "|")
	if !strings.Contains(opts, "français") || !strings.Contains(opts, "anglais") {
		t.Errorf("language filter offers %q", opts)
	}
	for _, o := range l.language.Options {
		if len(o) == 2 {
			t.Errorf("language filter shows the code %q", o)
		}
	}
	l.language.SetSelected("anglais")
	if len(l.results) == 0 {
		t.Fatal("no resource in English")
	}
	for _, r := range l.results {
		if r.Language != "en" {
			t.Errorf("English filter shows %q in %q", r.Title, r.Language)
		}
	}

	items, read := l.resourceForm(library.Resource{Title: "Rules for Radicals", Source: "Alinsky", Language: "en", Custom: true})
	labels := map[string]fyne.CanvasObject{}
	for _, it := range items {
		labels[it.Text] = it.Widget
	}
	if _, ok := labels["Étiquettes"]; !ok {
		t.Errorf("the tags row, which holds several, is not « Étiquettes »: %v", labels)
	}
	var fileTexts []string
	walkTexts([]fyne.CanvasObject{labels["Fichier"]}, &fileTexts)
	for _, s := range fileTexts {
		if s == "." {
			t.Errorf("the file row with no file shows « . »: %q", fileTexts)
		}
	}
	var sel *widget.Select
	walk(labels["Langue"], func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			sel = s
		}
	})
	if sel == nil || sel.Selected != "anglais" {
		t.Fatalf("language row: %v", sel)
	}
	if got := read().Language; got != "en" {
		t.Errorf("the form reads back %q", got)
	}
	sel.SetSelected("espagnol")
	if got := read().Language; got != "es" {
		t.Errorf("the form reads back %q after espagnol", got)
	}

	u.setLanguage("en")
	t.Cleanup(func() { _ = i18n.Apply("fr") })
	u.nav.Select(3)
	if opts := strings.Join(u.library.language.Options, "|"); !strings.Contains(opts, "French") || !strings.Contains(opts, "English") {
		t.Errorf("English language filter offers %q", opts)
	}
}
