package ui

import (
	"fyne.io/fyne/v2"

	"atelier/app/domain/course"
	"atelier/app/domain/structure"
)

// The screens tell the live session what it must follow through these
// three calls; they do nothing while no session is live.

// liveKey runs a live-mode key (start or pause, next, previous, +1, +5…)
// pressed where it reached no one else: the canvas, the participants'
// window, a list. It reports whether the key was a live key.
func (u *UI) liveKey(e *fyne.KeyEvent) bool {
	if u.live == nil {
		return false
	}
	return u.live.key(e)
}

// structureShown tells the live session which diagram the Atelier
// structure area shows, as it is edited, for the participants' window.
func (u *UI) structureShown(st structure.Structure) {
	if u.live != nil {
		u.live.structureShown(st)
	}
}

// agendaChanged tells the live session that session se's agenda was saved.
func (u *UI) agendaChanged(se course.Session) {
	if u.live != nil && u.live.session.ID == se.ID {
		u.live.agendaChanged(se)
	}
}
