package store

import (
	"context"
	"testing"
	"time"

	"atelier/app/domain/library"
)

func TestReviseCatalogue(t *testing.T) {
	onEngines(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		entry := func(title string) library.Resource {
			return library.Resource{Title: title, Source: "Éditeur", Language: "en", Summary: "Résumé de " + title + ".", Sessions: []int{1}}
		}
		withdrawnUnused, withdrawnFav, merged, custom := entry("Retiré"), entry("Retiré mais favori"), entry("Ancien titre"), entry("Fiche maison")
		if _, err := st.SeedLibrary(ctx, []library.Resource{withdrawnUnused, withdrawnFav, merged}); err != nil {
			t.Fatal(err)
		}
		custom.Custom = true
		// The team's own entry, under a key an old shipped entry had: never
		// the catalogue's to correct.
		customID, err := st.AddResource(ctx, custom)
		if err != nil {
			t.Fatal(err)
		}
		// The corrected entry already there (a newer version seeded it).
		next := entry("Nouveau titre")
		if _, err := st.SeedLibrary(ctx, []library.Resource{next}); err != nil {
			t.Fatal(err)
		}
		ids := map[string]int64{}
		list, _ := st.Resources(ctx)
		for _, r := range list {
			ids[r.Title] = r.ID
		}
		if err := st.SetFavourite(ctx, ids["Retiré mais favori"], true); err != nil {
			t.Fatal(err)
		}
		if err := st.SetFavourite(ctx, ids["Ancien titre"], true); err != nil {
			t.Fatal(err)
		}
		// Ties to sessions move onto the corrected entry, but for one it
		// already has (the whole first session): no double, no error.
		c, err := st.Cohort(ctx, createTest(t, st, "Cohorte A", date(2026, time.November, 4, 18, 30)))
		if err != nil {
			t.Fatal(err)
		}
		s1, block := c.Sessions[0].ID, c.Sessions[0].Blocks[2].ID
		for _, l := range []struct {
			title string
			block int64
		}{{"Ancien titre", WholeSession}, {"Ancien titre", block}, {"Nouveau titre", WholeSession}} {
			if err := st.LinkResource(ctx, ids[l.title], s1, l.block); err != nil {
				t.Fatal(err)
			}
		}
		revs := []library.Revision{
			{Old: withdrawnUnused}, {Old: withdrawnFav}, {Old: merged, New: &next},
			{Old: custom, New: &library.Resource{Title: "Ne doit pas apparaître", Source: "Éditeur", Language: "en"}},
		}
		done, err := st.ReviseCatalogue(ctx, revs)
		if err != nil {
			t.Fatal(err)
		}
		if done != (Revised{Corrected: 0, Withdrawn: 2, Kept: 1}) {
			t.Errorf("revised %+v", done)
		}
		list, _ = st.Resources(ctx)
		got := map[string]library.Resource{}
		for _, r := range list {
			got[r.Title] = r
		}
		if _, ok := got["Retiré"]; ok {
			t.Error("the withdrawn entry no one used is still there")
		}
		if r, ok := got["Retiré mais favori"]; !ok || !r.Favourite {
			t.Error("the withdrawn entry the team marked as favourite was removed")
		}
		if _, ok := got["Ancien titre"]; ok {
			t.Error("the old entry was not folded into the corrected one")
		}
		if r := got["Nouveau titre"]; !r.Favourite {
			t.Errorf("the favourite did not move onto the corrected entry: %+v", r)
		}
		links, err := st.SessionLinks(ctx, s1)
		if want := []ResourceLink{{ResourceID: ids["Nouveau titre"]}, {ResourceID: ids["Nouveau titre"], BlockID: block}}; err != nil || !sameLinks(links, want) {
			t.Errorf("ties after the correction: %+v, %v; want %+v", links, err, want)
		}
		if ts := search(t, st, Query{Text: "ancien"}); len(ts) != 0 {
			t.Errorf("the folded entry is still found: %q", ts)
		}
		if r, err := st.Resource(ctx, customID); err != nil || r.Title != "Fiche maison" {
			t.Errorf("the team's own entry was touched: %+v, %v", r, err)
		}
		if len(list) != 3 {
			t.Errorf("%d entries left, want 3", len(list))
		}
		// The old key stays remembered: seeding the old catalogue again adds
		// nothing back.
		if n, err := st.SeedLibrary(ctx, []library.Resource{withdrawnUnused, merged}); err != nil || n != 0 {
			t.Errorf("reseeded %d, %v", n, err)
		}
	})
}
