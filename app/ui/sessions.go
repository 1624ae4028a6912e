package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
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
	title      *widget.Label
	when       *widget.Label
	total      *widget.Label
	agendaList *widget.List
	objectives *widget.Label
	concepts   *fyne.Container

	issues    *widget.Label
	editor    *blockEditor
	notes     *notesPane
	resources *fyne.Container
	current   int // the block on view
	history   *agenda.History
	undoBtn   *widget.Button
	redoBtn   *widget.Button

	empty *widget.Label
	split *container.Split
	body  *fyne.Container
}

func newSessionsScreen(u *UI) *sessionsScreen {
	s := &sessionsScreen{ui: u}
	s.list = widget.NewList(
		func() int { return len(s.cohort.Sessions) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Séance 0", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title := widget.NewLabel("Titre court")
			title.Truncation = fyne.TextTruncateEllipsis
			when := widget.NewLabel("mer. 30 sept. 2026")
			return container.New(layout.NewCustomPaddedVBoxLayout(0), name, title, when)
		},
		s.updateSessionRow,
	)
	s.list.OnSelected = s.onSelectSession

	s.title = wrapped("")
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.SizeName = "subHeadingText"
	s.when = widget.NewLabel("")
	s.total = widget.NewLabel("")

	s.agendaList = widget.NewList(
		func() int { return len(s.slots) },
		newAgendaRow,
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
	s.history = agenda.NewHistory(0)

	agendaPane := container.NewHSplit(
		container.NewBorder(container.NewVBox(container.NewHScroll(s.agendaToolbar()), s.issues), nil, nil, nil, s.agendaList),
		// Scrolls rather than making the window taller than a small
		// laptop's screen.
		container.NewVScroll(s.editor.root))
	agendaPane.Offset = 0.56
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.X("sessions.agenda", "Agenda"), agendaPane),
		container.NewTabItem(lang.X("sessions.objectives", "Objectifs"), container.NewVScroll(s.objectives)),
		container.NewTabItem(lang.X("sessions.concepts", "Concepts clés"), container.NewVScroll(s.concepts)),
		container.NewTabItem(lang.X("sessions.teamnotes", "Notes de l’équipe"), s.notes.root),
		container.NewTabItem(lang.X("sessions.resources", "Ressources"), container.NewVScroll(s.resources)),
	)
	liveBtn := widget.NewButtonWithIcon(lang.X("live.open", "Animer en direct"), theme.MediaPlayIcon(), s.onLive)
	liveBtn.Importance = widget.HighImportance
	header := container.NewVBox(container.NewBorder(nil, nil, nil, liveBtn, s.title), container.NewHBox(s.when, layout.NewSpacer(), s.total))
	s.tabs.OnSelected = func(*container.TabItem) { s.showCurriculum() }
	detail := container.NewBorder(header, nil, nil, nil, s.tabs)

	s.split = container.NewHSplit(s.list, detail)
	s.split.Offset = 0.25
	s.empty = wrapped(lang.X("sessions.empty", "Aucune cohorte n’est ouverte. Créez-en une avec « Nouvelle cohorte » : ses cinq séances seront reprises du programme."))
	s.body = container.NewStack(s.split)
	s.root = s.body
	return s
}

// wrapped is a label that wraps at word boundaries.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// show displays cohort c, keeping the session selected if there is one.
func (s *sessionsScreen) show(c course.Cohort) {
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
	// Select calls onSelectSession, but not for the row already selected.
	s.list.UnselectAll()
	s.list.Refresh()
	s.list.Select(s.selected)
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
	end := se.StartsAt.Add(time.Duration(se.Minutes()) * time.Minute)
	row.Objects[2].(*widget.Label).SetText(fmt.Sprintf("%s · %s – %s", l.MediumDate(se.StartsAt), l.Clock(se.StartsAt), l.Clock(end)))
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

// onSelectSession shows session i's agenda and curriculum.
func (s *sessionsScreen) onSelectSession(i widget.ListItemID) {
	if i < 0 || i >= len(s.cohort.Sessions) {
		return
	}
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
		return lang.X("sessions.over", "{{.Planned}} prévues : {{.Diff}} de trop sur {{.Session}}", map[string]any{"Planned": planned, "Diff": minutes(diff), "Session": session})
	case diff < 0:
		return lang.X("sessions.under", "{{.Planned}} prévues : {{.Diff}} libres sur {{.Session}}", map[string]any{"Planned": planned, "Diff": minutes(-diff), "Session": session})
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
func newAgendaRow() fyne.CanvasObject {
	start := widget.NewLabelWithStyle("20 h 30", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: false, Bold: true})
	bar := canvas.NewRectangle(kindColor(agenda.Pause))
	bar.SetMinSize(fyne.NewSize(6, 40))
	bar.CornerRadius = 3
	title := widget.NewLabel("Titre")
	title.Truncation = fyne.TextTruncateEllipsis
	kind := canvas.NewText("Sous-groupes", kindColor(agenda.Pause))
	kind.TextSize = 12
	minutes := widget.NewLabelWithStyle("1 h 30", fyne.TextAlignTrailing, fyne.TextStyle{})
	left := container.NewHBox(container.New(layout.NewGridWrapLayout(fyne.NewSize(78, 40)), start), bar)
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
	center.Objects[0].(*widget.Label).SetText(sl.Title)
	kind := center.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
	kind.Text = kindLabel(sl.Kind)
	if sl.Fixed() {
		kind.Text += " · " + lang.X("agenda.fixed.tag", "heure fixe")
	}
	kind.Color = kindColor(sl.Kind)
	kind.Refresh()
	minutes.SetText(l.Minutes(sl.Minutes))
}

// onSelectBlock puts the block into the editor.
func (s *sessionsScreen) onSelectBlock(id widget.ListItemID) {
	if id < 0 || id >= len(s.slots) {
		return
	}
	s.current = id
	s.editor.show(id)
}

// showAgenda lays the session's agenda out again (start times, fixed
// blocks, gaps and overlaps, total against 90 minutes) and selects sel.
func (s *sessionsScreen) showAgenda(sel int) {
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
	s.undoBtn.Enable()
	if !s.history.CanUndo() {
		s.undoBtn.Disable()
	}
	s.redoBtn.Enable()
	if !s.history.CanRedo() {
		s.redoBtn.Disable()
	}
	s.agendaList.UnselectAll()
	s.agendaList.Refresh()
	if sel >= 0 && sel < len(s.slots) {
		s.agendaList.Select(sel)
		s.agendaList.ScrollTo(sel)
	} else {
		s.editor.show(-1)
	}
}
