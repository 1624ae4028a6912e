package ui

import (
	"context"
	"fmt"
	"io"
	"net/mail"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
	"atelier/app/kit/atomicfile"
)

// personPane shows one person of the roster and what can be done for them.
type personPane struct {
	r       *rosterScreen
	root    fyne.CanvasObject
	body    *fyne.Container
	current participants.Participant
}

func newPersonPane(r *rosterScreen) *personPane {
	p := &personPane{r: r, body: container.NewVBox()}
	p.root = container.NewVScroll(container.NewPadded(p.body))
	p.show(participants.Participant{}, false)
	return p
}

// show fills the pane with p, or a hint when nobody is selected.
func (pp *personPane) show(p participants.Participant, ok bool) {
	pp.current = p
	if !ok {
		pp.body.Objects = []fyne.CanvasObject{wrapped(lang.X("person.none", "Choisissez une personne dans la liste pour voir sa fiche, ses présences et les actions possibles."))}
		pp.body.Refresh()
		return
	}
	l := pp.r.ui.lang()
	name := widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	name.SizeName = theme.SizeNameSubHeadingText
	status := widget.NewLabel(statusLabel(p.Status))
	status.Importance = statusImportance(p.Status)
	items := []fyne.CanvasObject{name}
	if p.Pronouns != "" {
		items = append(items, widget.NewLabel(p.Pronouns))
	}
	items = append(items, status)
	field := func(key, fallback, value string) {
		if strings.TrimSpace(value) != "" {
			items = append(items, wrapped(lang.X(key, fallback)+" : "+value))
		}
	}
	field("person.email", "Courriel", p.Email)
	field("person.phone", "Téléphone", p.Phone)
	field("person.org", "Organisation", p.Organisation)
	field("person.city", "Ville", p.City)
	field("person.access", "Besoins d’accessibilité", p.Accessibility)
	if p.Consent {
		items = append(items, wrapped(lang.X("person.consent.yes", "Accepte d’être contacté·e après le cours")))
	}
	if !p.RegisteredAt.IsZero() {
		field("person.registered", "Inscription", l.Date(p.RegisteredAt.In(pp.r.ui.cohort.Location())))
	}
	field("person.notes", "Notes", p.Notes)
	items = append(items, wrapped(lang.XN("person.attended", "{{.Count}} séance suivie sur {{.Of}}", p.Attended,
		map[string]any{"Count": p.Attended, "Of": len(pp.r.ui.cohort.Sessions)})))

	edit := widget.NewButtonWithIcon(lang.X("person.edit", "Modifier…"), theme.DocumentCreateIcon(), func() {
		showPersonForm(pp.r.ui, p, func(changed participants.Participant) error {
			if err := pp.r.ui.store.UpdateParticipant(context.Background(), changed); err != nil {
				return err
			}
			pp.r.changed(p.ID)
			return nil
		})
	})
	marks := widget.NewButtonWithIcon(lang.X("person.marks", "Présences…"), theme.ListIcon(), func() { showMarksForm(pp.r, p) })
	actions := []fyne.CanvasObject{edit, marks}
	switch {
	case p.Status == participants.Attente:
		give := widget.NewButtonWithIcon(lang.X("person.promote", "Donner une place"), theme.ConfirmIcon(), func() { pp.r.promote(p) })
		give.Importance = widget.HighImportance
		actions = append(actions, give)
	case p.Status.HoldsSeat():
		actions = append(actions, widget.NewButtonWithIcon(lang.X("person.withdraw", "Enregistrer un désistement"), theme.CancelIcon(), func() { pp.r.onWithdraw(p) }))
		if p.Status == participants.Inscrit {
			actions = append(actions, widget.NewButtonWithIcon(lang.X("person.confirm", "Confirmer l’inscription"), theme.ConfirmIcon(), func() { pp.r.setStatus(p, participants.Confirme) }))
		}
	case p.Status == participants.Desiste:
		actions = append(actions, widget.NewButtonWithIcon(lang.X("person.reregister", "Réinscrire"), theme.ViewRefreshIcon(), func() { pp.r.setStatus(p, participants.Inscrit) }))
	}
	export := widget.NewButtonWithIcon(lang.X("person.export", "Exporter ses données…"), theme.DocumentSaveIcon(), func() { pp.onExport(p) })
	remove := widget.NewButtonWithIcon(lang.X("person.remove", "Retirer…"), theme.DeleteIcon(), func() { pp.r.onRemove(p) })
	erase := widget.NewButtonWithIcon(lang.X("person.erase", "Effacer définitivement…"), theme.WarningIcon(), func() { pp.r.onErase(p) })
	erase.Importance = widget.DangerImportance
	actions = append(actions, widget.NewSeparator(), export, remove, erase)
	pp.body.Objects = append(items, append([]fyne.CanvasObject{widget.NewSeparator()}, actions...)...)
	pp.body.Refresh()
}

func statusImportance(s participants.Status) widget.Importance {
	switch s {
	case participants.Confirme:
		return widget.SuccessImportance
	case participants.Attente:
		return widget.WarningImportance
	case participants.Desiste:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// onExport saves what the app holds about p, for them (their own data).
func (pp *personPane) onExport(p participants.Participant) {
	pp.r.ui.saveAs(fileSafe(p.Name)+".json", nil, func(path string) {
		if err := pp.exportTo(path, p.ID); err != nil {
			pp.r.ui.showError(lang.X("person.err.export", "Les données n’ont pas été exportées."), err)
			return
		}
		dialog.ShowInformation(lang.X("person.export.done.title", "Données exportées"),
			lang.X("person.export.done", "Les données de {{.Name}} sont enregistrées dans {{.Path}}.", map[string]any{"Name": p.Name, "Path": path}), pp.r.ui.win)
	})
}

func (pp *personPane) exportTo(path string, id int64) error {
	data, err := pp.r.ui.store.PersonalData(context.Background(), id)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, s := range pp.r.ui.cohort.Sessions {
		names[s.ID] = fmt.Sprintf("%s — %s", sessionName(s.Number), pp.r.ui.lang().Date(s.StartsAt))
	}
	return atomicfile.Write(path, 0o600, func(w io.Writer) error {
		return participants.WritePersonalData(w, data.Participant, data.Marks, names)
	})
}

// fileSafe turns a name into a file name without separators.
func fileSafe(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		return "personne"
	}
	return name
}

// showPersonForm edits p (or a new person) and calls save with the result;
// the form refuses a missing name or a malformed email before closing.
func showPersonForm(u *UI, p participants.Participant, save func(participants.Participant) error) {
	name := widget.NewEntry()
	name.SetText(p.Name)
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s", lang.X("person.err.name", "Le nom est obligatoire."))
		}
		return nil
	}
	email := widget.NewEntry()
	email.SetText(p.Email)
	email.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil
		}
		if a, err := mail.ParseAddress(s); err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
			return fmt.Errorf("%s", lang.X("person.err.email", "Ce courriel n’est pas valide."))
		}
		return nil
	}
	pronouns, phone, org, city, access := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	pronouns.SetText(p.Pronouns)
	phone.SetText(p.Phone)
	org.SetText(p.Organisation)
	city.SetText(p.City)
	access.SetText(p.Accessibility)
	consent := widget.NewCheck(lang.X("person.consent", "Accepte d’être contacté·e après le cours"), nil)
	consent.SetChecked(p.Consent)
	notes := widget.NewMultiLineEntry()
	notes.SetText(p.Notes)
	notes.SetMinRowsVisible(3)
	notes.Wrapping = fyne.TextWrapWord

	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("person.name", "Nom"), name),
		widget.NewFormItem(lang.X("person.pronouns", "Pronoms"), pronouns),
		widget.NewFormItem(lang.X("person.email", "Courriel"), email),
		widget.NewFormItem(lang.X("person.phone", "Téléphone"), phone),
		widget.NewFormItem(lang.X("person.org", "Organisation"), org),
		widget.NewFormItem(lang.X("person.city", "Ville"), city),
		widget.NewFormItem(lang.X("person.access", "Besoins d’accessibilité"), access),
		widget.NewFormItem("", consent),
		widget.NewFormItem(lang.X("person.notes", "Notes"), notes),
	}
	title := lang.X("person.edit.title", "Modifier la fiche")
	if p.ID == 0 {
		title = lang.X("person.add.title", "Ajouter une personne")
	}
	d := dialog.NewForm(title, lang.X("action.save", "Enregistrer"), lang.X("action.cancel", "Annuler"), items, func(ok bool) {
		if !ok {
			return
		}
		p.Name, p.Email = strings.TrimSpace(name.Text), strings.TrimSpace(email.Text)
		p.Pronouns, p.Phone = strings.TrimSpace(pronouns.Text), strings.TrimSpace(phone.Text)
		p.Organisation, p.City = strings.TrimSpace(org.Text), strings.TrimSpace(city.Text)
		p.Accessibility, p.Consent, p.Notes = strings.TrimSpace(access.Text), consent.Checked, strings.TrimSpace(notes.Text)
		if err := save(p); err != nil {
			u.showError(lang.X("person.err.save", "La fiche n’a pas été enregistrée."), err)
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// showMarksForm edits one person's marks for the five sessions.
func showMarksForm(r *rosterScreen, p participants.Participant) {
	data, err := r.ui.store.PersonalData(context.Background(), p.ID)
	if err != nil {
		r.ui.showError(lang.X("person.err.marks", "Les présences n’ont pas pu être lues."), err)
		return
	}
	current := map[int64]participants.Attendance{}
	for _, m := range data.Marks {
		current[m.SessionID] = m
	}
	options := []string{markLabel("")}
	for _, m := range participants.Marks() {
		options = append(options, markLabel(m))
	}
	type row struct {
		sessionID int64
		mark      *widget.Select
		minutes   *widget.Entry
		note      *widget.Entry
	}
	var rows []row
	var items []*widget.FormItem
	l := r.ui.lang()
	for _, s := range r.ui.cohort.Sessions {
		m := current[s.ID]
		rw := row{sessionID: s.ID, mark: widget.NewSelect(options, nil), minutes: widget.NewEntry(), note: widget.NewEntry()}
		rw.mark.SetSelected(markLabel(m.Mark))
		rw.minutes.SetPlaceHolder(lang.X("marks.minutes", "min"))
		if m.Minutes > 0 {
			rw.minutes.SetText(strconv.Itoa(m.Minutes))
		}
		rw.minutes.Validator = func(s string) error {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); strings.TrimSpace(s) != "" && (err != nil || n < 0 || n > 24*60) {
				return fmt.Errorf("%s", lang.X("marks.err.minutes", "Un nombre de minutes, par exemple 85."))
			}
			return nil
		}
		rw.note.SetPlaceHolder(lang.X("marks.note", "Note"))
		rw.note.SetText(m.Note)
		rows = append(rows, rw)
		line := container.NewBorder(nil, nil, container.NewHBox(rw.mark, container.NewGridWrap(fyne.NewSize(70, rw.minutes.MinSize().Height), rw.minutes)), nil, rw.note)
		items = append(items, widget.NewFormItem(fmt.Sprintf("%s · %s", sessionName(s.Number), l.ShortDate(s.StartsAt)), line))
	}
	d := dialog.NewForm(lang.X("marks.title", "Présences de {{.Name}}", map[string]any{"Name": p.Name}),
		lang.X("action.save", "Enregistrer"), lang.X("action.cancel", "Annuler"), items, func(ok bool) {
			if !ok {
				return
			}
			var marks []participants.Attendance
			for _, rw := range rows {
				mark := participants.Mark("")
				for _, m := range participants.Marks() {
					if markLabel(m) == rw.mark.Selected {
						mark = m
					}
				}
				if mark == "" {
					if _, had := current[rw.sessionID]; had {
						if err := r.ui.store.ClearAttendance(context.Background(), p.ID, rw.sessionID); err != nil {
							r.ui.showError(lang.X("person.err.marks.save", "Les présences n’ont pas été enregistrées."), err)
							return
						}
					}
					continue
				}
				minutes, _ := strconv.Atoi(strings.TrimSpace(rw.minutes.Text))
				marks = append(marks, participants.Attendance{ParticipantID: p.ID, SessionID: rw.sessionID, Mark: mark, Minutes: minutes, Note: strings.TrimSpace(rw.note.Text)})
			}
			if err := r.ui.store.SetAttendance(context.Background(), marks); err != nil {
				r.ui.showError(lang.X("person.err.marks.save", "Les présences n’ont pas été enregistrées."), err)
				return
			}
			r.changed(p.ID)
		}, r.ui.win)
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
}
