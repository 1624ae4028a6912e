package ui

import (
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
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/kit/usererr"
)

// blockEditor is the right-hand card of the agenda: the selected block's
// fields, saved with « Enregistrer le bloc », with Enter in a one-line
// field, or on the way to anything else (see flushThen).
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
	state    *widget.Label // « Modifications non enregistrées »

	// shown is what the fields held when the block was put on view: an
	// edit is any field that differs from it.
	shown fieldTexts
	// filling is set while show fills the fields, which is no edit.
	filling bool
}

// fieldTexts are the editor's fields, trimmed, in form order.
type fieldTexts [7]string

func newBlockEditor(s *sessionsScreen) *blockEditor {
	e := &blockEditor{s: s, index: -1}
	e.title = widget.NewEntry()
	var kinds []string
	for _, k := range agenda.Kinds() {
		kinds = append(kinds, kindLabel(k))
	}
	e.kind = widget.NewSelect(kinds, func(string) { e.changed() })
	e.minutes = widget.NewEntry()
	e.minutes.Validator = func(t string) error {
		if _, err := parseMinutes(t); err != nil {
			return err
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
	// Enter saves in a one-line field; in the notes it starts a new line,
	// and Shift+Enter saves.
	for _, f := range []*widget.Entry{e.title, e.minutes, e.fixed, &e.lead.Entry, e.material, e.notes} {
		f.OnChanged = func(string) { e.changed() }
		f.OnSubmitted = func(string) { e.onSave() }
	}
	e.when = widget.NewLabel("")
	e.save = widget.NewButtonWithIcon(lang.X("agenda.save", "Enregistrer le bloc"), theme.DocumentSaveIcon(), e.onSave)
	// Off for a role that may only read: the block reads the same, and
	// nothing typed waits for a save that would be refused.
	s.ui.writing(e.title, e.kind, e.minutes, e.fixed, e.lead, e.material, e.notes, e.save)
	// The label may shorten but never widens the card.
	e.state = widget.NewLabel("")
	e.state.Importance = widget.LowImportance
	e.state.Truncation = fyne.TextTruncateEllipsis
	form := widget.NewForm(
		widget.NewFormItem(lang.X("agenda.title", "Titre"), e.title),
		widget.NewFormItem(lang.X("agenda.kind", "Type"), e.kind),
		widget.NewFormItem(lang.X("agenda.minutes", "Minutes"), e.minutes),
		widget.NewFormItem(lang.X("agenda.fixed", "Heure fixe"), e.fixed),
		widget.NewFormItem(lang.X("agenda.lead", "Animation"), e.lead),
		widget.NewFormItem(lang.X("agenda.materials", "Matériel"), e.material),
	)
	notesHeading := widget.NewLabelWithStyle(lang.X("sessions.notes", "Notes d’animation"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The fields scroll rather than making the window taller than a small
	// laptop's screen; the button stays in sight below them, with the
	// state on a line of its own, kept when empty so nothing moves.
	fields := container.NewVScroll(container.NewBorder(container.NewVBox(e.when, form, notesHeading), nil, nil, nil, e.notes))
	bottom := container.New(layout.NewCustomPaddedVBoxLayout(0), e.state, container.NewHBox(e.save))
	e.root = container.NewBorder(nil, bottom, nil, nil, fields)
	return e
}

// show puts block i of the session on view into the editor, dropping
// whatever the fields held.
func (e *blockEditor) show(i int) {
	e.index = i
	e.filling = true
	defer func() {
		e.filling = false
		e.shown = e.texts()
		e.showState()
	}()
	if i < 0 || i >= len(e.s.slots) {
		e.index = -1
		e.when.SetText("")
		for _, f := range []*widget.Entry{e.title, e.minutes, e.fixed, &e.lead.Entry, e.material, e.notes} {
			f.SetText("")
		}
		e.kind.ClearSelected()
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

func (e *blockEditor) texts() fieldTexts {
	t := fieldTexts{e.title.Text, e.kind.Selected, e.minutes.Text, e.fixed.Text, e.lead.Text, e.material.Text, e.notes.Text}
	for i := range t {
		t[i] = strings.TrimSpace(t[i])
	}
	return t
}

// dirty reports whether the fields hold an edit of the block on view.
func (e *blockEditor) dirty() bool {
	return e.index >= 0 && e.index < len(e.s.slots) && e.texts() != e.shown
}

// changed follows the person's typing in any field.
func (e *blockEditor) changed() {
	if !e.filling {
		e.showState()
		e.s.forgetUndo() // « Annuler » would now take back the typing
	}
}

// showState makes « Enregistrer le bloc » stand out, and says so beside
// it, only while there is something to save.
func (e *blockEditor) showState() {
	imp, text := widget.MediumImportance, ""
	if e.dirty() {
		imp, text = widget.HighImportance, lang.X("notes.unsaved", "Modifications non enregistrées")
	}
	if e.save.Importance != imp {
		e.save.Importance = imp
		e.save.Refresh()
	}
	e.state.SetText(text)
}

// parseMinutes reads a block's length.
func parseMinutes(t string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(t))
	if err != nil || n < 1 || n > 600 {
		return 0, usererr.New("%s", lang.X("agenda.err.minutes", "Une durée en minutes, de 1 à 600."))
	}
	return n, nil
}

// block reads the editor back into a block, or says what is wrong and
// which field to correct.
func (e *blockEditor) block() (agenda.Block, fyne.Focusable, error) {
	b := e.s.session().Blocks[e.index]
	b.Title = strings.TrimSpace(e.title.Text)
	for _, k := range agenda.Kinds() {
		if kindLabel(k) == e.kind.Selected {
			b.Kind = k
		}
	}
	n, err := parseMinutes(e.minutes.Text)
	if err != nil {
		return b, e.minutes, usererr.New("%s", lang.X("agenda.err.minutes.block", "La durée s’écrit en minutes\u00a0: un nombre entier de 1 à 600."))
	}
	b.Minutes = n
	b.FixedStart = 0
	if t := strings.TrimSpace(e.fixed.Text); t != "" {
		c, err := parseClock(t)
		if err != nil {
			return b, e.fixed, usererr.New("%s", lang.X("agenda.err.fixed", "L’heure fixe s’écrit 19:30 ou 19\u00a0h\u00a030\u202f; laissez vide pour suivre le bloc précédent."))
		}
		start := e.s.session().StartsAt
		at := time.Date(start.Year(), start.Month(), start.Day(), c.Hour(), c.Minute(), 0, 0, start.Location())
		if !at.After(start) {
			return b, e.fixed, usererr.New("%s", lang.X("agenda.err.fixed.before", "L’heure fixe doit tomber après le début de la séance."))
		}
		b.FixedStart = at.Sub(start)
	}
	b.Facilitator = strings.TrimSpace(e.lead.Text)
	b.Materials = strings.TrimSpace(e.material.Text)
	b.Notes = strings.TrimSpace(e.notes.Text)
	if err := b.Validate(); err != nil {
		return b, e.title, err
	}
	return b, nil, nil
}

// onSave saves the block on view, if it changed.
func (e *blockEditor) onSave() {
	if !e.dirty() {
		return
	}
	b, _, err := e.block()
	if err != nil {
		e.s.ui.showError(lang.X("agenda.err.block", "Le bloc n’a pas été enregistré."), err)
		return
	}
	e.s.saveBlock(e.index, b)
}

// flush saves the block being edited, if it changed, before the person
// goes elsewhere (another area of the window). It returns false when the
// edit cannot be saved as it stands: a dialog then says what to correct,
// and offers to discard the edit; the caller should stay where it is.
func (s *sessionsScreen) flush() bool { return s.flushThen(nil) }

// flushThen runs next once the block being edited is saved, at once when
// nothing is pending. An edit that cannot be saved keeps the person where
// they are: a dialog says what to correct, and next runs only if they
// discard the edit instead. It reports whether next ran at once.
func (s *sessionsScreen) flushThen(next func()) bool {
	run := func() {
		if next != nil {
			next()
		}
	}
	e := s.editor
	if e == nil || !e.dirty() {
		run()
		return true
	}
	b, field, err := e.block()
	if err != nil {
		s.askToFix(field, err, run)
		return false
	}
	if !s.saveBlock(e.index, b) {
		return false
	}
	run()
	return true
}

// askToFix tells the person why the block they edited cannot be saved and
// lets them correct it (back in field) or discard the edit and go on.
func (s *sessionsScreen) askToFix(field fyne.Focusable, err error, discarded func()) {
	e := s.editor
	msg := wrapped(lang.X("agenda.pending.text", "Vos modifications du bloc «\u00a0{{.Title}}\u00a0» ne peuvent pas être enregistrées telles quelles\u00a0: {{.Reason}}\n\nCorrigez-les pour les garder, ou abandonnez-les pour revenir au bloc tel qu’il est enregistré.",
		map[string]any{"Title": s.session().Blocks[e.index].Title, "Reason": s.ui.message(err)}))
	d := dialog.NewCustomWithoutButtons(lang.X("agenda.pending.title", "Bloc non enregistré"), msg, s.ui.win)
	fix := widget.NewButtonWithIcon(lang.X("agenda.pending.fix", "Corriger"), theme.DocumentCreateIcon(), func() {
		d.Hide()
		if field != nil {
			s.ui.win.Canvas().Focus(field)
		}
	})
	fix.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon(lang.X("agenda.pending.discard", "Abandonner la modification"), theme.CancelIcon(), func() {
		d.Hide()
		e.show(e.index)
		discarded()
	})
	d.SetButtons([]fyne.CanvasObject{discard, fix})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// savePending saves an edit left in the editor when cohort c is about to
// replace the one on view (the cohort was picked or edited): c gets the
// saved agenda if it is the same cohort. An edit that cannot be saved is
// dropped, and the person told which.
func (s *sessionsScreen) savePending(c *course.Cohort) {
	e := s.editor
	if !e.dirty() {
		return
	}
	se, i := s.session(), e.index
	b, _, err := e.block()
	var blocks []agenda.Block
	if err == nil {
		blocks, err = agenda.Update(se.Blocks, i, b)
	}
	if err == nil {
		blocks, err = s.ui.store.SaveSessionBlocks(context.Background(), se.ID, blocks)
	}
	e.show(-1)
	if err != nil {
		s.takeTheirs(err)
		s.ui.showError(lang.X("agenda.err.dropped", "Vos modifications du bloc «\u00a0{{.Title}}\u00a0» n’ont pas pu être enregistrées.", map[string]any{"Title": se.Blocks[i].Title}), err)
		return
	}
	se.Blocks = blocks
	for i := range c.Sessions {
		if c.Sessions[i].ID == se.ID {
			c.Sessions[i].Blocks = blocks
		}
	}
	s.ui.agendaChanged(se)
}

// agendaToolbar holds the structural edits of the agenda: the edits of the
// block on view, then the whole agenda's. Its buttons are compact, as a toolbar's are,
// which leaves the agenda the height it needs with the live panel open.
func (s *sessionsScreen) agendaToolbar() fyne.CanvasObject {
	s.undoBtn = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), s.onUndo)
	s.redoBtn = widget.NewButtonWithIcon("", theme.ContentRedoIcon(), s.onRedo)
	add := widget.NewButtonWithIcon(lang.X("agenda.add", "Ajouter"), theme.ContentAddIcon(), s.onAddBlock)
	dup := widget.NewButtonWithIcon("", theme.ContentCopyIcon(), s.onDuplicate)
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.move(-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.move(1) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), s.onRemoveBlock)
	reset := widget.NewButtonWithIcon(lang.X("agenda.reset", "Revenir au programme"), theme.ViewRefreshIcon(), s.onReset)
	groups := widget.NewButtonWithIcon(lang.X("live.groups", "Former les groupes…"), theme.AccountIcon(), func() {
		s.flushThen(func() { s.ui.openBreakouts(s.session()) })
	})
	s.ui.writing(add, dup, up, down, del, reset, groups)
	// The buttons run on as many rows as the pane's width needs: one on a
	// wide screen, more on a small laptop, none of them out of sight.
	s.toolbar = flowRow(add, dup, up, down, del, s.undoBtn, s.redoBtn, reset, groups)
	return container.NewThemeOverride(s.toolbar, compactTheme)
}

// session is the session on view.
func (s *sessionsScreen) session() course.Session { return s.cohort.Sessions[s.selected] }

// saveBlock saves b as block i of the session on view.
func (s *sessionsScreen) saveBlock(i int, b agenda.Block) bool {
	blocks, err := agenda.Update(s.session().Blocks, i, b)
	if err != nil {
		s.ui.showError(lang.X("agenda.err.block", "Le bloc n’a pas été enregistré."), err)
		return false
	}
	return s.commit(blocks, i)
}

// commit saves a new agenda for the session on view, records it for undo
// and shows it with block sel selected.
func (s *sessionsScreen) commit(blocks []agenda.Block, sel int) bool {
	saved, ok := s.store(blocks)
	if !ok {
		return false
	}
	s.history.Push(saved)
	s.showAgenda(sel)
	return true
}

// store writes blocks as the session's agenda and returns them as saved,
// with the ids of the blocks added; false (after telling the person) when
// it could not. Whatever shows the session's times follows: its row in the
// list of sessions, and live mode if it runs this session.
func (s *sessionsScreen) store(blocks []agenda.Block) ([]agenda.Block, bool) {
	saved, err := s.ui.store.SaveSessionBlocks(context.Background(), s.session().ID, blocks)
	if err != nil {
		s.ui.showError(lang.X("agenda.err.save", "L’agenda n’a pas été enregistré."), err)
		s.takeTheirs(err)
		return nil, false
	}
	s.cohort.Sessions[s.selected].Blocks = saved
	s.ui.cohort = s.cohort
	s.list.RefreshItem(s.selected)
	s.ui.agendaChanged(s.session())
	return saved, true
}

// edit applies a structural edit to the block on view; false when it
// was not saved.
func (s *sessionsScreen) edit(op func([]agenda.Block, int) ([]agenda.Block, error), sel int) bool {
	blocks, err := op(s.session().Blocks, s.current)
	if err != nil {
		s.ui.showError(lang.X("agenda.err.edit", "Cette modification n’est pas possible."), err)
		return false
	}
	return s.commit(blocks, min(max(sel, 0), len(blocks)-1))
}

// offerUndo says what the agenda edit just saved did, with « Annuler »
// stepping back in the agenda's history, as its own undo button does. The
// offer ends with the next change of the agenda (see forgetUndo), after
// which « Annuler » would take back something else.
func (s *sessionsScreen) offerUndo(text string) {
	id := s.session().ID
	s.ui.notify(text, func() {
		if s.session().ID == id {
			s.onUndo()
		}
	})
	s.undoNotice = s.ui.noticeOn()
}

// forgetUndo ends offerUndo's offer.
func (s *sessionsScreen) forgetUndo() {
	if s.undoNotice != 0 {
		s.ui.forgetNoticeOn(s.undoNotice)
		s.undoNotice = 0
	}
}

// The toolbar's actions below save the block being edited first (see
// flushThen), then act on the agenda as saved.

func (s *sessionsScreen) onDuplicate() {
	s.flushThen(func() { s.edit(agenda.Duplicate, s.current+1) })
}

// move moves the block on view up (-1) or down (+1).
func (s *sessionsScreen) move(delta int) {
	s.flushThen(func() {
		to := s.current + delta
		if to < 0 || to >= len(s.session().Blocks) {
			return
		}
		title := s.session().Blocks[s.current].Title
		blocks, err := agenda.Move(s.session().Blocks, s.current, to)
		if err == nil && s.commit(blocks, to) {
			s.offerUndo(lang.X("agenda.moved", "Bloc «\u00a0{{.Title}}\u00a0» déplacé.", map[string]any{"Title": title}))
		}
	})
}

func (s *sessionsScreen) onAddBlock() {
	s.flushThen(func() {
		b := agenda.Block{Title: lang.X("agenda.new", "Nouveau bloc"), Kind: agenda.Discussion, Minutes: 10}
		at := min(s.current+1, len(s.session().Blocks))
		blocks, err := agenda.Insert(s.session().Blocks, at, b)
		if err == nil {
			s.commit(blocks, at)
		}
	})
}

func (s *sessionsScreen) onRemoveBlock() {
	s.flushThen(func() {
		if len(s.session().Blocks) > 0 {
			title := s.session().Blocks[s.current].Title
			if s.edit(agenda.Remove, s.current) {
				s.offerUndo(lang.X("agenda.removed", "Bloc «\u00a0{{.Title}}\u00a0» supprimé.", map[string]any{"Title": title}))
			}
		}
	})
}

// onReset puts the curriculum's agenda back, after asking.
func (s *sessionsScreen) onReset() {
	s.flushThen(func() {
		se := s.session()
		p, ok := s.plan(se.Number)
		if !ok {
			return
		}
		msg := lang.X("agenda.reset.confirm", "Remplacer l’agenda de la séance {{.N}} par celui du programme\u202f? Vous pourrez annuler.", map[string]any{"N": se.Number})
		dialog.ShowConfirm(lang.X("agenda.reset", "Revenir au programme"), msg, func(yes bool) {
			if yes {
				// Blocks the curriculum still has keep their ids, and the
				// resources tied to them.
				s.commit(agenda.KeepIDs(se.Blocks, p.Blocks), 0)
			}
		}, s.ui.win)
	})
}

// onUndo undoes the last saved edit; an edit still in the editor is saved
// first, so it is the one undone (and redo brings it back).
func (s *sessionsScreen) onUndo() {
	s.flushThen(func() {
		if blocks, ok := s.history.Undo(); ok {
			s.restore(blocks)
		}
	})
}

func (s *sessionsScreen) onRedo() {
	s.flushThen(func() {
		if blocks, ok := s.history.Redo(); ok {
			s.restore(blocks)
		}
	})
}

// restore saves an agenda taken back from the history; blocks put back
// get new ids, which the history learns so that the next step keeps them.
func (s *sessionsScreen) restore(blocks []agenda.Block) {
	// The step is saved over the agenda as last saved: a block still in it
	// takes the version it has now, one put back has none (it is added).
	now := map[int64]int64{}
	for _, b := range s.session().Blocks {
		now[b.ID] = b.Version
	}
	blocks = slices.Clone(blocks)
	for i := range blocks {
		blocks[i].Version = now[blocks[i].ID]
	}
	if saved, ok := s.store(blocks); ok {
		s.history.Amend(saved)
		s.showAgenda(min(s.current, len(saved)-1))
	}
}
