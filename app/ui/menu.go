package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The keys of the app. Shortcuts with Ctrl or Alt live in the main menu:
// Fyne gives a menu's shortcuts to the menu before any focused widget, so
// they work in a text field too. The few a text field needs for itself
// (Ctrl+Z, Ctrl+Y) are passed on to the field when one has the focus. Keys
// without a modifier (Space, arrows, 1, 5, F1) go to what has the focus,
// and reach live mode and the help only when no text field has it.

var (
	ctrl = fyne.KeyModifierShortcutDefault
	alt  = fyne.KeyModifierAlt
)

func key(k fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: mod}
}

// item is a menu item with a shortcut.
func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	i := fyne.NewMenuItem(label, action)
	i.Shortcut = sc
	return i
}

// mainMenu is the window's menu bar, and its shortcuts.
func (u *UI) mainMenu() *fyne.MainMenu {
	quit := item(lang.X("menu.quit", "Quitter"), key(fyne.KeyQ, ctrl), u.quit)
	quit.IsQuit = true
	newCohort := item(lang.X("cohort.new", "Créer une cohorte…"), key(fyne.KeyN, ctrl), u.onNewCohort)
	editCohort := fyne.NewMenuItem(lang.X("cohort.edit.menu", "Modifier la cohorte…"), u.onEditCohort)
	file := fyne.NewMenu(lang.X("menu.file", "Fichier"),
		newCohort,
		editCohort,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.X("settings.open", "Réglages…"), u.onSettings),
		fyne.NewMenuItemSeparator(),
		quit)
	edit := fyne.NewMenu(lang.X("menu.edit", "Édition"),
		item(lang.X("menu.undo", "Annuler"), &fyne.ShortcutUndo{}, func() { u.undo(false) }),
		item(lang.X("menu.redo", "Rétablir"), &fyne.ShortcutRedo{}, func() { u.undo(true) }),
		fyne.NewMenuItemSeparator(),
		item(lang.X("menu.search", "Rechercher"), key(fyne.KeyF, ctrl), u.focusSearch))
	view := fyne.NewMenu(lang.X("menu.view", "Affichage"))
	for i, k := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5} {
		if i < len(u.areas) {
			view.Items = append(view.Items, item(u.areas[i].title, key(k, ctrl), func() { u.nav.Select(i) }))
		}
	}
	clock := []*fyne.MenuItem{
		item(lang.X("live.startpause", "Démarrer ou mettre en pause"), key(fyne.KeyP, alt), u.liveAction(func(l *liveScreen) { l.onStartPause() })),
		item(lang.X("live.next", "Suivant"), key(fyne.KeyRight, alt), u.liveAction(func(l *liveScreen) { l.act(l.runner.Next) })),
		item(lang.X("live.prev", "Précédent"), key(fyne.KeyLeft, alt), u.liveAction(func(l *liveScreen) { l.act(l.runner.Prev) })),
		item(lang.X("live.plus1", "+1\u00a0min"), key(fyne.Key1, alt), u.liveAction(func(l *liveScreen) { l.addMinutes(1) })),
		item(lang.X("live.plus5", "+5\u00a0min"), key(fyne.Key5, alt), u.liveAction(func(l *liveScreen) { l.addMinutes(5) })),
	}
	// The actions check again (a shortcut may run a disabled item's):
	// onNewCohort and onEditCohort, and a follower's clock (liveScreen.act).
	for _, i := range append([]*fyne.MenuItem{newCohort, editCohort}, clock...) {
		i.Disabled = !u.canWrite()
	}
	liveMenu := fyne.NewMenu(lang.X("menu.live", "Animation"),
		fyne.NewMenuItem(lang.X("live.open", "Animer en direct"), u.onLiveMenu),
		fyne.NewMenuItemSeparator())
	liveMenu.Items = append(liveMenu.Items, clock...)
	liveMenu.Items = append(liveMenu.Items, fyne.NewMenuItemSeparator(),
		item(lang.X("live.share", "Partager l’écran"), key(fyne.KeyE, alt), u.liveAction(func(l *liveScreen) { l.onShare() })))
	for _, v := range shareViews() {
		liveMenu.Items = append(liveMenu.Items, item(lang.X("live.show", "Montrer\u00a0: {{.What}}", map[string]any{"What": v.label()}), key(v.key(), alt),
			u.liveAction(func(l *liveScreen) { l.show(v) })))
	}
	help := fyne.NewMenu(lang.X("menu.help", "Aide"),
		fyne.NewMenuItem(lang.X("menu.keys", "Afficher les raccourcis… (F1)"), u.showKeys))
	return fyne.NewMainMenu(file, edit, view, liveMenu, help)
}

// shareShortcuts makes every shortcut of the main menu work from canvas c,
// the participants' window, where the facilitator may have clicked: the
// live keys (with Alt) act there; the others bring the facilitator's window
// forward and act in it.
func (u *UI) shareShortcuts(c fyne.Canvas) {
	for _, m := range u.win.MainMenu().Items {
		for _, i := range m.Items {
			if i.Shortcut == nil || i.Action == nil {
				continue
			}
			sc, action := i.Shortcut, i.Action
			if k, ok := sc.(*desktop.CustomShortcut); ok && k.Modifier == alt {
				c.AddShortcut(sc, func(fyne.Shortcut) { action() })
				continue
			}
			c.AddShortcut(sc, func(fyne.Shortcut) {
				u.win.RequestFocus()
				action()
			})
		}
	}
}

// liveAction runs f on the live session, when there is one.
func (u *UI) liveAction(f func(*liveScreen)) func() {
	return func() {
		if u.live != nil {
			f(u.live)
		}
	}
}

// onLiveMenu starts live mode on the session shown in Séances.
func (u *UI) onLiveMenu() {
	if u.live != nil || len(u.cohort.Sessions) == 0 {
		return
	}
	u.sessionsArea().onLive()
}

// quit leaves the app; a live session keeps its state for next time.
func (u *UI) quit() {
	if u.quitHook != nil {
		u.quitHook()
		return
	}
	u.app.Quit()
}

// undo undoes (or redoes) in the text field that has the focus, if any:
// it needs Ctrl+Z for itself; else in the agenda or the canvas on view.
func (u *UI) undo(redo bool) {
	var sc fyne.Shortcut = &fyne.ShortcutUndo{}
	if redo {
		sc = &fyne.ShortcutRedo{}
	}
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	if !u.canWrite() {
		return // undoing in the agenda or the canvas is saving
	}
	switch {
	case u.current == areaSessions && u.sessions != nil && len(u.sessions.cohort.Sessions) > 0:
		if redo {
			u.sessions.onRedo()
		} else {
			u.sessions.onUndo()
		}
	case u.current == areaStructures && u.structures != nil:
		if redo {
			u.structures.redo()
		} else {
			u.structures.undo()
		}
	}
}

// focusSearch puts the cursor in the search box of the area on view.
func (u *UI) focusSearch() {
	var e *widget.Entry
	switch {
	case u.current == areaPeople && u.people != nil && u.people.SelectedIndex() == 1:
		e = u.checkin.search
	case u.current == areaPeople && u.roster != nil:
		e = u.roster.search
	case u.current == areaLibrary && u.library != nil:
		e = u.library.search
	}
	if e != nil {
		u.win.Canvas().Focus(e)
	}
}

// onKey takes the keys that reached no widget: live mode's, and F1.
func (u *UI) onKey(e *fyne.KeyEvent) {
	switch {
	case e.Name == fyne.KeyF1:
		u.showKeys()
	case u.liveKey(e):
	case e.Name == fyne.KeyEscape && u.current == areaStructures && u.structures != nil && u.structures.present:
		u.structures.togglePresentation()
	}
}

// keyHelp lists the shortcuts, as the help shows them.
func keyHelp() [][2]string {
	return [][2]string{
		{"Ctrl+Q", lang.X("menu.quit", "Quitter")},
		{"Ctrl+N", lang.X("cohort.new", "Créer une cohorte…")},
		{"Ctrl+1 … Ctrl+5", lang.X("keys.areas", "Participant·e·s, Séances, Atelier structure, Bibliothèque, Exports")},
		{"Ctrl+F", lang.X("keys.search", "Rechercher dans la liste affichée")},
		{"Ctrl+Z, Ctrl+Y", lang.X("keys.undo", "Annuler, rétablir (dans un champ de texte\u00a0: sa propre saisie)")},
		{"Alt+↑, Alt+↓", lang.X("keys.move", "Monter, descendre le bloc d’agenda choisi")},
		{lang.X("keys.space", "Espace"), lang.X("keys.live.start", "Animation\u00a0: démarrer ou mettre en pause (hors champ de texte)")},
		{"→ ←, " + lang.X("keys.pages", "Page suivante, précédente"), lang.X("keys.live.next", "Animation\u00a0: bloc suivant, précédent (hors champ de texte)")},
		{"1, 5", lang.X("keys.live.plus", "Animation\u00a0: ajouter 1 ou 5 minutes au bloc (hors champ de texte)")},
		{"Alt+P, Alt+→, Alt+←, Alt+1, Alt+5", lang.X("keys.live.alt", "Les mêmes, partout, même dans un champ de texte")},
		{"Alt+E", lang.X("keys.live.share", "Ouvrir l’écran partagé")},
		{"Alt+C, D, S, G, R, A", lang.X("keys.live.show", "Montrer sur l’écran partagé\u00a0: chrono, diapo, structure, sous-groupes, ressource, pause")},
		{lang.X("keys.esc", "Échap"), lang.X("keys.esc.what", "Quitter «\u00a0Présenter\u00a0»\u202f; ne ferme jamais l’écran partagé")},
		{"F1", lang.X("menu.keys", "Afficher les raccourcis… (F1)")},
	}
}

// showKeys opens the list of shortcuts.
func (u *UI) showKeys() {
	grid := container.NewGridWithColumns(2)
	for _, k := range keyHelp() {
		grid.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(wrapped(k[1]))
	}
	d := dialog.NewCustom(lang.X("keys.title", "Raccourcis"), lang.X("action.close", "Fermer"), container.NewVScroll(grid), u.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}
