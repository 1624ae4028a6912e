package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/attendancexlsx"
	"atelier/app/kit/atomicfile"
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
	ctx := context.Background()
	c := e.ui.cohort
	people, err := e.ui.store.Participants(ctx, c.ID)
	if err != nil {
		return err
	}
	marks, err := e.ui.store.Attendance(ctx, c.ID)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, 0o600, func(w io.Writer) error {
		return attendancexlsx.Write(w, c, people, marks, attendancexlsx.Options{Author: "Atelier", Created: time.Now(), ShortTitles: course.ShortTitles(e.ui.opts.Plans)})
	})
}

func (e *exportsScreen) workbookWritten(path string, err error) {
	if err != nil {
		e.ui.showError(lang.X("exports.err.workbook", "Le classeur n’a pas été écrit."), err)
		return
	}
	e.done.SetText(lang.X("exports.workbook.done", "Classeur écrit\u00a0: {{.Path}}", map[string]any{"Path": path}))
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
	ctx := context.Background()
	c := e.ui.cohort
	people, err := e.ui.store.Participants(ctx, c.ID)
	if err != nil {
		e.ui.showError(lang.X("roster.err.load", "Impossible de lire la liste des personnes inscrites."), err)
		return nil
	}
	current, err := e.ui.store.Attendance(ctx, c.ID)
	if err != nil {
		e.ui.showError(lang.X("checkin.err.load", "Impossible de lire les présences de la séance."), err)
		return nil
	}
	changes, problems, err := attendancexlsx.ReadMarks(bytes.NewReader(data), c, people, current)
	if err != nil {
		e.ui.showError(lang.X("exports.err.corrected", "Ce classeur ne peut pas être relu ; rien n’a été modifié."), err)
		return nil
	}
	var lines []string
	for _, ch := range changes {
		lines = append(lines, fmt.Sprintf("%s · %s\u00a0: %s → %s", ch.Name, sessionName(ch.Session), markLabel(ch.From), markLabel(ch.To)))
	}
	for _, p := range problems {
		lines = append(lines, p.String())
	}
	if len(lines) == 0 {
		lines = append(lines, lang.X("exports.corrected.none", "Aucune présence n’a changé dans ce classeur."))
	}
	list := wrapped(strings.Join(lines, "\n"))
	cr := &corrections{changes: changes}
	apply := widget.NewButton(lang.XN("exports.corrected.apply", "Enregistrer {{.N}} changement", len(changes), map[string]any{"N": len(changes)}), func() {
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

// applyCorrections writes the changes: new or changed marks, and the marks
// cleared in the workbook.
func (e *exportsScreen) applyCorrections(cr *corrections) bool {
	ctx := context.Background()
	var marks []participants.Attendance
	for _, ch := range cr.changes {
		if ch.To == "" {
			if err := e.ui.store.ClearAttendance(ctx, ch.ParticipantID, ch.SessionID); err != nil {
				e.ui.showError(lang.X("person.err.marks.save", "Les présences n’ont pas été enregistrées."), err)
				return false
			}
			continue
		}
		marks = append(marks, participants.Attendance{ParticipantID: ch.ParticipantID, SessionID: ch.SessionID, Mark: ch.To})
	}
	if err := e.ui.store.SetAttendance(ctx, marks); err != nil {
		e.ui.showError(lang.X("person.err.marks.save", "Les présences n’ont pas été enregistrées."), err)
		return false
	}
	e.ui.rosterChanged()
	e.done.SetText(lang.XN("exports.corrected.done", "{{.N}} présence mise à jour d’après le classeur.", len(cr.changes), map[string]any{"N": len(cr.changes)}))
	return true
}
