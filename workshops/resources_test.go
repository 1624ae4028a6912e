package workshops

import (
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"atelier/app/domain/library"
)

// minResources is the size the course promises for its library.
const minResources = 45

// minPerSession: each session needs enough resources to pull up live; five is
// the floor, eight leaves room for a facilitator to choose.
const minPerSession = 8

// allowedHosts are the only sites a shipped URL may point to: the three
// sources the course is built on, plus the sites of the few other pages a
// public source confirmed on the day of the check (2026-12-02). Any other
// resource keeps an empty URL rather than an address nobody checked.
var allowedHosts = map[string]bool{
	"commonslibrary.org":        true,
	"blueprintsfc.org":          true,
	"www.momentumcommunity.org": true,
	"momentumcommunity.org":     true,
	// Pages of other resources, each confirmed as listed in verifiedURLs.
	"sunrisemovementla.org":               true,
	"rebeltoolkit.extinctionrebellion.uk": true,
	"patterns-fr.sociocracy30.org":        true,
	"semawe.fr":                           true,
	"www.sociocracyforall.org":            true,
	"cfeditions.com":                      true,
	"actes-sud.fr":                        true,
}

// verifiedURLs are the exact addresses a public source showed to exist on the
// day of the check (2026-12-02): the search result's own address, or a page
// that links to it with that address. Each comment names the evidence; the
// verification log, catalogue-check.md, has one line per entry. A
// plausible-looking path on an allowed host is not enough: the addresses in
// TestUnconfirmedStaysOut were never found.
var verifiedURLs = []string{
	// Home page: 14 guides, the manual, systems thinking, systems mapping,
	// virtual and hybrid meetings.
	"https://blueprintsfc.org/",
	// Guide pages, each naming who prepared it.
	"https://blueprintsfc.org/guide/networked-coalitions/",
	"https://blueprintsfc.org/guide/persuasive-conversation-campaigns/",
	"https://blueprintsfc.org/guide/crowdsourcing-ideas-and-content-from-supporters/",
	// Commons Library pages, as the search results spell them (with or
	// without the final slash).
	"https://commonslibrary.org/how-to-guide-distributed-organizing-2",
	"https://commonslibrary.org/online-organising-working-together-remotely",
	"https://commonslibrary.org/six-building-blocks-of-distributed-organizing-campaigns/",
	"https://commonslibrary.org/coalition-building-start-here/",
	"https://commonslibrary.org/10-great-resources-on-activist-wellbeing",
	// The Theories of Change page by James Whelan is /theories-of-change-2/.
	"https://commonslibrary.org/theories-of-change-2/",
	"https://commonslibrary.org/leading-change-leadership-organization-and-social-movements/",
	"https://commonslibrary.org/bill-moyers-movement-action-plan-and-four-roles-of-activism/",
	// Momentum: the model page; frontloading answers without www; the
	// cohort page is the 2023 training cohort, not /cohort.
	"https://www.momentumcommunity.org/momentum-model",
	"https://momentumcommunity.org/frontloading",
	"https://www.momentumcommunity.org/momentum-training-cohort",
	// Sunrise Los Angeles hub: the Rules for Strategy.
	"https://sunrisemovementla.org/decision-making",
	// XR UK Rebel Toolkit: key terms of the Self-Organising System.
	"https://rebeltoolkit.extinctionrebellion.uk/books/sos-making-it-work-for-you/page/key-terms-in-sos",
	// The French S3 guide, the French Holacracy constitution (Semawe), the
	// official page of « Chaque voix compte » (linked from notes.sklein.xyz).
	"https://patterns-fr.sociocracy30.org/all.html",
	"https://semawe.fr/constitution-holacracy-version-5",
	"https://www.sociocracyforall.org/product/chaque-voix-compte-ebook/",
	// French publishers' pages: C&F éditions (Tufekci), Actes Sud (Klein).
	"https://cfeditions.com/lacrymo/",
	"https://actes-sud.fr/tout-peut-changer",
}

func loadAll(t *testing.T) []library.Resource {
	t.Helper()
	list, err := Resources()
	if err != nil {
		t.Fatalf("Resources() : %v", err)
	}
	return list
}

func TestResourcesLoad(t *testing.T) {
	list := loadAll(t)
	if len(list) < minResources {
		t.Errorf("%d resources, want at least %d", len(list), minResources)
	}
	if got := MustResources(); len(got) != len(list) {
		t.Errorf("MustResources() returned %d resources, Resources() %d", len(got), len(list))
	}
	for _, r := range list {
		if err := r.Validate(); err != nil {
			t.Errorf("%q: Validate() : %v", r.Title, err)
		}
	}
}

// sentenceEnd matches the end of a sentence: terminal punctuation, possibly
// after a closing guillemet, followed by a space or the end of the text.
var sentenceEnd = regexp.MustCompile(`[.!?…](\s|$)`)

func TestResourceFields(t *testing.T) {
	for _, r := range loadAll(t) {
		t.Run(r.Title, func(t *testing.T) {
			if strings.TrimSpace(r.Title) == "" {
				t.Error("empty title")
			}
			if r.Source == "" {
				t.Error("empty source")
			}
			if r.OriginalTitle == "" {
				t.Error("empty original title")
			}
			switch r.Language {
			case "fr":
				if !r.HasFrench {
					t.Error("a resource written in French must have has_french = true")
				}
				if r.OriginalTitle != r.Title {
					t.Errorf("French original: original title %q differs from title", r.OriginalTitle)
				}
			case "en":
				if r.OriginalTitle == r.Title {
					t.Error("English original: the title must be a French rendering, not the original")
				}
			default:
				t.Errorf("language %q, want en or fr", r.Language)
			}

			if r.Summary == "" {
				t.Fatal("empty summary")
			}
			if n := len(sentenceEnd.FindAllString(r.Summary, -1)); n < 2 || n > 4 {
				t.Errorf("summary has %d sentences, want 2 to 4: %q", n, r.Summary)
			}
			if !strings.ContainsAny(r.Summary[len(r.Summary)-1:], ".!?") {
				t.Errorf("summary does not end a sentence: %q", r.Summary)
			}

			if n := len(r.Tags); n < 3 || n > 6 {
				t.Errorf("%d tags, want 3 to 6", n)
			}
			for i, tag := range r.Tags {
				if tag == "" || tag != strings.ToLower(tag) || tag != strings.TrimSpace(tag) {
					t.Errorf("tag %q must be non-empty, trimmed and lower case", tag)
				}
				if slices.Contains(r.Tags[:i], tag) {
					t.Errorf("tag %q repeated", tag)
				}
			}

			if len(r.Sessions) == 0 {
				t.Error("no session")
			}
			for i, s := range r.Sessions {
				if s < 1 || s > 5 {
					t.Errorf("session %d out of 1–5", s)
				}
				if i > 0 && s <= r.Sessions[i-1] {
					t.Errorf("sessions %v must be increasing without repeats", r.Sessions)
				}
			}
		})
	}
}

func TestResourceURLs(t *testing.T) {
	withURL := 0
	for _, r := range loadAll(t) {
		if r.URL == "" {
			continue
		}
		withURL++
		u, err := url.Parse(r.URL)
		if err != nil {
			t.Errorf("%q: URL %q: %v", r.Title, r.URL, err)
			continue
		}
		if u.Scheme != "https" {
			t.Errorf("%q: URL %q is not https", r.Title, r.URL)
		}
		if !allowedHosts[u.Host] {
			t.Errorf("%q: URL %q is on host %q, which is not allowed", r.Title, r.URL, u.Host)
		}
		if !slices.Contains(verifiedURLs, r.URL) {
			t.Errorf("%q: URL %q is not among the verified addresses", r.Title, r.URL)
		}
	}
	if withURL == 0 {
		t.Error("no resource has a URL")
	}
}

// TestVerifiedURLsAreUsed keeps the list of verified addresses honest: each
// one is in the catalogue.
func TestVerifiedURLsAreUsed(t *testing.T) {
	used := map[string]bool{}
	for _, r := range loadAll(t) {
		used[r.URL] = true
	}
	for _, u := range verifiedURLs {
		if !used[u] {
			t.Errorf("verified URL %q is used by no resource", u)
		}
	}
}

func TestEachSessionHasResources(t *testing.T) {
	count := map[int]int{}
	for _, r := range loadAll(t) {
		for _, s := range r.Sessions {
			count[s]++
		}
	}
	for s := 1; s <= 5; s++ {
		if count[s] < minPerSession {
			t.Errorf("session %d has %d resources, want at least %d", s, count[s], minPerSession)
		}
	}
}

func TestNoDuplicateTitles(t *testing.T) {
	// Compare at the primary level: « Élan » and « elan » are the same title
	// for a person searching the library.
	c := collate.New(language.French, collate.Loose)
	list := loadAll(t)
	for i := range list {
		for j := i + 1; j < len(list); j++ {
			if c.CompareString(list[i].Title, list[j].Title) == 0 {
				t.Errorf("duplicate titles %q and %q", list[i].Title, list[j].Title)
			}
		}
	}
	origs := map[string]bool{}
	for _, r := range list {
		if origs[r.OriginalTitle] {
			t.Errorf("duplicate original title %q", r.OriginalTitle)
		}
		origs[r.OriginalTitle] = true
	}
}

func TestResourcesSortedInFrench(t *testing.T) {
	c := collate.New(language.French)
	list := loadAll(t)
	for i := 1; i < len(list); i++ {
		if c.CompareString(list[i-1].Title, list[i].Title) > 0 {
			t.Errorf("%q sorted before %q", list[i-1].Title, list[i].Title)
		}
	}
}

func TestSortByTitleIsFrench(t *testing.T) {
	list := []library.Resource{
		{Title: "Zèbre"}, {Title: "Éducation"}, {Title: "apprendre"}, {Title: "Ecole"}, {Title: "Œuvre"}, {Title: "Fable"},
	}
	sortByTitle(list)
	var got []string
	for _, r := range list {
		got = append(got, r.Title)
	}
	// Byte order would put « Zèbre » before « apprendre » and the accented
	// capitals last.
	want := []string{"apprendre", "Ecole", "Éducation", "Fable", "Œuvre", "Zèbre"}
	if !slices.Equal(got, want) {
		t.Errorf("sortByTitle:\n got %q\nwant %q", got, want)
	}
}

// checkTypography reports the French typography problems of one text
// (french.md): typographic apostrophe, guillemets with non-breaking spaces
// inside, a non-breaking space before the colon and none before ? ! ;, the
// point médian rather than dotted or bracketed inclusive forms.
func checkTypography(s string) []string {
	var p []string
	if strings.Contains(s, "'") {
		p = append(p, "straight apostrophe ' instead of ’")
	}
	if strings.ContainsAny(s, "\"“”") {
		p = append(p, "double quotes instead of « »")
	}
	if strings.Count(s, "«") != strings.Count(s, "»") {
		p = append(p, "unbalanced « »")
	}
	rs := []rune(s)
	for i, r := range rs {
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch r {
		case '«':
			if next != '\u00a0' {
				p = append(p, "« not followed by a non-breaking space")
			}
		case '»':
			if prev != '\u00a0' {
				p = append(p, "» not preceded by a non-breaking space")
			}
		case ':':
			if prev != '\u00a0' {
				p = append(p, "« : » not preceded by a non-breaking space")
			}
		case '?', '!', ';':
			if prev != '\u202f' {
				p = append(p, "«"+nbsp+string(r)+nbsp+"» not preceded by a narrow no-break space (U+202F)")
			}
		case '%':
			if prev != '\u00a0' {
				p = append(p, "% not preceded by a non-breaking space")
			}
		case '\u00a0':
			if !strings.ContainsRune("«»:%", prev) && !strings.ContainsRune("«»:%", next) {
				p = append(p, "non-breaking space outside « », : and %")
			}
		}
	}
	if strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
		p = append(p, "double or surrounding spaces")
	}
	if dottedInclusive.MatchString(s) {
		p = append(p, "dotted inclusive form (militant.e.s): use the point médian")
	}
	if onePointPlural.MatchString(s) {
		p = append(p, "plural with one point médian (militant·es): write militant·e·s")
	}
	if strings.Contains(s, "(s)") || strings.Contains(s, "(e)") {
		p = append(p, "bracketed plural or feminine: write the form out")
	}
	return p
}

var dottedInclusive = regexp.MustCompile(`\p{Ll}\.e(\.?s)?\b`)

// onePointPlural is « militant·es »: the course has one inclusive system,
// « militant·e·s », the plural's s after a point of its own, in the
// sessions, the slides and the catalogue alike.
var onePointPlural = regexp.MustCompile(`·\p{Ll}+s\b`)

func TestResourceTypography(t *testing.T) {
	for _, r := range loadAll(t) {
		fields := map[string]string{"title": r.Title, "summary": r.Summary, "author": r.Author}
		if r.Language == "fr" {
			fields["original title"] = r.OriginalTitle
		}
		for i, tag := range r.Tags {
			fields["tag "+string(rune('1'+i))] = tag
		}
		for name, text := range fields {
			for _, problem := range checkTypography(text) {
				t.Errorf("%q, %s: %s", r.Title, name, problem)
			}
		}
	}
}

func TestCheckTypographyCatchesMistakes(t *testing.T) {
	bad := []string{
		"L'organisation",
		`Le "moment"`,
		"Le « moment »",
		"Définition : le mandat",
		"Pourquoi ?",
		"les militant.e.s",
		"personne(s)",
		"les militant·es",
		"pourquoi?",
		"85 %",
	}
	for _, s := range bad {
		if len(checkTypography(s)) == 0 {
			t.Errorf("checkTypography(%q) found nothing", s)
		}
	}
	good := "L’organisation «\u00a0distribuée\u00a0»\u00a0: 85\u00a0% des militant·e·s, des travailleur·euse·s, pourquoi\u202f?"
	if p := checkTypography(good); len(p) > 0 {
		t.Errorf("checkTypography(%q) = %v, want nothing", good, p)
	}
}

// TestRequiredResources checks that the references the course is built on are
// in the library. The original titles are matched, so a French title can be
// reworded freely.
func TestRequiredResources(t *testing.T) {
	byOriginal := map[string]library.Resource{}
	for _, r := range loadAll(t) {
		byOriginal[r.OriginalTitle] = r
	}
	required := []struct {
		original, source string
	}{
		{"Building Networked Coalitions", "Blueprints for Change"},
		{"Distributed Organizing Guide", "Blueprints for Change"},
		{"Persuasive Conversation Campaigns", "Blueprints for Change"},
		{"How-to: Crowdsourcing Ideas and Content from Supporters", "Blueprints for Change"},
		{"Online Organising: Working Together Remotely", "Blueprints for Change"},
		{"Systems Thinking", "Blueprints for Change"},
		{"Systems Mapping", "Blueprints for Change"},
		{"Virtual and Hybrid Meetings", "Blueprints for Change"},
		{"Six Building Blocks of Distributed Organizing Campaigns", "The Commons Library"},
		{"Organizing: People, Power, Change", ""},
		{"Coalition Building: Start Here", "The Commons Library"},
		{"10 Great Resources on Activist Wellbeing", "The Commons Library"},
		{"Theories of Change", "The Commons Library"},
		{"The Momentum Model", "Momentum"},
		{"Frontloading", "Momentum"},
		{"Momentum Training Cohort", "Momentum"},
		{"The Tyranny of Structurelessness", ""},
		{"Movement Ecology", ""},
		{"The Movement Action Plan", ""},
		{"Rules for Strategy", "Sunrise Movement"},
		{"Self-Organising System (SOS)", ""},
		{"Holacracy Constitution", ""},
		{"Public Narrative, Collective Action, and Power", ""},
		{"Organizing Obama: Campaign, Organization, Movement", ""},
	}
	for _, want := range required {
		r, ok := byOriginal[want.original]
		if !ok {
			t.Errorf("missing resource %q", want.original)
			continue
		}
		if want.source != "" && r.Source != want.source {
			t.Errorf("%q: source %q, want %q", want.original, r.Source, want.source)
		}
	}
	prefixes := []string{
		"This Is an Uprising", "Rules for Revolutionaries", "Connecting to Change the World",
		"Power in Coalition", "Sociocracy 3.0",
	}
	for _, p := range prefixes {
		found := false
		for orig := range byOriginal {
			if strings.HasPrefix(orig, p) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing resource %q…", p)
		}
	}
	if r := byOriginal["The Tyranny of Structurelessness"]; !r.HasFrench {
		t.Error("Freeman’s text has French translations: has_french must be true")
	}
}

const goodEntry = `
[[resource]]
title = "Un titre"
original_title = "A Title"
source = "Momentum"
author = ""
language = "en"
has_french = false
url = ""
summary = "Une phrase. Une autre."
tags = ["a", "b", "c"]
sessions = [1]
`

func TestLoadResourcesRejectsBadData(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string // pieces the French error must contain
	}{
		{"empty", "", []string{"resources.toml", "aucune ressource"}},
		{"not TOML", "[[resource]\ntitle = ", []string{"resources.toml", "TOML valide"}},
		{"wrong type", strings.Replace(goodEntry, "sessions = [1]", `sessions = "1"`, 1), []string{"TOML valide"}},
		{"unknown key in an entry", goodEntry + strings.Replace(goodEntry, `title = "Un titre"`, "title = \"Deuxième\"\nauteur = \"X\"", 1),
			[]string{"ressource n°\u00a02", "«\u00a0Deuxième\u00a0»", "clés inconnues", "auteur"}},
		{"unknown top-level key", "version = 2\n" + goodEntry, []string{"clés inconnues", "version"}},
		{"invalid entry", strings.Replace(goodEntry, "sessions = [1]", "sessions = [6]", 1),
			[]string{"ressource n°\u00a01", "«\u00a0Un titre\u00a0»", "séance 6"}},
		{"no source", strings.Replace(goodEntry, `source = "Momentum"`, `source = " "`, 1), []string{"n’a pas de source"}},
		{"duplicate title", goodEntry + goodEntry, []string{"ressource n°\u00a02", "ressource n°\u00a01"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			list, err := loadResources(tc.data)
			if err == nil {
				t.Fatalf("no error, got %d resources", len(list))
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("error %T is not a *FileError", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadResourcesTrimsAndSorts(t *testing.T) {
	data := strings.Replace(goodEntry, `title = "Un titre"`, `title = "  Zèbre  "`, 1) +
		strings.Replace(goodEntry, `title = "Un titre"`, `title = "Éducation"`, 1)
	list, err := loadResources(data)
	if err != nil {
		t.Fatalf("loadResources : %v", err)
	}
	if len(list) != 2 || list[0].Title != "Éducation" || list[1].Title != "Zèbre" {
		t.Errorf("got %+v", list)
	}
}

// minFrench is the floor of French-language resources: the course is given in
// French in Québec, and a library of English books only would leave most of
// its participants without something to read.
const minFrench = 10

func TestFrenchResources(t *testing.T) {
	var french []string
	for _, r := range loadAll(t) {
		if r.Language == "fr" {
			french = append(french, r.Title)
		}
	}
	if len(french) < minFrench {
		t.Errorf("%d resources in French (%q), want at least %d", len(french), french, minFrench)
	}
}

// TestCheckedFacts pins the facts a reviewer found wrong and the check of
// 2026-12-02 corrected against public sources (see catalogue-check.md), so
// that an edit cannot quietly bring the old errors back.
func TestCheckedFacts(t *testing.T) {
	byOriginal := map[string]library.Resource{}
	for _, r := range loadAll(t) {
		byOriginal[r.OriginalTitle] = r
	}
	tests := []struct {
		original string
		check    func(library.Resource) string // what is wrong, or ""
	}{
		// The page is written by the library; it credits Tattersall's work.
		{"Coalition Building: Start Here", func(r library.Resource) string {
			if strings.Contains(r.Author, "Tattersall") {
				return "author " + r.Author + ": the library wrote the page, Tattersall's work is only credited"
			}
			return ""
		}},
		// Adapted from Ganz by Canadian organisations, not written by him.
		{"Organizing: People, Power, Change", func(r library.Resource) string {
			if r.Author == "" || r.Author == "Marshall Ganz" {
				return "author " + r.Author + ": the guide was adapted from Ganz's work by others"
			}
			return ""
		}},
		// Official French editions: has_french and the edition's own title.
		{"Many Voices One Song: Shared Power with Sociocracy", func(r library.Resource) string {
			if !r.HasFrench || r.Title != "Chaque voix compte" {
				return "its French edition is « Chaque voix compte »"
			}
			return ""
		}},
		{"Sociocracy 3.0 – A Practical Guide", func(r library.Resource) string {
			if !r.HasFrench || !strings.HasPrefix(r.Title, "Sociocratie 3.0 – Un guide pratique") {
				return "its French edition is « Sociocratie 3.0 – Un guide pratique… »"
			}
			return ""
		}},
	}
	for _, tc := range tests {
		r, ok := byOriginal[tc.original]
		if !ok {
			t.Errorf("missing resource %q", tc.original)
			continue
		}
		if problem := tc.check(r); problem != "" {
			t.Errorf("%q: %s", tc.original, problem)
		}
	}
}

// TestUnconfirmedStaysOut: what no public source confirmed on the day of the
// check is not shipped — neither the two texts whose existence could not be
// confirmed, nor the addresses that were never found.
func TestUnconfirmedStaysOut(t *testing.T) {
	unconfirmedTitles := []string{"How to Structure Teams for Organising", "Rebels and Reformers Unite"}
	unconfirmedURLs := []string{
		"https://www.momentumcommunity.org/cohort",
		"https://commonslibrary.org/theories-of-change/",
		"https://commonslibrary.org/organizing-people-power-change/",
		"https://commonslibrary.org/how-to-crowdsourcing-ideas-and-content-from-supporters/",
	}
	for _, r := range loadAll(t) {
		if slices.Contains(unconfirmedTitles, r.OriginalTitle) {
			t.Errorf("%q is in the catalogue, but no public source confirmed it exists", r.OriginalTitle)
		}
		if slices.Contains(unconfirmedURLs, r.URL) {
			t.Errorf("%q: URL %q was never found", r.Title, r.URL)
		}
	}
}

// commentBreak is the end of one header line and the « # » of the next.
var commentBreak = regexp.MustCompile(`[ \t]*\n#[ \t]*`)

// TestHeaderSaysWhatVerifiedMeans: the header is what a facilitator reads
// before trusting a URL, so it must say what was checked, when, and what an
// empty url means.
func TestHeaderSaysWhatVerifiedMeans(t *testing.T) {
	end := strings.Index(resourcesTOML, "\n[[resource]]")
	if end < 0 {
		t.Fatal("no [[resource]] in the catalogue")
	}
	// Join the comment lines; only ASCII blanks are folded, so that the
	// no-break spaces the wording needs are still checked.
	header := commentBreak.ReplaceAllString(resourcesTOML[:end], " ")
	for _, want := range []string{
		"«\u00a0vérifié\u00a0»",
		"source publique",
		"2 décembre 2026",
		"2026-12-02",
		"«\u00a0adresse non confirmée\u00a0»",
	} {
		if !strings.Contains(header, want) {
			t.Errorf("the header of resources.toml does not say %q", want)
		}
	}
	if strings.Contains(header, "aucune espace avant le point d’interrogation") {
		t.Error("the header still contradicts the typography rule (U+202F before ; ? !)")
	}
}
