package ui

import (
	"log"

	"atelier/app/config"
	"atelier/app/kit/usererr"
)

// prefs reads the person's preferences (the defaults when the window
// keeps none).
func (u *UI) prefs() config.Prefs {
	if u.opts.PrefsPath == "" {
		return config.Prefs{Language: u.opts.Language}
	}
	return config.LoadPrefs(u.opts.PrefsPath)
}

// savePrefs changes the preferences with edit and saves them, for a
// convenience (what) that costs only itself when it cannot be kept: the
// failure goes to the log.
func (u *UI) savePrefs(what string, edit func(*config.Prefs)) {
	if u.opts.PrefsPath == "" {
		return
	}
	p := config.LoadPrefs(u.opts.PrefsPath)
	edit(&p)
	if err := config.SavePrefs(u.opts.PrefsPath, p); err != nil {
		log.Printf("remembering %s: %s", what, usererr.Detail(err))
	}
}
