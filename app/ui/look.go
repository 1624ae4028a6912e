package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/config"
)

// startLook is the look remembered in the preferences at path; the usual
// one when nothing is remembered (or no path, in tests).
func startLook(path string) config.Look {
	if path == "" {
		return config.Look{}
	}
	return config.LoadPrefs(path).Look
}

// applyLook draws every window of a with look, at once.
func applyLook(a fyne.App, look config.Look) {
	a.Settings().SetTheme(newAppTheme(a.Settings().Theme(), look))
}

// currentLook is the look the windows are drawn with.
func currentLook(a fyne.App) config.Look {
	if t, ok := a.Settings().Theme().(*appTheme); ok {
		return t.look
	}
	return config.Look{}
}

// lookItem is the line of « Réglages » that chooses Grand texte and
// Contraste élevé. A change shows at once, so that the person sees what
// they choose; undo puts back the look the window had, for « Annuler ».
func (u *UI) lookItem() (item *widget.FormItem, chosen func() config.Look, undo func()) {
	before := currentLook(u.app)
	look := before
	big := widget.NewCheck(lang.X("settings.bigtext", "Grand texte"), func(on bool) {
		look.BigText = on
		u.setLook(look)
	})
	big.Checked = before.BigText
	high := widget.NewCheck(lang.X("settings.contrast", "Contraste élevé"), func(on bool) {
		look.HighContrast = on
		u.setLook(look)
	})
	high.Checked = before.HighContrast
	item = widget.NewFormItem(lang.X("settings.look", "Affichage"), container.NewVBox(big, high))
	return item, func() config.Look { return look }, func() { u.setLook(before) }
}

// setLook draws the window with look: the screens are built anew, so that
// every list and table measures its rows in the new size.
func (u *UI) setLook(look config.Look) {
	if look == currentLook(u.app) {
		return
	}
	applyLook(u.app, look)
	if u.sessions != nil && !u.sessions.flush() {
		return // the block being edited stays as it is, in the new colours
	}
	u.rebuild()
}

// keepLook remembers look for the next runs.
func (u *UI) keepLook(look config.Look) {
	if u.opts.PrefsPath == "" {
		return
	}
	prefs := config.LoadPrefs(u.opts.PrefsPath)
	if prefs.Look == look {
		return
	}
	prefs.Look = look
	if err := config.SavePrefs(u.opts.PrefsPath, prefs); err != nil {
		u.showError(lang.X("error.prefs.look", "L’affichage a changé, mais il n’a pas pu être retenu pour la prochaine fois."), err)
	}
}
