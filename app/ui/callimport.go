package ui

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
	"atelier/app/formats/callreport"
	"atelier/app/kit/textfmt"
	"atelier/app/service"
)

// onImportReport reads the video tool's participant report for the session
// on view, off the UI goroutine, then previews it.
func (c *checkinScreen) onImportReport() {
	c.ui.openData([]string{".csv", ".tsv", ".txt"}, func(_ string, data []byte) {
		start, loc := c.session.StartsAt, c.ui.cohort.Location()
		go func() {
			rep, err := callreport.Parse(bytes.NewReader(data), start, loc)
			fyne.Do(func() { c.previewReport(rep, err) })
		}()
	})
}

// reportPreview shows who the report found, how each is matched and marked,
// who is expected but not in it (marked absent·e·s unless unticked), and
// lets the facilitator link the unknown ones before anything is saved.
type reportPreview struct {
	c        *checkinScreen
	rep      *callreport.Report
	roster   []participants.Participant // sorted by name
	plan     service.ReportPlan
	late     *widget.Entry
	summary  *wrapText
	matched  *widget.List
	choices  []*widget.Select // one per unmatched attendee
	unknown  *fyne.Container
	absent   *widget.Check
	absentee *wrapText
	waiting  *wrapText
	team     *wrapText // the host and the facilitators, left out of the marks
	dialog   dialog.Dialog
	lateMins int
}

// previewReport opens the preview of a parsed report, or says why the file
// is unusable.
func (c *checkinScreen) previewReport(rep *callreport.Report, err error) *reportPreview {
	if err != nil {
		c.ui.showError(lang.X("report.err.unusable", "Ce rapport ne peut pas être importé\u202f; rien n’a été modifié."), err)
		return nil
	}
	people, err := c.ui.store.Participants(context.Background(), c.ui.cohort.ID)
	if err != nil {
		c.ui.showError(lang.X("roster.err.load", "Impossible de lire la liste des personnes inscrites."), err)
		return nil
	}
	participants.SortByName(people)
	p := &reportPreview{c: c, rep: rep, roster: people, lateMins: 10}
	p.late = widget.NewEntry()
	p.late.SetText("10")
	p.late.OnChanged = func(s string) {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n >= 0 && n <= 90 {
			p.lateMins = n
			p.rematch()
		}
	}
	p.summary = wrapped("")
	p.summary.TextStyle = fyne.TextStyle{Bold: true}
	p.matched = widget.NewList(
		func() int { return len(p.plan.Result.Matched) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Marie-Ève Lévesque-Tremblay ← «\u00a0Tablette de Jo\u00a0» · En retard · 149\u00a0min")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { p.updateMatched(id, o.(*widget.Label)) },
	)
	p.unknown = container.NewVBox()
	p.absentee = wrapped("")
	p.waiting = wrapped("")
	p.team = wrapped("")
	p.absent = widget.NewCheck("", nil)
	p.absent.Checked = true
	p.absent.OnChanged = func(bool) { p.showAbsent() }
	p.waiting.Importance = widget.WarningImportance

	head := []fyne.CanvasObject{widget.NewLabel(fmt.Sprintf("%s · %s · %s", rep.Tool, rep.Encoding, sessionName(c.session.Number)))}
	if w := callreport.DateWarning(rep, c.session.StartsAt); w != nil {
		warn := wrapped(c.ui.message(w))
		warn.Importance = widget.WarningImportance
		head = append(head, warn)
	}
	for _, s := range rep.Warnings {
		w := wrapped(lang.X("report.warning", "Ligne {{.N}}\u00a0: {{.Why}}", map[string]any{"N": s.Line, "Why": c.ui.message(s.Reason)}))
		w.Importance = widget.WarningImportance
		head = append(head, w)
	}
	for _, s := range rep.Skipped {
		skipped := wrapped(lang.X("report.skipped", "Ligne {{.N}} ignorée\u00a0: {{.Why}}", map[string]any{"N": s.Line, "Why": c.ui.message(s.Reason)}))
		skipped.Importance = widget.WarningImportance
		head = append(head, skipped)
	}
	head = append(head,
		container.NewHBox(widget.NewLabel(lang.X("report.late", "En retard après")), container.NewGridWrap(fyne.NewSize(70, p.late.MinSize().Height), p.late),
			widget.NewLabel(lang.X("report.late.unit", "minutes"))),
		p.summary, p.team, p.waiting)
	unknownBox := container.NewVScroll(p.unknown)
	unknownBox.SetMinSize(fyne.NewSize(0, 120))
	absentBox := container.NewVScroll(p.absentee)
	absentBox.SetMinSize(fyne.NewSize(0, 60))
	lists := container.NewVSplit(p.matched, container.NewVSplit(
		container.NewBorder(widget.NewLabelWithStyle(lang.X("report.unknown", "Personnes non reconnues\u00a0: les lier à quelqu’un de la liste, les ajouter ou les ignorer"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			nil, nil, nil, unknownBox),
		container.NewBorder(p.absent, nil, nil, nil, absentBox)))
	save := widget.NewButton(lang.X("report.save", "Enregistrer les présences"), p.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.X("action.cancel", "Annuler"), func() { p.dialog.Hide() })
	p.dialog = dialog.NewCustomWithoutButtons(lang.X("report.title", "Importer le rapport de la visio"),
		container.NewBorder(container.NewVBox(head...), container.NewHBox(cancel, save), nil, nil, lists), c.ui.win)
	p.rematch()
	p.dialog.Resize(fyne.NewSize(900, 660))
	p.dialog.Show()
	return p
}

// rematch matches again (after a change of the late threshold) and rebuilds
// the choices for the people not recognised.
func (p *reportPreview) rematch() {
	plan, err := p.c.ui.svc.PlanReport(context.Background(), p.c.ui.cohort, p.c.session.ID, p.rep, time.Duration(p.lateMins)*time.Minute)
	if err != nil {
		p.c.ui.showError(lang.X("report.err.unusable", "Ce rapport ne peut pas être importé\u202f; rien n’a été modifié."), err)
		return
	}
	p.plan = plan
	present, late := 0, 0
	for _, m := range plan.Result.Matched {
		if m.Mark.Mark == participants.Retard {
			late++
		} else {
			present++
		}
	}
	p.summary.SetText(lang.X("report.summary", "Présent·e·s\u00a0: {{.Present}} · en retard\u00a0: {{.Late}} · non reconnu·e·s\u00a0: {{.Unknown}}",
		map[string]any{"Present": p.c.ui.lang().Int(present), "Late": p.c.ui.lang().Int(late), "Unknown": p.c.ui.lang().Int(len(plan.Result.Unmatched))}))
	// Lines with nothing to say are hidden: on a 600-pixel screen their
	// blank height comes out of the lists below.
	p.team.SetText("")
	p.team.Hide()
	if n := len(plan.Result.Team); n > 0 {
		p.team.Show()
		names := make([]string, n)
		for i, a := range plan.Result.Team {
			names[i] = a.Name
		}
		p.team.SetText(lang.XN("report.team", "{{.N}} personne de l’équipe d’animation, sans marque\u00a0: {{.Names}}", n,
			map[string]any{"N": p.c.ui.lang().Int(n), "Names": p.c.ui.lang().List(names)}))
	}
	p.waiting.SetText("")
	p.waiting.Hide()
	if len(plan.Waiting) > 0 {
		p.waiting.Show()
		p.waiting.SetText(lang.XN("report.waiting", "{{.N}} personne du rapport est en liste d’attente (elle sera marquée présente, sans place)\u00a0: {{.Names}}", len(plan.Waiting),
			map[string]any{"N": p.c.ui.lang().Int(len(plan.Waiting)), "Names": joinNames(p.c.ui.lang(), plan.Waiting)}))
	}
	p.matched.Refresh()
	options := []string{lang.X("report.ignore", "Ignorer"), lang.X("report.walkin", "Ajouter comme arrivée sans inscription")}
	for _, person := range p.roster {
		options = append(options, lang.X("report.link", "Lier à {{.Name}}", map[string]any{"Name": person.Name}))
	}
	p.choices = p.choices[:0]
	p.unknown.Objects = nil
	for _, a := range plan.Result.Unmatched {
		sel := widget.NewSelect(options, nil)
		sel.SetSelectedIndex(0)
		p.choices = append(p.choices, sel)
		who := a.Name
		if a.Email != "" {
			who += " <" + a.Email + ">"
		}
		label := widget.NewLabel(fmt.Sprintf("%s · %s", who, p.c.ui.lang().Minutes(a.Minutes)))
		label.Truncation = fyne.TextTruncateEllipsis
		p.unknown.Add(container.NewGridWithColumns(2, label, sel))
	}
	p.unknown.Refresh()
	p.showAbsent()
}

// showAbsent lists the people who will be marked absent·e·s.
func (p *reportPreview) showAbsent() {
	n := len(p.plan.Absent)
	p.absent.Text = lang.XN("report.absent", "Marquer absente la personne attendue qui n’est pas dans le rapport ({{.N}})", n, map[string]any{"N": p.c.ui.lang().Int(n)})
	p.absent.Refresh()
	if n == 0 {
		p.absentee.SetText(lang.X("report.absent.none", "Toutes les personnes attendues sont dans le rapport ou ont déjà une marque."))
		return
	}
	p.absentee.SetText(joinNames(p.c.ui.lang(), p.plan.Absent))
	if p.absent.Checked {
		p.absentee.Importance = widget.MediumImportance
	} else {
		p.absentee.Importance = widget.LowImportance
	}
	p.absentee.Refresh()
}

func (p *reportPreview) updateMatched(id widget.ListItemID, l *widget.Label) {
	if id >= len(p.plan.Result.Matched) {
		return
	}
	m := p.plan.Result.Matched[id]
	by := lang.X("report.by.email", "courriel")
	switch m.By {
	case callreport.ByName:
		by = lang.X("report.by.name", "nom")
	case callreport.ByHand:
		by = lang.X("report.by.hand", "lié à la main")
	}
	text := fmt.Sprintf("%s ← %s (%s) · %s · %s", m.Participant.Name, p.c.ui.lang().Quote(m.Attendee.Name), by,
		markLabel(m.Mark.Mark), p.c.ui.lang().Minutes(m.Mark.Minutes))
	if m.Participant.Status == participants.Attente {
		text += " · " + strings.ToLower(statusLabel(m.Participant.Status))
	}
	l.SetText(text)
}

// save writes, in one transaction, the matched marks, the links chosen,
// the walk-ins and (when ticked) the absences. Links go through
// Result.Attach, so that a second device of someone already matched
// merges into their one mark instead of replacing it.
func (p *reportPreview) save() {
	if p.plan.DateWarning != nil && !p.plan.OtherDay {
		confirmThen(p.c.ui.win, lang.X("report.otherday.title", "Rapport d’un autre jour"),
			p.c.ui.message(p.plan.DateWarning)+"\n\n"+lang.X("report.otherday.question", "Enregistrer quand même ces présences pour la séance choisie\u202f?"),
			lang.X("report.otherday.yes", "Enregistrer quand même"), lang.X("action.cancel", "Annuler"), func() {
				p.plan.OtherDay = true
				p.save()
			})
		return
	}
	choices := make([]service.Choice, len(p.plan.Result.Unmatched))
	for i := range choices {
		switch k := p.choices[i].SelectedIndex(); {
		case k == 1:
			choices[i].WalkIn = true
		case k >= 2:
			choices[i].LinkTo = p.roster[k-2].ID
		}
	}
	out, err := p.c.ui.svc.ApplyReport(context.Background(), p.c.ui.cohort.ID, p.plan, choices, p.absent.Checked)
	if err != nil {
		p.c.ui.showError(lang.X("report.err.save", "Les présences n’ont pas été enregistrées\u202f; rien n’a été modifié."), err)
		return
	}
	p.dialog.Hide()
	p.c.ui.rosterChanged()
	p.c.reload()
	p.c.ui.notify(reportSaved(p.c.ui.lang(), out), nil)
}

// reportSaved says what « Enregistrer les présences » wrote: « 12 présences
// enregistrées · 3 absences ».
func reportSaved(l textfmt.Lang, out service.ReportOutcome) string {
	n := out.Present + out.Late
	text := lang.XN("report.saved", "{{.N}} présence enregistrée", n, map[string]any{"N": l.Int(n)})
	if a := len(out.Absent); a > 0 {
		text += " · " + lang.XN("report.saved.absent", "{{.N}} absence", a, map[string]any{"N": l.Int(a)})
	}
	return text
}
