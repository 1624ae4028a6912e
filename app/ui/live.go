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
	"atelier/app/domain/live"
	"atelier/app/domain/structure"
)

// Countdown colours: orange at 20 % left, red at 5 % and past the end.
var (
	levelOrange = color.NRGBA{R: 0xF5, G: 0x8A, B: 0x1F, A: 0xFF}
	levelRed    = color.NRGBA{R: 0xE5, G: 0x39, B: 0x35, A: 0xFF}
)

func levelColor(l live.Level) color.Color {
	switch l {
	case live.Warning:
		return levelOrange
	case live.Critical, live.Overrun:
		return levelRed
	}
	return theme.Color(theme.ColorNameForeground)
}

// liveScreen runs a session: the facilitators' full-window view with the
// current block, a large countdown, what comes next, the notes and the
// controls; and, on demand, a second window to share with participants.
type liveScreen struct {
	ui      *UI
	session course.Session
	runner  *live.Runner
	notes   string
	root    fyne.CanvasObject
	stop    chan struct{}
	shared  fyne.Window
	now     func() time.Time
	lastRun bool

	title, block, next, lead, drift, extra *widget.Label
	blockNotes, teamNotes                  *widget.Label
	countdown                              *canvas.Text
	progress                               *widget.ProgressBar
	startBtn                               *widget.Button
	groupsBtn                              *widget.Button

	sharedTitle, sharedBlock, sharedNext *widget.Label
	sharedCountdown                      *canvas.Text
}

// onLive opens live mode on the session on view, resuming a run that was
// interrupted (the app closed in the middle of the session).
func (s *sessionsScreen) onLive() {
	if len(s.cohort.Sessions) == 0 {
		return
	}
	s.ui.openLive(s.session())
}

func (u *UI) openLive(se course.Session) *liveScreen {
	ctx := context.Background()
	l := &liveScreen{ui: u, session: se, now: u.svc.Now}
	if saved, err := u.store.LiveState(ctx, se.ID); err == nil && saved != "" {
		if r, err := live.Resume(saved, se.Blocks); err == nil {
			l.runner = r
		} else {
			log.Printf("live state of session %d not resumed: %v", se.ID, err)
		}
	}
	if l.runner == nil {
		l.runner = live.New(se.Blocks, se.StartsAt)
		l.runner.SetSession(se.ID)
	}
	if notes, err := u.store.SessionNotes(ctx, se.ID); err == nil {
		l.notes = notes
	}
	l.build()
	u.win.SetContent(l.root)
	l.bindKeys()
	l.refresh()
	if !u.opts.StillClock {
		l.stop = make(chan struct{})
		go l.tick(l.stop)
	}
	u.live = l
	return l
}

func (l *liveScreen) build() {
	l.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.title.Truncation = fyne.TextTruncateEllipsis
	l.block = wrapped("")
	l.block.SizeName = theme.SizeNameHeadingText
	l.block.TextStyle = fyne.TextStyle{Bold: true}
	l.lead = widget.NewLabel("")
	l.next = widget.NewLabel("")
	l.next.Wrapping = fyne.TextWrapWord
	l.next.SizeName = theme.SizeNameSubHeadingText
	l.drift = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	l.extra = widget.NewLabel("")
	l.countdown = canvas.NewText("00:00", theme.Color(theme.ColorNameForeground))
	l.countdown.TextSize = 140
	l.countdown.TextStyle = fyne.TextStyle{Bold: true}
	l.countdown.Alignment = fyne.TextAlignCenter
	l.progress = widget.NewProgressBar()
	l.progress.TextFormatter = func() string { return "" }
	l.blockNotes = wrapped("")
	l.teamNotes = wrapped(l.notes)

	l.startBtn = widget.NewButtonWithIcon(lang.X("live.start", "Démarrer"), theme.MediaPlayIcon(), l.onStartPause)
	l.startBtn.Importance = widget.HighImportance
	prev := widget.NewButtonWithIcon(lang.X("live.prev", "Précédent"), theme.MediaSkipPreviousIcon(), func() { l.act(l.runner.Prev) })
	next := widget.NewButtonWithIcon(lang.X("live.next", "Suivant"), theme.MediaSkipNextIcon(), func() { l.act(l.runner.Next) })
	plus1 := widget.NewButton(lang.X("live.plus1", "+1 min"), func() { l.addMinutes(1) })
	plus5 := widget.NewButton(lang.X("live.plus5", "+5 min"), func() { l.addMinutes(5) })
	l.groupsBtn = widget.NewButtonWithIcon(lang.X("live.groups", "Sous-groupes…"), theme.AccountIcon(), l.onGroups)
	share := widget.NewButtonWithIcon(lang.X("live.share", "Écran partagé"), theme.ComputerIcon(), l.onShare)
	quit := widget.NewButtonWithIcon(lang.X("live.quit", "Quitter le mode animation"), theme.LogoutIcon(), l.close)
	controls := container.NewHBox(prev, l.startBtn, next, plus1, plus5, l.groupsBtn, layout.NewSpacer(), share, quit)
	keys := widget.NewLabel(lang.X("live.keys", "Espace : démarrer ou mettre en pause · → suivant · ← précédent · 1 et 5 : ajouter des minutes · Échap : quitter"))
	keys.Importance = widget.LowImportance
	keys.Wrapping = fyne.TextWrapWord

	header := container.NewVBox(container.NewBorder(nil, nil, nil, l.drift, l.title), l.progress)
	center := container.NewVBox(l.block, l.lead, container.NewCenter(l.countdown), l.extra, widget.NewSeparator(), l.next)
	side := container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle(lang.X("sessions.notes", "Notes d’animation"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), l.blockNotes,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.X("sessions.teamnotes", "Notes de l’équipe"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), l.teamNotes,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.X("sessions.resources", "Ressources"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewVBox(resourceLinks(l.ui, l.session)...)))
	split := container.NewHSplit(container.NewPadded(center), side)
	split.Offset = 0.64
	l.root = container.NewBorder(container.NewPadded(header), container.NewVBox(controls, keys), nil, nil, split)
}

// bindKeys maps the controls to the keyboard while live mode is on.
func (l *liveScreen) bindKeys() {
	c := l.ui.win.Canvas()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeySpace:
			l.onStartPause()
		case fyne.KeyRight, fyne.KeyPageDown:
			l.act(l.runner.Next)
		case fyne.KeyLeft, fyne.KeyPageUp:
			l.act(l.runner.Prev)
		case fyne.Key1:
			l.addMinutes(1)
		case fyne.Key5:
			l.addMinutes(5)
		case fyne.KeyEscape:
			l.close()
		}
	})
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
	f(l.now())
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
	setText(l.title, fmt.Sprintf("%s — %s", sessionName(l.session.Number), l.session.Title))
	l.progress.SetValue(v.Progress)
	setText(l.drift, live.DriftText(v.Drift))
	importance := widget.SuccessImportance
	if v.Drift > time.Minute {
		importance = widget.WarningImportance
	}
	if l.drift.Importance != importance {
		l.drift.Importance = importance
		l.drift.Refresh()
	}
	if v.Done {
		setText(l.block, lang.X("live.done", "Séance terminée"))
		setText(l.lead, "")
		l.countdown.Text = ""
		setText(l.next, "")
		setText(l.blockNotes, "")
	} else {
		setText(l.block, fmt.Sprintf("%d/%d · %s", v.Index+1, v.Count, v.Title))
		who := v.Facilitator
		if who == "" {
			who = lang.X("sessions.team", "toute l’équipe d’animation")
		}
		setText(l.lead, fmt.Sprintf("%s · %s · %s", kindLabel(v.Kind), fr.Minutes(v.Minutes), lang.X("sessions.lead", "Animation\u00a0: {{.Who}}", map[string]any{"Who": who})))
		l.countdown.Text = live.FormatCountdown(v.Remaining)
		l.countdown.Color = levelColor(v.Level)
		if v.HasNext {
			setText(l.next, lang.X("live.then", "Ensuite\u00a0: {{.Title}} ({{.Kind}}, {{.Minutes}})", map[string]any{"Title": v.Next.Title, "Kind": kindLabel(v.Next.Kind), "Minutes": fr.Minutes(v.Next.Minutes)}))
		} else {
			setText(l.next, lang.X("live.last", "Dernier bloc de la séance"))
		}
		if v.Index < len(l.session.Blocks) {
			setText(l.blockNotes, l.session.Blocks[v.Index].Notes)
		}
	}
	l.countdown.Refresh()
	setText(l.extra, "")
	if v.Extra != 0 {
		setText(l.extra, lang.X("live.extra", "{{.N}} ajoutées à ce bloc", map[string]any{"N": fr.Minutes(v.Extra)}))
	}
	if v.Running != l.lastRun || l.startBtn.Text == "" {
		l.lastRun = v.Running
		if v.Running {
			l.startBtn.SetText(lang.X("live.pause", "Pause"))
			l.startBtn.SetIcon(theme.MediaPauseIcon())
		} else {
			l.startBtn.SetText(lang.X("live.start", "Démarrer"))
			l.startBtn.SetIcon(theme.MediaPlayIcon())
		}
	}
	groups := widget.MediumImportance
	if !v.Done && v.Kind == agenda.SousGroupes {
		groups = widget.HighImportance
	}
	if l.groupsBtn.Importance != groups {
		l.groupsBtn.Importance = groups
		l.groupsBtn.Refresh()
	}
	l.refreshShared(v)
}

// onShare opens the window to share on the video call: only what
// participants should see.
func (l *liveScreen) onShare() {
	if l.shared != nil {
		l.shared.RequestFocus()
		return
	}
	w := l.ui.app.NewWindow(lang.X("live.shared.title", "Atelier — écran partagé"))
	l.sharedTitle = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	l.sharedTitle.Wrapping = fyne.TextWrapWord
	l.sharedBlock = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	l.sharedBlock.SizeName = theme.SizeNameHeadingText
	l.sharedBlock.Wrapping = fyne.TextWrapWord
	l.sharedNext = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	l.sharedNext.SizeName = theme.SizeNameSubHeadingText
	l.sharedNext.Wrapping = fyne.TextWrapWord
	l.sharedCountdown = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	l.sharedCountdown.TextSize = 180
	l.sharedCountdown.TextStyle = fyne.TextStyle{Bold: true}
	l.sharedCountdown.Alignment = fyne.TextAlignCenter
	w.SetContent(container.NewPadded(container.NewVBox(l.sharedTitle, layout.NewSpacer(), l.sharedBlock,
		container.NewCenter(l.sharedCountdown), l.sharedNext, layout.NewSpacer())))
	w.Resize(fyne.NewSize(960, 600))
	w.SetOnClosed(func() { l.shared = nil })
	l.shared = w
	l.refresh()
	w.Show()
}

func (l *liveScreen) refreshShared(v live.View) {
	if l.shared == nil {
		return
	}
	setText(l.sharedTitle, fmt.Sprintf("%s — %s", sessionName(l.session.Number), l.session.Title))
	if v.Done {
		setText(l.sharedBlock, lang.X("live.thanks", "Merci\u202f!"))
		l.sharedCountdown.Text = ""
		setText(l.sharedNext, "")
	} else {
		setText(l.sharedBlock, v.Title)
		l.sharedCountdown.Text = live.FormatCountdown(v.Remaining)
		l.sharedCountdown.Color = levelColor(v.Level)
		next := ""
		if v.HasNext {
			next = lang.X("live.shared.next", "Ensuite\u00a0: {{.Title}}", map[string]any{"Title": v.Next.Title})
		}
		setText(l.sharedNext, next)
	}
	l.sharedCountdown.Refresh()
}

// close leaves live mode; the run is kept unless the session is over.
func (l *liveScreen) close() {
	if l.stop != nil {
		close(l.stop)
		l.stop = nil
	}
	if l.shared != nil {
		l.shared.Close()
	}
	if l.runner.View(l.now()).Done {
		if err := l.ui.store.SaveLiveState(context.Background(), l.session.ID, ""); err != nil {
			log.Printf("clearing the live state: %v", err)
		}
	}
	l.ui.win.Canvas().SetOnTypedKey(nil)
	l.ui.live = nil
	l.ui.restoreContent()
}

// key runs a live-mode key; false when it is not one.
func (l *liveScreen) key(e *fyne.KeyEvent) bool {
	switch e.Name {
	case fyne.KeySpace:
		l.onStartPause()
	case fyne.KeyRight, fyne.KeyPageDown:
		l.act(l.runner.Next)
	case fyne.KeyLeft, fyne.KeyPageUp:
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
func (l *liveScreen) structureShown(structure.Structure) {}

// agendaChanged takes in an agenda saved during the session.
func (l *liveScreen) agendaChanged(se course.Session) {
	l.session = se
	l.runner.SetBlocks(se.Blocks)
	l.refresh()
}
