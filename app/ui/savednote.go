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
	// row is the noteRow the note is in, laid out again when the note
	// shows: nothing else would, when no dialog of Atelier's closed just
	// before (the system's file dialog is not in the window).
	row *fyne.Container
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
	n.show()
}

// say shows text, about no file.
func (n *savedNote) say(text string) {
	n.dir = ""
	n.label.SetText(text)
	n.open.Hide()
	n.show()
}

func (n *savedNote) show() {
	n.root.Show()
	if n.row != nil {
		n.row.Refresh()
	}
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
// the row has room, else on a line of its own just under them (a flowRow),
// so that a long file name never widens the page past a small screen. The
// page that holds the row tells it its width, with sizedBy.
func noteRow(note *savedNote, controls ...fyne.CanvasObject) *fyne.Container {
	note.row = flowRow(container.NewHBox(controls...), note.root)
	return note.row
}
