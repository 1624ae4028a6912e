package ui

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/structure"
	"atelier/app/kit/atomicfile"
	"atelier/app/store"
)

// nodeKindLabel names a kind of node in the interface language.
func nodeKindLabel(k structure.NodeKind) string {
	switch k {
	case structure.Cercle:
		return lang.X("node.cercle", "Cercle")
	case structure.GroupeTravail:
		return lang.X("node.groupe", "Groupe de travail")
	case structure.Role:
		return lang.X("node.role", "Rôle")
	case structure.Hub:
		return lang.X("node.hub", "Pôle")
	case structure.Equipe:
		return lang.X("node.equipe", "Équipe")
	case structure.Personne:
		return lang.X("node.personne", "Personne")
	case structure.Partenaire:
		return lang.X("node.partenaire", "Organisation partenaire")
	}
	return string(k)
}

// linkKindLabel names a kind of link in the interface language.
func linkKindLabel(k structure.LinkKind) string {
	switch k {
	case structure.LienDouble:
		return lang.X("link.double", "Lien double")
	case structure.Coordination:
		return lang.X("link.coordination", "Coordination")
	case structure.Delegation:
		return lang.X("link.delegation", "Délégation")
	case structure.Conseil:
		return lang.X("link.conseil", "Conseil")
	}
	return string(k)
}

// structuresScreen is the Atelier structure area: the cohort's diagrams,
// the canvas with its palette, and the details of what is selected.
type structuresScreen struct {
	ui      *UI
	root    *fyne.Container
	normal  fyne.CanvasObject
	list    []store.StructureSummary
	current structure.Structure
	history *structure.History

	picker   *widget.Select
	canvas   *diagramCanvas
	linkKind *widget.Select
	details  *fyne.Container
	status   *widget.Label
	present  bool
}

func newStructuresScreen(u *UI) *structuresScreen {
	s := &structuresScreen{ui: u, history: structure.NewHistory(0)}
	s.canvas = newDiagramCanvas()
	s.canvas.onChange = s.onCanvasChange
	s.canvas.onSelect = s.showDetails
	s.picker = widget.NewSelect(nil, s.onPick)
	s.picker.PlaceHolder = lang.X("structure.none", "Aucune structure")
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance

	newBtn := widget.NewButtonWithIcon(lang.X("structure.new", "Nouvelle…"), theme.ContentAddIcon(), s.onNew)
	newBtn.Importance = widget.HighImportance
	more := widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), nil)
	more.OnTapped = func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem(lang.X("structure.rename", "Renommer…"), s.onRename),
			fyne.NewMenuItem(lang.X("structure.duplicate", "Dupliquer"), s.onDuplicate),
			fyne.NewMenuItem(lang.X("structure.export.png", "Exporter en PNG…"), func() { s.onExport(".png") }),
			fyne.NewMenuItem(lang.X("structure.export.pdf", "Exporter en PDF…"), func() { s.onExport(".pdf") }),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.X("structure.delete", "Supprimer…"), s.onDelete),
		)
		widget.ShowPopUpMenuAtRelativePosition(menu, u.win.Canvas(), fyne.NewPos(0, more.Size().Height), more)
	}
	top := container.NewBorder(nil, nil, widget.NewLabel(lang.X("structure.label", "Structure\u00a0:")), container.NewHBox(newBtn, more), s.picker)

	// The palette: a tap on a kind, then a tap on the canvas, adds a node.
	palette := container.NewHBox()
	for _, k := range structure.NodeKinds() {
		palette.Add(widget.NewButton(nodeKindLabel(k), func() {
			s.canvas.addKind = k
			s.setStatus(lang.X("structure.hint.add", "Touchez le canevas là où placer l’élément «\u00a0{{.Kind}}\u00a0».", map[string]any{"Kind": nodeKindLabel(k)}))
		}))
	}
	var linkOptions []string
	for _, k := range structure.LinkKinds() {
		linkOptions = append(linkOptions, linkKindLabel(k))
	}
	s.linkKind = widget.NewSelect(linkOptions, func(l string) {
		for _, k := range structure.LinkKinds() {
			if linkKindLabel(k) == l {
				s.canvas.connectKind = k
			}
		}
	})
	s.linkKind.SetSelected(linkKindLabel(structure.Coordination))
	connect := widget.NewButtonWithIcon(lang.X("structure.connect", "Relier"), theme.MoreHorizontalIcon(), func() {
		s.canvas.addKind = connectTool
		s.setStatus(lang.X("structure.hint.connect", "Glissez d’un élément vers un autre pour les relier (ou glissez avec Maj enfoncée)."))
	})
	tools := container.NewHBox(
		connect, s.linkKind, widget.NewSeparator(),
		widget.NewButtonWithIcon("", theme.ContentUndoIcon(), s.onUndo),
		widget.NewButtonWithIcon("", theme.ContentRedoIcon(), s.onRedo),
		widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { s.canvas.ZoomBy(1/1.25, centerOf(s.canvas)) }),
		widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { s.canvas.ZoomBy(1.25, centerOf(s.canvas)) }),
		widget.NewButtonWithIcon(lang.X("structure.fit", "Ajuster"), theme.ZoomFitIcon(), s.canvas.Fit),
		widget.NewButtonWithIcon(lang.X("structure.tidy", "Ranger"), theme.GridIcon(), s.onTidy),
		widget.NewButtonWithIcon(lang.X("structure.present", "Présenter"), theme.ViewFullScreenIcon(), s.togglePresentation),
	)
	s.details = container.NewVBox()
	detailsScroll := container.NewVScroll(container.NewPadded(s.details))
	center := container.NewBorder(container.NewVBox(top, container.NewHScroll(palette), tools), s.status, nil, nil, s.canvas)
	split := container.NewHSplit(center, detailsScroll)
	split.Offset = 0.74
	s.normal = split
	s.root = container.NewStack(split)
	s.showDetails()
	return s
}

func centerOf(o fyne.CanvasObject) fyne.Position {
	return fyne.NewPos(o.Size().Width/2, o.Size().Height/2)
}

func (s *structuresScreen) setStatus(text string) { s.status.SetText(text) }

// load lists the cohort's structures and shows the first (or the one
// with id want).
func (s *structuresScreen) load(want int64) {
	list, err := s.ui.store.Structures(context.Background(), s.ui.cohort.ID)
	if err != nil {
		s.ui.showError(lang.X("structure.err.load", "Les structures n’ont pas pu être lues."), err)
		return
	}
	s.list = list
	var names []string
	pick := -1
	for i, x := range list {
		names = append(names, x.Name)
		if x.ID == want || (want == 0 && x.ID == s.current.ID) {
			pick = i
		}
	}
	s.picker.SetOptions(names)
	if pick < 0 && len(list) > 0 {
		pick = 0
	}
	if pick >= 0 {
		s.picker.SetSelectedIndex(pick)
		return
	}
	s.picker.ClearSelected()
	s.current = structure.Structure{}
	s.canvas.SetStructure(s.current, true)
	s.setStatus(lang.X("structure.empty", "Aucune structure dans cette cohorte : créez-en une avec «\u00a0Nouvelle…\u00a0», à partir d’un modèle."))
	s.showDetails()
}

func (s *structuresScreen) onPick(name string) {
	for _, x := range s.list {
		if x.Name == name {
			st, err := s.ui.store.Structure(context.Background(), x.ID)
			if err != nil {
				s.ui.showError(lang.X("structure.err.load", "Les structures n’ont pas pu être lues."), err)
				return
			}
			s.current = st
			s.history = structure.NewHistory(0)
			s.history.Push(st)
			s.canvas.selectOnly(0)
			s.canvas.SetStructure(st, true)
			s.setStatus("")
			s.showDetails()
			return
		}
	}
}

// onCanvasChange follows the canvas: a final change is saved at once (a
// dragged node when the drag ends) and can be undone.
func (s *structuresScreen) onCanvasChange(st structure.Structure, final bool) {
	s.current = st
	if !final {
		return
	}
	s.save()
	s.history.Push(st)
	s.showDetails()
}

func (s *structuresScreen) save() {
	if s.current.ID == 0 {
		return
	}
	if err := s.ui.store.SaveStructure(context.Background(), s.current); err != nil {
		s.ui.showError(lang.X("structure.err.save", "La structure n’a pas été enregistrée."), err)
		return
	}
	s.setStatus(lang.X("structure.saved", "Enregistré à {{.Time}}", map[string]any{"Time": s.ui.lang().Clock(s.ui.svc.Now())}))
}

func (s *structuresScreen) onUndo() {
	if st, ok := s.history.Undo(); ok {
		s.current = st
		s.canvas.SetStructure(st, false)
		s.save()
		s.showDetails()
	}
}

func (s *structuresScreen) onRedo() {
	if st, ok := s.history.Redo(); ok {
		s.current = st
		s.canvas.SetStructure(st, false)
		s.save()
		s.showDetails()
	}
}

// onTidy lays a structure drawn in a hurry out again.
func (s *structuresScreen) onTidy() {
	if len(s.current.Nodes) == 0 {
		return
	}
	s.current = structure.Tidy(s.current)
	s.canvas.SetStructure(s.current, true)
	s.save()
	s.history.Push(s.current)
}

// onNew creates a structure from a template.
func (s *structuresScreen) onNew() {
	if s.ui.cohort.ID == 0 {
		return
	}
	templates := structure.Templates()
	var names []string
	for _, t := range templates {
		names = append(names, t.Name)
	}
	desc := wrapped(templates[0].Description)
	tpl := widget.NewSelect(names, func(n string) {
		for _, t := range templates {
			if t.Name == n {
				desc.SetText(t.Description)
			}
		}
	})
	tpl.SetSelectedIndex(0)
	name := widget.NewEntry()
	name.SetText(s.freeName(lang.X("structure.default", "Groupe {{.N}}", map[string]any{"N": len(s.list) + 1})))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("structure.name", "Nom"), name),
		widget.NewFormItem(lang.X("structure.template", "Modèle"), tpl),
		widget.NewFormItem("", desc),
	}
	d := dialog.NewForm(lang.X("structure.new.title", "Nouvelle structure"), lang.X("action.create", "Créer"), lang.X("action.cancel", "Annuler"), items, func(ok bool) {
		if ok {
			s.create(templates[tpl.SelectedIndex()].Key, name.Text)
		}
	}, s.ui.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// create stores a new structure from template key.
func (s *structuresScreen) create(key, name string) {
	st, err := structure.FromTemplate(key, strings.TrimSpace(name))
	if err == nil {
		var id int64
		id, err = s.ui.store.CreateStructure(context.Background(), s.ui.cohort.ID, st)
		if err == nil {
			s.load(id)
			return
		}
	}
	s.ui.showError(lang.X("structure.err.create", "La structure n’a pas été créée."), err)
}

func (s *structuresScreen) freeName(name string) string {
	taken := map[string]bool{}
	for _, x := range s.list {
		taken[x.Name] = true
	}
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s (%d)", strings.TrimSuffix(name, fmt.Sprintf(" (%d)", i-1)), i)
	}
	return name
}

func (s *structuresScreen) onRename() {
	if s.current.ID == 0 {
		return
	}
	entry := widget.NewEntry()
	entry.SetText(s.current.Name)
	dialog.ShowForm(lang.X("structure.rename.title", "Renommer la structure"), lang.X("action.save", "Enregistrer"), lang.X("action.cancel", "Annuler"),
		[]*widget.FormItem{widget.NewFormItem(lang.X("structure.name", "Nom"), entry)}, func(ok bool) {
			if !ok {
				return
			}
			old := s.current.Name
			s.current.Name = strings.TrimSpace(entry.Text)
			if err := s.ui.store.SaveStructure(context.Background(), s.current); err != nil {
				s.current.Name = old
				s.ui.showError(lang.X("structure.err.save", "La structure n’a pas été enregistrée."), err)
				return
			}
			s.load(s.current.ID)
		}, s.ui.win)
}

func (s *structuresScreen) onDuplicate() {
	if s.current.ID == 0 {
		return
	}
	id, err := s.ui.store.DuplicateStructure(context.Background(), s.current.ID, s.freeName(s.current.Name+" "+lang.X("structure.copy", "(copie)")))
	if err != nil {
		s.ui.showError(lang.X("structure.err.create", "La structure n’a pas été créée."), err)
		return
	}
	s.load(id)
}

func (s *structuresScreen) onDelete() {
	if s.current.ID == 0 {
		return
	}
	msg := lang.X("structure.delete.confirm", "Supprimer la structure «\u00a0{{.Name}}\u00a0»?", map[string]any{"Name": s.current.Name})
	dialog.ShowConfirm(lang.X("structure.delete.title", "Supprimer une structure"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := s.ui.store.DeleteStructure(context.Background(), s.current.ID); err != nil {
			s.ui.showError(lang.X("structure.err.delete", "La structure n’a pas été supprimée."), err)
			return
		}
		s.current = structure.Structure{}
		s.load(0)
	}, s.ui.win)
}

// onExport saves the structure as PNG or PDF, through a temp file.
func (s *structuresScreen) onExport(ext string) {
	if s.current.ID == 0 {
		return
	}
	s.ui.saveAs(fileSafe(s.current.Name)+ext, []string{ext}, func(path string) {
		if err := s.ui.exportStructure(path, s.current); err != nil {
			s.ui.showError(lang.X("structure.err.export", "La structure n’a pas été exportée."), err)
			return
		}
		s.setStatus(lang.X("structure.exported", "Exporté dans {{.Path}}", map[string]any{"Path": path}))
	})
}

// exportStructure writes st to path as PNG or PDF, by its extension.
func (u *UI) exportStructure(path string, st structure.Structure) error {
	return atomicfile.Write(path, 0o600, func(w io.Writer) error {
		if strings.EqualFold(pathExt(path), ".pdf") {
			return u.svc.StructurePDF(context.Background(), w, st)
		}
		return u.svc.StructurePNG(w, st)
	})
}

func pathExt(p string) string {
	if i := strings.LastIndex(p, "."); i >= 0 {
		return p[i:]
	}
	return ""
}

// togglePresentation hides the panels so that the canvas fills the window,
// with labels large enough for a shared screen; editing still works.
func (s *structuresScreen) togglePresentation() {
	s.present = !s.present
	s.canvas.large = s.present
	if s.present {
		leave := widget.NewButtonWithIcon(lang.X("structure.present.leave", "Quitter la présentation"), theme.ViewRestoreIcon(), s.togglePresentation)
		bar := container.NewHBox(widget.NewLabelWithStyle(s.current.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), layout.NewSpacer(), leave)
		s.ui.win.SetContent(container.NewBorder(bar, nil, nil, nil, s.canvas))
		s.ui.win.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
			if e.Name == fyne.KeyEscape {
				s.togglePresentation()
			}
		})
	} else {
		s.ui.win.Canvas().SetOnTypedKey(nil)
		s.root.Objects = []fyne.CanvasObject{s.normal}
		s.ui.win.SetContent(s.ui.main) // the canvas is still in its place there
		s.root.Refresh()
	}
	s.canvas.Fit()
}
