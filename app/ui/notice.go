package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// How long a notice stays: one that can be undone leaves the time to
// notice the mistake and reach the button.
const (
	noticeTime     = 5 * time.Second
	noticeUndoTime = 10 * time.Second
)

// afterFunc runs f on the UI goroutine once d has passed, unless stop is
// called first. The window takes it from UI.after, so that tests move
// time by hand instead of waiting on the wall clock.
type afterFunc func(d time.Duration, f func()) (stop func())

// wallAfter is afterFunc on the wall clock.
func wallAfter(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// stillAfter is afterFunc for a window that starts nothing in the
// background (Options.Still): nothing falls due unless a test says so.
func stillAfter(time.Duration, func()) func() { return func() {} }

// noticeBar is the window's one place for saying what an action changed,
// in the bottom bar, with « Annuler » when it can be undone. A notice
// replaces the one before (whose undo no longer applies) and goes after a
// few seconds.
type noticeBar struct {
	root   *fyne.Container
	label  *widget.Label
	undo   *widget.Button
	action func()
	stop   func()
	shown  int // counts the notices, so that a stale timer hides nothing
}

func newNoticeBar() *noticeBar {
	b := &noticeBar{label: widget.NewLabel("")}
	b.label.Wrapping = fyne.TextWrapWord
	b.undo = widget.NewButtonWithIcon(lang.X("action.undo", "Annuler"), theme.ContentUndoIcon(), func() {
		if f := b.action; f != nil {
			b.hide()
			f()
		}
	})
	b.root = container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), b.undo, b.label)
	b.root.Hide()
	return b
}

// show puts text on view, with « Annuler » running undo when not nil,
// until after says the time is up.
func (b *noticeBar) show(after afterFunc, text string, undo func()) {
	b.cancelTimer()
	b.shown++
	b.label.SetText(text)
	b.action = undo
	d := noticeTime
	if undo != nil {
		b.undo.Show()
		d = noticeUndoTime
	} else {
		b.undo.Hide()
	}
	b.root.Show()
	n := b.shown
	b.stop = after(d, func() {
		if n == b.shown {
			b.hide()
		}
	})
}

func (b *noticeBar) cancelTimer() {
	if b.stop != nil {
		b.stop()
		b.stop = nil
	}
}

func (b *noticeBar) hide() {
	b.cancelTimer()
	b.shown++
	b.action = nil
	b.root.Hide()
}

// notify says what the action just done changed, beside the live panel at
// the bottom of the window; undo, when not nil, is offered as « Annuler »
// and takes the change back.
func (u *UI) notify(text string, undo func()) {
	u.notice.show(u.after, text, undo)
}

// forgetNotice takes the last notice away, when what it offers to undo
// can no longer be undone.
func (u *UI) forgetNotice() {
	u.notice.hide()
}

// noticeOn is a token for the notice now on view, for forgetNoticeOn.
func (u *UI) noticeOn() int { return u.notice.shown }

// forgetNoticeOn takes away the notice given token, if it is still the one
// on view: a later change made what it offers to undo stale.
func (u *UI) forgetNoticeOn(token int) {
	if u.notice.shown == token {
		u.notice.hide()
	}
}
