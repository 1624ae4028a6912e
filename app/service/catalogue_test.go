package service

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/library"
	"atelier/app/store"
	"atelier/workshops"
)

// A database made by Atelier 0.1 holds the catalogue as it shipped then;
// at the next start its untouched entries say what the checked catalogue
// says, those the team edited stay theirs, and what the team added to an
// entry (favourite, file, ties) survives its correction.
func TestOldCatalogueIsCorrected(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "atelier.db"), store.Options{Now: func() time.Time { return start }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := New(st, workshops.MustPlans(), func() time.Time { return start })
	old, err := workshops.Shipped01()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.FirstStart(ctx, library.NewCatalogue("0.1", func() ([]library.Resource, []library.Revision) { return old, nil })); err != nil {
		t.Fatal(err)
	}
	find := func(title string) library.Resource {
		t.Helper()
		list, err := st.Resources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range list {
			if r.Title == title {
				return r
			}
		}
		t.Fatalf("no entry %q", title)
		return library.Resource{}
	}
	// The team's marks on 0.1 entries: a favourite with a file on one that
	// is renamed, a tie to a session on another, an edit on a third, a
	// favourite on one withdrawn.
	song := find("Plusieurs voix, un seul chant\u00a0: partager le pouvoir grâce à la sociocratie")
	if err := st.SetFavourite(ctx, song.ID, true); err != nil {
		t.Fatal(err)
	}
	song.Favourite, song.FilePath = true, filepath.Join(t.TempDir(), "sofa.pdf")
	if err := st.UpdateResource(ctx, song); err != nil {
		t.Fatal(err)
	}
	c, err := svc.PickCohort(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	obama := find("Organiser la campagne Obama\u00a0: campagnes, organisations, mouvements")
	if err := st.LinkResource(ctx, obama.ID, c.Sessions[0].ID, 0); err != nil {
		t.Fatal(err)
	}
	edited := find("Rebelles et réformistes, unissez-vous")
	edited.Summary = "Notre résumé à nous."
	if err := st.UpdateResource(ctx, edited); err != nil {
		t.Fatal(err)
	}
	teams := find("Comment structurer les équipes pour l’organisation")

	if _, err := svc.FirstStart(ctx, workshops.Catalogue()); err != nil {
		t.Fatal(err)
	}
	list, err := st.Resources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, r := range list {
		titles = append(titles, r.Title)
		if strings.Contains(r.Author, "Tattersall") && strings.HasPrefix(r.Title, "Bâtir une coalition") {
			t.Errorf("the coalition guide still credits Tattersall as its author: %q", r.Author)
		}
	}
	for _, gone := range []string{song.Title, obama.Title, teams.Title} {
		if slices.Contains(titles, gone) {
			t.Errorf("%q is still in the library", gone)
		}
	}
	// The team's edit is theirs: kept, not overwritten nor doubled.
	if r := find(edited.Title); r.Summary != "Notre résumé à nous." {
		t.Errorf("the team's edit was lost: %q", r.Summary)
	}
	voice := find("Chaque voix compte")
	if !voice.HasFrench || !voice.Favourite || voice.FilePath != song.FilePath {
		t.Errorf("the corrected entry lost the team's favourite or file: %+v", voice)
	}
	linked, err := st.SessionResources(ctx, c.Sessions[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(linked, func(r library.Resource) bool {
		return strings.HasPrefix(r.Title, "Organiser la campagne Obama\u00a0: campagne, organisation, mouvement")
	}) {
		t.Errorf("the tie to session 1 did not follow the correction: %v", linked)
	}
	// Everything else is the checked catalogue, once each: the 63 entries,
	// plus the team's edited copy of a withdrawn one.
	want := len(workshops.MustResources()) + 1
	if len(list) != want {
		t.Errorf("%d entries, want %d", len(list), want)
	}
	for _, r := range workshops.MustResources() {
		got := find(r.Title)
		if !library.SameFacts(got, r) {
			t.Errorf("%q does not say what the catalogue says", r.Title)
		}
	}
	// The search index follows: the new French title is found, the old one is not.
	hits, err := st.SearchResources(ctx, store.Query{Text: "chaque voix"})
	if err != nil || len(hits) != 1 {
		t.Errorf("search « chaque voix »: %v, %v", hits, err)
	}
	if hits, _ := st.SearchResources(ctx, store.Query{Text: "un seul chant"}); len(hits) != 0 {
		t.Errorf("the old title is still indexed: %v", hits)
	}
	// Once corrected, the next start has nothing left to do, and does not
	// even read the catalogue.
	done, err := st.ReviseCatalogue(ctx, workshops.MustRevisions())
	if err != nil || done.Corrected != 0 || done.Withdrawn != 0 {
		t.Errorf("second run: %+v, %v", done, err)
	}
	read := 0
	again := library.NewCatalogue(workshops.Catalogue().Version, func() ([]library.Resource, []library.Revision) {
		read++
		return nil, nil
	})
	if _, err := svc.FirstStart(ctx, again); err != nil || read != 0 {
		t.Errorf("the catalogue was read %d times at a start with nothing to do (%v)", read, err)
	}
}
