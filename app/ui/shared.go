package ui

import (
	"context"
	"image/color"
	"log"
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
	"atelier/app/domain/breakout"
	"atelier/app/domain/course"
	"atelier/app/domain/library"
	"atelier/app/domain/live"
	"atelier/app/kit/usererr"
)

// shareView is what the participants' window shows, one at a time.
type shareView int

// The views of the participants' window, in the order of the picker.
const (
	shareChrono shareView = iota
	shareSlide
	shareStructure
	shareGroups
	shareResource
	sharePause
)

func shareViews() []shareView {
	return []shareView{shareChrono, shareSlide, shareStructure, shareGroups, shareResource, sharePause}
}

func (v shareView) index() int { return int(v) }

func (v shareView) label() string {
	switch v {
	case shareSlide:
		return lang.X("share.slide", "Diapo")
	case shareStructure:
		return lang.X("share.structure", "Structure")
	case shareGroups:
		return lang.X("share.groups", "Sous-groupes")
	case shareResource:
		return lang.X("share.resource", "Ressource")
	case sharePause:
		return lang.X("share.pause", "Pause")
	}
	return lang.X("share.chrono", "Chrono")
}

// key is the letter that, with Alt, shows v.
func (v shareView) key() fyne.KeyName {
	return [...]fyne.KeyName{fyne.KeyC, fyne.KeyD, fyne.KeyS, fyne.KeyG, fyne.KeyR, fyne.KeyA}[v]
}

// sharedScreen is the participants' window: what the group sees on the
// video call. It only ever shows public things (the course's titles and
// key points, the countdown, the canvas, the groups' first names, a
// resource), never a note, a courriel or the roster. It stays open until
// closed on purpose: Esc does nothing, and closing it while the session
// runs asks first.
type sharedScreen struct {
	l    *liveScreen
	win  fyne.Window
	view shareView
	body *fyne.Container
	// views are built once, so that switching is only a swap.
	views  map[shareView]fyne.CanvasObject
	corner *fyne.Container

	cornerText                 *canvas.Text
	title, block, next, paused *widget.Label
	countdown                  *canvas.Text

	slideTitle  *widget.Label
	slidePoints *wrapText
	groupsTitle *widget.Label
	groups      *wrapText

	resource                    library.Resource // the one chosen to show
	resTitle, resSource, resURL *widget.Label
	resSummary                  *wrapText
	pauseText, pauseNote        *widget.Label
	structureView               *sharedStructure
	lastBlock, lastSlide        int
}

func newSharedScreen(l *liveScreen) *sharedScreen {
	s := &sharedScreen{l: l, views: map[shareView]fyne.CanvasObject{}, lastBlock: -1}
	s.win = l.ui.app.NewWindow(lang.X("live.shared.title", "Atelier — écran partagé"))
	s.cornerText = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	s.cornerText.TextSize = 26
	s.cornerText.TextStyle = fyne.TextStyle{Bold: true}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = 8
	s.corner = container.NewBorder(container.NewHBox(layout.NewSpacer(),
		container.NewStack(bg, container.NewPadded(s.cornerText))), nil, nil, nil)
	s.body = container.NewStack()
	s.win.SetContent(container.NewThemeOverride(container.NewPadded(s.body), bigTheme(1.6)))
	s.win.Resize(fyne.NewSize(1280, 720))
	c := s.win.Canvas()
	c.SetOnTypedKey(s.typedKey)
	l.ui.shareShortcuts(c)
	s.win.SetCloseIntercept(s.onClose)
	return s
}

// onClose closes the window once confirmed while the session runs.
func (s *sharedScreen) onClose() {
	if !s.l.runner.Running() {
		s.closeNow()
		return
	}
	confirmThen(s.win, lang.X("share.close.title", "Fermer l’écran partagé"),
		lang.X("share.close.confirm", "La séance est en cours\u00a0: les personnes participantes ne verront plus le chrono. Fermer l’écran partagé\u202f?"),
		lang.X("share.close.action", "Fermer l’écran partagé"), lang.X("action.cancel", "Annuler"), s.closeNow)
}

// typedKey runs a key typed in this window, on the canvas or on the
// diagram: Esc never closes it; the live keys work here too.
func (s *sharedScreen) typedKey(e *fyne.KeyEvent) {
	if e.Name != fyne.KeyEscape {
		s.l.ui.onKey(e)
	}
}

// closeNow closes the window without asking.
func (s *sharedScreen) closeNow() {
	if s.l.shared == s {
		s.l.shared = nil
	}
	s.win.Close()
}

// show switches the window to view v.
func (s *sharedScreen) show(v shareView) {
	s.view = v
	o, ok := s.views[v]
	if !ok {
		o = s.build(v)
		s.views[v] = o
	}
	switch v {
	case shareGroups:
		s.fillGroups()
	case shareStructure:
		s.structureChanged()
	case sharePause:
		s.startPause()
	case shareSlide:
		s.fillSlide(s.l.runner.View(s.l.now()))
	}
	if v == sharePause {
		s.body.Objects = []fyne.CanvasObject{o}
	} else {
		s.body.Objects = []fyne.CanvasObject{o, s.corner}
	}
	s.body.Refresh()
}

// build makes view v the first time it is shown.
func (s *sharedScreen) build(v shareView) fyne.CanvasObject {
	centred := func(style fyne.TextStyle, size fyne.ThemeSizeName) *widget.Label {
		l := widget.NewLabelWithStyle("", fyne.TextAlignCenter, style)
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = size
		return l
	}
	switch v {
	case shareSlide:
		s.slideTitle = centred(fyne.TextStyle{Bold: true}, theme.SizeNameHeadingText)
		s.slidePoints = wrapped("")
		s.slidePoints.SizeName = theme.SizeNameSubHeadingText
		// The lines take the width of the window, less a margin: centred
		// alone, a wrapping label shrinks to one character a line.
		points := container.New(layout.NewCustomPaddedLayout(0, 0, 48, 48), container.NewVBox(layout.NewSpacer(), s.slidePoints, layout.NewSpacer()))
		return container.NewBorder(container.NewVBox(layout.NewSpacer(), s.clearOfCorner(s.slideTitle), widget.NewSeparator()), nil, nil, nil, points)
	case shareStructure:
		s.structureView = newSharedStructure(s)
		return s.structureView.root
	case shareGroups:
		s.groupsTitle = centred(fyne.TextStyle{Bold: true}, theme.SizeNameHeadingText)
		s.groups = wrapped("")
		s.groups.SizeName = theme.SizeNameSubHeadingText
		return container.NewBorder(s.clearOfCorner(s.groupsTitle), nil, nil, nil, container.NewVScroll(s.groups))
	case shareResource:
		s.resTitle = centred(fyne.TextStyle{Bold: true}, theme.SizeNameHeadingText)
		s.resSource = centred(fyne.TextStyle{}, theme.SizeNameSubHeadingText)
		s.resURL = centred(fyne.TextStyle{Monospace: true}, theme.SizeNameSubHeadingText)
		s.resSummary = wrapped("")
		s.fillResource()
		return container.NewVBox(layout.NewSpacer(), s.resTitle, s.resSource, s.resURL, widget.NewSeparator(), s.resSummary, layout.NewSpacer())
	case sharePause:
		s.pauseText = centred(fyne.TextStyle{Bold: true}, theme.SizeNameHeadingText)
		s.pauseNote = centred(fyne.TextStyle{}, theme.SizeNameSubHeadingText)
		return container.NewVBox(layout.NewSpacer(), s.pauseText, s.pauseNote, layout.NewSpacer())
	}
	s.title = centred(fyne.TextStyle{Bold: true}, theme.SizeNameText)
	s.block = centred(fyne.TextStyle{Bold: true}, theme.SizeNameHeadingText)
	s.next = centred(fyne.TextStyle{}, theme.SizeNameSubHeadingText)
	s.paused = centred(fyne.TextStyle{Bold: true}, theme.SizeNameSubHeadingText)
	s.countdown = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	s.countdown.TextSize = 180
	s.countdown.TextStyle = fyne.TextStyle{Bold: true}
	s.countdown.Alignment = fyne.TextAlignCenter
	return container.NewVBox(s.clearOfCorner(s.title), layout.NewSpacer(), s.block, container.NewCenter(s.countdown), s.paused, s.next, layout.NewSpacer())
}

// clearOfCorner keeps a title at the top of a view out from under the
// corner countdown, centred all the same.
func (s *sharedScreen) clearOfCorner(title fyne.CanvasObject) fyne.CanvasObject {
	w := fyne.MeasureText("❚❚ 00:00", s.cornerText.TextSize, s.cornerText.TextStyle).Width + 4*theme.Padding()
	gap := func() fyne.CanvasObject {
		r := canvas.NewRectangle(color.Transparent)
		r.SetMinSize(fyne.NewSize(w, 0))
		return r
	}
	return container.NewBorder(nil, nil, gap(), gap(), title)
}

// refresh draws the instant v: the corner countdown and the view on show.
func (s *sharedScreen) refresh(v live.View) {
	paused := v.Started && !v.Running && !v.Done
	corner := live.FormatCountdown(v.Remaining)
	if v.Done {
		corner = ""
	} else if paused {
		corner = "❚❚ " + corner
	}
	if s.cornerText.Text != corner || s.cornerText.Color != countdownColor(v) {
		s.cornerText.Text, s.cornerText.Color = corner, countdownColor(v)
		s.cornerText.Refresh()
	}
	if s.title != nil {
		setText(s.title, sessionName(s.l.session.Number)+" — "+s.l.session.Title)
		if v.Done {
			setText(s.block, lang.X("live.thanks", "Merci\u202f!"))
			s.countdown.Text = ""
			setText(s.next, "")
			setText(s.paused, "")
		} else {
			setText(s.block, v.Title)
			s.countdown.Text = live.FormatCountdown(v.Remaining)
			s.countdown.Color = countdownColor(v)
			next := ""
			if v.HasNext {
				next = lang.X("live.shared.next", "Ensuite\u00a0: {{.Title}}", map[string]any{"Title": v.Next.Title})
			}
			setText(s.next, next)
			p := ""
			if paused {
				p = lang.X("live.paused", "En pause")
			}
			setText(s.paused, p)
		}
		s.countdown.Refresh()
	}
	if s.slideTitle != nil && (v.Index != s.lastBlock || s.l.slide != s.lastSlide) {
		s.fillSlide(v)
	}
	s.lastBlock, s.lastSlide = v.Index, s.l.slide
}

// fillSlide shows the slide on show (presenter.go), or, for a block that
// cites none, the block's title and the session's key points. Notes, the
// block's and the slide's, are private: never here.
func (s *sharedScreen) fillSlide(v live.View) {
	if v.Done {
		setText(s.slideTitle, lang.X("live.thanks", "Merci\u202f!"))
		s.slidePoints.SetText("")
		return
	}
	if title, body, ok := s.l.slideLines(); ok {
		setText(s.slideTitle, title)
		s.slidePoints.SetText(body)
		return
	}
	setText(s.slideTitle, v.Title)
	plan, _ := course.PlanFor(s.l.ui.svc.Plans(), s.l.session.Number)
	var points []string
	for _, c := range plan.Concepts {
		points = append(points, "•  "+c.Term)
	}
	s.slidePoints.SetText(strings.Join(points, "\n"))
}

// fillGroups shows the breakout groups kept with the session, first names
// and names only.
func (s *sharedScreen) fillGroups() {
	if s.groups == nil {
		return
	}
	setText(s.groupsTitle, lang.X("share.groups.title", "Sous-groupes — {{.S}}", map[string]any{"S": sessionName(s.l.session.Number)}))
	lines, err := s.groupLines()
	if err != nil {
		log.Printf("breakout groups of session %d: %s", s.l.session.ID, usererr.Detail(err))
	}
	if len(lines) == 0 {
		lines = []string{lang.X("share.groups.none", "Les sous-groupes seront affichés ici dès qu’ils seront formés.")}
	}
	s.groups.SetText(strings.Join(lines, "\n\n"))
}

// groupLines is « Groupe 1 : Awa Diallo, Hélène Tremblay » for each group
// kept with the session: the names, nothing else about the people.
func (s *sharedScreen) groupLines() ([]string, error) {
	ctx := context.Background()
	groups, err := s.l.ui.store.Breakout(ctx, s.l.session.ID)
	if err != nil {
		return nil, err
	}
	people, err := s.l.ui.store.Participants(ctx, s.l.ui.cohort.ID)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(people))
	for _, p := range people {
		names[p.ID] = p.Name
	}
	var lines []string
	for i, g := range breakout.Names(groups, func(id int64) string { return names[id] }) {
		lines = append(lines, lang.X("share.group", "Groupe {{.N}}\u00a0: {{.Names}}", map[string]any{"N": i + 1, "Names": strings.Join(g, ", ")}))
	}
	return lines, nil
}

// fillResource shows the resource chosen, or the session's first one.
func (s *sharedScreen) fillResource() {
	if s.resTitle == nil {
		return
	}
	r := s.resource
	if r.ID == 0 {
		if rs, err := s.l.ui.store.SessionResources(context.Background(), s.l.session.ID); err == nil && len(rs) > 0 {
			r = rs[0]
			s.resource = r
		}
	}
	if r.ID == 0 {
		setText(s.resTitle, lang.X("share.resource.none", "Aucune ressource choisie"))
		setText(s.resSource, "")
		setText(s.resURL, "")
		s.resSummary.SetText("")
		return
	}
	setText(s.resTitle, r.Title)
	src := r.Source
	if r.Author != "" {
		src = r.Author + " · " + src
	}
	setText(s.resSource, src)
	setText(s.resURL, r.URL)
	s.resSummary.SetText(r.Summary)
}

// startPause says when the group comes back, « Pause — retour à 19 h 32 »:
// the end of the pause block on, else in ten minutes; to the minute.
func (s *sharedScreen) startPause() {
	v := s.l.runner.View(s.l.now())
	until := s.l.now().Add(10 * time.Minute)
	if !v.Done && v.Kind == agenda.Pause {
		until = s.l.now().Add(max(v.Remaining, 0))
	}
	until = until.Add(time.Minute - time.Nanosecond).Truncate(time.Minute)
	at := s.l.ui.lang().Clock(until.In(s.l.ui.cohort.Location()))
	setText(s.pauseText, lang.X("share.pause.text", "Pause — retour à {{.At}}", map[string]any{"At": at}))
	setText(s.pauseNote, sessionName(s.l.session.Number)+" — "+s.l.session.Title)
}

// structureChanged redraws the diagram if it is on show.
func (s *sharedScreen) structureChanged() {
	if s.structureView != nil {
		s.structureView.show(s.l.currentStructure())
	}
}
