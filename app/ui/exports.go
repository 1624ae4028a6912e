package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// exportsScreen gathers what leaves the app as files. The attendance
// workbook and the session PDFs come with their own issues; the backup of
// the database works now.
type exportsScreen struct {
	ui   *UI
	root fyne.CanvasObject
	done *widget.Label
}

func newExportsScreen(u *UI) *exportsScreen {
	e := &exportsScreen{ui: u, done: wrapped("")}
	heading := widget.NewLabelWithStyle(lang.X("nav.exports", "Exports"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	backupTitle := widget.NewLabelWithStyle(lang.X("exports.backup", "Sauvegarde de la base"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	backupText := wrapped(lang.X("exports.backup.text", "Une copie cohérente de toute la base (cohortes, personnes inscrites, présences, structures, bibliothèque), lisible par vous seul·e. Gardez-la en lieu sûr : elle contient des données personnelles."))
	backup := widget.NewButtonWithIcon(lang.X("exports.backup.action", "Sauvegarder la base…"), theme.DocumentSaveIcon(), e.onBackup)
	backup.Importance = widget.HighImportance
	elsewhere := wrapped(lang.X("exports.elsewhere", "Déjà ailleurs dans Atelier : l’export PNG et PDF des structures (Atelier structure › menu ⋮), l’export CSV de la bibliothèque et les données d’une personne (Participants › fiche)."))
	coming := wrapped(lang.X("pending.exports", "Le classeur Excel des présences, les documents PDF des séances, les feuilles d’émargement et les attestations arrivent avec une prochaine version."))
	coming.Importance = widget.LowImportance
	e.root = container.NewPadded(container.NewVBox(heading, backupTitle, backupText, container.NewHBox(backup), e.done, widget.NewSeparator(), elsewhere, coming))
	return e
}

// onBackup writes a consistent copy of the database where the person says.
func (e *exportsScreen) onBackup() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		e.backup(path)
	}, e.ui.win)
	d.SetFileName("atelier-sauvegarde.db")
	d.Show()
}

func (e *exportsScreen) backup(path string) {
	if err := e.ui.store.Backup(context.Background(), path); err != nil {
		e.ui.showError(lang.X("exports.err.backup", "La sauvegarde n’a pas été faite."), err)
		return
	}
	e.done.SetText(lang.X("exports.backup.done", "Sauvegarde écrite\u00a0: {{.Path}}", map[string]any{"Path": path}))
}
