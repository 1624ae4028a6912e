package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/kit/usererr"
)

// blockEditor is the right-hand card of the agenda: the selected block's
// fields, saved with « Enregistrer le bloc ».
type blockEditor struct {
	s        *sessionsScreen
	root     fyne.CanvasObject
	index    int
	title    *widget.Entry
	kind     *widget.Select
	minutes  *widget.Entry
	fixed    *widget.Entry
	lead     *widget.SelectEntry
	material *widget.Entry
	notes    *widget.Entry
	when     *widget.Label
	save     *widget.Button
}

func newBlockEditor(s *sessionsScreen) *blockEditor {
	e := &blockEditor{s: s, index: -1}
	e.title = widget.NewEntry()
	var kinds []string
	for _, k := range agenda.Kinds() {
		kinds = append(kinds, kindLabel(k))
	}
	e.kind = widget.NewSelect(kinds, nil)
	e.minutes = widget.NewEntry()
	e.minutes.Validator = func(t string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(t)); err != nil || n < 1 || n > 600 {
			return usererr.New("%s", lang.X("agenda.err.minutes", "Une durée en minutes, de 1 à 600."))
		}
		return nil
	}
	e.fixed = widget.NewEntry()
	e.fixed.SetPlaceHolder(lang.X("agenda.fixed.hint", "vide, ou 19:30"))
	e.lead = widget.NewSelectEntry(nil)
	e.lead.SetPlaceHolder(lang.X("sessions.team", "toute l’équipe d’animation"))
	e.material = widget.NewEntry()
	e.notes = widget.NewMultiLineEntry()
	e.notes.Wrapping = fyne.TextWrapWord
	e.notes.SetMinRowsVisible(8)
	e.when = widget.NewLabel("")
	e.save = widget.NewButtonWithIcon(lang.X("agenda.save", "Enregistrer le bloc"), theme.DocumentSaveIcon(), e.onSave)
	e.save.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.X("agenda.title", "Titre"), e.title),
		widget.NewFormItem(lang.X("agenda.kind", "Type"), e.kind),
		widget.NewFormItem(lang.X("agenda.minutes", "Minutes"), e.minutes),
		widget.NewFormItem(lang.X("agenda.fixed", "Heure fixe"), e.fixed),
		widget.NewFormItem(lang.X("agenda.lead", "Animation"), e.lead),
		widget.NewFormItem(lang.X("agenda.materials", "Matériel"), e.material),
	)
	notesHeading := widget.NewLabelWithStyle(lang.X("sessions.notes", "Notes d’animation"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.root = container.NewBorder(container.NewVBox(e.when, form, notesHeading), e.save, nil, nil, e.notes)
	return e
}

// show puts block i of the session on view into the editor.
func (e *blockEditor) show(i int) {
	e.index = i
	if i < 0 || i >= len(e.s.slots) {
		e.title.SetText("")
		e.when.SetText("")
		return
	}
	sl := e.s.slots[i]
	l := e.s.ui.lang()
	e.when.SetText(fmt.Sprintf("%s – %s · %s", l.Clock(sl.Start), l.Clock(sl.End), l.Minutes(sl.Minutes)))
	e.title.SetText(sl.Title)
	e.kind.SetSelected(kindLabel(sl.Kind))
	e.minutes.SetText(strconv.Itoa(sl.Minutes))
	e.fixed.SetText("")
	if sl.Fixed() {
		e.fixed.SetText(sl.Start.Format("15:04"))
	}
	e.lead.SetOptions(e.s.cohort.Facilitators)
	e.lead.SetText(sl.Facilitator)
	e.material.SetText(sl.Materials)
	e.notes.SetText(sl.Notes)
}

// block reads the editor back into a block, or says what is wrong.
func (e *blockEditor) block() (agenda.Block, error) {
	b := e.s.session().Blocks[e.index]
	b.Title = strings.TrimSpace(e.title.Text)
	for _, k := range agenda.Kinds() {
		if kindLabel(k) == e.kind.Selected {
			b.Kind = k
		}
	}
	n, err := strconv.Atoi(strings.TrimSpace(e.minutes.Text))
	if err != nil {
		return b, usererr.New("%s", lang.X("agenda.err.minutes", "Une durée en minutes, de 1 à 600."))
	}
	b.Minutes = n
	b.FixedStart = 0
	if t := strings.TrimSpace(e.fixed.Text); t != "" {
		c, err := parseClock(t)
		if err != nil {
			return b, usererr.New("%s", lang.X("agenda.err.fixed", "L’heure fixe s’écrit 19:30 ou 19 h 30 ; laissez vide pour suivre le bloc précédent."))
		}
		start := e.s.session().StartsAt
		at := time.Date(start.Year(), start.Month(), start.Day(), c.Hour(), c.Minute(), 0, 0, start.Location())
		if !at.After(start) {
			return b, usererr.New("%s", lang.X("agenda.err.fixed.before", "L’heure fixe doit tomber après le début de la séance."))
		}
		b.FixedStart = at.Sub(start)
	}
	b.Facilitator = strings.TrimSpace(e.lead.Text)
	b.Materials = strings.TrimSpace(e.material.Text)
	b.Notes = strings.TrimSpace(e.notes.Text)
	return b, b.Validate()
}

func (e *blockEditor) onSave() {
	if e.index < 0 {
		return
	}
	b, err := e.block()
	if err != nil {
		e.s.ui.showError(lang.X("agenda.err.block", "Le bloc n’a pas été enregistré."), err)
		return
	}
	blocks, err := agenda.Update(e.s.session().Blocks, e.index, b)
	if err == nil {
		e.s.commit(blocks, e.index)
	}
}

// agendaToolbar holds the structural edits of the agenda.
func (s *sessionsScreen) agendaToolbar() fyne.CanvasObject {
	s.undoBtn = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), s.onUndo)
	s.redoBtn = widget.NewButtonWithIcon("", theme.ContentRedoIcon(), s.onRedo)
	add := widget.NewButtonWithIcon(lang.X("agenda.add", "Ajouter"), theme.ContentAddIcon(), s.onAddBlock)
	dup := widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() { s.edit(agenda.Duplicate, s.current+1) })
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.move(-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.move(1) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), s.onRemoveBlock)
	reset := widget.NewButtonWithIcon(lang.X("agenda.reset", "Revenir au programme"), theme.ViewRefreshIcon(), s.onReset)
	groups := widget.NewButtonWithIcon(lang.X("live.groups", "Sous-groupes…"), theme.AccountIcon(), func() { s.ui.openBreakouts(s.session()) })
	return container.NewHBox(add, dup, up, down, del, widget.NewSeparator(), s.undoBtn, s.redoBtn, widget.NewSeparator(), reset, groups)
}

// session is the session on view.
func (s *sessionsScreen) session() course.Session { return s.cohort.Sessions[s.selected] }

// commit saves a new agenda for the session on view, records it for undo
// and shows it with block sel selected.
func (s *sessionsScreen) commit(blocks []agenda.Block, sel int) {
	saved, ok := s.store(blocks)
	if !ok {
		return
	}
	s.history.Push(saved)
	s.showAgenda(sel)
}

// store writes blocks as the session's agenda and returns them as saved,
// with the ids of the blocks added; false (after telling the person) when
// it could not.
func (s *sessionsScreen) store(blocks []agenda.Block) ([]agenda.Block, bool) {
	saved, err := s.ui.store.SaveSessionBlocks(context.Background(), s.session().ID, blocks)
	if err != nil {
		s.ui.showError(lang.X("agenda.err.save", "L’agenda n’a pas été enregistré."), err)
		return nil, false
	}
	s.cohort.Sessions[s.selected].Blocks = saved
	s.ui.cohort = s.cohort
	return saved, true
}

// edit applies a structural edit to the block on view.
func (s *sessionsScreen) edit(op func([]agenda.Block, int) ([]agenda.Block, error), sel int) {
	blocks, err := op(s.session().Blocks, s.current)
	if err != nil {
		s.ui.showError(lang.X("agenda.err.edit", "Cette modification n’est pas possible."), err)
		return
	}
	s.commit(blocks, min(max(sel, 0), len(blocks)-1))
}

// move moves the block on view up (-1) or down (+1).
func (s *sessionsScreen) move(delta int) {
	to := s.current + delta
	if to < 0 || to >= len(s.session().Blocks) {
		return
	}
	blocks, err := agenda.Move(s.session().Blocks, s.current, to)
	if err == nil {
		s.commit(blocks, to)
	}
}

func (s *sessionsScreen) onAddBlock() {
	b := agenda.Block{Title: lang.X("agenda.new", "Nouveau bloc"), Kind: agenda.Discussion, Minutes: 10}
	at := min(s.current+1, len(s.session().Blocks))
	blocks, err := agenda.Insert(s.session().Blocks, at, b)
	if err == nil {
		s.commit(blocks, at)
	}
}

func (s *sessionsScreen) onRemoveBlock() {
	if len(s.session().Blocks) == 0 {
		return
	}
	s.edit(agenda.Remove, s.current)
}

// onReset puts the curriculum's agenda back, after asking.
func (s *sessionsScreen) onReset() {
	se := s.session()
	p, ok := s.plan(se.Number)
	if !ok {
		return
	}
	msg := lang.X("agenda.reset.confirm", "Remplacer l’agenda de la séance {{.N}} par celui du programme ? Vous pourrez annuler.", map[string]any{"N": se.Number})
	dialog.ShowConfirm(lang.X("agenda.reset", "Revenir au programme"), msg, func(yes bool) {
		if yes {
			// Blocks the curriculum still has keep their ids, and the
			// resources tied to them.
			s.commit(agenda.KeepIDs(se.Blocks, p.Blocks), 0)
		}
	}, s.ui.win)
}

func (s *sessionsScreen) onUndo() {
	if blocks, ok := s.history.Undo(); ok {
		s.restore(blocks)
	}
}

func (s *sessionsScreen) onRedo() {
	if blocks, ok := s.history.Redo(); ok {
		s.restore(blocks)
	}
}

// restore saves an agenda taken back from the history; blocks put back
// get new ids, which the history learns so that the next step keeps them.
func (s *sessionsScreen) restore(blocks []agenda.Block) {
	if saved, ok := s.store(blocks); ok {
		s.history.Amend(saved)
		s.showAgenda(min(s.current, len(saved)-1))
	}
}
