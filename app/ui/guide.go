package ui

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
)

// guidePane is the Séances tab holding the session's facilitator guide:
// what to prepare, who does what in each block with the cohort's team in
// the roles, the debrief questions, what to shorten when late and the
// follow-up message, ready to copy. It is the team's, like its PDF.
type guidePane struct {
	s    *sessionsScreen
	root fyne.CanvasObject
	body *fyne.Container
	note *savedNote // under the export button: the guide just saved
	// followUp is the message on view, for the copy button.
	followUp string
	copy     *widget.Button // nil when the session has no follow-up message
}

func newGuidePane(s *sessionsScreen) *guidePane {
	g := &guidePane{s: s, body: container.NewVBox(), note: s.ui.newSavedNote()}
	export := widget.NewButtonWithIcon(lang.X("guide.export", "Exporter le guide en PDF…"), theme.DocumentIcon(), g.onExport)
	warning := wrapped(lang.X("guide.teamonly", "Pour l’équipe d’animation seulement\u00a0: rien de ce guide ne figure dans les documents remis aux personnes participantes."))
	warning.Importance = widget.WarningImportance
	top := container.NewVBox(container.NewBorder(nil, nil, nil, export, warning), container.NewHBox(layout.NewSpacer(), g.note.root))
	g.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(g.body))
	return g
}

func roleName(r course.Role) string {
	switch r {
	case course.Animation:
		return lang.X("guide.role.animation", "Animation")
	case course.Coanimation:
		return lang.X("guide.role.coanimation", "Coanimation")
	case course.Technique:
		return lang.X("guide.role.technique", "Technique")
	}
	return string(r)
}

// holder is who holds role r in a block: a team member with the role in
// brackets, or the role alone when the cohort names nobody.
func holder(name string, r course.Role) string {
	if name == "" {
		return roleName(r)
	}
	return fmt.Sprintf("%s (%s)", name, strings.ToLower(roleName(r)))
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// load fills the pane with the guide of the session on view.
func (g *guidePane) load() {
	se := g.s.session()
	p, _ := g.s.plan(se.Number)
	guide := p.Guide
	team := g.s.cohort.Facilitators
	l := g.s.ui.lang()
	var items []fyne.CanvasObject
	add := func(o ...fyne.CanvasObject) { items = append(items, o...) }

	if len(team) == 0 {
		add(wrapped(lang.X("guide.noteam", "La cohorte ne nomme pas encore son équipe d’animation\u00a0: ajoutez-la avec «\u00a0Modifier…\u00a0» en haut de la fenêtre, ou répartissez les rôles avant la séance.")))
	} else {
		var parts []string
		for _, r := range course.Roles() {
			parts = append(parts, roleName(r)+l.Colon()+course.Holder(r, team))
		}
		add(wrapped(strings.Join(parts, " · ")))
	}

	add(heading(lang.X("guide.checklist", "Avant la séance")))
	for _, c := range guide.Checklist {
		add(wrapped("•  " + c))
	}

	add(heading(lang.X("guide.blocks", "Qui fait quoi")))
	for _, sl := range agenda.Schedule(se.StartsAt, se.Blocks) {
		title := widget.NewLabelWithStyle(fmt.Sprintf("%s · %s — %s", l.Clock(sl.Start.In(g.s.cohort.Location())), sl.Title, l.Minutes(sl.Minutes)),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		add(title)
		if r, ok := guide.RolesFor(sl.Title); ok {
			a := course.Assign(r, team)
			add(wrapped(lang.X("guide.roles", "Mène\u00a0: {{.Lead}}. Soutient\u00a0: {{.Support}} — {{.Task}}",
				map[string]any{"Lead": holder(a.Lead, r.Lead), "Support": holder(a.Support, r.Support), "Task": r.Task})))
		} else {
			add(wrapped(lang.X("guide.roles.none", "Ce bloc n’est pas dans le guide\u00a0: la cohorte l’a ajouté ou renommé.")))
		}
		if qs := guide.DebriefFor(sl.Title); len(qs) > 0 {
			add(widget.NewLabelWithStyle(lang.X("guide.debrief", "Questions de retour"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
			for _, q := range qs {
				add(wrapped("•  " + q))
			}
		}
	}

	if len(guide.IfLate) > 0 {
		add(heading(lang.X("guide.late", "Si vous êtes en retard")))
		add(wrapped(lang.X("guide.late.total", "Dans cet ordre, ces raccourcis font regagner jusqu’à {{.Minutes}}.", map[string]any{"Minutes": l.Minutes(guide.Saved())})))
		for _, sc := range guide.IfLate {
			add(wrapped(fmt.Sprintf("−%s · %s%s%s", l.Minutes(sc.Minutes), l.Quote(sc.Block), l.Colon(), sc.Cut)))
		}
	}

	g.followUp = strings.TrimSpace(guide.FollowUp)
	g.copy = nil
	if g.followUp != "" {
		// The follow-up message is pasted into a courriel: it is the
		// course's text, with no one's personal data.
		g.copy = g.s.ui.copyButton(lang.X("guide.copy", "Copier le message"), func() string { return g.followUp })
		add(container.NewBorder(nil, nil, nil, g.copy, heading(lang.X("guide.followup", "Message de suivi"))))
		add(wrapped(g.followUp))
	}
	if len(guide.Checklist) == 0 && len(guide.Roles) == 0 {
		items = []fyne.CanvasObject{wrapped(lang.X("guide.empty", "Cette séance n’a pas de guide d’animation dans le programme."))}
	}
	g.note.root.Hide() // it spoke of another session's guide
	g.body.Objects = items
	g.body.Refresh()
}

// onExport prints the session's guide as the Exports area does.
func (g *guidePane) onExport() {
	n := g.s.session().Number
	e := &exportsScreen{ui: g.s.ui}
	e.document(g.note, fmt.Sprintf("guide-animation-seance-%d.pdf", n), func(w io.Writer) error {
		return g.s.ui.svc.Guide(context.Background(), w, g.s.ui.cohort.ID, n)
	})
}

// guideRoles is who leads and who supports the block titled title, as the
// session's guide shares the roles out among the cohort's team, or "" when
// the guide does not know the block.
func (l *liveScreen) guideRoles(title string) string {
	plan, _ := course.PlanFor(l.ui.svc.Plans(), l.session.Number)
	r, ok := plan.Guide.RolesFor(title)
	if !ok {
		return ""
	}
	a := course.Assign(r, l.ui.cohort.Facilitators)
	return lang.X("live.roles", "mène\u00a0: {{.Lead}}, soutien\u00a0: {{.Support}}",
		map[string]any{"Lead": holder(a.Lead, r.Lead), "Support": holder(a.Support, r.Support)})
}
