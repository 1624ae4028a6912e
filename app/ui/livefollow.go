package ui

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/live"
	"atelier/app/kit/usererr"
)

// instance is this Atelier as a live session's clock knows it: id tells
// two windows apart, even on one machine under one name; name is what the
// others read (« Minuterie menée par Camille Roy »).
type instance struct{ id, name string }

// thisInstance names the running Atelier: the facilitator's name for the
// team (Réglages), else the machine's.
func thisInstance(who string) instance {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "poste"
	}
	if who == "" {
		who = host
	}
	return instance{id: fmt.Sprintf("%s@%s#%d", who, host, os.Getpid()), name: who}
}

// drivenElsewhere reports whether another Atelier moved the clock last
// and the session is still going: this one then follows it.
func (l *liveScreen) drivenElsewhere() bool {
	id, _ := l.runner.Driver()
	v := l.runner.View(l.now())
	return id != "" && id != l.ui.me.id && v.Started && !v.Done
}

// followBar is the line that says who drives the clock, with the button
// that takes it over; hidden while this Atelier drives.
func (l *liveScreen) followBar() fyne.CanvasObject {
	l.driverLine = widget.NewLabel("")
	l.driverLine.Importance = widget.WarningImportance
	l.driverLine.Truncation = fyne.TextTruncateEllipsis
	l.takeBtn = widget.NewButtonWithIcon(lang.X("live.take", "Prendre la main"), theme.MediaPlayIcon(), l.takeOver)
	if !l.ui.canWrite() {
		l.takeBtn.Hide()
	}
	l.driverBar = container.NewBorder(nil, nil, nil, l.takeBtn, l.driverLine)
	return l.driverBar
}

// showDriver shows who drives and turns the clock controls off on a
// follower.
func (l *liveScreen) showDriver() {
	if l.driverBar == nil {
		return
	}
	for _, b := range l.timerBtns {
		if l.following {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if !l.following {
		l.driverBar.Hide()
		return
	}
	_, name := l.runner.Driver()
	if name == "" {
		// A role that may only read, before anyone has moved the clock.
		l.driverLine.SetText(lang.X("live.readonly", "Consultation seulement\u00a0: ce poste suit le décompte de la personne qui anime."))
	} else {
		l.driverLine.SetText(lang.X("live.followed", "Minuterie menée par {{.Name}} — ce poste suit le même décompte.", map[string]any{"Name": name}))
	}
	l.driverBar.Show()
}

// takeOver makes this Atelier the one that drives the clock, from where
// it stands: the others follow it from now on.
func (l *liveScreen) takeOver() {
	if !l.ui.canWrite() {
		return
	}
	l.following = false
	l.act(func(time.Time) {}) // saves the state with this Atelier as its driver
	l.showDriver()
}

// followLive takes in the live state another Atelier saved for the
// session on view: the same countdown, block and pause here.
func (u *UI) followLive() {
	l := u.live
	if l == nil {
		return
	}
	saved, err := u.store.LiveState(context.Background(), l.session.ID)
	if err != nil {
		log.Printf("following the live state: %s", usererr.Detail(err))
		return
	}
	if saved == "" {
		return
	}
	st, err := live.UnmarshalState(saved)
	if err != nil || st.DriverID == "" || st.DriverID == u.me.id {
		return // unreadable, nobody's, or this Atelier's own save
	}
	l.runner = live.Restore(l.session.Blocks, st)
	l.following = true
	l.showDriver()
	l.refresh()
}
