package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/formats/attendancexlsx"
)

// onWorkbook asks where to save the attendance workbook and writes it off
// the UI goroutine, with a progress indicator: a large cohort takes a
// moment.
func (e *exportsScreen) onWorkbook() {
	e.ui.saveAs(fileSafe(lang.X("exports.workbook.file", "Présences")+" "+e.ui.cohort.Name)+".xlsx", []string{".xlsx"}, func(path string) {
		var err error
		e.ui.busy(lang.X("exports.workbook.writing", "Écriture du classeur…"),
			func() { err = e.writeWorkbook(path) },
			func() { e.workbookWritten(path, err) })
	})
}

// writeWorkbook writes the cohort's attendance workbook to path, through a
// temp file. It reads the store and writes a file: safe off the UI goroutine.
func (e *exportsScreen) writeWorkbook(path string) error {
	return e.ui.svc.SaveFile(path, func(w io.Writer) error {
		_, err := e.ui.svc.Workbook(context.Background(), w, e.ui.cohort.ID)
		return err
	})
}

func (e *exportsScreen) workbookWritten(path string, err error) {
	if err != nil {
		e.ui.showError(lang.X("exports.err.workbook", "Le classeur n’a pas été écrit."), err)
		return
	}
	e.bookNote.saved(lang.X("exports.workbook.done", "Classeur écrit\u00a0: {{.Path}}", map[string]any{"Path": filepath.Base(path)}), path)
}

// onCorrected reads a workbook corrected in Excel or LibreOffice and
// previews the changed marks before writing them.
func (e *exportsScreen) onCorrected() {
	e.ui.openData([]string{".xlsx"}, func(_ string, data []byte) {
		e.previewCorrections(data)
	})
}

// corrections is a workbook's changes waiting for the person's go-ahead.
type corrections struct {
	changes []attendancexlsx.Change
	dialog  dialog.Dialog
}

// previewCorrections lists what the corrected workbook changes.
func (e *exportsScreen) previewCorrections(data []byte) *corrections {
	changes, problems, err := e.ui.svc.ReadCorrections(context.Background(), e.ui.cohort, bytes.NewReader(data))
	if err != nil {
		e.ui.showError(lang.X("exports.err.corrected", "Ce classeur ne peut pas être relu\u202f; rien n’a été modifié."), err)
		return nil
	}
	var lines []string
	for _, ch := range changes {
		lines = append(lines, fmt.Sprintf("%s · %s%s%s → %s", ch.Name, sessionName(ch.Session), e.ui.lang().Colon(), markLabel(ch.From), markLabel(ch.To)))
	}
	for _, p := range problems {
		if p.Row == 0 {
			lines = append(lines, e.ui.message(p.Message))
			continue
		}
		lines = append(lines, lang.X("exports.corrected.problem", "Ligne {{.Row}}\u00a0: {{.Why}}", map[string]any{"Row": p.Row, "Why": e.ui.message(p.Message)}))
	}
	if len(lines) == 0 {
		lines = append(lines, lang.X("exports.corrected.none", "Aucune présence n’a changé dans ce classeur."))
	}
	list := wrapped(strings.Join(lines, "\n"))
	cr := &corrections{changes: changes}
	apply := widget.NewButton(lang.XN("exports.corrected.apply", "Enregistrer {{.N}} changement", len(changes), map[string]any{"N": e.ui.lang().Int(len(changes))}), func() {
		if e.applyCorrections(cr) {
			cr.dialog.Hide()
		}
	})
	apply.Importance = widget.HighImportance
	if len(changes) == 0 {
		apply.Disable()
	}
	cancel := widget.NewButton(lang.X("action.cancel", "Annuler"), func() { cr.dialog.Hide() })
	cr.dialog = dialog.NewCustomWithoutButtons(lang.X("exports.corrected.title", "Présences corrigées dans le classeur"),
		container.NewBorder(nil, container.NewHBox(cancel, apply), nil, nil, container.NewVScroll(list)), e.ui.win)
	cr.dialog.Resize(fyne.NewSize(720, 480))
	cr.dialog.Show()
	return cr
}

// applyCorrections writes the changes in one transaction: new or changed
// marks, and the marks cleared in the workbook.
func (e *exportsScreen) applyCorrections(cr *corrections) bool {
	if err := e.ui.svc.ApplyCorrections(context.Background(), e.ui.cohort.ID, cr.changes); err != nil {
		e.ui.showError(lang.X("person.err.marks.save", "Les présences n’ont pas été enregistrées."), err)
		return false
	}
	e.ui.rosterChanged()
	e.bookNote.say(lang.XN("exports.corrected.done", "{{.N}} présence mise à jour d’après le classeur.", len(cr.changes), map[string]any{"N": e.ui.lang().Int(len(cr.changes))}))
	return true
}
