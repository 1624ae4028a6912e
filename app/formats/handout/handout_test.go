package handout

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"atelier/app/domain/course"
	"atelier/app/domain/library"
	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
	"atelier/app/formats/pdfdoc"
	"atelier/workshops"
)

var created = time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)

func fixture(t testing.TB) (course.Cohort, []course.Plan) {
	t.Helper()
	plans := workshops.MustPlans()
	c, err := course.NewCohort("Cohorte automne 2026", plans, time.Date(2026, 11, 4, 18, 30, 0, 0, time.UTC), "America/Toronto")
	if err != nil {
		t.Fatal(err)
	}
	c.ID = 7
	for i := range c.Sessions {
		c.Sessions[i].ID = int64(100 + i)
	}
	c.Facilitators = []string{"Camille Roy", "Noé Tremblay 🌱"}
	return c, plans
}

func resourcesFor(n int) []library.Resource {
	var out []library.Resource
	for _, r := range workshops.MustResources() {
		for _, s := range r.Sessions {
			if s == n {
				out = append(out, r)
			}
		}
	}
	return append(out, library.Resource{Title: "Guide maison de l’équipe 🚀", Source: "Atelier", Author: "L’équipe d’animation",
		URL: "https://example.org/atelier/guide-equipe"})
}

func opts() Options { return Options{Created: created} }

// write renders into a file of a temporary directory and returns its path.
func write(t testing.TB, name string, fn func(*bytes.Buffer) error) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.(interface{ TempDir() string }).TempDir(), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes()
}

var spaces = regexp.MustCompile(`[\s\x{00a0}\x{202f}]+`)

// text extracts the text of a PDF with pdftotext, whitespace collapsed.
func text(t *testing.T, path string, raw bool) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext absent")
	}
	args := []string{"-enc", "UTF-8", path, "-"}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if raw {
		return string(out)
	}
	return spaces.ReplaceAllString(string(out), " ")
}

func pages(t *testing.T, path string) int {
	t.Helper()
	return strings.Count(text(t, path, true), "\f")
}

func renderHandout(c course.Cohort, p course.Plan, o Options) func(*bytes.Buffer) error {
	return func(b *bytes.Buffer) error {
		return Handout(b, c, c.Sessions[p.Number-1], p, resourcesFor(p.Number), o)
	}
}

func TestHandoutText(t *testing.T) {
	c, plans := fixture(t)
	path, _ := write(t, "seance-1.pdf", renderHandout(c, plans[0], opts()))
	got := text(t, path, false)
	for _, want := range []string{
		"Comment bâtir et soutenir des mouvements décentralisés",
		"Séance 1",
		"Comment les mouvements décentralisés réussissent-ils ? Introduction à la stratégie.",
		"mercredi 4 novembre 2026, de 18 h 30 à 20 h",
		"Animation : Camille Roy et Noé Tremblay Cohorte",
		"Cohorte automne 2026",
		"Objectifs", "Déroulement", "Début Durée Bloc Type", "Concepts clés", "Exercices", "À retenir", "Ressources",
		"https://example.org/atelier/guide-equipe",
		"Page 1 / ", "Page 2 / ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the handout lacks %q", want)
		}
	}
	for _, p := range plans[0].Objectives {
		if !strings.Contains(got, spaces.ReplaceAllString(p, " ")) {
			t.Errorf("objective missing: %q", p)
		}
	}
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte("/URI (https://example.org/atelier/guide-equipe)")) {
		t.Error("the resource's address is not a clickable link")
	}
}

func TestEveryHandout(t *testing.T) {
	c, plans := fixture(t)
	for _, p := range plans {
		path, _ := write(t, fmt.Sprintf("seance-%d.pdf", p.Number), renderHandout(c, p, opts()))
		got := text(t, path, false)
		if !strings.Contains(got, spaces.ReplaceAllString(p.Title, " ")) {
			t.Errorf("séance %d: official title missing", p.Number)
		}
		n := pages(t, path)
		if n < 2 || !strings.Contains(got, fmt.Sprintf("Page %d / %d", n, n)) {
			t.Errorf("séance %d: %d pages, footer wrong", p.Number, n)
		}
	}
}

func TestHandoutReproducible(t *testing.T) {
	c, plans := fixture(t)
	_, a := write(t, "a.pdf", renderHandout(c, plans[2], opts()))
	_, b := write(t, "b.pdf", renderHandout(c, plans[2], opts()))
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same handout differ")
	}
	_, s1 := write(t, "s1.pdf", func(b *bytes.Buffer) error { return SignIn(b, c, c.Sessions[0], people(40), opts()) })
	_, s2 := write(t, "s2.pdf", func(b *bytes.Buffer) error { return SignIn(b, c, c.Sessions[0], people(40), opts()) })
	if !bytes.Equal(s1, s2) {
		t.Fatal("two renders of the same sign-in sheet differ")
	}
}

func TestConcurrentRenders(t *testing.T) {
	c, plans := fixture(t)
	var wg sync.WaitGroup
	outs := make([][]byte, 4)
	for i := range outs {
		wg.Go(func() {
			var b bytes.Buffer
			if err := Handout(&b, c, c.Sessions[0], plans[0], resourcesFor(1), opts()); err != nil {
				t.Error(err)
			}
			outs[i] = b.Bytes()
		})
	}
	wg.Wait()
	for i := range outs {
		if !bytes.Equal(outs[0], outs[i]) {
			t.Fatal("concurrent renders differ")
		}
	}
}

func TestHostileText(t *testing.T) {
	c, plans := fixture(t)
	p := plans[0]
	p.Title = "Titre 😀 avec 中文 et \x07 contrôle\tet\r\nune " + strings.Repeat("trèslongmotsansespace", 20)
	p.Objectives = append([]string{"🎉🎉🎉", strings.Repeat("mot ", 400)}, p.Objectives...)
	p.Concepts = append(p.Concepts, course.Concept{Term: "中文 术语", Definition: "Définition \xff invalide"})
	c.Name = "Cohorte 😀"
	s := c.Sessions[0]
	s.Blocks = append(s.Blocks, s.Blocks[0])
	s.Blocks[len(s.Blocks)-1].Title = strings.Repeat("Bloc très long ", 300)
	opt := opts()
	opt.Facilitators = []string{"Zoë 👩🏽‍🏫", "李华"}
	path, _ := write(t, "hostile.pdf", func(b *bytes.Buffer) error {
		return Handout(b, c, s, p, []library.Resource{{Title: "😀", URL: "https://example.org/" + strings.Repeat("x", 300)}}, opt)
	})
	got := text(t, path, false)
	if !strings.Contains(got, "Titre avec et contrôle et une") || strings.Contains(got, "Titre ?") {
		t.Errorf("what the font lacks is not dropped cleanly: %.300q", got)
	}
	if !strings.Contains(got, "Animation : Zoë et "+pdfdoc.UnreadableName) {
		t.Errorf("facilitators: %.300q", got)
	}
	path, _ = write(t, "hostile-signin.pdf", func(b *bytes.Buffer) error {
		return SignIn(b, c, s, []participants.Participant{{Name: "王芳 🌸"}, {Name: ""}, {Name: strings.Repeat("Très-long-nom ", 40)}}, opt)
	})
	if pages(t, path) < 1 {
		t.Error("no page")
	}
}

func TestEmptyPlan(t *testing.T) {
	var b bytes.Buffer
	if err := Handout(&b, course.Cohort{}, course.Session{}, course.Plan{Number: 1, Title: "Vide"}, nil, opts()); err != nil {
		t.Fatal(err)
	}
}

var firstNames = []string{"Fatou", "Dominique", "Élodie", "Zoé", "Anaïs", "Émile", "Océane", "Benoît", "Chloé", "Édouard", "Yasmine", "Œdipe"}

func people(n int) []participants.Participant {
	out := make([]participants.Participant, n)
	for i := range out {
		out[i] = participants.Participant{ID: int64(i + 1), Name: fmt.Sprintf("%s N%03d", firstNames[i%len(firstNames)], i), Pronouns: "iel", Status: participants.Confirme}
	}
	return out
}

func TestSignInOrder(t *testing.T) {
	c, _ := fixture(t)
	list := []participants.Participant{
		{Name: "Fatou Diallo", Pronouns: "elle"}, {Name: "Élodie Gagnon", Pronouns: "elle"},
		{Name: "Dominique Lavoie", Pronouns: "iel"}, {Name: "Zoé Martin"}, {Name: "Anaïs Côté", Pronouns: "elle"},
	}
	path, _ := write(t, "signin.pdf", func(b *bytes.Buffer) error { return SignIn(b, c, c.Sessions[1], list, opts()) })
	got := text(t, path, false)
	for _, want := range []string{"Feuille d’émargement", "Séance 2", "Pronoms", "Signature", "Cohorte automne 2026", "Page 1 / 1"} {
		if !strings.Contains(got, want) {
			t.Errorf("sign-in sheet lacks %q", want)
		}
	}
	order := []string{"Anaïs Côté", "Dominique Lavoie", "Élodie Gagnon", "Fatou Diallo", "Zoé Martin"}
	last := -1
	for _, n := range order {
		i := strings.Index(got, n)
		if i <= last {
			t.Fatalf("%q out of order in %q", n, got)
		}
		last = i
	}
	if list[0].Name != "Fatou Diallo" {
		t.Error("SignIn reordered the caller's slice")
	}
}

func TestSignInManyPages(t *testing.T) {
	c, _ := fixture(t)
	path, _ := write(t, "signin-120.pdf", func(b *bytes.Buffer) error { return SignIn(b, c, c.Sessions[0], people(120), opts()) })
	raw := text(t, path, true)
	n := strings.Count(raw, "\f")
	if n < 3 {
		t.Fatalf("120 people on %d pages", n)
	}
	for i, page := range strings.Split(raw, "\f")[:n] {
		if !strings.Contains(page, "Signature") {
			t.Errorf("page %d has no table header", i+1)
		}
	}
	for _, p := range people(120) {
		if !strings.Contains(raw, p.Name) {
			t.Fatalf("%s missing", p.Name)
		}
	}
}

func TestBooklet(t *testing.T) {
	c, plans := fixture(t)
	res := map[int][]library.Resource{}
	for _, p := range plans {
		res[p.Number] = resourcesFor(p.Number)
	}
	path, _ := write(t, "livret.pdf", func(b *bytes.Buffer) error { return Booklet(b, c, plans, res, opts()) })
	raw := text(t, path, true)
	pagesText := strings.Split(raw, "\f")
	toc := spaces.ReplaceAllString(pagesText[0], " ")
	if !strings.Contains(toc, "Sommaire") {
		t.Fatalf("no table of contents: %q", toc)
	}
	for _, p := range plans {
		title := spaces.ReplaceAllString(p.Title, " ")
		re := regexp.MustCompile(regexp.QuoteMeta(fmt.Sprintf("Séance %d — ", p.Number)) + `.*?(\d+)`)
		m := re.FindStringSubmatch(toc[strings.Index(toc, "Sommaire"):])
		if m == nil {
			t.Fatalf("séance %d missing from the table of contents", p.Number)
		}
		var page int
		fmt.Sscan(m[1], &page)
		if page < 2 || page > len(pagesText) {
			t.Fatalf("séance %d on page %d", p.Number, page)
		}
		at := spaces.ReplaceAllString(pagesText[page-1], " ")
		if !strings.Contains(at, title) || !strings.Contains(at, fmt.Sprintf("Séance %d", p.Number)) {
			t.Errorf("page %d is not the title page of séance %d: %.200q", page, p.Number, at)
		}
	}
}

func BenchmarkHandout(b *testing.B) {
	c, plans := fixture(b)
	res := resourcesFor(1)
	for b.Loop() {
		if err := Handout(&bytes.Buffer{}, c, c.Sessions[0], plans[0], res, opts()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSignIn500(b *testing.B) {
	c, _ := fixture(b)
	list := people(500)
	for b.Loop() {
		if err := SignIn(&bytes.Buffer{}, c, c.Sessions[0], list, opts()); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSession3HandoutDrawsTheStructures(t *testing.T) {
	c, plans := fixture(t)
	xr, err := structure.FromTemplate("xr-groupe-local", "Groupe Rive-Sud")
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Created: created, Structures: []structure.Structure{xr}}
	path, _ := write(t, "seance-3.pdf", renderHandout(c, plans[2], opt))
	got := text(t, path, false)
	if !strings.Contains(got, "Structures de la cohorte") || !strings.Contains(got, "Groupe Rive-Sud") {
		t.Errorf("session 3 handout without its structures:\n%s", got)
	}
	// Other sessions do not carry them.
	path, _ = write(t, "seance-2.pdf", renderHandout(c, plans[1], opt))
	if strings.Contains(text(t, path, false), "Structures de la cohorte") {
		t.Error("session 2 handout shows the structures")
	}
}

// Session 2's rooms each read one case: the handout prints every sheet,
// titled with its letter, before the exercises they answer.
func TestHandoutPrintsTheCaseSheets(t *testing.T) {
	c, plans := fixture(t)
	p := plans[1]
	if len(p.Handout.Cases) == 0 {
		t.Fatal("session 2 has no case sheets")
	}
	long := course.Case{Title: "Une coalition qui " + strings.Repeat("se réunit encore et encore ", 6) + "sans fin",
		Text: "Premier paragraphe du cas.\n\nSecond paragraphe du cas."}
	p.Handout.Cases = append(p.Handout.Cases, long)
	path, _ := write(t, "seance-2-cas.pdf", renderHandout(c, p, opts()))
	got := text(t, path, false)
	last := -1
	for i, k := range p.Handout.Cases {
		head := "Fiche de cas " + course.CaseLetter(i)
		at := strings.Index(got, head)
		if at <= last {
			t.Fatalf("%q missing or out of order in %.400q", head, got)
		}
		last = at
		for _, want := range []string{k.Title, k.Text} {
			if !strings.Contains(got[at:], spaces.ReplaceAllString(want, " ")) {
				t.Errorf("%s lacks %.80q", head, want)
			}
		}
	}
	if ex := strings.Index(got, "Exercice 1 — "); ex < last {
		t.Errorf("the exercises (at %d) come before the last case sheet (at %d)", ex, last)
	}
	// A session without cases prints no sheet.
	path, _ = write(t, "seance-1.pdf", renderHandout(c, plans[0], opts()))
	if strings.Contains(text(t, path, false), "Fiche de cas") {
		t.Error("session 1's handout prints a case sheet it does not have")
	}
}
