package ui

import (
	"context"
	"fmt"
	"image/color"
	"log"
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
	"atelier/app/domain/library"
	"atelier/app/domain/live"
	"atelier/app/domain/structure"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

// Countdown colours, from the theme so that they read on its background:
// warning (orange) at 20 % left, error (red) at 5 % and past the end;
// the grey of secondary text while paused.
func levelColor(l live.Level) color.Color {
	switch l {
	case live.Warning:
		return theme.Color(theme.ColorNameWarning)
	case live.Critical, live.Overrun:
		return theme.Color(theme.ColorNameError)
	}
	return theme.Color(theme.ColorNameForeground)
}

// pausedColor is the countdown's colour while paused or done.
func pausedColor() color.Color { return theme.Color(theme.ColorNameDisabled) }

// countdownColor is the countdown's colour at view v.
func countdownColor(v live.View) color.Color {
	if v.Started && !v.Running {
		return pausedColor()
	}
	return levelColor(v.Level)
}

// toneImportance colours a gap to the plan: ahead green, on time neutral,
// behind orange, well behind red.
func toneImportance(t live.Tone) widget.Importance {
	switch t {
	case live.Ahead:
		return widget.SuccessImportance
	case live.Behind:
		return widget.WarningImportance
	case live.WellBehind:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// liveScreen runs a session. It is a panel docked at the bottom of the main
// window, so that the facilitator keeps every area at hand (check-in, the
// canvas, the library) while the session runs; and, on demand, the
// participants' window (sharedScreen), which shows what the facilitator
// chooses.
type liveScreen struct {
	ui      *UI
	session course.Session
	runner  *live.Runner
	notes   string
	root    fyne.CanvasObject
	stop    chan struct{}
	now     func() time.Time
	shared  *sharedScreen

	countdown                               *canvas.Text
	block, state, next, drift, end, extra   *widget.Label
	progress                                *thinBar
	startBtn, groupsBtn, shareBtn, notesBtn *widget.Button
	showPick                                *widget.Select
	details                                 *fyne.Container
	teamNotes                               *wrapText
	blockNotes                              *wrapText
	resources                               *fyne.Container
	// The presenter (presenter.go): the slide on show (0: none), the
	// block it belongs to, and what the facilitator reads of it.
	slide, slideBlock int
	slideLine         *widget.Label
	slideNotes        *wrapText
	slideNext         *wrapText // the preview of the slide Page Down brings

	// structure is the diagram last shown in Atelier structure (or the
	// cohort's first), for the participants' window.
	structure structure.Structure

	// following is another Atelier driving the clock (livefollow.go):
	// this one shows the same countdown, its clock controls off until
	// the facilitator takes over.
	following  bool
	timerBtns  []*widget.Button
	driverLine *widget.Label
	takeBtn    *widget.Button
	driverBar  *fyne.Container
}

// onLive opens live mode on the session on view, once the block being
// edited is saved, resuming a run that was interrupted (the app closed in
// the middle of the session).
func (s *sessionsScreen) onLive() {
	if len(s.cohort.Sessions) == 0 {
		return
	}
	s.flushThen(func() { s.ui.openLive(s.session()) })
}

// openLive starts live mode on session se (or brings the panel back if it
// is already running it).
func (u *UI) openLive(se course.Session) *liveScreen {
	if u.live != nil {
		if u.live.session.ID == se.ID {
			return u.live
		}
		u.live.close(false)
	}
	ctx := context.Background()
	l := &liveScreen{ui: u, session: se, now: u.svc.Now, slideBlock: -1}
	r, err := u.savedRun(se)
	if err != nil {
		log.Printf("live state of session %d not resumed: %s", se.ID, usererr.Detail(err))
	}
	l.runner = r
	// A role that may only read never drives: its clock could not be saved
	// for the others, so it shows theirs.
	l.following = !u.canWrite() || (r != nil && l.drivenElsewhere())
	if l.runner == nil {
		l.runner = live.New(se.Blocks, se.StartsAt)
		l.runner.SetSession(se.ID)
	}
	if notes, err := u.store.SessionNotes(ctx, se.ID); err == nil {
		l.notes = notes
	}
	l.build()
	u.live = l
	if u.checkin != nil { // the late arrivals are checked in to this session
		u.checkin.session = se
		u.checkin.load()
	}
	u.liveDock.Objects = []fyne.CanvasObject{l.root}
	u.liveDock.Refresh()
	l.refresh()
	if !u.opts.Still {
		l.stop = make(chan struct{})
		go l.tick(l.stop)
	}
	return l
}

// savedRun is session se's run as it was left (the app quit, or killed, in
// the middle of it); nil when none was kept.
func (u *UI) savedRun(se course.Session) (*live.Runner, error) {
	saved, err := u.store.LiveState(context.Background(), se.ID)
	if err != nil || saved == "" {
		return nil, err
	}
	return live.Resume(saved, se.Blocks)
}

func (l *liveScreen) build() {
	l.countdown = canvas.NewText("00:00", theme.Color(theme.ColorNameForeground))
	l.countdown.TextSize = 32
	l.countdown.TextStyle = fyne.TextStyle{Bold: true}
	l.block = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.block.Truncation = fyne.TextTruncateEllipsis
	l.next = widget.NewLabel("")
	l.next.Truncation = fyne.TextTruncateEllipsis
	l.state = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	l.drift = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	l.end = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	l.extra = widget.NewLabel("")
	l.extra.Importance = widget.LowImportance
	l.progress = newThinBar()

	l.startBtn = widget.NewButtonWithIcon(lang.X("live.start", "Démarrer"), theme.MediaPlayIcon(), l.onStartPause)
	l.startBtn.Importance = widget.HighImportance
	prev := widget.NewButtonWithIcon("", theme.MediaSkipPreviousIcon(), func() { l.act(l.runner.Prev) })
	next := widget.NewButtonWithIcon("", theme.MediaSkipNextIcon(), func() { l.act(l.runner.Next) })
	plus1 := widget.NewButton(lang.X("live.plus1", "+1\u00a0min"), func() { l.addMinutes(1) })
	plus5 := widget.NewButton(lang.X("live.plus5", "+5\u00a0min"), func() { l.addMinutes(5) })
	l.groupsBtn = widget.NewButtonWithIcon(lang.X("live.groups", "Former les groupes…"), theme.AccountIcon(), l.onGroups)
	var labels []string
	for _, v := range shareViews() {
		labels = append(labels, v.label())
	}
	l.showPick = widget.NewSelect(labels, func(string) {
		if i := l.showPick.SelectedIndex(); i >= 0 {
			l.show(shareViews()[i])
		}
	})
	l.showPick.SetSelectedIndex(0)
	l.shareBtn = widget.NewButtonWithIcon(lang.X("live.share", "Partager l’écran"), theme.ComputerIcon(), l.onShare)
	l.notesBtn = widget.NewButtonWithIcon(lang.X("live.notes", "Notes"), theme.MenuDropUpIcon(), l.toggleDetails)
	quit := widget.NewButtonWithIcon(lang.X("live.quit.short", "Terminer"), theme.LogoutIcon(), func() { l.close(true) })

	l.blockNotes = wrapped("")
	l.teamNotes = wrapped(l.notes)
	l.slideNotes = wrapped("")
	l.slideNext = wrapped("")
	l.slideLine = widget.NewLabel("")
	l.slideLine.Truncation = fyne.TextTruncateEllipsis
	l.resources = container.NewVBox()
	l.fillResources()
	notes := container.NewGridWithColumns(5,
		titled(lang.X("presenter.notes", "Notes de la diapo"), l.slideNotes),
		titled(lang.X("presenter.nextslide", "Diapo suivante"), l.slideNext),
		titled(lang.X("sessions.notes", "Notes d’animation"), l.blockNotes),
		titled(lang.X("sessions.teamnotes", "Notes de l’équipe"), l.teamNotes),
		titled(lang.X("sessions.resources", "Ressources"), l.resources))
	scroll := container.NewVScroll(notes)
	scroll.SetMinSize(fyne.NewSize(0, 96))
	l.details = container.NewVBox(scroll, widget.NewSeparator())
	l.details.Hide()

	words := container.NewVBox(l.block, l.next, l.slideLine)
	status := container.NewVBox(container.NewHBox(layout.NewSpacer(), l.extra, l.state, l.drift), l.end)
	top := container.NewBorder(nil, nil, container.NewCenter(l.countdown), status, words)
	controls := container.NewHBox(prev, l.startBtn, next, plus1, plus5, l.groupsBtn, widget.NewSeparator(),
		l.shareBtn, fitOptions(l.showPick), layout.NewSpacer(), l.notesBtn, quit)
	l.timerBtns = []*widget.Button{prev, l.startBtn, next, plus1, plus5}
	l.ui.writing(l.groupsBtn) // the groups are saved for the session
	l.root = container.NewVBox(widget.NewSeparator(), l.details, l.followBar(), top, l.progress, controls)
	l.showDriver()
}

// titled is a bold heading over content.
func titled(title string, content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, content)
}

// fillResources lists the session's resources, each with a button to show
// it on the shared screen.
func (l *liveScreen) fillResources() {
	rs, err := l.ui.store.SessionResources(context.Background(), l.session.ID)
	l.resources.Objects = nil
	if err != nil {
		log.Printf("resources of session %d: %s", l.session.ID, usererr.Detail(err))
	}
	for _, r := range rs {
		show := widget.NewButtonWithIcon("", theme.ComputerIcon(), func() { l.showResource(r) })
		title := widget.NewLabel(r.Title)
		title.Truncation = fyne.TextTruncateEllipsis
		l.resources.Add(container.NewBorder(nil, nil, nil, show, title))
	}
	if len(rs) == 0 {
		l.resources.Add(wrapped(lang.X("sessions.resources.none", "Aucune ressource pour cette séance. Dans la Bibliothèque, «\u00a0Lier à une séance de la cohorte…\u00a0» en ajoute une.")))
	}
}

// toggleDetails shows or hides the notes above the timer.
func (l *liveScreen) toggleDetails() {
	if l.details.Visible() {
		l.details.Hide()
		l.notesBtn.SetIcon(theme.MenuDropUpIcon())
	} else {
		l.details.Show()
		l.notesBtn.SetIcon(theme.MenuDropDownIcon())
	}
	l.ui.scrollArea(l.details.Visible())
	l.ui.liveDock.Refresh()
}

// tick redraws four times a second. The countdown is computed from the
// clock each time, so a hidden window or a busy machine loses nothing.
func (l *liveScreen) tick(stop chan struct{}) {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			fyne.Do(l.refresh)
		}
	}
}

func (l *liveScreen) onStartPause() {
	if l.following {
		return
	}
	switch {
	case l.runner.Running():
		l.act(l.runner.Pause)
	case !l.runner.View(l.now()).Started && farFrom(l.now(), l.session.StartsAt):
		// Run on another day than planned (a rehearsal, a moved session):
		// the schedule is counted from this start, not from the planned date.
		l.runner = live.New(l.session.Blocks, l.now())
		l.runner.SetSession(l.session.ID)
		l.act(l.runner.Start)
	default:
		l.act(l.runner.Start)
	}
}

// setText changes a label only when its text changes: live mode redraws
// four times a second and most labels stay the same.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// setImportance changes a label's colour only when it changes.
func setImportance(l *widget.Label, i widget.Importance) {
	if l.Importance != i {
		l.Importance = i
		l.Refresh()
	}
}

// farFrom reports whether now is more than three hours from the planned start.
func farFrom(now, planned time.Time) bool {
	d := now.Sub(planned)
	return d > 3*time.Hour || d < -3*time.Hour
}

func (l *liveScreen) addMinutes(n int) {
	l.act(func(now time.Time) { l.runner.AddMinutes(n, now) })
}

// act runs a control, saves the state (so that a restart resumes it) and
// redraws.
func (l *liveScreen) act(f func(time.Time)) {
	if l.following {
		return // the clock is another Atelier's until « Prendre la main »
	}
	f(l.now())
	l.runner.SetDriver(l.ui.me.id, l.ui.me.name)
	state, err := live.MarshalState(l.runner.State())
	if err == nil {
		err = l.ui.store.SaveLiveState(context.Background(), l.session.ID, state)
	}
	if err != nil {
		l.ui.showError(lang.X("live.err.save", "L’état de la séance n’a pas pu être enregistré."), err)
	}
	l.refresh()
}

// refresh draws the view of this instant in both windows.
func (l *liveScreen) refresh() {
	v := l.runner.View(l.now())
	fr := l.ui.lang()
	l.followBlock(v)
	line, slideNotes, slideNext := l.presenterText(v)
	setText(l.slideLine, line)
	l.slideNotes.SetText(slideNotes)
	l.slideNext.SetText(slideNext)
	l.progress.SetValue(v.Progress)
	drift := driftText(fr, v)
	setText(l.drift, drift)
	// « En pause · 2 min d’avance »: the dot only between two words.
	dot := ""
	if drift != "" {
		dot = " ·"
	}
	setImportance(l.drift, toneImportance(live.ToneOf(v.Drift)))
	setText(l.end, endText(fr, v, l.ui.cohort.Location()))
	setImportance(l.end, toneImportance(live.ToneOf(v.Late())))
	switch {
	case v.Done:
		setText(l.state, "")
	case v.Started && !v.Running:
		setText(l.state, lang.X("live.paused", "En pause")+dot)
		setImportance(l.state, widget.WarningImportance)
	case !v.Started:
		setText(l.state, lang.X("live.notstarted", "Pas commencée")+dot)
		setImportance(l.state, widget.LowImportance)
	default:
		setText(l.state, "")
	}
	if v.Done {
		setText(l.block, lang.X("live.done", "Séance terminée"))
		l.countdown.Text = "--:--"
		l.countdown.Color = pausedColor()
		setText(l.next, "")
		l.blockNotes.SetText("")
	} else {
		who := v.Facilitator
		if who == "" {
			who = l.guideRoles(v.Title)
		}
		if who == "" {
			who = lang.X("sessions.team", "toute l’équipe d’animation")
		}
		setText(l.block, fmt.Sprintf("%d/%d · %s · %s", v.Index+1, v.Count, v.Title, who))
		l.countdown.Text = live.FormatCountdown(v.Remaining)
		l.countdown.Color = countdownColor(v)
		if v.HasNext {
			setText(l.next, lang.X("live.then", "Ensuite\u00a0: {{.Title}} ({{.Kind}}, {{.Minutes}})", map[string]any{"Title": v.Next.Title, "Kind": kindLabel(v.Next.Kind), "Minutes": fr.Minutes(v.Next.Minutes)}))
		} else {
			setText(l.next, lang.X("live.last", "Dernier bloc de la séance"))
		}
		if v.Index < len(l.session.Blocks) {
			l.blockNotes.SetText(l.session.Blocks[v.Index].Notes)
		}
	}
	l.countdown.Refresh()
	extra := ""
	if v.Extra != 0 {
		extra = lang.X("live.extra", "+{{.N}} à ce bloc", map[string]any{"N": fr.Minutes(v.Extra)})
	}
	setText(l.extra, extra)
	label, icon := lang.X("live.start", "Démarrer"), theme.MediaPlayIcon()
	switch {
	case v.Running:
		label, icon = lang.X("live.pause", "Pause"), theme.MediaPauseIcon()
	case v.Started && !v.Done:
		label = lang.X("live.resume.action", "Reprendre")
	}
	if l.startBtn.Text != label {
		l.startBtn.SetText(label)
		l.startBtn.SetIcon(icon)
	}
	groups := widget.MediumImportance
	if !v.Done && v.Kind == agenda.SousGroupes {
		groups = widget.HighImportance
	}
	if l.groupsBtn.Importance != groups {
		l.groupsBtn.Importance = groups
		l.groupsBtn.Refresh()
	}
	if l.shared != nil {
		l.shared.refresh(v)
	}
}

// driftText says where the session stands, in the interface language.
func driftText(fr textfmt.Lang, v live.View) string {
	m := int(v.Drift.Round(time.Minute) / time.Minute)
	switch {
	case !v.Started:
		return ""
	case m > 0:
		return lang.X("live.behind", "{{.M}} de retard", map[string]any{"M": fr.Minutes(m)})
	case m < 0:
		return lang.X("live.ahead", "{{.M}} d’avance", map[string]any{"M": fr.Minutes(-m)})
	}
	return lang.X("live.ontime", "à l’heure")
}

// endText is « fin prévue 20 h 04, 4 min après l’horaire ».
func endText(fr textfmt.Lang, v live.View, loc *time.Location) string {
	clock := fr.Clock(v.ProjectedEnd.In(loc))
	m := int(v.Late().Round(time.Minute) / time.Minute)
	switch {
	case m > 0:
		return lang.X("live.end.late", "fin prévue {{.At}}, {{.M}} après l’horaire", map[string]any{"At": clock, "M": fr.Minutes(m)})
	case m < 0:
		return lang.X("live.end.early", "fin prévue {{.At}}, {{.M}} avant l’horaire", map[string]any{"At": clock, "M": fr.Minutes(-m)})
	}
	return lang.X("live.end.ontime", "fin prévue {{.At}}, à l’heure prévue", map[string]any{"At": clock})
}

// onShare opens the participants' window, or brings it forward.
func (l *liveScreen) onShare() {
	if l.shared != nil {
		l.shared.win.RequestFocus()
		return
	}
	l.shared = newSharedScreen(l)
	l.shared.show(shareViews()[max(l.showPick.SelectedIndex(), 0)])
	l.refresh()
	l.shared.win.Show()
}

// show puts view v on the participants' window.
func (l *liveScreen) show(v shareView) {
	if i := v.index(); l.showPick.SelectedIndex() != i {
		l.showPick.SetSelectedIndex(i) // calls show again
		return
	}
	if l.shared != nil {
		l.shared.show(v)
		l.shared.refresh(l.runner.View(l.now()))
	}
}

// showResource puts resource r on the participants' window.
func (l *liveScreen) showResource(r library.Resource) {
	if l.shared == nil {
		l.onShare()
	}
	l.shared.resource = r
	l.shared.fillResource()
	l.show(shareResource)
}

// close leaves live mode; the run is kept unless the session is over. With
// ask, an open participants' window is closed only once confirmed.
func (l *liveScreen) close(ask bool) {
	if ask && l.shared != nil {
		confirmThen(l.ui.win, lang.X("live.quit.title", "Quitter l’animation"),
			lang.X("live.quit.shared", "L’écran partagé est ouvert\u00a0: quitter l’animation le fermera aussi. Quitter quand même\u202f?"),
			lang.X("live.quit", "Quitter l’animation"), lang.X("action.cancel", "Annuler"), func() { l.close(false) })
		return
	}
	if l.stop != nil {
		close(l.stop)
		l.stop = nil
	}
	if l.shared != nil {
		l.shared.closeNow()
	}
	if l.runner.View(l.now()).Done && l.ui.canWrite() {
		if err := l.ui.store.SaveLiveState(context.Background(), l.session.ID, ""); err != nil {
			log.Printf("clearing the live state: %s", usererr.Detail(err))
		}
	}
	l.ui.live = nil
	l.ui.scrollArea(false)
	l.ui.liveDock.Objects = nil
	l.ui.liveDock.Refresh()
}

// key runs a live-mode key; false when it is not one.
func (l *liveScreen) key(e *fyne.KeyEvent) bool {
	switch e.Name {
	case fyne.KeySpace:
		if l.following {
			return true // a key pressed on a follower moves nobody's clock
		}
		l.onStartPause()
	case fyne.KeyPageDown:
		l.slideStep(true)
	case fyne.KeyPageUp:
		l.slideStep(false)
	case fyne.KeyRight:
		l.act(l.runner.Next)
	case fyne.KeyLeft:
		l.act(l.runner.Prev)
	case fyne.Key1:
		l.addMinutes(1)
	case fyne.Key5:
		l.addMinutes(5)
	default:
		return false
	}
	return true
}

// structureShown follows the diagram on view, for the shared window.
func (l *liveScreen) structureShown(st structure.Structure) {
	l.structure = st
	if l.shared != nil {
		l.shared.structureChanged()
	}
}

// agendaChanged takes in an agenda saved during the session.
func (l *liveScreen) agendaChanged(se course.Session) {
	l.session = se
	l.runner.SetBlocks(se.Blocks)
	l.refresh()
}

// groupsChanged redraws the breakout groups on the shared window.
func (l *liveScreen) groupsChanged() {
	if l.shared != nil {
		l.shared.fillGroups()
	}
}
