package course

import (
	"regexp"
	"strings"
	"testing"

	"atelier/app/domain/agenda"
	"atelier/app/kit/usererr"
)

func TestAssign(t *testing.T) {
	r := BlockRoles{Lead: Animation, Support: Technique}
	cases := []struct {
		team []string
		want Assignment
	}{
		{nil, Assignment{}},
		{[]string{"Awa"}, Assignment{"Awa", "Awa"}},
		// Two people: the technique wraps onto the lead, so the other one supports.
		{[]string{"Awa", "Léo"}, Assignment{"Awa", "Léo"}},
		{[]string{"Awa", "Léo", "Sam"}, Assignment{"Awa", "Sam"}},
		{[]string{"Awa", "Léo", "Sam", "Noé"}, Assignment{"Awa", "Sam"}},
	}
	for _, c := range cases {
		if got := Assign(r, c.team); got != c.want {
			t.Errorf("Assign(%v) = %+v, want %+v", c.team, got, c.want)
		}
	}
	if got := Assign(BlockRoles{Lead: Coanimation, Support: Animation}, []string{"Awa", "Léo"}); got != (Assignment{"Léo", "Awa"}) {
		t.Errorf("coanimation lead = %+v", got)
	}
	for _, c := range []struct {
		r    Role
		team []string
		want string
	}{
		{Technique, nil, ""},
		{Technique, []string{"Awa", "Léo"}, "Awa"},
		{Coanimation, []string{"Awa", "Léo"}, "Léo"},
		{Technique, []string{"Awa", "Léo", "Sam"}, "Sam"},
	} {
		if got := Holder(c.r, c.team); got != c.want {
			t.Errorf("Holder(%s, %v) = %q, want %q", c.r, c.team, got, c.want)
		}
	}
}

func guidePlan() Plan {
	return Plan{
		Number: 1,
		Blocks: []agenda.Block{
			{Title: "Accueil", Kind: agenda.Accueil, Minutes: 10},
			{Title: "En duos", Kind: agenda.Exercice, Minutes: 20},
			{Title: "Bilan", Kind: agenda.Bilan, Minutes: 60},
		},
		Guide: Guide{
			Checklist: []string{"a", "b", "c", "d", "e"},
			Roles: []BlockRoles{
				{Block: "Accueil", Lead: Animation, Support: Technique, Task: "admet"},
				{Block: "En duos", Lead: Coanimation, Support: Technique, Task: "salles"},
				{Block: "Bilan", Lead: Animation, Support: Coanimation, Task: "clavardage"},
			},
			Debriefs: []Debrief{{Block: "En duos", Questions: []string{"Qu’avez-vous appris ?"}}},
			IfLate:   []Shortcut{{Block: "En duos", Minutes: 5, Cut: "Un tour"}, {Block: "Bilan", Minutes: 10, Cut: "Écrit"}},
			FollowUp: "Merci.",
		},
	}
}

// plainFrenchSpace is an ordinary space before « : » or « min », or inside
// guillemets.
var plainFrenchSpace = regexp.MustCompile(`[ \t](:|»|min\b)|«[ \t]|n°[ \t]`)

func TestValidateGuide(t *testing.T) {
	if l := guidePlan().validateGuide(usererr.New("Séance 1")); len(l) != 0 {
		t.Fatalf("good guide refused: %v", l)
	}
	cases := []struct {
		name    string
		breakIt func(g *Guide)
		want    string
	}{
		{"short checklist", func(g *Guide) { g.Checklist = g.Checklist[:2] }, "liste de préparation"},
		{"no follow-up", func(g *Guide) { g.FollowUp = " " }, "message de suivi"},
		{"missing roles", func(g *Guide) { g.Roles = g.Roles[:2] }, "répartit les rôles de 2 blocs"},
		{"roles out of order", func(g *Guide) { g.Roles[0], g.Roles[1] = g.Roles[1], g.Roles[0] }, "les rôles n°\u00a01"},
		{"unknown role", func(g *Guide) { g.Roles[0].Lead = "chef" }, "rôle du bloc «\u00a0Accueil\u00a0» est inconnu"},
		{"same role", func(g *Guide) { g.Roles[0].Support = Animation }, "même rôle"},
		{"no task", func(g *Guide) { g.Roles[2].Task = "" }, "ce que fait le soutien"},
		{"no debrief", func(g *Guide) { g.Debriefs = nil }, "pas de questions de retour après «\u00a0En duos\u00a0»"},
		{"debrief of nothing", func(g *Guide) { g.Debriefs = append(g.Debriefs, Debrief{Block: "Ailleurs", Questions: []string{"?"}}) }, "«\u00a0Ailleurs\u00a0», qui n’est pas"},
		{"too few shortcuts", func(g *Guide) { g.IfLate = g.IfLate[:1] }, "si vous êtes en retard"},
		{"shortcut too long", func(g *Guide) { g.IfLate[0].Minutes = 20 }, "de 20\u00a0min est impossible"},
		{"shortcut of nothing", func(g *Guide) { g.IfLate[0].Block = "Ailleurs" }, "raccourcir «\u00a0Ailleurs\u00a0»"},
	}
	for _, c := range cases {
		p := guidePlan()
		c.breakIt(&p.Guide)
		l := p.validateGuide(usererr.New("Séance 1"))
		if !strings.Contains(l.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, l, c.want)
		}
		// The messages reach a person: French spacing, never an ordinary space.
		for _, m := range l {
			if plainFrenchSpace.MatchString(m.Error()) {
				t.Errorf("%s: ordinary space where French typography wants a no-break one: %q", c.name, m)
			}
		}
	}
	if got := guidePlan().Guide.Saved(); got != 15 {
		t.Errorf("Saved = %d", got)
	}
}
