package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// A copy button says « Copié » with a check for two seconds, then reads
// as before; a second tap starts the two seconds again.
func TestCopyButtonSaysCopied(t *testing.T) {
	u, _ := newTestUI(t)
	text := "Groupe 1"
	b := u.copyButton("Copier pour le clavardage", func() string { return text })
	test.Tap(b)
	if got := u.app.Clipboard().Content(); got != "Groupe 1" {
		t.Fatalf("clipboard %q", got)
	}
	if b.Text != "Copié" || b.Icon != theme.ConfirmIcon() {
		t.Fatalf("after the tap: %q %v", b.Text, b.Icon)
	}
	timers.pass(copiedTime - time.Second)
	text = "Groupe 2"
	test.Tap(b)
	timers.pass(time.Second) // the first tap's two seconds are up, not the second's
	if b.Text != "Copié" || u.app.Clipboard().Content() != "Groupe 2" {
		t.Fatalf("a second tap: %q, clipboard %q", b.Text, u.app.Clipboard().Content())
	}
	timers.pass(copiedTime)
	if b.Text != "Copier pour le clavardage" || b.Icon != theme.ContentCopyIcon() {
		t.Errorf("two seconds later: %q %v", b.Text, b.Icon)
	}
}
