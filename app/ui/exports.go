package ui

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	// What each row's button last wrote, said in that row.
	backupNote, bookNote, rosterNote *savedNote
	docNotes                         docNotes
}

func newExportsScreen(u *UI) *exportsScreen {
	e := &exportsScreen{ui: u, backupNote: u.newSavedNote(), bookNote: u.newSavedNote(), rosterNote: u.newSavedNote()}
	heading := widget.NewLabelWithStyle(lang.X("nav.exports", "Exports"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	backupTitle := widget.NewLabelWithStyle(lang.X("exports.backup", "Sauvegarde de la base"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	backupText := wrapped(lang.X("exports.backup.text", "Une copie cohérente de toute la base (cohortes, personnes inscrites, présences, structures, bibliothèque), lisible par vous seul·e. Gardez-la en lieu sûr\u00a0: elle contient des données personnelles."))
	backup := widget.NewButtonWithIcon(lang.X("exports.backup.action", "Sauvegarder la base…"), theme.DocumentSaveIcon(), e.onBackup)
	backup.Importance = widget.HighImportance
	bookTitle := widget.NewLabelWithStyle(lang.X("exports.workbook", "Classeur Excel des présences"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bookText := wrapped(lang.X("exports.workbook.text", "Une ligne par personne, une colonne par séance avec une liste déroulante, le nombre de séances suivies et le taux calculés par formules, une feuille «\u00a0Synthèse\u00a0» avec un graphique. Corrigé dans Excel ou LibreOffice, il peut être relu ici."))
	book := widget.NewButtonWithIcon(lang.X("exports.workbook.action", "Exporter le classeur…"), theme.DocumentSaveIcon(), e.onWorkbook)
	book.Importance = widget.HighImportance
	corrected := widget.NewButtonWithIcon(lang.X("exports.corrected.action", "Relire un classeur corrigé…"), theme.UploadIcon(), e.onCorrected)
	u.writing(corrected) // it saves the corrections; every export only reads
	rosterTitle := widget.NewLabelWithStyle(lang.X("exports.roster", "Liste des personnes inscrites"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rosterText := wrapped(lang.X("exports.roster.text", "La liste de la cohorte, par ordre alphabétique, en Excel (.xlsx) ou en CSV (UTF-8, lisible par Excel). Le nom du fichier choisit le format."))
	roster := widget.NewButtonWithIcon(lang.X("exports.roster.action", "Exporter la liste…"), theme.DocumentSaveIcon(), e.onRoster)
	elsewhere := wrapped(lang.X("exports.elsewhere", "Déjà ailleurs dans Atelier\u00a0: l’exportation PNG et PDF des structures (Atelier structure › menu ⋮), l’exportation CSV de la bibliothèque et les données d’une personne (Participant·e·s › fiche)."))
	rows := []*fyne.Container{noteRow(e.backupNote, backup), noteRow(e.bookNote, book, corrected), noteRow(e.rosterNote, roster)}
	documents, more := e.documentsSection()
	page := container.NewVBox(heading, backupTitle, backupText, rows[0], widget.NewSeparator(),
		e.backupsSection(), widget.NewSeparator(),
		bookTitle, bookText, rows[1], widget.NewSeparator(),
		documents, widget.NewSeparator(),
		rosterTitle, rosterText, rows[2], widget.NewSeparator(), elsewhere)
	for _, row := range append(rows, more...) {
		sizedBy(row, page)
	}
	e.root = container.NewVScroll(container.NewPadded(page))
	return e
}

// onBackup writes a consistent copy of the database where the person says.
func (e *exportsScreen) onBackup() {
	e.ui.saveAs("atelier-sauvegarde.db", []string{".db"}, func(path string) {
		e.backup(path)
	})
}

func (e *exportsScreen) backup(path string) {
	if err := e.ui.svc.Backup(context.Background(), path); err != nil {
		e.ui.showError(lang.X("exports.err.backup", "La sauvegarde n’a pas été faite."), err)
		return
	}
	e.backupNote.saved(lang.X("exports.backup.done", "Sauvegarde écrite\u00a0: {{.Path}}", map[string]any{"Path": filepath.Base(path)}), path)
}

// onRoster exports the cohort's roster; a name ending in .csv gives CSV,
// anything else XLSX.
func (e *exportsScreen) onRoster() {
	e.ui.saveAs(fileSafe(e.ui.cohort.Name)+".xlsx", []string{".xlsx", ".csv"}, func(path string) {
		e.exportRoster(path)
	})
}

func (e *exportsScreen) exportRoster(path string) {
	err := e.ui.svc.SaveFile(path, func(w io.Writer) error {
		_, err := e.ui.svc.RosterFile(context.Background(), w, e.ui.cohort.ID, strings.EqualFold(filepath.Ext(path), ".csv"))
		return err
	})
	if err != nil {
		e.ui.showError(lang.X("exports.err.roster", "La liste n’a pas été exportée."), err)
		return
	}
	e.rosterNote.saved(lang.X("exports.roster.done", "Liste exportée\u00a0: {{.Path}}", map[string]any{"Path": filepath.Base(path)}), path)
}
