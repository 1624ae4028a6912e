package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/course"
)

// labels is every label text under o, in order.
func labels(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

// The Séances area shows session 3's guide with the cohort's team in the
// roles, as course.Assign fills them, and copies the follow-up message.
func TestGuideTabShowsTheTeamInTheRoles(t *testing.T) {
	u, _ := newTestUI(t)
	u.createCohort(cohortForm{Name: "Cohorte hiver 2027", Date: "2027-01-13", Time: "19 h", TimeZone: "America/Toronto", Seats: "25", Facilitators: "Awa\nLéa"})
	s := u.sessions
	s.list.Select(2)
	s.tabs.SelectIndex(5)
	p, _ := course.PlanFor(u.svc.Plans(), 3)
	got := strings.Join(labels(s.guide.root), "\n")
	if len(p.Guide.Roles) == 0 {
		t.Fatal("session 3 has no guide in the curriculum")
	}
	r := p.Guide.Roles[0]
	a := course.Assign(r, []string{"Awa", "Léa"})
	want := []string{
		"Animation\u00a0: Awa · Coanimation\u00a0: Léa · Technique\u00a0: Awa",
		"Avant la séance", "•  " + p.Guide.Checklist[0],
		"Qui fait quoi", "19\u00a0h · " + p.Blocks[0].Title,
		"Mène\u00a0: " + holder(a.Lead, r.Lead) + ". Soutient\u00a0: " + holder(a.Support, r.Support) + " — " + r.Task,
		"Questions de retour", "Si vous êtes en retard", "Message de suivi", strings.TrimSpace(p.Guide.FollowUp),
		"Pour l’équipe d’animation seulement",
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("the guide tab lacks %q", w)
		}
	}
	// With two people the support is never the lead.
	if a.Lead == a.Support {
		t.Errorf("first block: %+v", a)
	}
	test.Tap(s.guide.copy)
	if c := u.app.Clipboard().Content(); c != strings.TrimSpace(p.Guide.FollowUp) {
		t.Errorf("clipboard %q", c)
	}
}

// Live mode says who leads the block on the clock and who supports it,
// from the guide and the cohort's team, when the block names no one.
func TestLiveSaysWhoLeadsTheBlock(t *testing.T) {
	u, _ := newTestUI(t)
	u.createCohort(cohortForm{Name: "Cohorte hiver 2027", Date: "2027-01-13", Time: "19 h", TimeZone: "America/Toronto", Seats: "25", Facilitators: "Awa\nLéa"})
	se := u.cohort.Sessions[2]
	clock = se.StartsAt
	l := u.openLive(se)
	p, _ := course.PlanFor(u.svc.Plans(), 3)
	r := p.Guide.Roles[0]
	a := course.Assign(r, u.cohort.Facilitators)
	want := "mène\u00a0: " + holder(a.Lead, r.Lead) + ", soutien\u00a0: " + holder(a.Support, r.Support)
	if !strings.Contains(l.block.Text, want) {
		t.Errorf("live line %q, want %q", l.block.Text, want)
	}
}
