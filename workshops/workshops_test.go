package workshops

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
)

const nbsp = "\u00a0"

// officialTitles are copied by hand from the brief, character for character:
// the test must not read them from the data it checks. The plans hold them
// typeset (typeset), as docs/french.md asks of the titles too.
var officialTitles = []struct {
	number int
	title  string
}{
	{1, "Comment les mouvements décentralisés réussissent-ils ? Introduction à la stratégie."},
	{2, "Comment structurer un mouvement décentralisé ? Principes d'organisation distribuée."},
	{3, "Définir ses structures et processus : Atelier sur la création d'une structure décentralisée."},
	{4, "Travailler ensemble sans s'épuiser : Meilleures pratiques de travail en coalition agile."},
	{5, "S'unir pour changer le système : La logique stratégique de la convergence des luttes."},
}

func TestPlansAreFiveNumberedInOrder(t *testing.T) {
	plans, err := Plans()
	if err != nil {
		t.Fatalf("Plans() : %v", err)
	}
	if len(plans) != course.SessionCount {
		t.Fatalf("%d plans, want %d", len(plans), course.SessionCount)
	}
	for i, p := range plans {
		if p.Number != i+1 {
			t.Errorf("plans[%d].Number = %d, want %d", i, p.Number, i+1)
		}
	}
	if got := MustPlans(); len(got) != course.SessionCount {
		t.Errorf("MustPlans() returned %d plans", len(got))
	}
}

func TestEachSession(t *testing.T) {
	plans := byNumber(t)
	for _, tc := range officialTitles {
		t.Run(fmt.Sprintf("séance %d", tc.number), func(t *testing.T) {
			p, ok := plans[tc.number]
			if !ok {
				t.Fatalf("no plan numbered %d", tc.number)
			}
			if want := typeset(tc.title); p.Title != want {
				t.Errorf("title\n got %q\nwant %q", p.Title, want)
			}
			if err := p.Validate(); err != nil {
				t.Errorf("Validate() : %v", err)
			}
			if total := agenda.Total(p.Blocks); total != agenda.SessionMinutes {
				t.Errorf("blocks sum to %d min, want %d", total, agenda.SessionMinutes)
			}
			if n := utf8.RuneCountInString(p.ShortTitle); n == 0 || n > 40 {
				t.Errorf("short title %q has %d characters, want 1 to 40", p.ShortTitle, n)
			}
			checkCount(t, "objectives", len(p.Objectives), 4, 5)
			checkCount(t, "concepts", len(p.Concepts), 5, 7)
			checkCount(t, "blocks", len(p.Blocks), 7, 10)
			checkCount(t, "handout exercises", len(p.Handout.Exercises), 2, 3)
			for _, e := range p.Handout.Exercises {
				checkCount(t, "questions of «"+nbsp+e.Title+nbsp+"»", len(e.Questions), 2, 4)
			}

			practice := false
			for i, b := range p.Blocks {
				if !b.Kind.Valid() {
					t.Errorf("block %d «%s%s%s» has unknown kind %q", i+1, nbsp, b.Title, nbsp, b.Kind)
				}
				if b.Facilitator != "" {
					t.Errorf("block %d «%s%s%s» names a facilitator; the data leaves it to the team", i+1, nbsp, b.Title, nbsp)
				}
				if b.Kind == agenda.Exercice || b.Kind == agenda.SousGroupes {
					practice = true
				}
			}
			if !practice {
				t.Error("no exercice or sous-groupes block")
			}
			if len(p.Blocks) > 0 {
				if k := p.Blocks[0].Kind; k != agenda.Accueil {
					t.Errorf("first block is %q, want %q", k, agenda.Accueil)
				}
				if k := p.Blocks[len(p.Blocks)-1].Kind; k != agenda.Bilan {
					t.Errorf("last block is %q, want %q", k, agenda.Bilan)
				}
			}
		})
	}
}

// Session 3 is the structure-design workshop run on the canvas: its agenda
// must walk the groups through designing, writing mandates and choosing how
// to decide, from the real-movement templates.
func TestSession3IsTheStructureWorkshop(t *testing.T) {
	p := byNumber(t)[3]
	var agendaText strings.Builder
	canvasInBreakout := 0
	for _, b := range p.Blocks {
		text := strings.ToLower(b.Title + "\n" + b.Notes + "\n" + b.Materials)
		agendaText.WriteString(text + "\n")
		if b.Kind == agenda.SousGroupes && strings.Contains(text, "canevas") {
			canvasInBreakout++
		}
	}
	all := agendaText.String()
	for _, want := range []string{
		"canevas", "atelier structure", // the app's canvas
		"raison d’être", "redevabilités", "domaine", // the mandate
		"méthode de décision", "consentement", "processus de sollicitation d’avis",
		"xr", "lien double", "flocon", "sunrise", "coalition en étoile", // the templates
		"présente",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("session 3 agenda never mentions %q", want)
		}
	}
	if canvasInBreakout < 2 {
		t.Errorf("%d sous-groupes blocks use the canvas, want at least 2 (design, then mandates)", canvasInBreakout)
	}
}

func TestProseTypography(t *testing.T) {
	for _, p := range byNumber(t) {
		for _, f := range proseFields(p) {
			text := f.text
			for _, problem := range typographyProblems(text) {
				t.Errorf("séance %d, %s : %s\n\t%s", p.Number, f.where, problem, f.text)
			}
		}
	}
}

// The checker must itself be able to fail, or TestProseTypography proves nothing.
func TestTypographyProblems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		bad  bool
	}{
		{"correct prose", "L’équipe dit «" + nbsp + "bonjour" + nbsp + "»" + nbsp + ": 90" + nbsp + "min, 85" + nbsp + "%, 18" + nbsp + "h" + nbsp + "30. Prête\u202f? Oui\u202f; partons\u202f!", false},
		{"ASCII apostrophe", "L'équipe", true},
		{"straight double quotes", `il dit "bonjour"`, true},
		{"plain space after «", "«" + " bonjour" + nbsp + "»", true},
		{"no space before »", "«" + nbsp + "bonjour»", true},
		{"plain space before colon", "Consigne : lire", true},
		{"no space before colon", "Consigne: lire", true},
		{"no-break space before question mark", "Prête" + nbsp + "?", true},
		{"no space before question mark", "Prête?", true},
		{"plain space before semicolon", "diapos 1 à 3 ; liste", true},
		{"plain space in duration", "pendant 90 min", true},
		{"plain space in percentage", "85 %", true},
		{"plain space in time of day", "à 18" + nbsp + "h 30", true},
		{"unbalanced guillemets", "«" + nbsp + "ouvert", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := typographyProblems(tc.in)
			if bad := len(got) > 0; bad != tc.bad {
				t.Errorf("typographyProblems(%q) = %q, want problems: %v", tc.in, got, tc.bad)
			}
		})
	}
}

// A broken file must be refused with an error that names it.
func TestLoadReportsTheFaultyFile(t *testing.T) {
	tests := []struct {
		name     string
		file     string // the file to alter or remove
		old, new string // replace the first old by new; old == "" removes the file
		want     string // in the error text
	}{
		{"TOML syntax", "seance-2.toml", "number = 2", "number = = 2", "TOML valide"},
		{"misspelt key", "seance-1.toml", "short_title =", "shorttitle =", "shorttitle"},
		{"unknown block kind", "seance-4.toml", `kind = "pause"`, `kind = "break"`, "break"},
		{"agenda shorter than 90 min", "seance-1.toml", "minutes = 10", "minutes = 5", "85"},
		{"empty official title", "seance-5.toml", `title = "S’unir`, `title = "" #`, "titre officiel"},
		{"number not matching the file name", "seance-3.toml", "number = 3", "number = 4", "seance-4.toml"},
		{"missing file", "seance-3.toml", "", "", "seance-3.toml"},
		{"exercise cited but not in the handout", "seance-2.toml", "document de la séance, exercice 2", "document de la séance, exercice 4", "cite l’exercice 4"},
		{"handout exercise no block cites", "seance-3.toml", "liste des méthodes de décision\u202f; document de la séance, exercice 3", "liste des méthodes de décision", "n’est cité par aucun bloc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plans, err := load(brokenCopy(t, tc.file, tc.old, tc.new))
			if err == nil {
				t.Fatalf("load accepted the broken set and returned %d plans", len(plans))
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.file) || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q should name %s and mention %q", msg, tc.file, tc.want)
			}
			var fe *FileError
			if tc.old != "" && (!errors.As(err, &fe) || fe.File != tc.file) {
				t.Errorf("error %v is not a *FileError for %s", err, tc.file)
			}
		})
	}
	if _, err := load(embeddedCopy(t)); err != nil {
		t.Errorf("the unaltered copy must load: %v", err)
	}
}

func byNumber(t *testing.T) map[int]course.Plan {
	t.Helper()
	plans, err := Plans()
	if err != nil {
		t.Fatalf("Plans() : %v", err)
	}
	m := make(map[int]course.Plan, len(plans))
	for _, p := range plans {
		m[p.Number] = p
	}
	return m
}

func checkCount(t *testing.T, what string, n, lo, hi int) {
	t.Helper()
	if n < lo || n > hi {
		t.Errorf("%d %s, want %d to %d", n, what, lo, hi)
	}
}

func embeddedCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	names, err := fs.Glob(files, pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, companion := range []string{"diapos-*.toml", "guide-*.toml"} {
		more, err := fs.Glob(files, companion)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, more...)
	}
	m := fstest.MapFS{}
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	return m
}

// brokenCopy is embeddedCopy with old replaced by new in file, or without
// file when old is empty.
func brokenCopy(t *testing.T, file, old, new string) fstest.MapFS {
	t.Helper()
	fsys := embeddedCopy(t)
	if old == "" {
		delete(fsys, file)
		return fsys
	}
	data := string(fsys[file].Data)
	if !strings.Contains(data, old) {
		t.Fatalf("%s does not contain %q: fix the test", file, old)
	}
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
	return fsys
}

type field struct{ where, text string }

// typeset is a title of the brief as the app prints it: the typographic
// apostrophe, a narrow no-break space before « ? », a no-break space before
// « : » (docs/french.md).
func typeset(title string) string {
	return strings.NewReplacer("'", "’", " ?", "\u202f?", " :", "\u00a0:").Replace(title)
}

// proseFields lists every text a person reads: the official title, the
// plan, the handout, the slides and the team's guide.
func proseFields(p course.Plan) []field {
	out := []field{{"titre", p.Title}, {"titre court", p.ShortTitle}, {"résumé", p.Summary}}
	for i, s := range p.Slides {
		where := fmt.Sprintf("diapo %d", i+1)
		out = append(out, field{where + ", titre", s.Title}, field{where + ", notes", s.Notes},
			field{where + ", citation", s.Quote}, field{where + ", source", s.QuoteSource})
		for j, l := range s.Lines {
			out = append(out, field{fmt.Sprintf("%s, ligne %d", where, j+1), l})
		}
	}
	for i, o := range p.Objectives {
		out = append(out, field{fmt.Sprintf("objectif %d", i+1), o})
	}
	for i, c := range p.Concepts {
		out = append(out, field{fmt.Sprintf("concept %d", i+1), c.Term}, field{fmt.Sprintf("concept %d, définition", i+1), c.Definition})
	}
	for i, b := range p.Blocks {
		where := fmt.Sprintf("bloc %d", i+1)
		out = append(out, field{where + ", titre", b.Title}, field{where + ", notes", b.Notes}, field{where + ", matériel", b.Materials})
	}
	out = append(out, field{"document, introduction", p.Handout.Introduction}, field{"document, à retenir", p.Handout.TakeAway})
	for i, c := range p.Handout.Cases {
		where := "fiche de cas " + course.CaseLetter(i)
		out = append(out, field{where + ", titre", c.Title}, field{where + ", texte", c.Text})
	}
	for i, e := range p.Handout.Exercises {
		where := fmt.Sprintf("exercice %d", i+1)
		out = append(out, field{where + ", titre", e.Title}, field{where + ", consigne", e.Instructions})
		for j, q := range e.Questions {
			out = append(out, field{fmt.Sprintf("%s, question %d", where, j+1), q})
		}
	}
	return append(out, guideFields(p.Guide)...)
}

var plainSpaceBeforeUnit = regexp.MustCompile(`\d[ \t]+(min\b|h\b|s\b|%)|\d\x{a0}h[ \t]\d`)

// typographyProblems applies the conventions of docs/french.md chosen for the
// curriculum: ’ for apostrophes, « » with non-breaking spaces inside, a
// non-breaking space before «:», none before ? ! ; (Québec usage), and
// non-breaking spaces inside durations, times and percentages.
func typographyProblems(s string) []string {
	var out []string
	// A name written with its own punctuation stays as its owners write it.
	s = strings.ReplaceAll(s, "GetUp!", "GetUp")
	if strings.Contains(s, "'") {
		out = append(out, "apostrophe droite ' au lieu de ’")
	}
	if strings.Contains(s, `"`) {
		out = append(out, "guillemet droit \" au lieu de « »")
	}
	if strings.Count(s, "«") != strings.Count(s, "»") {
		out = append(out, "guillemets « » non appariés")
	}
	runes := []rune(s)
	for i, r := range runes {
		var prev, next rune
		if i > 0 {
			prev = runes[i-1]
		}
		if i+1 < len(runes) {
			next = runes[i+1]
		}
		switch {
		case r == '«' && next != '\u00a0':
			out = append(out, "« non suivi d’une espace insécable")
		case r == '»' && prev != '\u00a0':
			out = append(out, "» non précédé d’une espace insécable")
		case r == ':' && prev != '\u00a0':
			out = append(out, "deux-points non précédé d’une espace insécable")
		case (r == '?' || r == '!' || r == ';') && prev != '\u202f':
			out = append(out, fmt.Sprintf("%c non précédé d’une espace fine insécable (U+202F)", r))
		}
	}
	if m := onePointPlural.FindString(s); m != "" {
		out = append(out, fmt.Sprintf("pluriel à un seul point médian %q : écrire ·e·s", m))
	}
	if m := plainSpaceBeforeUnit.FindString(s); m != "" {
		out = append(out, fmt.Sprintf("espace ordinaire dans %q : utiliser une espace insécable", m))
	}
	return out
}

// The course, its slides and the canvas say the same thing with the same
// words: the canvas's names for its links and decision methods.
func TestOneVocabulary(t *testing.T) {
	old := []string{"double lien", "processus de conseil", "élection par consentement", "au verso", "à mi-temps", "dédié"}
	for _, p := range byNumber(t) {
		for _, f := range proseFields(p) {
			low := strings.ToLower(f.text)
			for _, w := range old {
				if strings.Contains(low, w) {
					t.Errorf("séance %d, %s : « %s »\n\t%s", p.Number, f.where, w, f.text)
				}
			}
		}
	}
}

// Each block sends the participants to the handout exercise that fits its
// work, by the exercise's number; the pairs are copied by hand from the
// agenda's design so that a renumbered handout is caught.
func TestBlocksCiteTheirExercise(t *testing.T) {
	want := map[int]map[string]string{
		1: {"Un mouvement qui nous inspire": "Un mouvement qui m’inspire", "Notre ADN en quatre volets": "L’ADN de mon groupe",
			"Bilan et suite": "Se préparer au tourbillon"},
		2: {"Quand personne ne décide, qui décide ?": "Rendre visible le pouvoir caché",
			"Le leadership partagé selon Marshall Ganz": "Mon récit public", "Dessiner notre flocon": "Le flocon de mon groupe"},
		3: {"Concevoir la structure sur le canevas": "Dessiner notre structure", "Rédiger les mandats": "Rédiger un mandat",
			"Choisir les méthodes de décision": "Choisir comment décider"},
		4: {"Diagnostic d’une coalition": "Diagnostic de coalition", "Notre entente de travail": "Notre entente de travail",
			"Bilan et engagement personnel": "Ma charge militante"},
		5: {"Cartographier le système": "Carte du système", "Notre plan de convergence": "Mon plan de convergence",
			"Rebelles, réformistes et écologie des mouvements": "Mon rôle dans l’écologie des mouvements"},
	}
	for n, p := range byNumber(t) {
		got := map[string]string{}
		for i, b := range p.Blocks {
			for _, k := range p.BlockExercises(i) {
				if k < 1 || k > len(p.Handout.Exercises) {
					t.Errorf("séance %d, «%s%s%s» cites exercise %d of %d", n, nbsp, b.Title, nbsp, k, len(p.Handout.Exercises))
					continue
				}
				if got[b.Title] != "" {
					t.Errorf("séance %d, «%s%s%s» cites two exercises", n, nbsp, b.Title, nbsp)
				}
				got[b.Title] = p.Handout.Exercises[k-1].Title
			}
		}
		typesetWant := map[string]string{}
		for block, ex := range want[n] {
			typesetWant[typeset(block)] = ex
		}
		if !maps.Equal(got, typesetWant) {
			t.Errorf("séance %d: blocks cite\n\t%v\nwant\n\t%v", n, got, typesetWant)
		}
	}
}

// The rooms of session 2 read their Sunrise case in the handout, not in
// the facilitators' notes, which only say which room takes which sheet.
func TestSession2CasesAreInTheHandout(t *testing.T) {
	p := byNumber(t)[2]
	situations := []string{"bureau de circonscription", "balado", "depuis un mois"}
	if len(p.Handout.Cases) != len(situations) {
		t.Fatalf("%d case sheets, want %d", len(p.Handout.Cases), len(situations))
	}
	for i, s := range situations {
		c := p.Handout.Cases[i]
		if !strings.Contains(c.Text, s) || !strings.Contains(c.Text, "règle des trois personnes") {
			t.Errorf("fiche %s «%s%s%s» lacks %q or the rules", course.CaseLetter(i), nbsp, c.Title, nbsp, s)
		}
		for _, b := range p.Blocks {
			if strings.Contains(b.Notes, s) {
				t.Errorf("block «%s%s%s» still holds the case %q in its notes", nbsp, b.Title, nbsp, s)
			}
		}
	}
	var rooms string
	for _, b := range p.Blocks {
		if b.Title == "Les règles des pôles face à des cas concrets" {
			rooms = b.Notes
		}
	}
	for _, want := range []string{"salle 1 fiche A", "salle 2 fiche B", "salle 3 fiche C", "salle 6 fiche C"} {
		if !strings.Contains(rooms, want) {
			t.Errorf("the Sunrise block does not say %q", want)
		}
	}
}

// maxRooms is the most breakout groups a default cohort makes: 25 seats in
// groups of 4 or 5 give 5 or 6 rooms. A timing that counts rooms must hold
// for the most.
const maxRooms = 6

// A block's timing line, the last sentence of its notes:
// « Minutage : 1 min pour ouvrir les salles + 12 min en salle + … = 15 min. »
var (
	minutageLine = regexp.MustCompile(`Minutage\x{a0}: (.+?) = (\d+)\x{a0}min\.`)
	// One term: an optional count (« 6 salles × »), then a duration,
	// « 1 min », « 1 min 30 » or « 45 s ».
	minutageTerm = regexp.MustCompile(`^(?:(\d+) ([^×+]+?) × )?(\d+)\x{a0}(min|s)(?:\x{a0}(\d+)\b)?`)
	// Notes that pace a block per slide, per person or per room do
	// arithmetic, and must show it.
	perUnitTiming = regexp.MustCompile(`(?i)par diapo|(chacune|chaque (salle|sous-groupe))[^.]*\d\x{a0}(min|s)\b`)
)

type minutage struct {
	seconds, total int
	terms          []string
	rooms, slides  int // the largest room count a term multiplies by; the slides counted
}

func parseMinutage(notes string) (minutage, bool, error) {
	m := minutageLine.FindStringSubmatch(notes)
	if m == nil {
		return minutage{}, false, nil
	}
	var out minutage
	out.total, _ = strconv.Atoi(m[2])
	for term := range strings.SplitSeq(m[1], " + ") {
		out.terms = append(out.terms, term)
		t := minutageTerm.FindStringSubmatch(term)
		if t == nil {
			return out, true, fmt.Errorf("term %q has no duration", term)
		}
		count := 1
		if t[1] != "" {
			count, _ = strconv.Atoi(t[1])
		}
		n, _ := strconv.Atoi(t[3])
		secs := n
		if t[4] == "min" {
			secs = 60 * n
		}
		if t[5] != "" {
			extra, _ := strconv.Atoi(t[5])
			secs += extra
		}
		out.seconds += count * secs
		switch noun := t[2]; {
		case strings.HasPrefix(noun, "salle") || strings.HasPrefix(noun, "sous-groupe"):
			out.rooms = max(out.rooms, count)
		case strings.HasPrefix(noun, "diapo"):
			out.slides += count
		case noun == "" && strings.Contains(term, "diapo"):
			out.slides++
		}
	}
	return out, true, nil
}

// The timings hold for a 25-seat cohort: every block that opens breakout
// rooms, or paces itself per slide, person or room, ends its notes with a
// minutage whose terms add up to the block's minutes, counts the minute it
// takes to open the rooms and the one to close them, counts rooms as the
// largest cohort makes them, and counts the slides the block cites.
func TestTimingsAddUp(t *testing.T) {
	for _, p := range byNumber(t) {
		for i, b := range p.Blocks {
			where := fmt.Sprintf("séance %d, «%s%s%s»", p.Number, nbsp, b.Title, nbsp)
			rooms := strings.Contains(strings.ToLower(b.Materials), "salles de sous-groupes")
			mt, ok, err := parseMinutage(b.Notes)
			switch {
			case err != nil:
				t.Errorf("%s: %v", where, err)
				continue
			case !ok && (rooms || perUnitTiming.MatchString(b.Notes)):
				t.Errorf("%s times its work per room, person or slide, or opens rooms, but has no minutage", where)
				continue
			case !ok:
				continue
			}
			if mt.total != b.Minutes || mt.seconds != 60*b.Minutes {
				t.Errorf("%s: the minutage adds up to %d s and says %d min; the block lasts %d min", where, mt.seconds, mt.total, b.Minutes)
			}
			all := strings.Join(mt.terms, " + ")
			keptOpen := strings.Contains(b.Notes, "restent ouvertes")
			openedBefore := i > 0 && strings.Contains(p.Blocks[i-1].Notes, "restent ouvertes")
			if rooms && !openedBefore && !strings.Contains(all, "ouvrir les salles") {
				t.Errorf("%s: the minutage has no time to open the rooms: %s", where, all)
			}
			if rooms && !keptOpen && !strings.Contains(all, "fermer les salles") {
				t.Errorf("%s: the minutage has no time to close the rooms: %s", where, all)
			}
			if mt.rooms != 0 && mt.rooms < maxRooms {
				t.Errorf("%s: the minutage counts %d rooms; a cohort of 25 makes up to %d", where, mt.rooms, maxRooms)
			}
			if cited := len(p.BlockSlides(i)); mt.slides != 0 && mt.slides != cited {
				t.Errorf("%s: the minutage counts %d slides; the block cites %d", where, mt.slides, cited)
			}
		}
	}
}

// The minutage reader must itself be able to refuse, or TestTimingsAddUp
// proves nothing.
func TestParseMinutage(t *testing.T) {
	tests := []struct {
		notes          string
		seconds, total int
		rooms, slides  int
		bad            bool
	}{
		{"Faire. Minutage\u00a0: 1\u00a0min pour ouvrir les salles + 12\u00a0min en salle + 1\u00a0min pour fermer les salles = 14\u00a0min.", 840, 14, 0, 0, false},
		{"Minutage\u00a0: 6 salles × 45\u00a0s + 3\u00a0min\u00a030 pour la relance = 8\u00a0min.", 480, 8, 6, 0, false},
		{"Minutage\u00a0: 7 diapos d’idées × 1\u00a0min\u00a030 + 1\u00a0min\u00a030 sur la dernière diapo = 12\u00a0min.", 720, 12, 0, 8, false},
		{"Minutage\u00a0: 4 sous-groupes × 3\u00a0min = 12\u00a0min.", 720, 12, 4, 0, false},
		{"Minutage\u00a0: le temps qu’il faut + 2\u00a0min = 10\u00a0min.", 0, 10, 0, 0, true},
	}
	for _, tt := range tests {
		got, ok, err := parseMinutage(tt.notes)
		if !ok || (err != nil) != tt.bad {
			t.Errorf("parseMinutage(%q): ok %v, err %v", tt.notes, ok, err)
			continue
		}
		if !tt.bad && (got.seconds != tt.seconds || got.total != tt.total || got.rooms != tt.rooms || got.slides != tt.slides) {
			t.Errorf("parseMinutage(%q) = %+v", tt.notes, got)
		}
	}
	if _, ok, _ := parseMinutage("Rythme conseillé : 1 min 30 par diapo."); ok {
		t.Error("notes without a minutage read as one")
	}
}

// Session 4 asks for the example of a Québec coalition: it gives one, the
// CLASSE of the 2012 student strike, in the talk that asks, on a slide and
// on a case sheet the rooms can take.
func TestSession4GivesAQuebecCoalition(t *testing.T) {
	p := byNumber(t)[4]
	for i, b := range p.Blocks {
		if !strings.Contains(b.Notes, "québécoise") {
			continue
		}
		if !strings.Contains(b.Notes, "CLASSE") {
			t.Errorf("«%s%s%s» asks for a Québec coalition and gives none", nbsp, b.Title, nbsp)
		}
		onSlide := false
		for _, n := range p.BlockSlides(i) {
			onSlide = onSlide || strings.Contains(p.Slides[n-1].Title, "CLASSE")
		}
		if !onSlide {
			t.Errorf("«%s%s%s» has no slide on the CLASSE", nbsp, b.Title, nbsp)
		}
	}
	var sheet string
	for _, c := range p.Handout.Cases {
		if strings.Contains(c.Title, "CLASSE") {
			sheet = c.Text
		}
	}
	for _, fact := range []string{"printemps érable", "Coalition large de l’Association pour une solidarité syndicale étudiante",
		"3 décembre 2011", "Cégep de Valleyfield", "voix égale", "porte-parole", "la FECQ et la FEUQ", "dissoute"} {
		if !strings.Contains(sheet, typeset(fact)) {
			t.Errorf("the CLASSE case sheet lacks %q", fact)
		}
	}
}

// The sessions are online: nothing is asked on paper without an online way
// to do it, the camera is never expected, and the English « frontloading »
// is always marked as a borrowed word and explained in French.
func TestOnlineWording(t *testing.T) {
	for _, p := range byNumber(t) {
		explained := false
		for _, f := range proseFields(p) {
			low := strings.ToLower(f.text)
			if (strings.Contains(low, "papier") || strings.Contains(low, "feuille")) && !strings.Contains(low, "document partagé") {
				t.Errorf("séance %d, %s: paper without the shared document\n\t%s", p.Number, f.where, f.text)
			}
			for _, w := range []string{"caméra allumée", "caméra si possible", "à la caméra"} {
				if strings.Contains(low, w) && !strings.Contains(low, "facultative") && !strings.Contains(low, "de vive voix") {
					t.Errorf("séance %d, %s: « %s » while the camera is optional\n\t%s", p.Number, f.where, w, f.text)
				}
			}
			if strings.Contains(low, "frontloading") && !strings.Contains(low, "«"+nbsp+"frontloading"+nbsp+"»") {
				t.Errorf("séance %d, %s: frontloading not marked as a borrowed word\n\t%s", p.Number, f.where, f.text)
			}
			explained = explained || strings.Contains(low, "frontloading") && strings.Contains(low, "en amont")
		}
		if p.Number == 1 && !explained {
			t.Error("séance 1 never explains « frontloading » in French")
		}
	}
}

// Session 1's welcome sets the rules of an online room: the camera is
// optional, nobody records without everyone's consent, captions are on,
// and the course's tools carry nothing that could put someone at risk.
func TestSession1SetsTheOnlineRules(t *testing.T) {
	p := byNumber(t)[1]
	welcome := p.Blocks[0]
	text := welcome.Notes
	for _, n := range p.BlockSlides(0) {
		s := p.Slides[n-1]
		text += "\n" + s.Title + "\n" + strings.Join(s.Lines, "\n")
	}
	for _, want := range []string{"caméra est facultative", "Caméra facultative", "aucun enregistrement sans l’accord de toutes les personnes présentes",
		"Aucun enregistrement sans l’accord", "sous-titres", "adresse personnelle", "plan d’action", "servent seulement au travail de la formation"} {
		if !strings.Contains(text, want) {
			t.Errorf("the welcome of session 1 (notes and slides) does not say %q", want)
		}
	}
}
