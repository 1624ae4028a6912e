package ui

import (
	"bytes"
	"context"
	"fmt"
	"slices"
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
// and lets the facilitator link the unknown ones before anything is saved.
type reportPreview struct {
	c        *checkinScreen
	rep      *callreport.Report
	roster   []participants.Participant // sorted by name
	result   callreport.Result
	late     *widget.Entry
	summary  *widget.Label
	matched  *widget.List
	choices  []*widget.Select // one per unmatched attendee
	unknown  *fyne.Container
	dialog   dialog.Dialog
	lateMins int
}

// previewReport opens the preview of a parsed report, or says why the file
// is unusable.
func (c *checkinScreen) previewReport(rep *callreport.Report, err error) *reportPreview {
	if err != nil {
		c.ui.showError(lang.X("report.err.unusable", "Ce rapport ne peut pas être importé ; rien n’a été modifié."), err)
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
		func() int { return len(p.result.Matched) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Marie-Ève Lévesque-Tremblay ← « Tablette de Jo » · En retard · 149 min")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { p.updateMatched(id, o.(*widget.Label)) },
	)
	p.unknown = container.NewVBox()

	head := []fyne.CanvasObject{widget.NewLabel(fmt.Sprintf("%s · %s · %s", rep.Tool, rep.Encoding, sessionName(c.session.Number)))}
	if w := callreport.DateWarning(rep, c.session.StartsAt); w != "" {
		warn := wrapped(w)
		warn.Importance = widget.WarningImportance
		head = append(head, warn)
	}
	for _, s := range rep.Skipped {
		skipped := wrapped(lang.X("report.skipped", "Ligne {{.N}} ignorée\u00a0: {{.Why}}", map[string]any{"N": s.Line, "Why": s.Reason}))
		skipped.Importance = widget.WarningImportance
		head = append(head, skipped)
	}
	head = append(head,
		container.NewHBox(widget.NewLabel(lang.X("report.late", "En retard après")), container.NewGridWrap(fyne.NewSize(70, p.late.MinSize().Height), p.late),
			widget.NewLabel(lang.X("report.late.unit", "minutes"))),
		p.summary)
	unknownBox := container.NewVScroll(p.unknown)
	unknownBox.SetMinSize(fyne.NewSize(0, 150))
	lists := container.NewVSplit(p.matched, container.NewBorder(
		widget.NewLabelWithStyle(lang.X("report.unknown", "Personnes non reconnues : les lier à quelqu’un de la liste, les ajouter ou les ignorer"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, unknownBox))
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

func (p *reportPreview) options() callreport.Options {
	return callreport.Options{SessionID: p.c.session.ID, Start: p.c.session.StartsAt, LateAfter: time.Duration(p.lateMins) * time.Minute}
}

// rematch matches again (after a change of the late threshold) and rebuilds
// the choices for the people not recognised.
func (p *reportPreview) rematch() {
	p.result = callreport.MatchRoster(p.rep, p.roster, p.options())
	present, late := 0, 0
	for _, m := range p.result.Matched {
		if m.Mark.Mark == participants.Retard {
			late++
		} else {
			present++
		}
	}
	p.summary.SetText(lang.X("report.summary", "Présent·e·s\u00a0: {{.Present}} · en retard\u00a0: {{.Late}} · non reconnu·e·s\u00a0: {{.Unknown}}",
		map[string]any{"Present": present, "Late": late, "Unknown": len(p.result.Unmatched)}))
	p.matched.Refresh()
	options := []string{lang.X("report.ignore", "Ignorer"), lang.X("report.walkin", "Ajouter comme arrivée sans inscription")}
	for _, person := range p.roster {
		options = append(options, lang.X("report.link", "Lier à {{.Name}}", map[string]any{"Name": person.Name}))
	}
	p.choices = p.choices[:0]
	p.unknown.Objects = nil
	for _, a := range p.result.Unmatched {
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
}

func (p *reportPreview) updateMatched(id widget.ListItemID, l *widget.Label) {
	if id >= len(p.result.Matched) {
		return
	}
	m := p.result.Matched[id]
	by := lang.X("report.by.email", "courriel")
	switch m.By {
	case callreport.ByName:
		by = lang.X("report.by.name", "nom")
	case callreport.ByHand:
		by = lang.X("report.by.hand", "lié à la main")
	}
	l.SetText(fmt.Sprintf("%s ← «\u00a0%s\u00a0» (%s) · %s · %s", m.Participant.Name, m.Attendee.Name, by,
		markLabel(m.Mark.Mark), p.c.ui.lang().Minutes(m.Mark.Minutes)))
}

// save writes the matched marks, the links chosen and the walk-ins. Links
// go through Result.Attach, so that a second device of someone already
// matched merges into their one mark instead of replacing it.
func (p *reportPreview) save() {
	ctx := context.Background()
	st := p.c.ui.store
	res := callreport.Result{Matched: slices.Clone(p.result.Matched), Unmatched: slices.Clone(p.result.Unmatched)}
	opt := p.options()
	for i := len(p.result.Unmatched) - 1; i >= 0; i-- { // Attach removes entry i
		a := p.result.Unmatched[i]
		switch k := p.choices[i].SelectedIndex(); {
		case k == 1:
			person, err := st.AddWalkIn(ctx, p.c.ui.cohort.ID, p.c.session.ID, participants.Participant{Name: a.Name, Email: a.Email})
			if err != nil {
				p.c.ui.showError(lang.X("checkin.err.walkin", "La personne n’a pas été ajoutée."), err)
				return
			}
			res.Attach(i, person, opt)
		case k >= 2:
			res.Attach(i, p.roster[k-2], opt)
		}
	}
	if err := st.SetAttendance(ctx, res.Marks()); err != nil {
		p.c.ui.showError(lang.X("report.err.save", "Les présences n’ont pas été enregistrées ; rien n’a été modifié."), err)
		return
	}
	p.dialog.Hide()
	p.c.ui.rosterChanged()
	p.c.reload()
}
