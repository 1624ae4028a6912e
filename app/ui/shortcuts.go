package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// addShortcuts binds the keys a desktop user expects: Ctrl+Q quits,
// Ctrl+N creates a cohort, Ctrl+1…5 switch areas, and in the agenda Ctrl+Z
// and Ctrl+Y undo and redo, Alt+↑ and Alt+↓ move the block on view.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: mod}, func(fyne.Shortcut) { u.app.Quit() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: mod}, func(fyne.Shortcut) { u.onNewCohort() })
	// In the Séances area: undo, redo, move the block on view.
	inAgenda := func(f func()) func(fyne.Shortcut) {
		return func(fyne.Shortcut) {
			if u.current == 1 && u.sessions != nil && len(u.sessions.cohort.Sessions) > 0 {
				f()
			}
		}
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: mod}, inAgenda(func() { u.sessions.onUndo() }))
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyY, Modifier: mod}, inAgenda(func() { u.sessions.onRedo() }))
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}, inAgenda(func() { u.sessions.move(-1) }))
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}, inAgenda(func() { u.sessions.move(1) }))
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5}
	for i, k := range keys {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}, func(fyne.Shortcut) { u.nav.Select(i) })
	}
}
