package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
)

// newPanel is the panel of the selection's details: a card floating over
// the right of the canvas, with a button to close it.
func (s *structuresScreen) newPanel() *fyne.Container {
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), s.onClosePanel)
	closeBtn.Importance = widget.LowImportance
	// The form's « Enregistrer » stays in sight above it, however long
	// the mandate.
	s.action = container.NewStack()
	head := container.NewBorder(nil, nil, nil, closeBtn, s.action)
	body := container.NewBorder(head, nil, nil, nil, container.NewVScroll(container.NewPadded(s.details)))
	return container.NewStack(newPanelBackdrop(), body)
}

// onSelect follows the canvas's selection: the panel opens on it, and a
// node it would cover is brought beside it.
func (s *structuresScreen) onSelect() {
	s.guide, s.closed = false, false
	s.showDetails()
	if ids := s.canvas.Selected(); len(ids) == 1 && s.panel.Visible() {
		s.canvas.keepInView(ids[0])
	}
}

// onHelp opens the panel on how to draw.
func (s *structuresScreen) onHelp() {
	s.canvas.selectOnly(0)
	s.canvas.Refresh()
	s.guide, s.closed = true, false
	s.showDetails()
}

func (s *structuresScreen) onClosePanel() {
	s.closed, s.guide = true, false
	s.showDetails()
}

// showDetails fills the panel with the selected node's mandate, the
// selected link, or the guide when asked, and shows it when it has
// something to say. The canvas under it keeps its size.
func (s *structuresScreen) showDetails() {
	ids := s.canvas.Selected()
	var objs []fyne.CanvasObject
	var save *widget.Button
	switch {
	case len(ids) == 1:
		objs, save = s.nodeForm(s.current.NodeIndex(ids[0]))
	case len(ids) > 1:
		objs = []fyne.CanvasObject{wrapped(lang.X("structure.multi", "{{.N}} éléments sélectionnés. Glissez-les ensemble, ou Suppr pour les retirer.", map[string]any{"N": s.ui.lang().Int(len(ids))}))}
	case s.canvas.link != 0:
		objs, save = s.linkForm(s.canvas.link)
	case s.guide:
		objs = []fyne.CanvasObject{wrapped(lang.X("structure.guide", "Choisissez un type d’élément dans la palette puis cliquez sur le canevas pour l’ajouter. Glissez un élément pour le déplacer, glissez le fond pour vous déplacer, Ctrl + molette pour zoomer. Avec «\u00a0Relier\u00a0» (ou Maj enfoncée), glissez d’un élément à l’autre pour les relier. Ctrl + clic pour en sélectionner plusieurs, Suppr pour retirer. Cliquez sur un élément pour écrire son mandat ici."))}
	}
	s.details.Objects = objs
	s.details.Refresh()
	s.action.Objects = nil
	if save != nil {
		s.action.Objects = []fyne.CanvasObject{container.NewHBox(save)}
	}
	s.action.Refresh()
	if len(objs) > 0 && !s.closed {
		s.panel.Show()
		s.canvas.rightInset = panelWidth(s.area.Size().Width) + 2*panelMargin
	} else {
		s.panel.Hide()
		s.canvas.rightInset = 0
	}
}

// The panel's place over the canvas.
const (
	panelMargin = 8
	panelMinW   = 280
	panelMaxW   = 380
)

// panelWidth is how wide the panel is over a canvas this wide: room for
// the mandate's form, and most of the canvas left beside it.
func panelWidth(areaW float32) float32 {
	if areaW < 2*panelMinW {
		return max(0, areaW-2*panelMargin)
	}
	return min(panelMaxW, max(panelMinW, areaW*0.38))
}

// floatRight lays the panel out along the right side of the canvas, full
// height; it asks for no room, so the canvas never shrinks for it.
type floatRight struct{ canvas *diagramCanvas }

func (l *floatRight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := panelWidth(size.Width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, max(0, size.Height-2*panelMargin)))
		o.Move(fyne.NewPos(size.Width-w-panelMargin, panelMargin))
		if o.Visible() {
			l.canvas.rightInset = w + 2*panelMargin
		}
	}
}

func (l *floatRight) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// panelBackdrop is the panel's card: it takes the taps, drags and wheel
// turns that land on the panel, which would otherwise reach the canvas
// under it and select or move what the panel hides.
type panelBackdrop struct{ widget.BaseWidget }

func newPanelBackdrop() *panelBackdrop {
	b := &panelBackdrop{}
	b.ExtendBaseWidget(b)
	return b
}

func (b *panelBackdrop) Tapped(*fyne.PointEvent)    {}
func (b *panelBackdrop) Dragged(*fyne.DragEvent)    {}
func (b *panelBackdrop) DragEnd()                   {}
func (b *panelBackdrop) Scrolled(*fyne.ScrollEvent) {}

func (b *panelBackdrop) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	bg.StrokeColor = theme.Color(theme.ColorNameShadow)
	bg.StrokeWidth = 1
	return widget.NewSimpleRenderer(bg)
}

// nodeForm is the mandate of node i, and the button that saves it: name,
// raison d’être, redevabilités,
// domaine, decision method, members and term.
func (s *structuresScreen) nodeForm(i int) ([]fyne.CanvasObject, *widget.Button) {
	if i < 0 {
		return nil, nil
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
	members.SetPlaceHolder(lang.X("structure.members.hint", "Une personne par ligne\u202f; vide si le rôle est à pourvoir"))
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
	if s.present {
		remove.Hide() // nothing is deleted in front of the group
	}
	s.ui.writing(label, purpose, accountabilities, domain, method, members, fromRoster, term, save, remove)
	// One column: the panel is narrow, and floats over the canvas.
	form := widget.NewForm(
		widget.NewFormItem(lang.X("structure.node.name", "Nom"), label),
		widget.NewFormItem(lang.X("structure.node.purpose", "Raison d’être"), purpose),
		widget.NewFormItem(lang.X("structure.node.accountabilities", "Redevabilités"), accountabilities),
		widget.NewFormItem(lang.X("structure.node.domain", "Domaine"), domain),
		widget.NewFormItem(lang.X("structure.node.method", "Décision"), method),
		widget.NewFormItem(lang.X("structure.node.members", "Membres"), members),
		widget.NewFormItem("", fromRoster),
		widget.NewFormItem(lang.X("structure.node.term", "Fin de mandat"), term),
	)
	form.Orientation = widget.Vertical
	return []fyne.CanvasObject{heading, form, remove}, save
}

func multiline(text string, rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.SetText(text)
	return e
}

// linkForm edits the selected link's kind and label.
func (s *structuresScreen) linkForm(id int64) ([]fyne.CanvasObject, *widget.Button) {
	i := -1
	for j, l := range s.current.Links {
		if l.ID == id {
			i = j
		}
	}
	if i < 0 {
		return nil, nil
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
	if s.present {
		remove.Hide()
	}
	s.ui.writing(kind, label, save, remove)
	form := widget.NewForm(
		widget.NewFormItem(lang.X("structure.link.kind", "Type"), kind),
		widget.NewFormItem(lang.X("structure.link.label", "Libellé"), label),
	)
	form.Orientation = widget.Vertical
	return []fyne.CanvasObject{
		widget.NewLabelWithStyle(lang.X("structure.link", "Lien"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form, remove,
	}, save
}
