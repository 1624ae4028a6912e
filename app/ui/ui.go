// Package ui is Atelier's window: the navigation between the areas, the
// cohort picker and the screens. It never imports fyne.io/fyne/v2/app, so it
// builds and tests without cgo; cmd/atelier hands it a running fyne.App.
package ui

import (
	"context"
	"log"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/config"
	"atelier/app/domain/course"
	"atelier/app/domain/structure"
	"atelier/app/i18n"
	"atelier/app/kit/filepick"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
	"atelier/app/service"
	"atelier/app/store"
)

// Options are what the window needs besides the application.
type Options struct {
	PrefsPath string // where the language choice is saved; empty: not saved
	Language  string // "fr" or "en", already applied with i18n.Apply
	Version   string // shown in the About box; empty: a development build
	Who       string // the facilitator's name for the team (Réglages); empty: the machine's
	// Still starts nothing in the background (live mode's redraw
	// ticker, the watch on the database, the timers that take a notice
	// away): tests move the clock, report changes (onChange) and redraw
	// by hand.
	Still bool
	// Files shows the dialogs that choose a file to open or save; nil:
	// the system's (filepick.System). Tests give filepick.Unavailable,
	// which never reaches the desktop.
	Files filepick.Picker
}

// UI is the main window and the state shared by its screens.
type UI struct {
	app fyne.App
	win fyne.Window
	// svc is the application: every operation a rule governs goes through
	// it; store is its store, for the plain reads and edits.
	svc   *service.Service
	store *store.Store
	opts  Options

	cohorts []course.Summary
	cohort  course.Cohort

	picker  *widget.Select
	nav     *widget.List
	content *fyne.Container
	areas   []area
	current int
	// remembered is the area the database remembers, not to write it again.
	remembered string
	// reopening is set while start loads the cohort: only then does the
	// session remembered win over the one on view (a reload after a team
	// mate's change must not move the person).
	reopening bool

	sessions   *sessionsScreen
	live       *liveScreen
	structures *structuresScreen
	library    *libraryScreen
	main       fyne.CanvasObject // the areas, with the live panel under them
	tips       *fyne.Container   // the layer tips are drawn on, above the content (tips.go)
	liveDock   *fyne.Container   // holds the live panel while a session is live
	split      *container.Split  // the navigation and the area
	quitHook   func()            // tests: what Ctrl+Q does instead of quitting
	roster     *rosterScreen
	checkin    *checkinScreen
	people     *container.AppTabs
	// notice says what the last action changed, in the bottom bar;
	// after is its timer (tests move time by hand).
	notice *noticeBar
	after  afterFunc

	// On a team database: the line that says where the data is and who
	// else is there, and whether the server answers.
	team     *widget.Label
	presence []string
	offline  bool
	me       instance // this Atelier, for the live clock shared with a team

	files    filepick.Picker // pickfile.go
	picking  bool            // a file dialog is open
	pickWait sync.WaitGroup  // tests: the picks under way
}

// area is one entry of the navigation.
type area struct {
	key   string // its name in the setting that reopens it (service.RememberArea)
	title string
	icon  fyne.Resource
	build func() fyne.CanvasObject
}

// New builds the main window on svc. The cohort is loaded by ShowAndRun
// once the window is on screen, so that it appears sooner.
func New(a fyne.App, svc *service.Service, opts Options) *UI {
	u := &UI{app: a, svc: svc, store: svc.Store(), opts: opts, me: thisInstance(opts.Who), after: wallAfter, files: opts.Files}
	if opts.Still {
		u.after = stillAfter
	}
	if u.files == nil {
		u.files = filepick.System()
	}
	applyLook(a, startLook(opts.PrefsPath))
	u.win = a.NewWindow("Atelier")
	u.win.Resize(fyne.NewSize(1180, 760))
	u.build()
	u.win.Canvas().SetOnTypedKey(u.onKey)
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun opens the window, fills it with the cohort last used (before
// its first frame is drawn) and runs the event loop until it is closed.
func (u *UI) ShowAndRun() {
	u.app.Lifecycle().SetOnStarted(u.start)
	u.win.ShowAndRun()
}

// start shows the area, cohort and session last used (at first: Séances
// and the most recent cohort). It runs once the window is on screen, before
// its first frame: building the area then lets the window appear sooner.
// The cohort comes first, so that the area is built once, on it.
func (u *UI) start() {
	u.reopening = true
	u.loadCohorts(0)
	u.reopening = false
	u.nav.Select(u.rememberedArea())
	u.offerResume()
	if !u.opts.Still {
		ctx, stop := context.WithCancel(context.Background())
		u.win.SetOnClosed(stop)
		u.watch(ctx)
	}
	// A failed day's copy is said at once: the person may rely on it.
	if err := u.svc.AutoBackupErr(); err != nil {
		u.showError(lang.X("backups.failed.start", "La sauvegarde automatique du jour n’a pas pu être faite. Atelier fonctionne, mais faites une copie vous-même (Exports → Sauvegarder la base…)."), err)
	}
}

// sessionsArea builds the Séances area the first time it is needed.
func (u *UI) sessionsArea() *sessionsScreen {
	if u.sessions == nil {
		u.sessions = newSessionsScreen(u)
	}
	return u.sessions
}

// canWrite reports whether this window may change the data: false only
// on a team database whose role may only read (always true on a file).
// Such a role sees everything, with every control that would change
// something turned off: the team line says why once, where a click
// would otherwise end in an error dialog.
func (u *UI) canWrite() bool { return u.store.Granted() }

// writing turns objs off when the role may only read. They stay in their
// place, so that the window reads the same for everyone.
func (u *UI) writing(objs ...fyne.Disableable) {
	if u.canWrite() {
		return
	}
	for _, o := range objs {
		o.Disable()
	}
}

// lang returns the formatting conventions of the interface language.
func (u *UI) lang() textfmt.Lang {
	if u.opts.Language == "en" {
		return textfmt.English
	}
	return textfmt.French
}

// The areas, in the navigation's order.
const (
	areaPeople = iota
	areaSessions
	areaStructures
	areaLibrary
	areaExports
)

// build (re)creates every widget; called again after a change of language.
func (u *UI) build() {
	u.sessions = newSessionsScreen(u)
	u.roster, u.checkin, u.people = nil, nil, nil // built when first shown
	u.structures = nil
	u.library = nil
	u.areas = []area{
		{"participants", lang.X("nav.participants", "Participant·e·s"), theme.AccountIcon(), func() fyne.CanvasObject {
			u.showPeopleTab()
			return u.peopleArea()
		}},
		{"seances", lang.X("nav.sessions", "Séances"), theme.HistoryIcon(), func() fyne.CanvasObject { return u.sessionsArea().root }},
		{"structures", lang.X("nav.structure", "Atelier structure"), theme.GridIcon(), func() fyne.CanvasObject {
			if u.structures == nil {
				u.structures = newStructuresScreen(u)
			}
			u.structures.load(0)
			return u.structures.root
		}},
		{"bibliotheque", lang.X("nav.library", "Bibliothèque"), theme.FolderOpenIcon(), func() fyne.CanvasObject {
			if u.library == nil {
				u.library = newLibraryScreen(u)
			}
			u.library.load()
			return u.library.root
		}},
		{"exports", lang.X("nav.exports", "Exports"), theme.DocumentSaveIcon(), func() fyne.CanvasObject {
			return newExportsScreen(u).root
		}},
	}
	u.current = areaSessions

	// The rows are as wide as the longest area's name, in either language.
	longest := ""
	for _, a := range u.areas {
		if fyne.MeasureText(a.title, theme.TextSize(), fyne.TextStyle{}).Width > fyne.MeasureText(longest, theme.TextSize(), fyne.TextStyle{}).Width {
			longest = a.title
		}
	}
	u.nav = widget.NewList(
		func() int { return len(u.areas) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(longest))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(u.areas[id].icon)
			row.Objects[1].(*widget.Label).SetText(u.areas[id].title)
		},
	)
	u.nav.OnSelected = u.onNavigate

	u.picker = widget.NewSelect(nil, u.onPickCohort)
	u.picker.PlaceHolder = lang.X("cohort.none", "Aucune cohorte")
	newCohort := widget.NewButtonWithIcon(lang.X("cohort.new", "Créer une cohorte…"), theme.ContentAddIcon(), u.onNewCohort)
	editCohort := widget.NewButtonWithIcon(lang.X("cohort.edit", "Modifier…"), theme.DocumentCreateIcon(), u.onEditCohort)
	settings := widget.NewButtonWithIcon(lang.X("settings.open", "Réglages…"), theme.SettingsIcon(), u.onSettings)
	cohortLabel := widget.NewLabelWithStyle(lang.X("cohort.label", "Cohorte\u00a0:"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewIcon(u.app.Icon()), widget.NewLabelWithStyle("Atelier", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), cohortLabel),
		container.NewHBox(editCohort, newCohort, settings),
		u.picker)
	u.writing(editCohort, newCohort)

	u.content = container.NewStack()
	split := container.NewHSplit(u.nav, u.content)
	u.split = split
	split.Offset = 0.14
	if u.liveDock == nil {
		u.liveDock = container.NewStack()
	}
	u.notice = newNoticeBar()
	bottom := container.NewVBox(u.notice.root, u.liveDock)
	if u.store.Team() {
		bottom.Add(u.teamLine())
	}
	u.main = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), bottom, nil, nil, split)
	u.setContent(u.main)
	u.win.SetMainMenu(u.mainMenu())
}

// scrollArea lets the area scroll when the window is smaller than it
// needs: at 1024 × 600 with the live panel's notes open, say.
func (u *UI) scrollArea(on bool) {
	if _, scrolls := u.split.Trailing.(*container.Scroll); scrolls == on {
		return
	}
	if on {
		u.split.Trailing = container.NewVScroll(u.content)
	} else {
		u.split.Trailing = u.content
	}
	u.split.Refresh()
}

// onNavigate shows the area picked in the navigation.
// Leaving Séances saves the block being edited first; an edit that cannot
// be saved keeps the person there until they correct or discard it.
func (u *UI) onNavigate(id widget.ListItemID) {
	if id != u.current && u.current == areaSessions && u.sessions != nil {
		if !u.sessions.flushThen(func() { u.showArea(id) }) {
			u.selectArea(u.current)
		}
		return
	}
	u.showArea(id)
}

// showArea puts area id on view and remembers it for the next start.
func (u *UI) showArea(id widget.ListItemID) {
	u.current = id
	u.hideTip()
	u.selectArea(id)
	u.content.Objects = []fyne.CanvasObject{u.areas[id].build()}
	u.content.Refresh()
	u.remember("area", func(ctx context.Context) error {
		key := u.areas[id].key
		if key == u.remembered {
			return nil
		}
		u.remembered = key
		return u.svc.RememberArea(ctx, key)
	})
}

// rememberedArea is the area the database remembers, else Séances.
func (u *UI) rememberedArea() widget.ListItemID {
	u.remembered = u.svc.CurrentArea(context.Background())
	for i, a := range u.areas {
		if a.key == u.remembered {
			return i
		}
	}
	return areaSessions
}

// rememberSession makes the session the person picked in Séances the one
// shown at the next start.
func (u *UI) rememberSession(id int64) {
	u.remember("session", func(ctx context.Context) error { return u.svc.RememberSession(ctx, id) })
}

// remember saves where the person is, for the next start. A role that may
// only read has nowhere to keep it; a failure costs only that, so it goes
// to the log.
func (u *UI) remember(what string, save func(context.Context) error) {
	if !u.canWrite() {
		return
	}
	if err := save(context.Background()); err != nil {
		log.Printf("remembering the %s: %s", what, usererr.Detail(err))
	}
}

// selectArea highlights area id in the navigation without navigating.
func (u *UI) selectArea(id widget.ListItemID) {
	u.nav.OnSelected = nil
	u.nav.Select(id)
	u.nav.OnSelected = u.onNavigate
}

// loadCohorts refreshes the picker and shows cohort want, or the one
// remembered, or the most recent.
func (u *UI) loadCohorts(want int64) {
	ctx := context.Background()
	list, err := u.store.Cohorts(ctx)
	if err != nil {
		u.showError(lang.X("error.cohorts", "Impossible de lire la liste des cohortes."), err)
		return
	}
	u.cohorts = list
	if want == 0 {
		want = u.svc.CurrentCohortID(ctx, list)
	}
	names := make([]string, len(list))
	pick := -1
	for i, c := range list {
		names[i] = c.Name
		if c.ID == want {
			pick = i
		}
	}
	if pick < 0 && len(list) > 0 {
		pick = 0
	}
	u.picker.SetOptions(names)
	if pick >= 0 {
		u.picker.SetSelectedIndex(pick) // calls onPickCohort
	} else {
		u.picker.ClearSelected()
		u.cohort = course.Cohort{}
		u.sessionsArea().show(u.cohort)
	}
}

// onPickCohort loads the cohort chosen in the picker.
func (u *UI) onPickCohort(name string) {
	for _, c := range u.cohorts {
		if c.Name != name {
			continue
		}
		ctx := context.Background()
		full, err := u.store.Cohort(ctx, c.ID)
		if err != nil {
			u.showError(lang.X("error.cohort", "Impossible d’ouvrir cette cohorte."), err)
			return
		}
		u.cohort = full
		if u.reopening {
			if i := u.svc.CurrentSession(ctx, full); i >= 0 {
				u.sessionsArea().selected = i
			}
		}
		u.sessionsArea().show(full)
		switch {
		case u.current == areaPeople:
			u.showPeopleTab()
		case u.current == areaStructures && u.structures != nil:
			u.structures.current = structure.Structure{}
			u.structures.load(0)
		case u.current == areaExports:
			u.onNavigate(4) // the exports show the cohort's settings
		}
		u.remember("cohort", func(ctx context.Context) error { return u.svc.RememberCohort(ctx, c.ID) })
		return
	}
}

// peopleArea builds the Participants area the first time it is shown:
// the window opens sooner without it.
func (u *UI) peopleArea() *container.AppTabs {
	if u.people == nil {
		u.roster = newRosterScreen(u)
		u.checkin = newCheckinScreen(u)
		u.people = container.NewAppTabs(
			container.NewTabItemWithIcon(lang.X("people.roster", "Liste"), theme.ListIcon(), u.roster.root),
			container.NewTabItemWithIcon(lang.X("people.checkin", "Accueil en séance"), theme.ConfirmIcon(), u.checkin.root),
		)
		u.people.OnSelected = func(*container.TabItem) { u.showPeopleTab() }
	}
	return u.people
}

// rosterChanged tells the roster, if built, to read the people again.
func (u *UI) rosterChanged() {
	if u.roster != nil {
		u.roster.loadedID = 0
	}
}

// showPeopleTab loads what the Participants tab on view needs.
func (u *UI) showPeopleTab() {
	u.peopleArea()
	if u.people.SelectedIndex() == 1 {
		u.checkin.load()
		return
	}
	u.roster.load(false)
}

// onSettings lets the person choose the interface language and the look.
func (u *UI) onSettings() {
	names := []string{"Français", "English"}
	radio := widget.NewRadioGroup(names, nil)
	radio.Required = true
	radio.SetSelected(names[0])
	if u.opts.Language == "en" {
		radio.SetSelected(names[1])
	}
	look, chosen, undoLook := u.lookItem()
	items := []*widget.FormItem{widget.NewFormItem(lang.X("settings.language", "Langue de l’interface"), radio), look, u.teamItem(), u.aboutItem()}
	d := dialog.NewForm(lang.X("settings.title", "Réglages"), lang.X("action.save", "Enregistrer"), lang.X("action.cancel", "Annuler"), items, func(ok bool) {
		if !ok {
			undoLook()
			return
		}
		u.keepLook(chosen())
		code := i18n.Supported[0]
		if radio.Selected == names[1] {
			code = i18n.Supported[1]
		}
		u.setLanguage(code)
	}, u.win)
	d.Show()
}

// setLanguage switches the interface language, remembers it and rebuilds
// the window in it.
func (u *UI) setLanguage(code string) {
	if code == u.opts.Language {
		return
	}
	if u.sessions != nil && !u.sessions.flush() {
		return // the rebuilt screens would lose the edit
	}
	if err := i18n.Apply(code); err != nil {
		u.showError(lang.X("error.language", "Impossible de changer de langue."), err)
		return
	}
	u.opts.Language = code
	if u.opts.PrefsPath != "" {
		prefs := config.LoadPrefs(u.opts.PrefsPath)
		prefs.Language = code
		if err := config.SavePrefs(u.opts.PrefsPath, prefs); err != nil {
			u.showError(lang.X("error.prefs", "La langue a changé, mais elle n’a pas pu être retenue pour la prochaine fois."), err)
		}
	}
	u.rebuild()
}

// rebuild builds the screens anew where the person was, cohort and area:
// after a change of language, or of look, which Fyne's lists and tables
// measured once when they were made.
func (u *UI) rebuild() {
	current := u.current
	u.build()
	u.nav.Select(current)
	u.loadCohorts(u.cohort.ID)
}

// confirmThen puts a question to the person in window w: yes runs only when they
// take the action named; dismiss names the way out.
func confirmThen(w fyne.Window, title, question, action, dismiss string, yes func()) {
	d := dialog.NewConfirm(title, question, func(ok bool) {
		if ok {
			yes()
		}
	}, w)
	d.SetConfirmText(action)
	d.SetDismissText(dismiss)
	d.Show()
}

// message is the sentence err carries for the person, in the interface
// language (usererr.MessageIn; never driver text).
func (u *UI) message(err error) string { return usererr.MessageIn(u.lang(), err) }

// showError tells the person what went wrong in plain words: what failed,
// then the sentence err carries for them, in their language. The detail
// goes to the log, in French, for whoever helps them.
func (u *UI) showError(what string, err error) {
	msg := what
	if err != nil {
		log.Printf("%s %s", what, usererr.Detail(err))
		msg += "\n\n" + u.message(err)
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.X("error.title", "Un problème est survenu"), lang.X("action.close", "Fermer"), label, u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}
