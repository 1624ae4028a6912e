package handout

import (
	"bytes"
	"strings"
	"testing"

	"atelier/app/domain/course"
)

// withGuide gives session 3's plan a guide whose every text is easy to
// find in the PDF, whatever the curriculum's own guide says.
func withGuide(p course.Plan) course.Plan {
	g := course.Guide{
		Checklist: []string{"Préparer six salles de sous-groupes", "Tester le canevas partagé", "Activer les sous-titres", "Nommer qui fait quoi", "Préparer les liens des documents"},
		FollowUp:  "Merci d’avoir participé à l’atelier de structure ; voici le lien des captures.",
	}
	for i, b := range p.Blocks {
		r := course.BlockRoles{Block: b.Title, Lead: course.Animation, Support: course.Technique, Task: "Ouvre les salles et diffuse l’avertissement"}
		if i == 3 {
			r.Lead, r.Support = course.Coanimation, course.Animation
		}
		g.Roles = append(g.Roles, r)
	}
	g.Debriefs = []course.Debrief{{Block: p.Blocks[3].Title, Questions: []string{"Quelle question du canevas vous a le plus aidé·e·s ?"}}}
	g.IfLate = []course.Shortcut{{Block: p.Blocks[1].Title, Minutes: 3, Cut: "Présenter le mandat sans l’exemple complet"}, {Block: p.Blocks[3].Title, Minutes: 2, Cut: "Sauter la troisième question"}}
	p.Guide = g
	return p
}

func TestGuidePDF(t *testing.T) {
	c, plans := fixture(t)
	c.Facilitators = []string{"Camille Roy", "Noé Tremblay", "Sam Côté"}
	p := withGuide(plans[2])
	render := func(b *bytes.Buffer) error { return Guide(b, c, c.Sessions[2], p, opts()) }
	path, first := write(t, "guide-3.pdf", render)
	got := text(t, path, false)
	for _, want := range []string{
		"Guide d’animation", "Séance 3 : Définir ses structures",
		"Animation : Camille Roy · Coanimation : Noé Tremblay · Technique : Sam Côté",
		"Avant la séance", "Préparer six salles de sous-groupes",
		"Qui fait quoi", "Début Durée Bloc Mène Soutient",
		"Camille Roy (animation)", "Sam Côté (technique)",
		// Block 4 is led by the coanimation with the animation in support.
		"Mène : Noé Tremblay (coanimation). Soutient : Camille Roy (animation) — Ouvre les salles",
		"Questions de retour", "Quelle question du canevas vous a le plus aidé·e·s ?",
		"Si vous êtes en retard", "jusqu’à 5 min",
		"−3 min — « " + p.Blocks[1].Title + " » : Présenter le mandat sans l’exemple complet",
		"Message de suivi", "Merci d’avoir participé à l’atelier de structure ; voici le lien des captures.",
		"mercredi 18 novembre 2026",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the guide lacks %q", want)
		}
	}
	// Every page says it is the team's: a page printed alone is still marked.
	n := pages(t, path)
	if n < 2 || strings.Count(got, "ne pas diffuser aux personnes participantes") < n {
		t.Errorf("%d pages, %d team-only marks", n, strings.Count(got, "ne pas diffuser aux personnes participantes"))
	}
	var again bytes.Buffer
	if err := render(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again.Bytes()) {
		t.Error("the same guide gave different bytes")
	}
}

// The guide is never in what participants are handed.
func TestGuideNotInHandouts(t *testing.T) {
	c, plans := fixture(t)
	p := withGuide(plans[2])
	plans[2] = p
	secrets := []string{"Questions de retour", "Quelle question du canevas", "voici le lien des captures", "Préparer six salles", "Sauter la troisième question", "Ouvre les salles et diffuse"}
	handoutPath, _ := write(t, "seance-3.pdf", renderHandout(c, p, opts()))
	bookletPath, _ := write(t, "livret.pdf", func(b *bytes.Buffer) error { return Booklet(b, c, plans, nil, opts()) })
	for _, path := range []string{handoutPath, bookletPath} {
		got := text(t, path, false)
		for _, s := range secrets {
			if strings.Contains(got, s) {
				t.Errorf("%s shows the team's guide: %q", path, s)
			}
		}
	}
}

// Without a team the roles stand for the people.
func TestGuideWithoutTeam(t *testing.T) {
	c, plans := fixture(t)
	c.Facilitators = nil
	path, _ := write(t, "guide-3.pdf", func(b *bytes.Buffer) error { return Guide(b, c, c.Sessions[2], withGuide(plans[2]), opts()) })
	got := text(t, path, false)
	for _, want := range []string{"ne nomme pas encore son équipe d’animation", "Mène : Animation. Soutient : Technique"} {
		if !strings.Contains(got, want) {
			t.Errorf("the guide lacks %q", want)
		}
	}
}
