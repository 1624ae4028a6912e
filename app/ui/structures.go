package ui

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/structure"
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
// the canvas with its palette, and the details of what is selected in a
// panel that floats over the canvas, so that selecting never resizes it.
type structuresScreen struct {
	ui      *UI
	root    *fyne.Container
	normal  fyne.CanvasObject
	area    *fyne.Container // the canvas, the panel over it
	list    []store.StructureSummary
	current structure.Structure
	history *structure.History

	picker   *widget.Select
	canvas   *diagramCanvas
	linkKind *widget.Select
	details  *fyne.Container
	panel    *fyne.Container // floats over the canvas's right side
	action   *fyne.Container // the panel's « Enregistrer », over the form
	status   *widget.Label
	present  bool
	guide    bool // the panel shows how to draw, nothing being selected
	closed   bool // the panel was closed; the next selection opens it

	// shown tells the live session what the canvas shows (UI.structureShown);
	// a test can listen in. lastShown spaces the calls during a drag.
	shown     func(structure.Structure)
	lastShown time.Time
}

// shownEvery is how often a drag in progress is passed on to the
// participants' window.
const shownEvery = 100 * time.Millisecond

func newStructuresScreen(u *UI) *structuresScreen {
	s := &structuresScreen{ui: u, history: structure.NewHistory(0), shown: u.structureShown}
	s.canvas = newDiagramCanvas()
	s.canvas.onChange = s.onCanvasChange
	s.canvas.onSelect = s.onSelect
	s.canvas.onUndo, s.canvas.onRedo = s.undo, s.redo
	s.canvas.onLeave = s.togglePresentation
	s.canvas.onKey = func(e *fyne.KeyEvent) { s.ui.liveKey(e) }
	s.picker = widget.NewSelect(nil, s.onPick)
	s.picker.PlaceHolder = lang.X("structure.none", "Aucune structure")
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance

	newBtn := widget.NewButtonWithIcon(lang.X("structure.new", "Créer…"), theme.ContentAddIcon(), s.onNew)
	newBtn.Importance = widget.HighImportance
	more := widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), nil)
	more.OnTapped = func() {
		widget.ShowPopUpMenuAtRelativePosition(s.moreMenu(), u.win.Canvas(), fyne.NewPos(0, more.Size().Height), more)
	}
	help := widget.NewButtonWithIcon("", theme.QuestionIcon(), s.onHelp)
	top := container.NewBorder(nil, nil, widget.NewLabel(lang.X("structure.label", "Structure\u00a0:")), container.NewHBox(newBtn, more, help), s.picker)

	// The palette: a tap on a kind, then a tap on the canvas, adds a node.
	palette := flowRow()
	var drawing []fyne.Disableable
	for _, k := range structure.NodeKinds() {
		b := widget.NewButton(nodeKindLabel(k), func() {
			s.canvas.addKind = k
			s.setStatus(lang.X("structure.hint.add", "Cliquez sur le canevas là où placer l’élément «\u00a0{{.Kind}}\u00a0».", map[string]any{"Kind": nodeKindLabel(k)}))
		})
		palette.Add(b)
		drawing = append(drawing, b)
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
	palette.Add(connect)
	palette.Add(s.linkKind)
	undo := widget.NewButtonWithIcon("", theme.ContentUndoIcon(), s.undo)
	redo := widget.NewButtonWithIcon("", theme.ContentRedoIcon(), s.redo)
	tidy := widget.NewButtonWithIcon(lang.X("structure.tidy", "Ranger"), theme.GridIcon(), s.onTidy)
	tools := container.NewHBox(
		undo,
		redo,
		widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { s.canvas.ZoomBy(1/1.25, centerOf(s.canvas)) }),
		widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { s.canvas.ZoomBy(1.25, centerOf(s.canvas)) }),
		widget.NewButtonWithIcon(lang.X("structure.fit", "Ajuster"), theme.ZoomFitIcon(), s.canvas.Fit),
		tidy,
		widget.NewButtonWithIcon(lang.X("structure.present", "Présenter"), theme.ViewFullScreenIcon(), s.togglePresentation),
	)
	// A role that may only read looks around the diagram (select, pan,
	// zoom, present, export) and changes nothing in it.
	u.writing(append(drawing, newBtn, connect, s.linkKind, undo, redo, tidy)...)
	s.canvas.locked = !u.canWrite()
	s.details = container.NewVBox()
	s.panel = s.newPanel()
	s.area = container.NewStack(s.canvas, container.New(&floatRight{canvas: s.canvas}, s.panel))
	// The palette, then the tools, run on as many rows as the width needs.
	palette.Add(tools)
	bar := palette
	s.normal = container.NewBorder(container.NewVBox(top, bar), s.status, nil, nil, s.area)
	sizedBy(bar, s.normal)
	s.root = container.NewStack(s.normal)
	s.showDetails()
	return s
}

// moreMenu is the ⋮ menu of the structure on view.
func (s *structuresScreen) moreMenu() *fyne.Menu {
	rename := fyne.NewMenuItem(lang.X("structure.rename", "Renommer…"), s.onRename)
	duplicate := fyne.NewMenuItem(lang.X("structure.duplicate", "Dupliquer"), s.onDuplicate)
	del := fyne.NewMenuItem(lang.X("structure.delete", "Supprimer…"), s.onDelete)
	// The exports only read: they stay on for a read-only role.
	for _, i := range []*fyne.MenuItem{rename, duplicate, del} {
		i.Disabled = !s.ui.canWrite()
	}
	return fyne.NewMenu("",
		rename,
		duplicate,
		fyne.NewMenuItem(lang.X("structure.export.png", "Exporter en PNG…"), func() { s.onExport(".png") }),
		fyne.NewMenuItem(lang.X("structure.export.pdf", "Exporter en PDF…"), func() { s.onExport(".pdf") }),
		fyne.NewMenuItemSeparator(),
		del,
	)
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
	s.setStatus(lang.X("structure.empty", "Aucune structure dans cette cohorte\u00a0: créez-en une avec «\u00a0Créer…\u00a0», à partir d’un modèle."))
	s.showDetails()
	s.shown(s.current)
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
			s.shown(st)
			return
		}
	}
}

// onCanvasChange follows the canvas: a final change is saved at once (a
// dragged node when the drag ends) and can be undone. The participants'
// window follows every change, a drag at most every shownEvery.
func (s *structuresScreen) onCanvasChange(st structure.Structure, final bool) {
	// The canvas holds the version it was given; the last save's is here.
	st.Version = s.current.Version
	s.current = st
	if !final {
		if now := time.Now(); now.Sub(s.lastShown) >= shownEvery {
			s.lastShown = now
			s.shown(st)
		}
		return
	}
	s.save()
	s.history.Push(st)
	s.showDetails()
	s.lastShown = time.Now()
	s.shown(s.current) // with the version the save returned
}

func (s *structuresScreen) save() {
	if s.current.ID == 0 {
		return
	}
	v, err := s.ui.store.SaveStructure(context.Background(), s.current)
	if err != nil {
		s.ui.showError(lang.X("structure.err.save", "La structure n’a pas été enregistrée."), err)
		s.takeTheirs(err)
		return
	}
	s.current.Version = v
	s.setStatus(lang.X("structure.saved", "Enregistré à {{.Time}}", map[string]any{"Time": s.ui.lang().Clock(s.ui.svc.Now())}))
}

// undo steps the diagram back one edit (the button, Ctrl+Z on the canvas,
// the main menu's « Annuler »), saved at once.
func (s *structuresScreen) undo() {
	if st, ok := s.history.Undo(); ok {
		s.restore(st)
	}
}

// redo replays the last edit undone (« Rétablir », Ctrl+Y).
func (s *structuresScreen) redo() {
	if st, ok := s.history.Redo(); ok {
		s.restore(st)
	}
}

func (s *structuresScreen) restore(st structure.Structure) {
	// A step of the history is saved over the diagram as last saved.
	st.Version = s.current.Version
	s.current = st
	s.canvas.SetStructure(st, false)
	s.save()
	s.showDetails()
	s.shown(s.current) // with the version the save returned
}

// onTidy lays a structure drawn in a hurry out again, the shapes as large
// as their labels make them.
func (s *structuresScreen) onTidy() {
	if len(s.current.Nodes) == 0 {
		return
	}
	s.current = structure.Tidy(s.current, s.canvas.metrics())
	s.canvas.SetStructure(s.current, true)
	s.save()
	s.history.Push(s.current)
	s.shown(s.current)
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
	st, err := structure.FromTemplateSized(key, strings.TrimSpace(name), s.canvas.metrics())
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
			v, err := s.ui.store.SaveStructure(context.Background(), s.current)
			if err != nil {
				s.current.Name = old
				s.ui.showError(lang.X("structure.err.save", "La structure n’a pas été enregistrée."), err)
				s.takeTheirs(err)
				return
			}
			s.current.Version = v
			s.load(s.current.ID)
			s.shown(s.current)
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
	msg := lang.X("structure.delete.confirm", "Supprimer la structure «\u00a0{{.Name}}\u00a0»\u202f?", map[string]any{"Name": s.current.Name})
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
	return u.svc.SaveFile(path, func(w io.Writer) error {
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

// togglePresentation gives the window to the canvas, its labels large
// enough for a shared screen (see diagramCanvas.Fit); the panel still
// opens on what is tapped, nothing can be deleted. Esc leaves, from the
// canvas (diagramCanvas.TypedKey) or from anywhere else (UI.onKey).
func (s *structuresScreen) togglePresentation() {
	s.present = !s.present
	s.canvas.large = s.present
	if s.present {
		// The group sees the whole canvas; a tap opens a mandate again.
		s.guide = false
		s.canvas.selectOnly(0)
		leave := widget.NewButtonWithIcon(lang.X("structure.present.leave", "Quitter la présentation"), theme.ViewRestoreIcon(), s.togglePresentation)
		fit := widget.NewButtonWithIcon(lang.X("structure.fit", "Ajuster"), theme.ZoomFitIcon(), s.canvas.Fit)
		bar := container.NewHBox(widget.NewLabelWithStyle(s.current.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), layout.NewSpacer(), fit, leave)
		s.ui.setContent(container.NewBorder(bar, nil, nil, nil, s.area))
		s.ui.win.Canvas().Focus(s.canvas)
	} else {
		s.root.Objects = []fyne.CanvasObject{s.normal}
		s.ui.setContent(s.ui.main) // the canvas is still in its place there
		s.root.Refresh()
	}
	s.showDetails()
	s.canvas.Fit()
}
