package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"atelier/app/domain/course"
	"atelier/app/domain/live"
)

// The presenter: during live mode, the session's deck follows the agenda.
// Page Down and Page Up (what presentation clickers send) move through the
// slides the block on the clock cites; past its last slide they move to the
// next block, landing on its first slide. The facilitator's window says
// which slide is on show, which comes next and the slide's notes; the
// participants' window shows the slide itself, turning to it (on the slide
// on show) at the first press of the clicker.

// deck is the session's slides (the curriculum's deck of that number).
func (l *liveScreen) deck() []course.Slide {
	plan, _ := course.PlanFor(l.ui.svc.Plans(), l.session.Number)
	return plan.Slides
}

// slideAt is slide n (1-based) of the deck; ok is false when there is none.
func (l *liveScreen) slideAt(n int) (course.Slide, bool) {
	d := l.deck()
	if n < 1 || n > len(d) {
		return course.Slide{}, false
	}
	return d[n-1], true
}

// slideStep is Page Down (forward) or Page Up.
func (l *liveScreen) slideStep(forward bool) {
	v := l.runner.View(l.now())
	if v.Done {
		return
	}
	// A clicker press means the group should see the slides: the shared
	// window turns to them from whatever it showed, on the slide on show
	// (the next press moves on).
	if l.shared != nil && len(l.deck()) > 0 && l.showPick.SelectedIndex() != shareSlide.index() {
		l.show(shareSlide)
		return
	}
	if n, ok := course.SlideStep(l.session.Blocks, v.Index, l.slide, forward); ok {
		l.slide, l.slideBlock = n, v.Index
		l.refresh()
		return
	}
	if forward {
		l.act(l.runner.Next)
		return
	}
	if v.Index == 0 {
		// Before the first slide of the first block there is nothing: the
		// slide stays, as a deck's first page does.
		l.refresh()
		return
	}
	l.act(l.runner.Prev)
	// Back into the previous block: on its last slide, as a deck goes.
	w := l.runner.View(l.now())
	l.slide, l.slideBlock = course.LastSlide(l.session.Blocks, w.Index), w.Index
	l.refresh()
}

// followBlock puts the first slide of the block on the clock on show when
// the block has changed (by the timer, a key or a button).
func (l *liveScreen) followBlock(v live.View) {
	if v.Index == l.slideBlock {
		return
	}
	l.slideBlock = v.Index
	l.slide = course.FirstSlide(l.session.Blocks, v.Index)
}

// pageDown is where Page Down leads from the slide on show: the block's
// next slide (inBlock), else the next block's first slide (0 when it cites
// none); ok is false in the last block's last slide.
func (l *liveScreen) pageDown(v live.View) (n int, inBlock, ok bool) {
	if n, ok := course.SlideStep(l.session.Blocks, v.Index, l.slide, true); ok {
		return n, true, true
	}
	if !v.HasNext {
		return 0, false, false
	}
	return course.FirstSlide(l.session.Blocks, v.Index+1), false, true
}

// presenterText is the facilitator's line about the deck, the notes of the
// slide on show, and the preview of the slide Page Down brings.
func (l *liveScreen) presenterText(v live.View) (line, notes, next string) {
	if len(l.deck()) == 0 || v.Done {
		return "", "", ""
	}
	n, inBlock, ok := l.pageDown(v)
	if ok {
		next = l.preview(v, n, inBlock)
	}
	s, shown := l.slideAt(l.slide)
	if !shown {
		return lang.X("presenter.none", "Pas de diapo pour ce bloc."), "", next
	}
	line = lang.X("presenter.current", "Diapo {{.N}}\u00a0/\u00a0{{.Count}}\u00a0: «\u00a0{{.Title}}\u00a0»",
		map[string]any{"N": l.slide, "Count": l.ui.lang().Int(len(l.deck())), "Title": s.Title})
	switch {
	case ok && inBlock:
		after, _ := l.slideAt(n)
		line += " · " + lang.X("presenter.next", "suivante\u00a0: «\u00a0{{.Title}}\u00a0»", map[string]any{"Title": after.Title})
	case ok:
		line += " · " + lang.X("presenter.lastofblock", "dernière du bloc\u202f; Page suivante\u00a0: «\u00a0{{.Title}}\u00a0»", map[string]any{"Title": v.Next.Title})
	}
	return line, s.Notes, next
}

// preview is the facilitator's view of slide n, the one Page Down brings:
// its title and lines, under the next block's name when it opens that
// block.
func (l *liveScreen) preview(v live.View, n int, inBlock bool) string {
	prefix := ""
	if !inBlock {
		prefix = lang.X("presenter.nextblock", "Bloc suivant\u00a0: «\u00a0{{.Title}}\u00a0»", map[string]any{"Title": v.Next.Title}) + "\n"
	}
	s, ok := l.slideAt(n)
	if !ok {
		return strings.TrimSpace(prefix)
	}
	lines := []string{prefix + lang.X("presenter.slide", "Diapo {{.N}}\u00a0: {{.Title}}", map[string]any{"N": n, "Title": s.Title})}
	for _, line := range s.Lines {
		lines = append(lines, "•  "+line)
	}
	return strings.Join(lines, "\n")
}

// slideLines is what the participants' window shows of the slide on show:
// its title and its lines (and quote), or false when there is no slide to
// show (the window then shows the block and the session's key ideas).
func (l *liveScreen) slideLines() (title, body string, ok bool) {
	s, ok := l.slideAt(l.slide)
	if !ok {
		return "", "", false
	}
	var lines []string
	for _, line := range s.Lines {
		lines = append(lines, "•  "+line)
	}
	if s.Quote != "" {
		lines = append(lines, "", fmt.Sprintf("«\u00a0%s\u00a0»", s.Quote), "— "+s.QuoteSource)
	}
	return s.Title, strings.Join(lines, "\n"), true
}
