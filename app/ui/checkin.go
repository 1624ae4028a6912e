package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
	"atelier/app/service"
)

// checkinScreen is the desk of a live session: a big search box, a tap on a
// name marks the person present, walk-ins are added and marked in one step,
// and a running count says who is here out of who is expected.
type checkinScreen struct {
	ui   *UI
	root fyne.CanvasObject

	session course.Session
	people  []participants.Participant // sorted by name, expected first
	index   *participants.Index
	shown   []int
	marks   map[int64]participants.Attendance
	all     []participants.Participant // the cohort, for the count
	tally   attendance.Session

	sessionPick *widget.Select
	search      *widget.Entry
	count       *widget.Label
	list        *widget.List
}

func newCheckinScreen(u *UI) *checkinScreen {
	c := &checkinScreen{ui: u, marks: map[int64]participants.Attendance{}}
	c.sessionPick = widget.NewSelect(nil, c.onPickSession)
	c.search = widget.NewEntry()
	c.search.SetPlaceHolder(lang.X("checkin.search", "Tapez un nom…"))
	c.search.OnChanged = func(string) { c.filter() }
	c.search.OnSubmitted = func(string) {
		// Enter marks the only person left by the search.
		if len(c.shown) == 1 {
			c.toggle(c.people[c.shown[0]])
		}
	}
	c.count = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.count.SizeName = theme.SizeNameSubHeadingText
	c.list = widget.NewList(
		func() int { return len(c.shown) },
		func() fyne.CanvasObject {
			name := newTipLabel(u, "Marie-Ève Lévesque-Tremblay")
			mark := widget.NewLabelWithStyle("Présent·e", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
			return container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewIcon(nil), mark), name)
		},
		c.updateRow,
	)
	c.list.OnSelected = func(id widget.ListItemID) {
		c.list.Unselect(id)
		if id < len(c.shown) {
			c.toggle(c.people[c.shown[id]])
		}
	}
	walkIn := widget.NewButtonWithIcon(lang.X("checkin.walkin", "Ajouter une arrivée sans inscription…"), theme.ContentAddIcon(), c.onWalkIn)
	report := widget.NewButtonWithIcon(lang.X("checkin.report", "Importer le rapport de la visio…"), theme.UploadIcon(), c.onImportReport)
	rest := widget.NewButtonWithIcon(lang.X("checkin.rest", "Marquer les autres absent·e·s…"), theme.CancelIcon(), c.onRestAbsent)
	u.writing(walkIn, report, rest)
	// The controls at the usual size; the count, the search and the names
	// large, to be read at a glance while people arrive. The count wraps:
	// the desk fits a 1024-pixel screen.
	c.count.Wrapping = fyne.TextWrapWord
	controls := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.X("checkin.session", "Séance\u00a0:")), nil, c.sessionPick),
		container.NewHBox(report, walkIn, rest))
	desk := container.NewThemeOverride(container.NewBorder(container.NewVBox(c.count, c.search), nil, nil, nil, c.list), bigTheme(1.35))
	big := container.NewBorder(controls, nil, nil, nil, desk)
	c.root = container.NewPadded(big)
	return c
}

// load reads the cohort's people and picks the session live, or the one
// already picked, or the session of the day, or the next one, or the last.
func (c *checkinScreen) load() {
	cohort := c.ui.cohort
	var names []string
	for _, s := range cohort.Sessions {
		names = append(names, fmt.Sprintf("%s · %s", sessionName(s.Number), c.ui.lang().MediumDate(s.StartsAt)))
	}
	c.sessionPick.SetOptions(names)
	if len(cohort.Sessions) == 0 {
		return
	}
	i := currentSession(cohort.Sessions, c.ui.svc.Now())
	if c.session.ID == 0 && c.ui.live != nil {
		c.session = c.ui.live.session
	}
	if c.session.ID != 0 {
		for j, s := range cohort.Sessions {
			if s.ID == c.session.ID {
				i = j
			}
		}
	}
	c.sessionPick.SetSelectedIndex(i) // calls onPickSession
}

// currentSession is the index of today's session, else the next one, else
// the last.
func currentSession(sessions []course.Session, now time.Time) int {
	for i, s := range sessions {
		if now.Before(s.End().Add(3 * time.Hour)) {
			return i
		}
	}
	return len(sessions) - 1
}

func (c *checkinScreen) onPickSession(string) {
	i := c.sessionPick.SelectedIndex()
	if i < 0 || i >= len(c.ui.cohort.Sessions) {
		return
	}
	c.session = c.ui.cohort.Sessions[i]
	c.reload()
}

// reload reads the roster and this session's marks again.
func (c *checkinScreen) reload() {
	d, err := c.ui.svc.Desk(context.Background(), c.ui.cohort, c.session.ID)
	if err != nil {
		c.ui.showError(lang.X("checkin.err.load", "Impossible de lire les présences de la séance."), err)
		return
	}
	c.marks = make(map[int64]participants.Attendance, len(d.Marks))
	for _, m := range d.Marks {
		c.marks[m.ParticipantID] = m
	}
	c.tally = d.Tally
	// Listed first: the people expected and whoever already has a mark;
	// after them, those who may turn up: the waiting list and the people
	// who came to an earlier session without registering.
	c.people = c.people[:0]
	var others []participants.Participant
	for _, p := range d.People {
		_, marked := c.marks[p.ID]
		switch {
		case attendance.Expected(p) || marked:
			c.people = append(c.people, p)
		case p.Status == participants.Attente || p.Status == participants.SansInscription:
			others = append(others, p)
		}
	}
	participants.SortByName(c.people)
	participants.SortByName(others)
	c.people = append(c.people, others...)
	c.all = d.People
	c.index = participants.NewIndex(c.people)
	c.filter()
}

func (c *checkinScreen) filter() {
	if c.index == nil {
		return
	}
	c.shown = c.index.Search(c.search.Text, "")
	c.list.Refresh()
	c.updateCount()
}

// updateCount writes « 10 personnes présentes sur 10 attendues · 1
// arrivée sans inscription », from the same rule as every other figure.
func (c *checkinScreen) updateCount() {
	marks := make([]participants.Attendance, 0, len(c.marks))
	for _, m := range c.marks {
		marks = append(marks, m)
	}
	c.tally = attendance.TallySession(c.session, c.all, marks, c.ui.svc.Now())
	c.count.SetText(checkinCount(c.ui.lang(), c.tally))
}

// checkinCount is the desk's running count.
func checkinCount(l textfmt.Lang, t attendance.Session) string {
	// The plural follows the people expected: « 1 sur 1 personne
	// attendue », « 0 sur 3 personnes attendues ».
	text := lang.XN("checkin.count", "Présences\u00a0: {{.Here}} sur {{.Expected}} personne attendue", t.Expected,
		map[string]any{"Here": l.Int(t.Came()), "Expected": l.Int(t.Expected)})
	if t.Others > 0 {
		text += " · " + lang.XN("checkin.others", "{{.N}} autre personne présente (sans place)", t.Others, map[string]any{"N": l.Int(t.Others)})
	}
	return text
}

func (c *checkinScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(c.shown) {
		return
	}
	p := c.people[c.shown[id]]
	row := o.(*fyne.Container)
	name := row.Objects[0].(*tipLabel)
	icon, mark := rowMark(row)
	text := p.Name
	if p.Pronouns != "" {
		text += " (" + p.Pronouns + ")"
	}
	if p.Status == participants.Attente || p.Status == participants.SansInscription {
		text += " — " + strings.ToLower(statusLabel(p.Status))
	}
	name.SetText(text)
	m, ok := c.marks[p.ID]
	label := lang.X("checkin.hint", "Cliquer pour marquer présent·e")
	if !c.ui.canWrite() {
		label = "" // a click marks no one: the team line says why
	}
	if ok {
		label = markLabel(m.Mark)
		if m.Minutes > 0 {
			label += " · " + c.ui.lang().Minutes(m.Minutes)
		}
	}
	showMark(icon, mark, m.Mark, label)
	row.Refresh() // laid out again for the mark's width, or it is cut
}

// rowMark is the mark's symbol and words in a row of the desk.
func rowMark(row *fyne.Container) (*widget.Icon, *widget.Label) {
	box := row.Objects[1].(*fyne.Container)
	return box.Objects[0].(*widget.Icon), box.Objects[1].(*widget.Label)
}

// toggle marks p present, or takes back a present mark given by mistake,
// and says which it did in the bottom bar, with « Annuler ».
func (c *checkinScreen) toggle(p participants.Participant) {
	if !c.ui.canWrite() {
		return // the desk is there to look at: who came, who is expected
	}
	m, had := c.marks[p.ID]
	if !had {
		m = participants.Attendance{ParticipantID: p.ID, SessionID: c.session.ID}
	}
	tap, err := c.ui.svc.TapDesk(context.Background(), m, had)
	if err != nil {
		c.ui.showError(lang.X("checkin.err.mark", "La présence n’a pas été enregistrée."), err)
		c.reload()
		return
	}
	c.show(tap)
	text := lang.X("checkin.unmarked", "{{.Name}} n’est plus marqué·e présent·e.", map[string]any{"Name": p.Name})
	if tap.Marked {
		text = lang.X("checkin.marked", "{{.Name}} est marqué·e présent·e.", map[string]any{"Name": p.Name})
	}
	session := c.session.ID
	c.ui.notify(text, func() { c.undoTap(tap, session) })
	if c.search.Text != "" {
		c.search.SetText("")
	}
	c.ui.win.Canvas().Focus(c.search)
}

// show puts the mark a tap (or its undo) left on the desk.
func (c *checkinScreen) show(t service.Tap) {
	if t.Marked {
		c.marks[t.After.ParticipantID] = t.After
	} else {
		delete(c.marks, t.Before.ParticipantID)
	}
	c.ui.rosterChanged() // the roster's counts changed
	c.ui.showTeamLine()  // the marks waiting to be sent, offline
	c.list.Refresh()
	c.updateCount()
}

// undoTap puts back the mark a tap on session replaced.
func (c *checkinScreen) undoTap(t service.Tap, session int64) {
	if err := c.ui.svc.UndoTap(context.Background(), t); err != nil {
		c.ui.showError(lang.X("checkin.err.undo", "La marque d’avant n’a pas pu être remise."), err)
		c.reload()
		return
	}
	if session != c.session.ID {
		c.ui.rosterChanged()
		return // the desk shows another session now
	}
	// The undo is the tap the other way round.
	c.show(service.Tap{Before: t.After, After: t.Before, Marked: t.Had})
}

// onRestAbsent lists the people expected who have no mark yet and, once
// confirmed, marks them absent·e·s in one step.
func (c *checkinScreen) onRestAbsent() {
	ctx := context.Background()
	rest, err := c.ui.svc.RestAbsent(ctx, c.ui.cohort, c.session.ID)
	if err != nil {
		c.ui.showError(lang.X("checkin.err.load", "Impossible de lire les présences de la séance."), err)
		return
	}
	if len(rest) == 0 {
		dialog.ShowInformation(lang.X("checkin.rest.title", "Marquer les autres absent·e·s"),
			lang.X("checkin.rest.none", "Toutes les personnes attendues à cette séance ont déjà une marque."), c.ui.win)
		return
	}
	var names []string
	for _, p := range rest {
		names = append(names, p.Name)
	}
	list := wrapped(strings.Join(names, "\n"))
	intro := wrapped(lang.XN("checkin.rest.confirm", "{{.N}} personne attendue n’a pas de marque à la séance {{.S}}. La marquer absente\u202f?", len(rest),
		map[string]any{"N": c.ui.lang().Int(len(rest)), "S": c.session.Number}))
	body := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(list))
	d := dialog.NewCustomConfirm(lang.X("checkin.rest.title", "Marquer les autres absent·e·s"),
		lang.XN("checkin.rest.action", "Marquer {{.N}} personne absente", len(rest), map[string]any{"N": c.ui.lang().Int(len(rest))}),
		lang.X("action.cancel", "Annuler"), body, func(ok bool) {
			if !ok {
				return
			}
			marked, err := c.ui.svc.MarkRestAbsent(ctx, c.ui.cohort.ID, c.session.ID)
			if err != nil {
				c.ui.showError(lang.X("checkin.err.mark", "La présence n’a pas été enregistrée."), err)
			}
			c.ui.rosterChanged()
			c.reload()
			if err == nil {
				c.ui.notify(lang.XN("checkin.rest.done", "{{.N}} personne marquée absente", len(marked), map[string]any{"N": c.ui.lang().Int(len(marked))}), nil)
			}
		}, c.ui.win)
	d.Resize(fyne.NewSize(480, 420))
	d.Show()
}

// onWalkIn adds someone who came without registering and marks them
// present, in one step; the name typed in the search box is kept.
func (c *checkinScreen) onWalkIn() {
	name := widget.NewEntry()
	name.SetText(strings.TrimSpace(c.search.Text))
	email := widget.NewEntry()
	pronouns := widget.NewEntry()
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("person.name", "Nom"), name),
		widget.NewFormItem(lang.X("person.pronouns", "Pronoms"), pronouns),
		widget.NewFormItem(lang.X("person.email", "Courriel"), email),
	}
	d := dialog.NewForm(lang.X("checkin.walkin.title", "Arrivée sans inscription"), lang.X("checkin.walkin.action", "Ajouter et marquer présent·e"),
		lang.X("action.cancel", "Annuler"), items, func(ok bool) {
			if !ok {
				return
			}
			p := participants.Participant{Name: strings.TrimSpace(name.Text), Email: strings.TrimSpace(email.Text), Pronouns: strings.TrimSpace(pronouns.Text)}
			added, err := c.ui.svc.AddWalkIn(context.Background(), c.ui.cohort.ID, c.session.ID, p)
			if err != nil {
				c.ui.showError(lang.X("checkin.err.walkin", "La personne n’a pas été ajoutée."), err)
				return
			}
			c.ui.rosterChanged()
			c.search.SetText("")
			c.reload()
			c.ui.notify(lang.X("checkin.walkin.done", "{{.Name}} est ajouté·e et marqué·e présent·e.", map[string]any{"Name": added.Name}), nil)
		}, c.ui.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}
