package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/agenda"
	"atelier/app/domain/library"
)

// testCatalogue is a small catalogue whose words exercise folding: accents,
// ligatures, typographic apostrophes and capitals.
func testCatalogue() []library.Resource {
	return []library.Resource{
		{Title: "Le pouvoir décentralisé", Source: "The Commons Library", Language: "en", HasFrench: true,
			Summary: "Comment répartir les décisions entre des équipes autonomes.",
			Tags:    []string{"organisation distribuée", "stratégie"}, Sessions: []int{2}},
		{Title: "Mettre en Œuvre une campagne", Source: "Momentum", Language: "en",
			Summary: "Planifier une campagne, de la théorie du changement au plan d’action.",
			Tags:    []string{"campagne"}, Sessions: []int{1, 4}},
		{Title: "Penser l’organisation", Source: "Blueprints for Change", Language: "fr",
			Summary: "Les structures qui tiennent dans la durée.", Tags: []string{"structure"}, Sessions: []int{3}},
		{Title: "Récits de lutte", Source: "Blueprints for Change", Language: "fr", Author: "Hélène Tremblay",
			Summary: "Raconter pour mobiliser.", Tags: []string{"récit"}, Sessions: []int{5}},
		{Title: "Bâtir une coalition", Source: "The Commons Library", Language: "en",
			URL: "https://commonslibrary.org/coalitions", Summary: "Alliances entre groupes.",
			Tags: []string{"alliances", "stratégie"}, Sessions: []int{4}},
		{Title: "Assemblées de quartier", Source: "Momentum", Language: "en",
			Summary: "Des assemblées qui ont mené à une coalition de locataires.",
			Tags:    []string{"quartier"}, Sessions: []int{2}},
	}
}

// seedTest fills s, a new store, with testCatalogue.
func seedTest(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.SeedLibrary(context.Background(), testCatalogue()); err != nil {
		t.Fatalf("SeedLibrary: %v", err)
	}
}

func titles(rs []library.Resource) []string {
	ts := make([]string, len(rs))
	for i, r := range rs {
		ts[i] = r.Title
	}
	return ts
}

func search(t *testing.T, s *Store, q Query) []string {
	t.Helper()
	rs, err := s.SearchResources(context.Background(), q)
	if err != nil {
		t.Fatalf("SearchResources(%+v): %v", q, err)
	}
	return titles(rs)
}

// byTitle finds a resource of the store by title.
func byTitle(t *testing.T, s *Store, title string) library.Resource {
	t.Helper()
	rs, err := s.Resources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Title == title {
			return r
		}
	}
	t.Fatalf("no resource %q in %q", title, titles(rs))
	return library.Resource{}
}

func TestSeedLibraryIdempotent(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		cat := testCatalogue()
		added, err := s.SeedLibrary(ctx, cat)
		if err != nil || added != len(cat) {
			t.Fatalf("first seed: added %d, %v; want %d", added, err, len(cat))
		}
		added, err = s.SeedLibrary(ctx, cat)
		if err != nil || added != 0 {
			t.Fatalf("second seed: added %d, %v; want 0", added, err)
		}
		rs, err := s.Resources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// French order: « Bâtir » sorts with the B, not after the Z.
		want := []string{"Assemblées de quartier", "Bâtir une coalition", "Le pouvoir décentralisé",
			"Mettre en Œuvre une campagne", "Penser l’organisation", "Récits de lutte"}
		if !slices.Equal(titles(rs), want) {
			t.Errorf("Resources = %q, want %q", titles(rs), want)
		}
		got := byTitle(t, s, "Le pouvoir décentralisé")
		w := cat[0]
		w.ID = got.ID
		if !equalResource(got, w) {
			t.Errorf("stored %+v, want %+v", got, w)
		}

		// A catalogue entry deleted by the facilitators does not come back,
		// and a new one in a later catalogue is added.
		if err := s.DeleteResource(ctx, got.ID); err != nil {
			t.Fatal(err)
		}
		cat = append(cat, library.Resource{Title: "Nouvelle fiche", Source: "Momentum", Language: "fr"})
		added, err = s.SeedLibrary(ctx, cat)
		if err != nil || added != 1 {
			t.Fatalf("third seed: added %d, %v; want 1", added, err)
		}
		if ts := search(t, s, Query{Text: "décentralisé"}); len(ts) != 0 {
			t.Errorf("deleted catalogue entry is back: %q", ts)
		}
	})
}

// An import is a seed of Custom entries: they stay Custom, and one deleted
// comes back with the next import.
func TestSeedLibraryImport(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		seedTest(t, s)
		imported := []library.Resource{
			{Title: "Fiche d’une autre équipe", Source: "Collectif Racines", Language: "fr", Custom: true},
			testCatalogue()[0], // already there: skipped
		}
		imported[1].Custom = true
		added, err := s.SeedLibrary(ctx, imported)
		if err != nil || added != 1 {
			t.Fatalf("import: added %d, %v; want 1", added, err)
		}
		r := byTitle(t, s, "Fiche d’une autre équipe")
		if !r.Custom {
			t.Error("an imported entry is not Custom")
		}
		if byTitle(t, s, testCatalogue()[0].Title).Custom {
			t.Error("the import made a catalogue entry Custom")
		}
		if err := s.DeleteResource(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		if added, err := s.SeedLibrary(ctx, imported); err != nil || added != 1 {
			t.Errorf("import again after delete: added %d, %v; want 1", added, err)
		}
	})
}

func TestSeedLibraryInvalid(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		cat := testCatalogue()
		cat[3].Sessions = []int{6}
		if _, err := s.SeedLibrary(ctx, cat); err == nil {
			t.Fatal("SeedLibrary accepted a session 6")
		}
		if rs, _ := s.Resources(ctx); len(rs) != 0 {
			t.Errorf("an invalid catalogue wrote %d resources", len(rs))
		}
	})
}

func TestSearchFolds(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		seedTest(t, s)
		tests := []struct {
			text string
			want string
		}{
			{"decentralise", "Le pouvoir décentralisé"},
			{"DÉCENTRALISÉ", "Le pouvoir décentralisé"},
			{"oeuvre", "Mettre en Œuvre une campagne"},
			{"œuvre", "Mettre en Œuvre une campagne"},
			{"l'organisation", "Penser l’organisation"},
			{"l’organisation", "Penser l’organisation"},
			{"HELENE", "Récits de lutte"},
			{"tremb", "Récits de lutte"},
			{"equipes autonomes", "Le pouvoir décentralisé"}, // summary
			{"distribuee", "Le pouvoir décentralisé"},        // tag
			{"plan d'action", "Mettre en Œuvre une campagne"},
		}
		for _, tt := range tests {
			got := search(t, s, Query{Text: tt.text})
			if !slices.Contains(got, tt.want) {
				t.Errorf("%q found %q, want %q among them", tt.text, got, tt.want)
			}
		}
		if got := search(t, s, Query{Text: "decentralise campagne"}); len(got) != 0 {
			t.Errorf("every word is required: found %q", got)
		}
	})
}

// A title hit and a summary hit: an order both engines promise.
func TestSearchRanksTitleFirst(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		seedTest(t, s)
		got := search(t, s, Query{Text: "coalition"})
		want := []string{"Bâtir une coalition", "Assemblées de quartier"}
		if !slices.Equal(got, want) {
			t.Errorf("coalition: %q, want %q (title match first)", got, want)
		}
		if got := search(t, s, Query{Text: "coalition", Limit: 1}); !slices.Equal(got, want[:1]) {
			t.Errorf("limit 1: %q", got)
		}
	})
}

// What both engines promise of the order: a word in the title before one
// in the tags, the author, then the summary, and equal hits by id. Beyond
// that, bm25 (SQLite) and ts_rank (PostgreSQL) may order two hits in the
// same column differently: ts_rank counts neither the length of a text
// nor how rare a word is.
func TestSearchRanksByColumn(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		// Added in the reverse of the expected order, so that ids alone
		// would give the opposite.
		rs := []library.Resource{
			{Title: "Zèbre", Source: "A", Language: "fr", Summary: "Stratégie"},
			{Title: "Yack", Source: "A", Language: "fr", Author: "Stratège Lévesque"},
			{Title: "Wapiti", Source: "A", Language: "fr", Tags: []string{"stratégie"}},
			{Title: "Stratégies", Source: "A", Language: "fr"},
			{Title: "Stratégies", Source: "B", Language: "fr"},
			{Title: "Vison", Source: "A", Language: "fr", Summary: "Autre chose"},
		}
		if _, err := s.SeedLibrary(ctx, rs); err != nil {
			t.Fatal(err)
		}
		got, err := s.SearchResources(ctx, Query{Text: "strat"})
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, r := range got {
			order = append(order, r.Title+"/"+r.Source)
		}
		want := []string{"Stratégies/A", "Stratégies/B", "Wapiti/A", "Yack/A", "Zèbre/A"}
		if !slices.Equal(order, want) {
			t.Errorf("« strat » ranks %q, want %q (title, tags, author, summary; ties by id)", order, want)
		}
		if got := search(t, s, Query{Text: "strat", Limit: 3}); !slices.Equal(got, []string{"Stratégies", "Stratégies", "Wapiti"}) {
			t.Errorf("limit 3: %q", got)
		}
	})
}

func TestSearchFilters(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		seedTest(t, s)
		if err := s.SetFavourite(ctx, byTitle(t, s, "Récits de lutte").ID, true); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			q    Query
			want []string
		}{
			{"all", Query{}, []string{"Assemblées de quartier", "Bâtir une coalition", "Le pouvoir décentralisé",
				"Mettre en Œuvre une campagne", "Penser l’organisation", "Récits de lutte"}},
			{"session", Query{Session: 4}, []string{"Bâtir une coalition", "Mettre en Œuvre une campagne"}},
			{"source", Query{Source: "Blueprints for Change"}, []string{"Penser l’organisation", "Récits de lutte"}},
			{"language", Query{Language: "FR"}, []string{"Penser l’organisation", "Récits de lutte"}},
			{"tag", Query{Tag: "stratégie"}, []string{"Bâtir une coalition", "Le pouvoir décentralisé"}},
			{"tag is a whole tag", Query{Tag: "stratég"}, nil},
			{"favourites", Query{Favourites: true}, []string{"Récits de lutte"}},
			{"limit", Query{Limit: 2}, []string{"Assemblées de quartier", "Bâtir une coalition"}},
			{"text and session", Query{Text: "coalition", Session: 2}, []string{"Assemblées de quartier"}},
			{"text and source", Query{Text: "campagne", Source: "Momentum"}, []string{"Mettre en Œuvre une campagne"}},
			{"text and tag", Query{Text: "coalition", Tag: "quartier"}, []string{"Assemblées de quartier"}},
			{"text and favourites", Query{Text: "lutte", Favourites: true}, []string{"Récits de lutte"}},
			{"text, no favourite", Query{Text: "coalition", Favourites: true}, nil},
			{"no such session", Query{Session: 9}, nil},
		}
		for _, tt := range tests {
			if got := search(t, s, tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
			}
		}
	})
}

func TestSearchHostileText(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		seedTest(t, s)
		for _, text := range []string{`"foo`, "a OR", "NEAR(", "*", `")`, "AND", "NOT coalition", "title:x",
			"^coa", "coa*", "(((", "'", "l'", "-coalition", "+", "{title summary}: x", "\x00", "\xff\xfe",
			"coalition OR campagne", `"coalition" NEAR "campagne"`, "🌱", "   ",
			// tsquery's syntax, for PostgreSQL.
			"a & ! (b", "a | b", "!coalition", "coa:*", "coa:AB", "a <-> b", "a <2> b", "'coa'", `\`, `\'`,
			"''", "a:", ":*", "&", "|", "!", "<->", "²", "½", "Ⅻ", "ß", "x\u0301", "\u00a0", "l’", "qu’"} {
			if _, err := s.SearchResources(context.Background(), Query{Text: text}); err != nil {
				t.Errorf("%q: %v", text, err)
			}
			if _, err := s.SearchResources(context.Background(), Query{Text: text, Tag: text, Source: text, Limit: 3}); err != nil {
				t.Errorf("%q with filters: %v", text, err)
			}
		}
		// Operators are words: « or » is not a disjunction, nor « | »;
		// « ! » negates nothing.
		for _, text := range []string{"coalition OR campagne", "coalition | campagne", "coalition & !campagne"} {
			if got := search(t, s, Query{Text: text}); len(got) != 0 {
				t.Errorf("%q: an operator acted: %q", text, got)
			}
		}
		want := search(t, s, Query{Text: "coalition"})
		for _, text := range []string{"!coalition", "'coalition'", "(coalition)", "coalition:*"} {
			if got := search(t, s, Query{Text: text}); !slices.Equal(got, want) {
				t.Errorf("%q found %q, want %q as for « coalition »", text, got, want)
			}
		}
	})
}

func TestMatchExpr(t *testing.T) {
	tests := []struct{ text, fts, ts string }{
		{"", "", ""},
		{"*", "", ""},
		{`")`, "", ""},
		{"Coalition", `"coalition"*`, "'coalition':*"},
		{"organisation distribuée", `"organisation"* "distribuee"*`, "'organisation':* & 'distribuee':*"},
		{"l’organisation", `"organisation"*`, "'organisation':*"},
		{"l", `"l"*`, "'l':*"},
		{"jusqu'au bout", `"au"* "bout"*`, "'au':* & 'bout':*"},
		{`"foo`, `"foo"*`, "'foo':*"},
		{"a OR", `"a"* "or"*`, "'a':* & 'or':*"},
		{"NEAR(", `"near"*`, "'near':*"},
		{"Œuvre", `"oeuvre"*`, "'oeuvre':*"},
		{"sous-groupes", `"sous"* "groupes"*`, "'sous':* & 'groupes':*"},
		{"a & ! (b", `"a"* "b"*`, "'a':* & 'b':*"},
		{`'l'a:* <-> \b|`, `"a"* "b"*`, "'a':* & 'b':*"},
	}
	for _, tt := range tests {
		words := queryWords(tt.text)
		if got := matchExpr(words); got != tt.fts {
			t.Errorf("matchExpr(%q) = %s, want %s", tt.text, got, tt.fts)
		}
		if got := tsQuery(words); got != tt.ts {
			t.Errorf("tsQuery(%q) = %s, want %s", tt.text, got, tt.ts)
		}
	}
	if n := len(queryWords(strings.Repeat("mot ", 40))); n != maxWords {
		t.Errorf("%d words kept of 40, want %d", n, maxWords)
	}
}

func TestResourceEditsKeepIndexInSync(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		seedTest(t, s)
		r := library.Resource{Title: " Désobéissance civile ", Source: "Atelier", Language: "FR",
			Summary: "Des actions directes non violentes.", Tags: []string{"action", " action ", ""}, Sessions: []int{5, 3, 5},
			Favourite: true}
		id, err := s.AddResource(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Resource(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := library.Resource{ID: id, Title: "Désobéissance civile", Source: "Atelier", Language: "fr",
			Summary: "Des actions directes non violentes.", Tags: []string{"action"}, Sessions: []int{3, 5},
			Favourite: true, Custom: true}
		if !equalResource(got, want) {
			t.Errorf("Resource = %+v, want %+v", got, want)
		}
		if ts := search(t, s, Query{Text: "desobeissance"}); !slices.Equal(ts, []string{"Désobéissance civile"}) {
			t.Errorf("after add: %q", ts)
		}

		got.Summary = "Bloquer un chantier pour se faire entendre."
		got.Title = "Désobéissance civile et blocages"
		if err := s.UpdateResource(ctx, got); err != nil {
			t.Fatal(err)
		}
		if ts := search(t, s, Query{Text: "chantier"}); !slices.Equal(ts, []string{got.Title}) {
			t.Errorf("new summary not searchable: %q", ts)
		}
		if ts := search(t, s, Query{Text: "violentes"}); len(ts) != 0 {
			t.Errorf("old summary still found: %q", ts)
		}
		if after, _ := s.Resource(ctx, id); !after.Custom {
			t.Error("UpdateResource lost Custom")
		}

		if err := s.DeleteResource(ctx, id); err != nil {
			t.Fatal(err)
		}
		if ts := search(t, s, Query{Text: "chantier"}); len(ts) != 0 {
			t.Errorf("deleted resource still found: %q", ts)
		}
		if _, err := s.Resource(ctx, id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Resource after delete: %v, want ErrNotFound", err)
		}
		for name, err := range map[string]error{
			"delete":    s.DeleteResource(ctx, id),
			"update":    s.UpdateResource(ctx, got),
			"favourite": s.SetFavourite(ctx, id, true),
		} {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("%s of a deleted resource: %v, want ErrNotFound", name, err)
			}
		}
	})
}

func TestResourceRefusals(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		seedTest(t, s)
		dup := testCatalogue()[0]
		if _, err := s.AddResource(ctx, dup); !errors.Is(err, ErrDuplicateName) {
			t.Errorf("duplicate add: %v, want ErrDuplicateName", err)
		}
		other := byTitle(t, s, "Récits de lutte")
		other.Title, other.Source = dup.Title, dup.Source
		if err := s.UpdateResource(ctx, other); !errors.Is(err, ErrDuplicateName) {
			t.Errorf("rename onto another: %v, want ErrDuplicateName", err)
		}
		if _, err := s.AddResource(ctx, library.Resource{Title: "Sans source", Language: "fr"}); err == nil {
			t.Error("AddResource accepted a resource without source")
		}
	})
}

func TestFacets(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		seedTest(t, s)
		sources, languages, tags, err := s.Facets(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"Blueprints for Change", "Momentum", "The Commons Library"}; !slices.Equal(sources, want) {
			t.Errorf("sources = %q, want %q", sources, want)
		}
		if want := []string{"en", "fr"}; !slices.Equal(languages, want) {
			t.Errorf("languages = %q, want %q", languages, want)
		}
		want := []string{"alliances", "campagne", "organisation distribuée", "quartier", "récit", "stratégie", "structure"}
		if !slices.Equal(tags, want) {
			t.Errorf("tags = %q, want %q", tags, want)
		}
	})
}

func TestLinkResourceAndSessionResources(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		seedTest(t, s)
		c, err := s.Cohort(ctx, createTest(t, s, "Cohorte A", date(2026, time.November, 4, 18, 30)))
		if err != nil {
			t.Fatal(err)
		}
		s1, s2 := c.Sessions[0].ID, c.Sessions[1].ID
		block := c.Sessions[0].Blocks[2].ID
		recits := byTitle(t, s, "Récits de lutte").ID         // session 5
		assemblees := byTitle(t, s, "Assemblées de quartier") // session 2
		batir := byTitle(t, s, "Bâtir une coalition").ID      // session 4

		if err := s.LinkResource(ctx, recits, s1, WholeSession); err != nil {
			t.Fatal(err)
		}
		if err := s.LinkResource(ctx, batir, s1, block); err != nil {
			t.Fatal(err)
		}
		// Twice is fine.
		if err := s.LinkResource(ctx, batir, s1, block); err != nil {
			t.Fatal(err)
		}
		links, err := s.SessionLinks(ctx, s1)
		if want := []ResourceLink{{ResourceID: recits}, {ResourceID: batir, BlockID: block}}; err != nil || !sameLinks(links, want) {
			t.Errorf("SessionLinks = %+v, %v; want %+v", links, err, want)
		}
		// Session 1 of the course: « Mettre en Œuvre » by its number, plus the
		// two tied to this cohort's session 1.
		check := func(label string, sessionID int64, want []string) {
			t.Helper()
			rs, err := s.SessionResources(ctx, sessionID)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(titles(rs), want) {
				t.Errorf("%s: %q, want %q", label, titles(rs), want)
			}
		}
		check("session 1", s1, []string{"Bâtir une coalition", "Mettre en Œuvre une campagne", "Récits de lutte"})
		check("session 2", s2, []string{assemblees.Title, "Le pouvoir décentralisé"})

		// Tied to the session and by number: listed once.
		if err := s.LinkResource(ctx, assemblees.ID, s2, WholeSession); err != nil {
			t.Fatal(err)
		}
		check("session 2 again", s2, []string{assemblees.Title, "Le pouvoir décentralisé"})

		// Unlinking by block leaves the whole-session tie, and the other way.
		if err := s.LinkResource(ctx, batir, s1, WholeSession); err != nil {
			t.Fatal(err)
		}
		if err := s.UnlinkResource(ctx, batir, s1, block); err != nil {
			t.Fatal(err)
		}
		if err := s.UnlinkResource(ctx, batir, s1, block); err != nil {
			t.Fatalf("unlinking twice: %v", err)
		}
		check("after unlinking the block", s1, []string{"Bâtir une coalition", "Mettre en Œuvre une campagne", "Récits de lutte"})
		if err := s.UnlinkResource(ctx, batir, s1, WholeSession); err != nil {
			t.Fatal(err)
		}
		check("after unlink", s1, []string{"Mettre en Œuvre une campagne", "Récits de lutte"})

		// Deleting the resource removes its ties.
		if err := s.DeleteResource(ctx, recits); err != nil {
			t.Fatal(err)
		}
		check("after delete", s1, []string{"Mettre en Œuvre une campagne"})
		if links, _ := s.SessionLinks(ctx, s1); len(links) != 0 {
			t.Errorf("links left after delete: %+v", links)
		}

		before := dump(t, s.db)
		for name, err := range map[string]error{
			"no such block":           s.LinkResource(ctx, batir, s1, 9999),
			"another session's block": s.LinkResource(ctx, batir, s1, c.Sessions[1].Blocks[0].ID),
			"below whole":             s.LinkResource(ctx, batir, s1, -2),
			"no such session":         s.LinkResource(ctx, batir, 9999, WholeSession),
			"no such resource":        s.LinkResource(ctx, 9999, s1, WholeSession),
			"no such resource, block": s.LinkResource(ctx, 9999, s1, block),
		} {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("%s: %v, want ErrNotFound", name, err)
			}
		}
		if changed := diffDumps(before, dump(t, s.db)); len(changed) > 0 {
			t.Errorf("refused links changed %v", changed)
		}
		if _, err := s.SessionResources(ctx, 9999); !errors.Is(err, ErrNotFound) {
			t.Errorf("SessionResources of no session: %v, want ErrNotFound", err)
		}
	})
}

// A resource tied to a block follows it wherever the agenda puts it, and
// goes with it.
func TestResourceLinksFollowTheirBlock(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		seedTest(t, s)
		c, err := s.Cohort(ctx, createTest(t, s, "Cohorte A", date(2026, time.November, 4, 18, 30)))
		if err != nil {
			t.Fatal(err)
		}
		ses := c.Sessions[0]
		blocks := ses.Blocks
		b := blocks[2]
		batir := byTitle(t, s, "Bâtir une coalition").ID
		recits := byTitle(t, s, "Récits de lutte").ID
		if err := s.LinkResource(ctx, batir, ses.ID, b.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.LinkResource(ctx, recits, ses.ID, WholeSession); err != nil {
			t.Fatal(err)
		}
		want := []ResourceLink{{ResourceID: recits}, {ResourceID: batir, BlockID: b.ID}}
		edited := b
		edited.Title, edited.Minutes, edited.Notes = "Exercice revu", 25, "Groupes de 3"
		fresh := agenda.Block{Title: "Nouveau", Kind: agenda.Discussion, Minutes: 5}

		steps := []struct {
			name   string
			blocks []agenda.Block
		}{
			{"B moved to the front", []agenda.Block{b, blocks[0], blocks[1], blocks[3], blocks[4]}},
			{"B moved to the end", []agenda.Block{blocks[0], blocks[1], blocks[3], blocks[4], b}},
			{"B edited", []agenda.Block{blocks[0], blocks[1], edited, blocks[3], blocks[4]}},
			{"blocks added before B", []agenda.Block{fresh, fresh, blocks[0], blocks[1], edited, blocks[3], blocks[4]}},
			{"blocks removed before B", []agenda.Block{edited, blocks[4]}},
			{"B copied", []agenda.Block{edited, edited, blocks[4]}},
		}
		last := blocks
		for _, st := range steps {
			out, err := s.SaveSessionBlocks(ctx, ses.ID, withVersionsOf(st.blocks, last))
			last = out
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			links, err := s.SessionLinks(ctx, ses.ID)
			if err != nil || !sameLinks(links, want) {
				t.Errorf("%s: links %+v, %v; want %+v", st.name, links, err, want)
			}
			if i := slices.IndexFunc(out, func(x agenda.Block) bool { return x.ID == b.ID }); i < 0 {
				t.Errorf("%s: block %d is gone from %+v", st.name, b.ID, out)
			}
			rs, _ := s.SessionResources(ctx, ses.ID)
			if want := []string{"Bâtir une coalition", "Mettre en Œuvre une campagne", "Récits de lutte"}; !slices.Equal(titles(rs), want) {
				t.Errorf("%s: SessionResources %q, want %q", st.name, titles(rs), want)
			}
		}

		// B removed: its tie goes, the whole-session tie and the catalogue's
		// entry for session 1 stay.
		if _, err := s.SaveSessionBlocks(ctx, ses.ID, withVersionsOf([]agenda.Block{blocks[4]}, last)); err != nil {
			t.Fatal(err)
		}
		if links, err := s.SessionLinks(ctx, ses.ID); err != nil || !sameLinks(links, want[:1]) {
			t.Errorf("after removing B: links %+v, %v; want %+v", links, err, want[:1])
		}
		rs, _ := s.SessionResources(ctx, ses.ID)
		if want := []string{"Mettre en Œuvre une campagne", "Récits de lutte"}; !slices.Equal(titles(rs), want) {
			t.Errorf("after removing B: SessionResources %q, want %q", titles(rs), want)
		}
		// Even an empty agenda keeps the whole-session tie.
		if _, err := s.SaveSessionBlocks(ctx, ses.ID, nil); err != nil {
			t.Fatal(err)
		}
		if links, _ := s.SessionLinks(ctx, ses.ID); !sameLinks(links, want[:1]) {
			t.Errorf("after emptying the agenda: links %+v", links)
		}
	})
}

func sameLinks(a, b []ResourceLink) bool {
	cmp := func(x, y ResourceLink) int {
		if x.ResourceID != y.ResourceID {
			return int(x.ResourceID - y.ResourceID)
		}
		return int(x.BlockID - y.BlockID)
	}
	return slices.Equal(slices.SortedFunc(slices.Values(a), cmp), slices.SortedFunc(slices.Values(b), cmp))
}

// equalResource compares every field; Resource holds slices.
func equalResource(a, b library.Resource) bool {
	return a.ID == b.ID && a.Title == b.Title && a.OriginalTitle == b.OriginalTitle &&
		a.Source == b.Source && a.Author == b.Author && a.Language == b.Language &&
		a.HasFrench == b.HasFrench && a.URL == b.URL && a.Summary == b.Summary &&
		slices.Equal(a.Tags, b.Tags) && slices.Equal(a.Sessions, b.Sessions) &&
		a.Favourite == b.Favourite && a.FilePath == b.FilePath && a.Custom == b.Custom
}

// reindexLibrary rebuilds what recovery and a copy between engines leave
// without search rows, or with rows that say something else.
func TestReindexLibrary(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		seedTest(t, s)
		recits := byTitle(t, s, "Récits de lutte").ID
		// What a copy leaves: one resource without its search row, another
		// whose row holds other words.
		drop, stale := "DELETE FROM resources_fts WHERE rowid = $1",
			"INSERT OR REPLACE INTO resources_fts (rowid, title, summary, author, tags) VALUES ($1, 'fantome', '', '', '')"
		if s.team {
			drop, stale = "DELETE FROM resource_search WHERE resource_id = $1",
				"UPDATE resource_search SET title = 'fantome', summary = '', author = '', tags = '' WHERE resource_id = $1"
		}
		if _, err := s.db.ExecContext(ctx, drop, byTitle(t, s, "Bâtir une coalition").ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, stale, recits); err != nil {
			t.Fatal(err)
		}
		searchRows := "SELECT count(*) FROM resource_search"
		if !s.team {
			// And a row for no resource, which FTS5 cannot refuse
			// (PostgreSQL's foreign key does).
			if _, err := s.db.ExecContext(ctx, "INSERT INTO resources_fts (rowid, title, summary, author, tags) VALUES (9999, 'x', '', '', '')"); err != nil {
				t.Fatal(err)
			}
			searchRows = "SELECT count(*) FROM resources_fts"
		}
		if got := search(t, s, Query{Text: "coalition"}); !slices.Equal(got, []string{"Assemblées de quartier"}) {
			t.Fatalf("before: « coalition » found %q", got)
		}
		if got := search(t, s, Query{Text: "fantome"}); !slices.Equal(got, []string{"Récits de lutte"}) {
			t.Fatalf("before: « fantome » found %q", got)
		}

		if err := s.reindexLibrary(ctx); err != nil {
			t.Fatal(err)
		}
		if got := search(t, s, Query{Text: "coalition"}); !slices.Equal(got, []string{"Bâtir une coalition", "Assemblées de quartier"}) {
			t.Errorf("after: « coalition » found %q", got)
		}
		if got := search(t, s, Query{Text: "fantome"}); len(got) != 0 {
			t.Errorf("after: the stale row still answers « fantome »: %q", got)
		}
		if got := search(t, s, Query{Text: "helene lutte"}); !slices.Equal(got, []string{"Récits de lutte"}) {
			t.Errorf("after: « helene lutte » found %q", got)
		}
		var rows int
		if err := s.db.QueryRowContext(ctx, searchRows).Scan(&rows); err != nil {
			t.Fatal(err)
		}
		if rows != len(testCatalogue()) {
			t.Errorf("%d search rows for %d resources", rows, len(testCatalogue()))
		}
	})
}
