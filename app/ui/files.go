package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/kit/inputfile"
)

// maxOpen bounds what openData reads: the files picked here (form exports,
// video reports, workbooks, catalogues) are far smaller.
const maxOpen = 64 << 20

// saveAs asks where to save a file proposed as name (offering only exts
// when given) and calls write with the chosen path. Files are written
// through a temp file and a rename.
func (u *UI) saveAs(name string, exts []string, write func(path string)) {
	u.pickSave(name, exts, write)
}

// openData asks for a file among exts, reads it whole and calls use with
// its name and bytes; a file that cannot be read is reported.
func (u *UI) openData(exts []string, use func(name string, data []byte)) {
	u.pickOpen(exts, func(path string) {
		data, err := inputfile.ReadAll(path, maxOpen)
		if err != nil {
			u.showError(lang.X("import.err.read", "Le fichier n’a pas pu être lu."), err)
			return
		}
		use(filepath.Base(path), data)
	})
}

// busy runs work off the UI goroutine behind a progress dialog titled
// title, then done back on the UI goroutine.
func (u *UI) busy(title string, work func(), done func()) {
	wait := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), u.win)
	wait.Show()
	go func() {
		work()
		fyne.Do(func() {
			wait.Hide()
			done()
		})
	}()
}
