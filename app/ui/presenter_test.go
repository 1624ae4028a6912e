package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"atelier/app/domain/course"
)

// Page Down walks the deck along the agenda: the block's slides, then the
// next block on its first slide; Page Up walks back, into the previous
// block on its last slide. The facilitator reads the slide, the next one
// and its notes; the participants see the slide.
func TestPresenterFollowsTheClicker(t *testing.T) {
	u, _ := newTestUI(t)
	se := u.cohort.Sessions[0] // session 1: blocks 1 and 2 cite diapos 1 à 3, 4 à 7
	clock = se.StartsAt
	l := u.openLive(se)
	l.onShare()
	deck := l.deck()
	page := func(k fyne.KeyName) { l.key(&fyne.KeyEvent{Name: k}) }
	// The shared window opens on the clock; the clicker's first press
	// turns it to the slides, on the slide on show.
	if l.showPick.SelectedIndex() != shareChrono.index() {
		t.Fatalf("shared window opens on view %d", l.showPick.SelectedIndex())
	}
	page(fyne.KeyPageDown)
	// The slide's lines are laid out across the window, not one letter a
	// line down its middle.
	if w, win := l.shared.slidePoints.Size().Width, l.shared.win.Canvas().Size().Width; w < win/2 {
		t.Errorf("the slide's lines are %v wide in a window %v wide", w, win)
	}
	want := func(slide, block int) {
		t.Helper()
		v := l.runner.View(l.now())
		if l.slide != slide || v.Index != block {
			t.Fatalf("slide %d in block %d, want slide %d in block %d", l.slide, v.Index, slide, block)
		}
		if !strings.Contains(sharedText(l.shared), deck[slide-1].Title) {
			t.Errorf("shared window does not show slide %d:\n%s", slide, sharedText(l.shared))
		}
		if !strings.Contains(l.slideLine.Text, deck[slide-1].Title) || l.slideNotes.Text != deck[slide-1].Notes {
			t.Errorf("presenter: %q, notes %q", l.slideLine.Text, l.slideNotes.Text)
		}
		if strings.Contains(sharedText(l.shared), deck[slide-1].Notes) {
			t.Error("the slide's notes are on the shared screen")
		}
	}
	want(1, 0)
	if !strings.Contains(l.slideLine.Text, "suivante") || !strings.Contains(l.slideLine.Text, deck[1].Title) {
		t.Errorf("next slide not said: %q", l.slideLine.Text)
	}
	// The preview of the next slide: its number, title and lines.
	if !strings.Contains(l.slideNext.Text, "Diapo 2\u00a0: "+deck[1].Title) || (len(deck[1].Lines) > 0 && !strings.Contains(l.slideNext.Text, deck[1].Lines[0])) {
		t.Errorf("next slide preview: %q", l.slideNext.Text)
	}
	page(fyne.KeyPageDown)
	page(fyne.KeyPageDown)
	want(3, 0)
	if !strings.Contains(l.slideLine.Text, "dernière du bloc") || !strings.Contains(l.slideLine.Text, se.Blocks[1].Title) {
		t.Errorf("the end of the block's slides does not offer the next block: %q", l.slideLine.Text)
	}
	if next := course.FirstSlide(se.Blocks, 1); !strings.Contains(l.slideNext.Text, "Bloc suivant\u00a0: «\u00a0"+se.Blocks[1].Title) ||
		!strings.Contains(l.slideNext.Text, deck[next-1].Title) {
		t.Errorf("preview at the end of the block: %q", l.slideNext.Text)
	}
	page(fyne.KeyPageDown) // on to the next block, on its first slide
	want(4, 1)
	page(fyne.KeyPageUp) // back, on the previous block's last slide
	want(3, 0)
	// A block that cites no slide: the shared window shows the block, the
	// presenter says so, and Page Down moves on.
	for range 4 { // diapos 4 to 7
		page(fyne.KeyPageDown)
	}
	page(fyne.KeyPageDown) // past diapo 7: block 3, « Un mouvement qui nous inspire »
	if v := l.runner.View(l.now()); v.Index != 2 || course.FirstSlide(se.Blocks, 2) != 0 || l.slide != 0 {
		t.Fatalf("block %d, slide %d", v.Index, l.slide)
	}
	if l.slideLine.Text != "Pas de diapo pour ce bloc." || !strings.Contains(sharedText(l.shared), se.Blocks[2].Title) {
		t.Errorf("block without slides: %q\n%s", l.slideLine.Text, sharedText(l.shared))
	}
}
