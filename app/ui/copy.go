package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// copiedTime is how long a copy button says « Copié » before it reads
// as before: the clipboard shows nothing, so the button is the sign.
const copiedTime = 2 * time.Second

// copyButton is a button named label that puts content() on the
// clipboard and, for a moment, says « Copié » with a check instead.
func (u *UI) copyButton(label string, content func() string) *widget.Button {
	var b *widget.Button
	var stop func()
	taps := 0 // a timer of an earlier tap restores nothing
	b = widget.NewButtonWithIcon(label, theme.ContentCopyIcon(), func() {
		u.app.Clipboard().SetContent(content())
		if stop != nil {
			stop()
		}
		taps++
		n := taps
		b.SetText(lang.X("action.copied", "Copié"))
		b.SetIcon(theme.ConfirmIcon())
		stop = u.after(copiedTime, func() {
			if n != taps {
				return
			}
			stop = nil
			b.SetText(label)
			b.SetIcon(theme.ContentCopyIcon())
		})
	})
	return b
}
