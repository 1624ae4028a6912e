package ui

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// savedNote says, in the row of the button that was pressed, what that
// button just wrote: the eye is on the button, not at the foot of the page.
type savedNote struct {
	ui    *UI
	root  *fyne.Container
	label *widget.Label
	open  *widget.Button
	dir   string
}

func (u *UI) newSavedNote() *savedNote {
	n := &savedNote{ui: u, label: widget.NewLabel("")}
	n.label.Importance = widget.SuccessImportance
	n.open = widget.NewButtonWithIcon(lang.X("exports.openfolder", "Ouvrir le dossier"), theme.FolderOpenIcon(), n.onOpen)
	n.root = container.NewHBox(widget.NewIcon(theme.ConfirmIcon()), n.label, n.open)
	n.root.Hide()
	return n
}

// saved shows text (which names the file by its name) and offers to open
// the folder of path.
func (n *savedNote) saved(text, path string) {
	n.dir = filepath.Dir(path)
	n.label.SetText(text)
	n.open.Show()
	n.root.Show()
}

// say shows text, about no file.
func (n *savedNote) say(text string) {
	n.dir = ""
	n.label.SetText(text)
	n.open.Hide()
	n.root.Show()
}

func (n *savedNote) onOpen() {
	if n.dir == "" {
		return
	}
	if err := n.ui.app.OpenURL(&url.URL{Scheme: "file", Path: n.dir}); err != nil {
		n.ui.showError(lang.X("exports.err.openfolder", "Le dossier n’a pas pu être ouvert."), err)
	}
}

// noteRow is a row of controls with note beside them: on their line when
// the row has room, else on a line of its own just under them, so that a
// long file name never widens the page past a small screen.
func noteRow(note *savedNote, controls ...fyne.CanvasObject) *fyne.Container {
	l := &besideLayout{}
	l.row = container.New(l, container.NewHBox(controls...), note.root)
	return l.row
}

// besideLayout lays out noteRow: objects[0] the controls, objects[1] the
// note. Its minimum width is the wider of the two alone; its height
// follows from the width it was last given, as a wrapping label's does.
type besideLayout struct {
	row   *fyne.Container
	width float32 // as last laid out; 0 before
}

func (l *besideLayout) inline(objects []fyne.CanvasObject, width float32) bool {
	if !objects[1].Visible() {
		return true
	}
	need := objects[0].MinSize().Width + theme.Padding() + objects[1].MinSize().Width
	return width > 0 && need <= width
}

func (l *besideLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	if !objects[1].Visible() {
		return a
	}
	if l.inline(objects, l.width) {
		return fyne.NewSize(a.Width+theme.Padding()+b.Width, max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+theme.Padding()+b.Height)
}

func (l *besideLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	was := l.inline(objects, l.width)
	l.width = size.Width
	a, b := objects[0].MinSize(), objects[1].MinSize()
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(a.Width, a.Height))
	if l.inline(objects, size.Width) {
		h := max(a.Height, b.Height)
		objects[0].Move(fyne.NewPos(0, (h-a.Height)/2))
		objects[1].Move(fyne.NewPos(a.Width+theme.Padding(), (h-b.Height)/2))
	} else {
		objects[1].Move(fyne.NewPos(0, a.Height+theme.Padding()))
	}
	objects[1].Resize(b)
	if was != l.inline(objects, size.Width) && l.row != nil {
		// The height changed with the width: the page lays out again.
		l.row.Refresh()
	}
}
