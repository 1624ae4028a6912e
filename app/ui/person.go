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

	"atelier/app/domain/attendance"
	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

// personPane shows one person of the roster and what can be done for them.
// Its layout never changes with the person shown: the same buttons stay
// in the same places, disabled when they do not apply, so that nothing
// moves under the pointer between two clicks.
type personPane struct {
	r       *rosterScreen
	root    fyne.CanvasObject
	current participants.Participant
	shown   bool

	details *wrapText
	status  *wrapText
	name    *wrapText

	edit, marks, confirm, seat, withdraw, reregister *widget.Button
	more                                             *widget.Button // exporting, removing, erasing
}

func newPersonPane(r *rosterScreen) *personPane {
	p := &personPane{r: r}
	p.name = wrapped("")
	p.name.TextStyle = fyne.TextStyle{Bold: true}
	p.name.SizeName = theme.SizeNameSubHeadingText
	p.status = wrapped("")
	p.details = wrapped("")
	// Text only: the pane stays narrow enough for a 1024-pixel screen.
	p.edit = widget.NewButton(lang.X("person.edit", "Modifier…"), p.onEdit)
	p.marks = widget.NewButton(lang.X("person.marks", "Modifier les présences…"), func() { showMarksForm(p.r, p.current) })
	p.confirm = widget.NewButton(lang.X("person.confirm", "Confirmer"), func() { p.r.confirm(p.current) })
	p.seat = widget.NewButton(lang.X("person.promote", "Donner une place"), func() { p.r.giveSeat(p.current) })
	p.withdraw = widget.NewButton(lang.X("person.withdraw", "Noter un désistement…"), func() { p.r.onWithdraw(p.current) })
	p.reregister = widget.NewButton(lang.X("person.reregister", "Réinscrire…"), func() { p.r.giveSeat(p.current) })
	p.more = widget.NewButtonWithIcon(lang.X("person.more", "Autres actions"), theme.MoreVerticalIcon(), p.onMore)
	actions := container.NewVBox(container.NewGridWithColumns(2,
		p.edit, p.marks,
		p.confirm, p.seat,
		p.withdraw, p.reregister),
		p.more)
	head := container.NewVBox(p.name, p.status, widget.NewSeparator())
	foot := container.NewVBox(widget.NewSeparator(), actions)
	p.root = container.NewBorder(head, foot, nil, nil, container.NewVScroll(p.details))
	p.show(participants.Participant{}, false)
	return p
}

// buttons are the pane's action buttons, for enabling them together.
func (pp *personPane) buttons() []*widget.Button {
	return []*widget.Button{pp.edit, pp.marks, pp.confirm, pp.seat, pp.withdraw, pp.reregister, pp.more}
}

// onMore offers what is done rarely, in a menu under its button:
// exporting the person's data, removing them, erasing them for good.
func (pp *personPane) onMore() {
	widget.ShowPopUpMenuAtRelativePosition(pp.moreMenu(), pp.r.ui.win.Canvas(), fyne.NewPos(0, pp.more.Size().Height), pp.more)
}

// moreMenu is the menu of « Autres actions » for the person shown.
func (pp *personPane) moreMenu() *fyne.Menu {
	p := pp.current
	erase := fyne.NewMenuItem(lang.X("person.erase", "Effacer définitivement…"), func() { pp.r.onErase(p) })
	erase.Icon = theme.WarningIcon()
	remove := fyne.NewMenuItem(lang.X("person.remove", "Retirer…"), func() { pp.r.onRemove(p) })
	// Exporting their data only reads: it stays on for a read-only role.
	remove.Disabled, erase.Disabled = !pp.r.ui.canWrite(), !pp.r.ui.canWrite()
	return fyne.NewMenu("",
		fyne.NewMenuItem(lang.X("person.export", "Exporter ses données…"), func() { pp.onExport(p) }),
		remove,
		fyne.NewMenuItemSeparator(),
		erase)
}

// show fills the pane with p, or a hint when nobody is selected.
func (pp *personPane) show(p participants.Participant, ok bool) {
	pp.current, pp.shown = p, ok
	if !ok {
		pp.name.SetText(lang.X("person.title", "Fiche"))
		pp.status.SetText("")
		pp.details.SetText(lang.X("person.none", "Choisissez une personne dans la liste pour voir sa fiche, ses présences et les actions possibles."))
		for _, b := range pp.buttons() {
			b.Disable()
		}
		return
	}
	u := pp.r.ui
	l := u.lang()
	title := p.Name
	if p.Pronouns != "" {
		title += " (" + p.Pronouns + ")"
	}
	pp.name.SetText(title)
	status := statusLabel(p.Status)
	if n, ok := pp.r.queue[p.ID]; ok {
		status = lang.X("person.queue", "Liste d’attente · n°\u00a0{{.N}} sur {{.Of}}", map[string]any{"N": l.Int(n), "Of": l.Int(pp.r.seats.Waiting)})
	}
	pp.status.SetText(status)
	pp.status.Importance = statusImportance(p.Status)
	pp.status.Refresh()

	var lines []string
	field := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			lines = append(lines, label+l.Colon()+value)
		}
	}
	field(lang.X("person.email", "Courriel"), p.Email)
	field(lang.X("person.phone", "Téléphone"), p.Phone)
	field(lang.X("person.org", "Organisation"), p.Organisation)
	field(lang.X("person.city", "Ville"), p.City)
	field(lang.X("person.access", "Besoins d’accessibilité"), p.Accessibility)
	if p.Consent {
		lines = append(lines, lang.X("person.consent.yes", "Accepte d’être contacté·e après le cours"))
	}
	if !p.RegisteredAt.IsZero() {
		field(lang.X("person.registered", "Inscription"), l.Date(p.RegisteredAt.In(u.cohort.Location())))
	}
	field(lang.X("person.notes", "Notes"), p.Notes)
	rate := attendance.Rate{Attended: p.Attended, Possible: pp.r.held}
	lines = append(lines, lang.XN("person.attended", "Présences\u00a0: {{.Count}} sur {{.Of}} séance tenue ({{.Rate}})", pp.r.held,
		map[string]any{"Count": l.Int(p.Attended), "Of": l.Int(pp.r.held), "Rate": rate.Percent(l)}))
	pp.details.SetText(strings.Join(lines, "\n"))

	w := u.canWrite()
	pp.more.Enable() // its menu turns off what changes data
	enable(pp.edit, w)
	enable(pp.marks, w)
	enable(pp.confirm, w && p.Status == participants.Inscrit)
	enable(pp.seat, w && (p.Status == participants.Attente || p.Status == participants.SansInscription))
	enable(pp.withdraw, w && p.Status != participants.Desiste)
	enable(pp.reregister, w && p.Status == participants.Desiste)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
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

func (pp *personPane) onEdit() {
	p := pp.current
	showPersonForm(pp.r.ui, p, func(changed participants.Participant) error {
		if err := pp.r.ui.svc.UpdatePerson(context.Background(), pp.r.ui.cohort.ID, changed); err != nil {
			return err
		}
		pp.r.changed(p.ID)
		pp.r.ui.notify(lang.X("person.saved", "Fiche {{.Of}} enregistrée.", map[string]any{"Name": changed.Name, "Of": pp.r.ui.lang().Of(changed.Name)}), nil)
		return nil
	})
}

// onExport saves what the app holds about p, for them (their own data).
func (pp *personPane) onExport(p participants.Participant) {
	u := pp.r.ui
	u.saveAs(fileSafe(p.Name)+".json", nil, func(path string) {
		err := u.svc.SaveFile(path, func(w io.Writer) error {
			return u.svc.PersonalData(context.Background(), w, u.cohort, p.ID)
		})
		if err != nil {
			u.showError(lang.X("person.err.export", "Les données n’ont pas été exportées."), err)
			return
		}
		dialog.ShowInformation(lang.X("person.export.done.title", "Données exportées"),
			lang.X("person.export.done", "Les données {{.Of}} sont enregistrées dans {{.Path}}.", map[string]any{"Name": p.Name, "Of": u.lang().Of(p.Name), "Path": path}), u.win)
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
			return usererr.New("%s", lang.X("person.err.name", "Le nom est obligatoire."))
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
			return usererr.New("%s", lang.X("person.err.email", "Ce courriel n’est pas valide."))
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
		pick, picker := markPicker(options, m.Mark)
		rw := row{sessionID: s.ID, mark: pick, minutes: widget.NewEntry(), note: widget.NewEntry()}
		rw.minutes.SetPlaceHolder(lang.X("marks.minutes", "min"))
		if m.Minutes > 0 {
			rw.minutes.SetText(strconv.Itoa(m.Minutes))
		}
		rw.minutes.Validator = func(s string) error {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); strings.TrimSpace(s) != "" && (err != nil || n < 0 || n > 24*60) {
				return usererr.New("%s", lang.X("marks.err.minutes", "Un nombre de minutes, par exemple 85."))
			}
			return nil
		}
		rw.note.SetPlaceHolder(lang.X("marks.note", "Note"))
		rw.note.SetText(m.Note)
		rows = append(rows, rw)
		// Room for « 120 » or the placeholder, in the text size of the look.
		width := max(70, fyne.MeasureText(rw.minutes.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width+4*theme.InnerPadding())
		line := container.NewBorder(nil, nil, container.NewHBox(picker, container.NewGridWrap(fyne.NewSize(width, rw.minutes.MinSize().Height), rw.minutes)), nil, rw.note)
		items = append(items, widget.NewFormItem(fmt.Sprintf("%s · %s", sessionName(s.Number), l.ShortDate(s.StartsAt)), line))
	}
	d := dialog.NewForm(lang.X("marks.title", "Présences {{.Of}}", map[string]any{"Name": p.Name, "Of": l.Of(p.Name)}),
		lang.X("action.save", "Enregistrer"), lang.X("action.cancel", "Annuler"), items, func(ok bool) {
			if !ok {
				return
			}
			var marks []participants.Attendance
			var cleared []int64
			for _, rw := range rows {
				mark := markOf(rw.mark.Selected)
				if mark == "" {
					if _, had := current[rw.sessionID]; had {
						cleared = append(cleared, rw.sessionID)
					}
					continue
				}
				minutes, _ := strconv.Atoi(strings.TrimSpace(rw.minutes.Text))
				marks = append(marks, participants.Attendance{ParticipantID: p.ID, SessionID: rw.sessionID, Mark: mark, Minutes: minutes, Note: strings.TrimSpace(rw.note.Text)})
			}
			if err := r.ui.svc.SaveMarks(context.Background(), r.ui.cohort.ID, p.ID, marks, cleared); err != nil {
				r.ui.showError(lang.X("person.err.marks.save", "Les présences n’ont pas été enregistrées."), err)
				return
			}
			r.changed(p.ID)
			r.ui.notify(lang.X("marks.saved", "Présences {{.Of}} enregistrées.", map[string]any{"Name": p.Name, "Of": l.Of(p.Name)}), nil)
		}, r.ui.win)
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
}
