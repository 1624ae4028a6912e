package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
)

// showDetails fills the side panel with the selected node's mandate, the
// selected link, or a short guide when nothing is selected.
func (s *structuresScreen) showDetails() {
	ids := s.canvas.Selected()
	switch {
	case len(ids) == 1:
		s.details.Objects = s.nodeForm(s.current.NodeIndex(ids[0]))
	case len(ids) > 1:
		s.details.Objects = []fyne.CanvasObject{wrapped(lang.X("structure.multi", "{{.N}} éléments sélectionnés. Glissez-les ensemble, ou Suppr pour les retirer.", map[string]any{"N": len(ids)}))}
	case s.canvas.link != 0:
		s.details.Objects = s.linkForm(s.canvas.link)
	default:
		s.details.Objects = []fyne.CanvasObject{wrapped(lang.X("structure.guide", "Choisissez un type d’élément dans la palette puis touchez le canevas pour l’ajouter. Glissez un élément pour le déplacer, glissez le fond pour vous déplacer, Ctrl + molette pour zoomer. Avec «\u00a0Relier\u00a0» (ou Maj enfoncée), glissez d’un élément à l’autre pour les relier. Ctrl + clic pour en sélectionner plusieurs, Suppr pour retirer. Touchez un élément pour écrire son mandat ici."))}
	}
	s.details.Refresh()
}

// nodeForm is the mandate of node i: name, raison d’être, redevabilités,
// domaine, decision method, members and term.
func (s *structuresScreen) nodeForm(i int) []fyne.CanvasObject {
	if i < 0 {
		return nil
	}
	n := s.current.Nodes[i]
	label := widget.NewEntry()
	label.SetText(n.Label)
	purpose := multiline(n.Purpose, 3)
	accountabilities := multiline(n.Accountabilities, 4)
	domain := multiline(n.Domain, 2)
	method := widget.NewSelectEntry(structure.DecisionMethods())
	method.SetText(n.DecisionMethod)
	members := multiline(strings.Join(n.Members, "\n"), 3)
	members.SetPlaceHolder(lang.X("structure.members.hint", "Une personne par ligne ; vide si le rôle est à pourvoir"))
	var names []string
	if people, err := s.ui.store.Participants(context.Background(), s.ui.cohort.ID); err == nil {
		participants.SortByName(people)
		for _, p := range people {
			names = append(names, p.Name)
		}
	}
	fromRoster := widget.NewSelect(names, nil)
	fromRoster.PlaceHolder = lang.X("structure.members.add", "Ajouter une personne inscrite…")
	fromRoster.OnChanged = func(name string) {
		if name == "" {
			return
		}
		text := strings.TrimSpace(members.Text)
		if text != "" {
			text += "\n"
		}
		members.SetText(text + name)
		fromRoster.ClearSelected()
	}
	term := widget.NewEntry()
	term.SetPlaceHolder("AAAA-MM-JJ")
	if !n.TermEnd.IsZero() {
		term.SetText(n.TermEnd.Format("2006-01-02"))
	}
	save := widget.NewButtonWithIcon(lang.X("structure.node.save", "Enregistrer le mandat"), theme.DocumentSaveIcon(), func() {
		n.Label = strings.TrimSpace(label.Text)
		n.Purpose, n.Accountabilities, n.Domain = strings.TrimSpace(purpose.Text), strings.TrimSpace(accountabilities.Text), strings.TrimSpace(domain.Text)
		n.DecisionMethod = strings.TrimSpace(method.Text)
		n.Members = nil
		for _, line := range strings.Split(members.Text, "\n") {
			if m := strings.TrimSpace(line); m != "" {
				n.Members = append(n.Members, m)
			}
		}
		n.TermEnd = time.Time{}
		if t := strings.TrimSpace(term.Text); t != "" {
			end, err := time.ParseInLocation("2006-01-02", t, s.ui.cohort.Location())
			if err != nil {
				s.ui.showError(lang.X("structure.err.term", "La fin de mandat s’écrit AAAA-MM-JJ, par exemple 2027-06-30."), nil)
				return
			}
			n.TermEnd = end
		}
		if n.Label == "" {
			s.ui.showError(lang.X("structure.err.label", "Le nom de l’élément est obligatoire."), nil)
			return
		}
		st := s.current
		st.Nodes = append([]structure.Node(nil), st.Nodes...)
		st.Nodes[i] = n
		s.canvas.SetStructure(st, false)
		s.onCanvasChange(st, true)
	})
	save.Importance = widget.HighImportance
	state := lang.X("structure.filled", "Pourvu")
	if len(n.Members) == 0 {
		state = lang.X("structure.vacant", "À pourvoir")
	}
	heading := widget.NewLabelWithStyle(fmt.Sprintf("%s · %s", nodeKindLabel(n.Kind), state), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	remove := widget.NewButtonWithIcon(lang.X("structure.node.delete", "Retirer l’élément"), theme.DeleteIcon(), s.canvas.deleteSelection)
	return []fyne.CanvasObject{
		heading,
		widget.NewForm(
			widget.NewFormItem(lang.X("structure.node.name", "Nom"), label),
			widget.NewFormItem(lang.X("structure.node.purpose", "Raison d’être"), purpose),
			widget.NewFormItem(lang.X("structure.node.accountabilities", "Redevabilités"), accountabilities),
			widget.NewFormItem(lang.X("structure.node.domain", "Domaine"), domain),
			widget.NewFormItem(lang.X("structure.node.method", "Décision"), method),
			widget.NewFormItem(lang.X("structure.node.members", "Membres"), members),
			widget.NewFormItem("", fromRoster),
			widget.NewFormItem(lang.X("structure.node.term", "Fin de mandat"), term),
		),
		save,
		remove,
	}
}

func multiline(text string, rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.SetText(text)
	return e
}

// linkForm edits the selected link's kind and label.
func (s *structuresScreen) linkForm(id int64) []fyne.CanvasObject {
	i := -1
	for j, l := range s.current.Links {
		if l.ID == id {
			i = j
		}
	}
	if i < 0 {
		return nil
	}
	l := s.current.Links[i]
	var options []string
	for _, k := range structure.LinkKinds() {
		options = append(options, linkKindLabel(k))
	}
	kind := widget.NewSelect(options, nil)
	kind.SetSelected(linkKindLabel(l.Kind))
	label := widget.NewEntry()
	label.SetText(l.Label)
	save := widget.NewButtonWithIcon(lang.X("structure.link.save", "Enregistrer le lien"), theme.DocumentSaveIcon(), func() {
		for _, k := range structure.LinkKinds() {
			if linkKindLabel(k) == kind.Selected {
				l.Kind = k
			}
		}
		l.Label = strings.TrimSpace(label.Text)
		st := s.current
		st.Links = append([]structure.Link(nil), st.Links...)
		st.Links[i] = l
		s.canvas.SetStructure(st, false)
		s.onCanvasChange(st, true)
	})
	save.Importance = widget.HighImportance
	remove := widget.NewButtonWithIcon(lang.X("structure.link.delete", "Retirer le lien"), theme.DeleteIcon(), s.canvas.deleteSelection)
	return []fyne.CanvasObject{
		widget.NewLabelWithStyle(lang.X("structure.link", "Lien"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewForm(
			widget.NewFormItem(lang.X("structure.link.kind", "Type"), kind),
			widget.NewFormItem(lang.X("structure.link.label", "Libellé"), label),
		),
		save, remove,
	}
}
