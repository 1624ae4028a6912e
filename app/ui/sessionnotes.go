package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// notesPane is the team's own notes for the session on view, kept with the
// cohort and shown again in live mode.
type notesPane struct {
	s     *sessionsScreen
	root  fyne.CanvasObject
	entry *widget.Entry
	state *widget.Label
	saved string
}

func newNotesPane(s *sessionsScreen) *notesPane {
	n := &notesPane{s: s, entry: widget.NewMultiLineEntry(), state: widget.NewLabel("")}
	n.entry.Wrapping = fyne.TextWrapWord
	n.entry.SetPlaceHolder(lang.X("notes.hint", "Ce que l’équipe veut garder en tête pour cette séance\u00a0: qui fait quoi, liens à partager, points d’attention…"))
	n.entry.OnChanged = func(t string) {
		if t != n.saved {
			n.state.SetText(lang.X("notes.unsaved", "Modifications non enregistrées"))
		} else {
			n.state.SetText("")
		}
	}
	save := widget.NewButtonWithIcon(lang.X("notes.save", "Enregistrer les notes"), theme.DocumentSaveIcon(), n.onSave)
	s.ui.writing(n.entry, save)
	n.root = container.NewBorder(nil, container.NewHBox(save, n.state), nil, nil, n.entry)
	return n
}

// load reads the notes of the session on view.
func (n *notesPane) load() {
	if n.s.selected >= len(n.s.cohort.Sessions) {
		return
	}
	text, err := n.s.ui.store.SessionNotes(context.Background(), n.s.session().ID)
	if err != nil {
		n.s.ui.showError(lang.X("notes.err.load", "Les notes de la séance n’ont pas pu être lues."), err)
		return
	}
	n.saved = text
	n.entry.SetText(text)
	n.state.SetText("")
}

func (n *notesPane) onSave() {
	if err := n.s.ui.store.SetSessionNotes(context.Background(), n.s.session().ID, n.entry.Text); err != nil {
		n.s.ui.showError(lang.X("notes.err.save", "Les notes n’ont pas été enregistrées."), err)
		return
	}
	n.saved = n.entry.Text
	n.state.SetText(lang.X("notes.saved", "Notes enregistrées"))
}
