package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/kit/textfmt"
)

// sessionsScreen is the Séances area: the cohort's five sessions, and the
// chosen session's timed agenda, objectives and key concepts.
type sessionsScreen struct {
	ui       *UI
	root     fyne.CanvasObject
	cohort   course.Cohort
	selected int // index into cohort.Sessions
	slots    []agenda.Slot

	list       *widget.List
	tabs       *container.AppTabs
	title      *wrapText
	when       *wrapText
	total      *widget.Label
	agendaList *widget.List
	objectives *wrapText
	concepts   *fyne.Container

	issues    *wrapText
	editor    *blockEditor
	notes     *notesPane
	resources *fyne.Container
	guide     *guidePane
	current   int // the block on view
	history   *agenda.History
	// undoNotice is the token of the notice offering to undo the last
	// agenda edit (UI.noticeOn), 0 when there is none.
	undoNotice int
	// quiet is set while the screen itself selects a row, which is not
	// the person picking one.
	quiet   bool
	undoBtn *widget.Button
	redoBtn *widget.Button
	// toolbar holds the agenda's buttons, on as many rows as its width
	// needs.
	toolbar *fyne.Container

	empty *wrapText
	split *container.Split
	body  *fyne.Container
}

func newSessionsScreen(u *UI) *sessionsScreen {
	s := &sessionsScreen{ui: u}
	s.list = widget.NewList(
		func() int { return len(s.cohort.Sessions) },
		newSessionRow,
		s.updateSessionRow,
	)
	s.list.OnSelected = s.onSelectSession

	s.title = wrapped("")
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.SizeName = "subHeadingText"
	// The date wraps under itself when the line is short of room (a plan
	// that runs over, on a small laptop): the total keeps its place.
	s.when = wrapped("")
	s.total = widget.NewLabel("")

	s.agendaList = widget.NewList(
		func() int { return len(s.slots) },
		func() fyne.CanvasObject { return newAgendaRow(u) },
		s.updateAgendaRow,
	)
	s.agendaList.OnSelected = s.onSelectBlock

	s.objectives = wrapped("")
	s.concepts = container.NewVBox()

	s.issues = wrapped("")
	s.issues.Importance = widget.WarningImportance
	s.editor = newBlockEditor(s)
	s.notes = newNotesPane(s)
	s.resources = container.NewVBox()
	s.guide = newGuidePane(s)
	s.history = agenda.NewHistory(0)

	agenda := container.NewBorder(container.NewVBox(s.agendaToolbar(), s.issues), nil, nil, nil, s.agendaList)
	sizedBy(s.toolbar, agenda)
	agendaPane := container.NewHSplit(agenda, s.editor.root)
	agendaPane.Offset = 0.58
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.X("sessions.agenda", "Agenda"), agendaPane),
		container.NewTabItem(lang.X("sessions.objectives", "Objectifs"), container.NewVScroll(s.objectives)),
		container.NewTabItem(lang.X("sessions.concepts", "Concepts clés"), container.NewVScroll(s.concepts)),
		container.NewTabItem(lang.X("sessions.teamnotes", "Notes de l’équipe"), s.notes.root),
		container.NewTabItem(lang.X("sessions.resources", "Ressources"), container.NewVScroll(s.resources)),
		container.NewTabItem(lang.X("sessions.guide", "Guide"), s.guide.root),
	)
	liveBtn := widget.NewButtonWithIcon(lang.X("live.open", "Animer en direct"), theme.MediaPlayIcon(), s.onLive)
	liveBtn.Importance = widget.HighImportance
	header := container.NewVBox(container.NewBorder(nil, nil, nil, liveBtn, s.title), container.NewBorder(nil, nil, nil, s.total, s.when))
	s.tabs.OnSelected = func(*container.TabItem) { s.showCurriculum() }
	detail := container.NewBorder(header, nil, nil, nil, s.tabs)

	s.split = container.NewHSplit(s.list, detail)
	s.split.Offset = 0.25
	s.empty = wrapped(lang.X("sessions.empty", "Aucune cohorte n’est ouverte. Créez-en une avec «\u00a0Créer une cohorte…\u00a0»\u00a0: ses cinq séances seront reprises du programme."))
	s.body = container.NewStack(s.split)
	s.root = s.body
	return s
}

// show displays cohort c, keeping the session selected if there is one.
func (s *sessionsScreen) show(c course.Cohort) {
	if len(s.cohort.Sessions) > 0 {
		s.savePending(&c)
	}
	s.cohort = c
	if len(c.Sessions) == 0 {
		s.body.Objects = []fyne.CanvasObject{container.NewPadded(s.empty)}
		s.body.Refresh()
		return
	}
	s.body.Objects = []fyne.CanvasObject{s.split}
	s.body.Refresh()
	if s.selected >= len(c.Sessions) {
		s.selected = 0
	}
	s.list.Refresh()
	s.openSession(s.selected)
}

// newSessionRow is the template of a session in the list: its name, short
// title, date and times. The date line is as long as one can be, so that
// the list claims the width to show it whole (a small laptop's window
// would otherwise cut the end time off); the lines sit a little closer
// than labels do, so that the five sessions fit a small screen.
func newSessionRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Séance 0", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title := widget.NewLabel("Titre court")
	title.Truncation = fyne.TextTruncateEllipsis
	when := widget.NewLabel("mer. 30 sept. 2026 · 18\u00a0h\u00a030 – 20\u00a0h\u00a030")
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), name, title, when)
}

func (s *sessionsScreen) updateSessionRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.cohort.Sessions) {
		return
	}
	se := s.cohort.Sessions[id]
	l := s.ui.lang()
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(sessionName(se.Number))
	row.Objects[1].(*widget.Label).SetText(s.shortTitle(se))
	row.Objects[2].(*widget.Label).SetText(fmt.Sprintf("%s · %s", l.MediumDate(se.StartsAt), sessionTimes(l, se)))
}

// sessionTimes is « 18 h 30 – 20 h », the end laid out as the agenda is
// (fixed blocks, gaps and overruns included).
func sessionTimes(l textfmt.Lang, se course.Session) string {
	return fmt.Sprintf("%s – %s", l.Clock(se.StartsAt), l.Clock(se.End()))
}

// sessionName is « Séance 3 ».
func sessionName(n int) string {
	return lang.X("sessions.name", "Séance {{.N}}", map[string]any{"N": n})
}

// plan is the curriculum's plan for session n, if any.
func (s *sessionsScreen) plan(n int) (course.Plan, bool) { return course.PlanFor(s.ui.svc.Plans(), n) }

func (s *sessionsScreen) shortTitle(se course.Session) string {
	if p, ok := s.plan(se.Number); ok {
		return p.ShortTitle
	}
	return se.Title
}

// onSelectSession shows the session the person picked, once the block
// being edited is saved; an edit that cannot be saved keeps the list on the
// session on view.
func (s *sessionsScreen) onSelectSession(i widget.ListItemID) {
	if s.quiet || i < 0 || i >= len(s.cohort.Sessions) {
		return
	}
	prev := s.selected
	if !s.flushThen(func() {
		s.openSession(i)
		s.ui.rememberSession(s.cohort.Sessions[i].ID)
	}) {
		s.selectRow(s.list, prev)
	}
}

// selectRow selects row i of list without taking it for the person's pick.
func (s *sessionsScreen) selectRow(list *widget.List, i int) {
	s.quiet = true
	defer func() { s.quiet = false }()
	list.Select(i)
}

// openSession shows session i's agenda and curriculum.
func (s *sessionsScreen) openSession(i int) {
	if i < 0 || i >= len(s.cohort.Sessions) {
		return
	}
	s.selectRow(s.list, i)
	s.selected = i
	se := s.cohort.Sessions[i]
	l := s.ui.lang()
	s.title.SetText(fmt.Sprintf("%s — %s", sessionName(se.Number), se.Title))
	tz := strings.ReplaceAll(s.cohort.TimeZone, "_", " ")
	s.when.SetText(fmt.Sprintf("%s, %s (%s)", l.LongDate(se.StartsAt), l.Clock(se.StartsAt), tz))
	s.history = agenda.NewHistory(0)
	s.history.Push(se.Blocks)
	s.showAgenda(0)
	s.agendaList.ScrollToTop()

	s.showCurriculum()
}

// showCurriculum fills the tab on view with the session's objectives or key
// concepts; hidden tabs are filled when picked, which keeps start-up quick.
func (s *sessionsScreen) showCurriculum() {
	if s.selected >= len(s.cohort.Sessions) {
		return
	}
	p, ok := s.plan(s.cohort.Sessions[s.selected].Number)
	if !ok {
		p = course.Plan{}
	}
	var b strings.Builder
	switch s.tabs.SelectedIndex() {
	case 3:
		s.notes.load()
	case 4:
		s.resources.Objects = resourceLinks(s.ui, s.session())
		s.resources.Refresh()
	case 5:
		s.guide.load()
	case 1:
		for _, o := range p.Objectives {
			b.WriteString("•  " + o + "\n\n")
		}
		s.objectives.SetText(strings.TrimSpace(b.String()))
	case 2:
		items := make([]fyne.CanvasObject, 0, 2*len(p.Concepts))
		for _, c := range p.Concepts {
			items = append(items, widget.NewLabelWithStyle(c.Term, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), wrapped(c.Definition))
		}
		s.concepts.Objects = items
		s.concepts.Refresh()
	}
}

// totalText says how the agenda fits the session's 90 minutes.
func totalText(planned, session string, diff int, minutes func(int) string) string {
	switch {
	case diff > 0:
		return lang.X("sessions.over", "{{.Planned}} prévues\u00a0: {{.Diff}} de trop sur {{.Session}}", map[string]any{"Planned": planned, "Diff": minutes(diff), "Session": session})
	case diff < 0:
		return lang.X("sessions.under", "{{.Planned}} prévues\u00a0: {{.Diff}} libres sur {{.Session}}", map[string]any{"Planned": planned, "Diff": minutes(-diff), "Session": session})
	}
	return lang.X("sessions.exact", "{{.Planned}} prévues sur {{.Session}}", map[string]any{"Planned": planned, "Session": session})
}

func totalImportance(total int) widget.Importance {
	switch {
	case total > agenda.SessionMinutes:
		return widget.DangerImportance
	case total < agenda.SessionMinutes:
		return widget.WarningImportance
	}
	return widget.SuccessImportance
}

// newAgendaRow is the template of one agenda line: start time, a bar in the
// block kind's colour, title and kind, duration.
func newAgendaRow(u *UI) fyne.CanvasObject {
	start := widget.NewLabelWithStyle("20\u00a0h\u00a030", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: false, Bold: true})
	bar := canvas.NewRectangle(kindColor(agenda.Pause))
	bar.SetMinSize(fyne.NewSize(6, 40))
	bar.CornerRadius = 3
	title := newTipLabel(u, "Titre")
	kind := canvas.NewText("Sous-groupes", kindColor(agenda.Pause))
	kind.TextSize = 12
	minutes := widget.NewLabelWithStyle("1\u00a0h\u00a030", fyne.TextAlignTrailing, fyne.TextStyle{})
	// As wide as the latest start, in the text size of the look chosen.
	left := container.NewHBox(container.New(layout.NewGridWrapLayout(fyne.NewSize(max(78, start.MinSize().Width), 40)), start), bar)
	center := container.NewVBox(title, container.NewPadded(kind))
	return container.NewBorder(nil, nil, left, minutes, center)
}

func (s *sessionsScreen) updateAgendaRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.slots) {
		return
	}
	sl := s.slots[id]
	l := s.ui.lang()
	row := o.(*fyne.Container)
	center := row.Objects[0].(*fyne.Container)
	left := row.Objects[1].(*fyne.Container)
	minutes := row.Objects[2].(*widget.Label)
	left.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(l.Clock(sl.Start))
	bar := left.Objects[1].(*canvas.Rectangle)
	bar.FillColor = kindColor(sl.Kind)
	bar.Refresh()
	center.Objects[0].(*tipLabel).SetText(sl.Title)
	kind := center.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
	kind.Text = kindLabel(sl.Kind)
	if sl.Fixed() {
		kind.Text += " · " + lang.X("agenda.fixed.tag", "heure fixe")
	}
	kind.Color = readableOn(kindColor(sl.Kind), rowSurfaces(currentColors())...)
	kind.Refresh()
	minutes.SetText(l.Minutes(sl.Minutes))
	row.Refresh() // laid out again: « 12 min » is wider than the template's « 1 h 30 »
}

// onSelectBlock puts the block the person picked into the editor, once
// the block being edited is saved; an edit that cannot be saved keeps the
// list on the block being edited.
func (s *sessionsScreen) onSelectBlock(id widget.ListItemID) {
	if s.quiet || id < 0 || id >= len(s.slots) {
		return
	}
	prev := s.current
	if !s.flushThen(func() { s.showBlock(id) }) {
		s.selectRow(s.agendaList, prev)
	}
}

// showBlock selects block i and puts it into the editor.
func (s *sessionsScreen) showBlock(i int) {
	s.current = i
	s.selectRow(s.agendaList, i)
	s.editor.show(i)
}

// showAgenda lays the session's agenda out again (start times, fixed
// blocks, gaps and overlaps, total against 90 minutes) and selects sel.
func (s *sessionsScreen) showAgenda(sel int) {
	s.forgetUndo()
	se := s.session()
	l := s.ui.lang()
	tl := agenda.Layout(se.StartsAt, se.Blocks)
	s.slots = tl.Slots
	s.total.SetText(totalText(l.Minutes(tl.Minutes), l.Minutes(agenda.SessionMinutes), tl.Minutes-agenda.SessionMinutes, l.Minutes))
	s.total.Importance = totalImportance(tl.Minutes)
	s.total.Refresh()
	var issues []string
	if w := tl.Warning(); w != "" {
		issues = append(issues, w)
	}
	for _, is := range tl.Issues {
		issues = append(issues, is.Text)
	}
	s.issues.SetText(strings.Join(issues, "\n"))
	if len(issues) == 0 {
		s.issues.Hide()
	} else {
		s.issues.Show()
	}
	enable(s.undoBtn, s.ui.canWrite() && s.history.CanUndo())
	enable(s.redoBtn, s.ui.canWrite() && s.history.CanRedo())
	s.agendaList.UnselectAll()
	s.agendaList.Refresh()
	if sel >= 0 && sel < len(s.slots) {
		s.showBlock(sel)
		s.agendaList.ScrollTo(sel)
	} else {
		s.editor.show(-1)
	}
}
