package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/course"
)

// docNotes are the documents' rows' notes: the session's handout and
// sign-in sheet, the team's deck and guide, the certificates, the booklet.
type docNotes struct{ session, team, cert, booklet *savedNote }

// documentsSection is the part of the Exports area that prints the French
// PDFs: a session's handout and sign-in sheet, the certificates, the whole
// booklet. Each is shown first (its first page) and saved on request.
// rows are its rows of buttons, which the page tells its width.
func (e *exportsScreen) documentsSection() (section fyne.CanvasObject, rows []*fyne.Container) {
	var sessions []string
	for _, s := range e.ui.cohort.Sessions {
		sessions = append(sessions, fmt.Sprintf("%s · %s", sessionName(s.Number), e.ui.lang().ShortDate(s.StartsAt)))
	}
	pick := widget.NewSelect(sessions, nil)
	if len(sessions) > 0 {
		pick.SetSelectedIndex(0)
	}
	// Each row says what its buttons last saved.
	e.docNotes = docNotes{e.ui.newSavedNote(), e.ui.newSavedNote(), e.ui.newSavedNote(), e.ui.newSavedNote()}
	sessionNote, teamNote, certNote, bookletNote := e.docNotes.session, e.docNotes.team, e.docNotes.cert, e.docNotes.booklet
	session := func() (course.Session, bool) {
		i := pick.SelectedIndex()
		if i < 0 || i >= len(e.ui.cohort.Sessions) {
			return course.Session{}, false
		}
		return e.ui.cohort.Sessions[i], true
	}
	handoutBtn := widget.NewButtonWithIcon(lang.X("docs.handout", "Créer le document…"), theme.DocumentIcon(), func() {
		if s, ok := session(); ok {
			e.document(sessionNote, fmt.Sprintf("seance-%d.pdf", s.Number), func(w io.Writer) error { return e.writeHandout(w, s.Number) })
		}
	})
	signinBtn := widget.NewButtonWithIcon(lang.X("docs.signin", "Créer la feuille d’émargement…"), theme.DocumentIcon(), func() {
		if s, ok := session(); ok {
			e.document(sessionNote, fmt.Sprintf("emargement-seance-%d.pdf", s.Number), func(w io.Writer) error { return e.writeSignIn(w, s.Number) })
		}
	})
	slidesBtn := widget.NewButtonWithIcon(lang.X("docs.slides", "Créer le diaporama…"), theme.MediaPhotoIcon(), func() {
		if s, ok := session(); ok {
			e.document(teamNote, fmt.Sprintf("diaporama-seance-%d.pdf", s.Number), func(w io.Writer) error {
				return e.ui.svc.Slides(context.Background(), w, e.ui.cohort.ID, s.Number)
			})
		}
	})
	guideBtn := widget.NewButtonWithIcon(lang.X("docs.guide", "Créer le guide d’animation…"), theme.DocumentIcon(), func() {
		if s, ok := session(); ok {
			e.document(teamNote, fmt.Sprintf("guide-animation-seance-%d.pdf", s.Number), func(w io.Writer) error {
				return e.ui.svc.Guide(context.Background(), w, e.ui.cohort.ID, s.Number)
			})
		}
	})
	certBtn := widget.NewButtonWithIcon(lang.X("docs.certificates", "Créer les attestations…"), theme.DocumentIcon(), func() {
		e.document(certNote, "attestations.pdf", e.writeCertificates)
	})
	bookletBtn := widget.NewButtonWithIcon(lang.X("docs.booklet", "Créer le livret complet…"), theme.DocumentIcon(), func() {
		e.document(bookletNote, "livret.pdf", e.writeBooklet)
	})
	// The minimum for a certificate is the cohort's own setting, changed
	// with the cohort (« Modifier »), shown here where certificates are made.
	n := e.ui.cohort.CertificateMin
	minimum := widget.NewLabel(lang.XN("docs.min", "Attestation à partir de {{.N}} séance suivie (réglage de la cohorte)", n, map[string]any{"N": n}))
	change := widget.NewButtonWithIcon(lang.X("docs.min.change", "Changer…"), theme.DocumentCreateIcon(), e.ui.onEditCohort)
	e.ui.writing(change) // the PDFs only read: they stay on
	title := widget.NewLabelWithStyle(lang.X("docs.title", "Documents PDF"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sessionRow := noteRow(sessionNote, widget.NewLabel(lang.X("library.session", "Séance")), fitOptions(pick), handoutBtn, signinBtn)
	// The chosen session's documents for the team: the deck, the guide.
	teamRow := noteRow(teamNote, slidesBtn, guideBtn)
	certRow := noteRow(certNote, certBtn, minimum, change)
	bookletRow := noteRow(bookletNote, bookletBtn)
	rows = []*fyne.Container{sessionRow, teamRow, certRow, bookletRow}
	return container.NewVBox(title, sessionRow, teamRow, certRow, bookletRow), rows
}

func (e *exportsScreen) writeHandout(w io.Writer, n int) error {
	return e.ui.svc.Handout(context.Background(), w, e.ui.cohort.ID, n)
}

func (e *exportsScreen) writeSignIn(w io.Writer, n int) error {
	_, err := e.ui.svc.SignIn(context.Background(), w, e.ui.cohort.ID, n)
	return err
}

// writeCertificates writes the certificates at the cohort's minimum.
func (e *exportsScreen) writeCertificates(w io.Writer) error {
	_, err := e.ui.svc.Certificates(context.Background(), w, e.ui.cohort.ID, 0)
	return err
}

func (e *exportsScreen) writeBooklet(w io.Writer) error {
	return e.ui.svc.Booklet(context.Background(), w, e.ui.cohort.ID)
}

// document renders a PDF off the UI goroutine, shows its first page, and
// saves it where the person says; note, in the row of the button, says so.
func (e *exportsScreen) document(note *savedNote, name string, write func(io.Writer) error) {
	var b bytes.Buffer
	var preview []byte
	var err error
	e.ui.busy(lang.X("docs.rendering", "Préparation du document…"),
		func() {
			if err = write(&b); err == nil {
				preview, _ = firstPage(b.Bytes())
			}
		},
		func() {
			if err != nil {
				e.ui.showError(lang.X("docs.err.render", "Le document n’a pas pu être préparé."), err)
				return
			}
			e.showPreview(note, name, b.Bytes(), preview)
		})
}

// firstPage renders page 1 of a PDF to PNG bytes with pdftoppm (poppler),
// through its standard input and output: the document holds personal data,
// and nothing of it is written to disk until the person saves it. nil when
// pdftoppm is not installed.
func firstPage(pdf []byte) ([]byte, error) {
	tool, err := exec.LookPath("pdftoppm")
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(tool, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	return cmd.Output()
}

// showPreview shows the first page and offers to save the document.
func (e *exportsScreen) showPreview(note *savedNote, name string, pdf, png []byte) {
	var view fyne.CanvasObject
	if len(png) > 0 {
		img := canvas.NewImageFromReader(bytes.NewReader(png), "apercu.png")
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(420, 560))
		view = img
	} else {
		view = wrapped(lang.X("docs.nopreview", "Aperçu indisponible (l’outil pdftoppm n’est pas installé). Le document est prêt à être enregistré."))
	}
	var d dialog.Dialog
	save := widget.NewButtonWithIcon(lang.X("action.save", "Enregistrer"), theme.DocumentSaveIcon(), func() {
		d.Hide()
		e.savePDF(note, name, pdf)
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.X("action.cancel", "Annuler"), func() { d.Hide() })
	info := widget.NewLabel(lang.X("docs.preview.info", "Première page de {{.Name}} ({{.Size}}\u00a0ko)", map[string]any{"Name": name, "Size": e.ui.lang().Int(len(pdf) / 1024)}))
	d = dialog.NewCustomWithoutButtons(lang.X("docs.preview", "Aperçu"), container.NewBorder(info, container.NewHBox(cancel, save), nil, nil, view), e.ui.win)
	d.Resize(fyne.NewSize(520, 720))
	d.Show()
}

// savePDF asks where to save and writes through a temp file.
func (e *exportsScreen) savePDF(note *savedNote, name string, pdf []byte) {
	e.ui.saveAs(name, []string{".pdf"}, func(path string) { e.writePDF(note, path, pdf) })
}

// writePDF writes pdf to path and says so in note.
func (e *exportsScreen) writePDF(note *savedNote, path string, pdf []byte) {
	if err := e.ui.svc.SaveFile(path, func(w io.Writer) error { _, err := w.Write(pdf); return err }); err != nil {
		e.ui.showError(lang.X("docs.err.save", "Le document n’a pas été enregistré."), err)
		return
	}
	note.saved(lang.X("docs.saved", "Document enregistré\u00a0: {{.Path}}", map[string]any{"Path": filepath.Base(path)}), path)
}
