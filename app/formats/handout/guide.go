package handout

import (
	"fmt"
	"io"
	"strings"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/textfmt"
)

// teamOnly is the warning every page of the facilitator guide carries: it
// holds what the team says and does, not what participants are handed.
const teamOnly = "Pour l’équipe d’animation seulement — ne pas diffuser aux personnes participantes"

// RoleName is the French name of a facilitation role, capitalised.
func RoleName(r course.Role) string {
	switch r {
	case course.Animation:
		return "Animation"
	case course.Coanimation:
		return "Coanimation"
	case course.Technique:
		return "Technique"
	}
	return string(r)
}

// Guide writes the facilitator guide of session s (plan p) to w as an A4
// portrait PDF in French: the preparation checklist, the roles block by
// block with the team's names, the debrief questions, what to shorten when
// late and the follow-up message. It is the team's document: its running
// header says so on every page, and nothing of it goes into the handouts.
func Guide(w io.Writer, c course.Cohort, s course.Session, p course.Plan, opt Options) error {
	title := fmt.Sprintf("Guide d’animation — Séance %d — %s", p.Number, p.Title)
	return render(w, "guide d’animation", "P", title, opt, func(d *doc) error {
		d.guide(c, s, p, opt.facilitators(c))
		return nil
	})
}

func (d *doc) guide(c course.Cohort, s course.Session, p course.Plan, team []string) {
	blocks := s.Blocks
	if len(blocks) == 0 {
		blocks = p.Blocks
	}
	tl := agenda.Layout(s.StartsAt, blocks)
	g := p.Guide
	d.header = pdfdoc.Clean(fmt.Sprintf("Guide d’animation — Séance %d — %s", p.Number, teamOnly))
	d.newPage()

	d.para("Guide d’animation", true, 20, 9, 0, ink)
	d.para(fmt.Sprintf("Séance %d"+nbsp+": %s", p.Number, p.Title), true, 12, 6, 0, accent)
	d.gap(1)
	if when := sessionWhen(c, s, tl.End); when != "" {
		d.para(when, false, bodySize, bodyLine, 0, ink)
	}
	if n := strings.TrimSpace(c.Name); n != "" {
		d.para(n, false, bodySize, bodyLine, 0, muted)
	}
	d.para(teamOnly+".", true, 9, 4.5, 0, accent)
	d.gap(2)
	d.teamRoles(team)

	if len(g.Checklist) > 0 {
		d.heading("Avant la séance", 12)
		for _, item := range g.Checklist {
			d.checkbox(item)
		}
	}

	d.heading("Qui fait quoi", 20)
	d.rolesTable(c, tl, g, team)

	d.heading("Bloc par bloc", 20)
	for i, sl := range tl.Slots {
		d.guideBlock(c, tl, sl, blocks[i], g, team)
	}

	if len(g.IfLate) > 0 {
		d.heading("Si vous êtes en retard", 12)
		d.body(fmt.Sprintf("Dans cet ordre, les raccourcis font regagner jusqu’à %s sans sacrifier les objectifs de la séance.",
			textfmt.French.Minutes(g.Saved())))
		for _, sc := range g.IfLate {
			d.bullet(fmt.Sprintf("%s — «"+nbsp+"%s"+nbsp+"»"+nbsp+": %s", minus(sc.Minutes), sc.Block, sc.Cut))
		}
	}

	if f := strings.TrimSpace(g.FollowUp); f != "" {
		d.heading("Message de suivi", 12)
		d.para("À coller dans un courriel aux personnes participantes après la séance.", false, 9, 4.5, 0, muted)
		d.gap(2)
		d.body(f)
	}
}

// minus is « −3 min », the minutes a shortcut wins back.
func minus(m int) string { return "−" + textfmt.French.Minutes(m) }

// teamRoles names who holds each role in the cohort's team, or says that
// the team is to share them when the cohort names nobody.
func (d *doc) teamRoles(team []string) {
	if len(team) == 0 {
		d.para("La cohorte ne nomme pas encore son équipe d’animation"+nbsp+": répartissez les rôles avant la séance.", false, 9, 4.5, 0, muted)
		return
	}
	var parts []string
	for _, r := range course.Roles() {
		parts = append(parts, RoleName(r)+nbsp+": "+pdfdoc.Name(course.Holder(r, team)))
	}
	d.para(strings.Join(parts, " · "), false, bodySize, bodyLine, 0, ink)
}

// person is who holds a role in a block: the team member's name with the
// role in brackets, or the role alone when the cohort names nobody.
func person(name string, r course.Role) string {
	if name == "" {
		return RoleName(r)
	}
	return pdfdoc.Name(name) + " (" + strings.ToLower(RoleName(r)) + ")"
}

func (d *doc) rolesTable(c course.Cohort, tl agenda.Timeline, g course.Guide, team []string) {
	w := d.textW()
	t := newTable([]column{{"Début", 16}, {"Durée", 16}, {"Bloc", w - 16 - 16 - 38 - 38}, {"Mène", 38}, {"Soutient", 38}}, 8.5, 4, 0)
	rows := make([][]string, 0, len(tl.Slots))
	for _, sl := range tl.Slots {
		lead, support := "—", "—"
		if r, ok := g.RolesFor(sl.Title); ok {
			a := course.Assign(r, team)
			lead, support = person(a.Lead, r.Lead), person(a.Support, r.Support)
		}
		rows = append(rows, []string{slotStart(c, tl, sl), textfmt.French.Minutes(sl.Minutes), sl.Title, lead, support})
	}
	d.table(t, rows)
	d.gap(2)
}

// guideBlock is one block of the session as the team runs it: who leads,
// what the support does, the notes, the materials, the debrief and what
// to shorten if late.
func (d *doc) guideBlock(c course.Cohort, tl agenda.Timeline, sl agenda.Slot, b agenda.Block, g course.Guide, team []string) {
	head := fmt.Sprintf("%s — %s", sl.Title, textfmt.French.Minutes(sl.Minutes))
	if start := slotStart(c, tl, sl); start != "" {
		head = start + " · " + head
	}
	d.gap(2)
	d.ensure(4 * bodyLine)
	d.para(head, true, 11, 6, 0, ink)
	if r, ok := g.RolesFor(sl.Title); ok {
		a := course.Assign(r, team)
		d.para(fmt.Sprintf("Mène"+nbsp+": %s. Soutient"+nbsp+": %s — %s", person(a.Lead, r.Lead), person(a.Support, r.Support), r.Task),
			false, 9, 4.5, 0, accent)
	} else if f := strings.TrimSpace(b.Facilitator); f != "" {
		d.para("Mène"+nbsp+": "+f, false, 9, 4.5, 0, accent)
	}
	d.gap(1)
	d.para(b.Notes, false, 9.5, 4.6, 0, ink)
	if m := strings.TrimSpace(b.Materials); m != "" {
		d.para("Matériel"+nbsp+": "+m, false, 9, 4.5, 0, muted)
	}
	if qs := g.DebriefFor(sl.Title); len(qs) > 0 {
		d.gap(1)
		d.para("Questions de retour", true, 9.5, 4.8, 0, ink)
		for _, q := range qs {
			d.bullet(q)
		}
	}
	for _, sc := range g.Shortcuts(sl.Title) {
		d.para(fmt.Sprintf("Si vous êtes en retard (%s)"+nbsp+": %s", minus(sc.Minutes), sc.Cut), false, 9, 4.5, 0, muted)
	}
}

// checkbox writes an item of the checklist after an empty box to tick.
func (d *doc) checkbox(text string) {
	lines := d.wrap(pdfdoc.Clean(text), d.textW()-7, false, bodySize)
	d.ensure(float64(len(lines)) * bodyLine)
	for i, l := range lines {
		d.ensure(bodyLine)
		if i == 0 {
			d.drawColor(muted)
			d.f.SetLineWidth(0.3)
			d.f.Rect(margin+0.8, d.f.GetY()+1, 3.2, 3.2, "D")
		}
		d.font(false, bodySize)
		d.color(ink)
		d.f.SetX(margin + 7)
		d.f.CellFormat(d.textW()-7, bodyLine, l, "", 1, "L", false, 0, "")
	}
	d.gap(1.2)
}
