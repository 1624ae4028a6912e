package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/live"
)

// pressMenu does what the window does with a shortcut pressed anywhere,
// focus in a text field included: the main menu's item with that shortcut
// runs first.
func pressMenu(t *testing.T, u *UI, sc fyne.Shortcut) {
	t.Helper()
	var run func(*fyne.Menu) bool
	run = func(m *fyne.Menu) bool {
		for _, i := range m.Items {
			if i.Shortcut != nil && i.Shortcut.ShortcutName() == sc.ShortcutName() && i.Action != nil {
				i.Action()
				return true
			}
			if i.ChildMenu != nil && run(i.ChildMenu) {
				return true
			}
		}
		return false
	}
	for _, m := range u.win.MainMenu().Items {
		if run(m) {
			return
		}
	}
	t.Fatalf("no menu item for %s", sc.ShortcutName())
}

// sharedText gathers every text the participants' window shows.
func sharedText(s *sharedScreen) string {
	return dialogTextOf(s.win.Content())
}

func TestLivePanelStaysWhileMovingAround(t *testing.T) {
	u, st := rosterUI(t)
	u.people.SelectIndex(1) // the check-in desk, open on session 1
	se := u.cohort.Sessions[2]
	clock = se.StartsAt
	l := u.openLive(se)
	l.onStartPause()
	for i := range u.areas {
		u.nav.Select(i)
		if u.live != l || len(u.liveDock.Objects) != 1 || u.liveDock.Objects[0] != l.root {
			t.Fatalf("area %d: the live panel is gone", i)
		}
	}
	// A late arrival checked in from Participants, without leaving live mode.
	u.nav.Select(0)
	u.people.SelectIndex(1)
	c := u.checkin
	if c.session.ID != se.ID {
		t.Fatalf("the check-in desk shows session %d, not the live one", c.session.Number)
	}
	c.toggle(c.people[0])
	if marks, _ := st.SessionAttendance(context.Background(), se.ID); len(marks) != 1 || !l.runner.Running() {
		t.Errorf("marks %v, running %v", marks, l.runner.Running())
	}
}

func TestSharedScreenShowsOneThingAndNothingPrivate(t *testing.T) {
	u, st := rosterUI(t)
	ctx := context.Background()
	se := u.cohort.Sessions[2]
	if err := st.SetSessionNotes(ctx, se.ID, "NOTE PRIVÉE de l’équipe"); err != nil {
		t.Fatal(err)
	}
	people, _ := st.Participants(ctx, u.cohort.ID)
	if err := st.SaveBreakout(ctx, se.ID, [][]int64{{people[0].ID, people[1].ID}, {people[2].ID}}); err != nil {
		t.Fatal(err)
	}
	clock = se.StartsAt
	l := u.openLive(se)
	l.onShare()
	s := l.shared
	deck := l.deck()
	private := []string{"NOTE PRIVÉE", se.Blocks[0].Notes, "@exemple.ca", deck[0].Notes}
	for _, v := range shareViews() {
		l.show(v)
		if s.view != v || l.showPick.SelectedIndex() != v.index() {
			t.Fatalf("%s: showing %v", v.label(), s.view)
		}
		text := sharedText(s)
		for _, p := range private {
			if p != "" && strings.Contains(text, p) {
				t.Errorf("%s shows %q:\n%s", v.label(), p, text)
			}
		}
		corner := len(s.body.Objects) == 2
		if corner == (v == sharePause) {
			t.Errorf("%s: corner countdown %v", v.label(), corner)
		}
		switch v {
		case shareGroups:
			if !strings.Contains(text, "Groupe 1\u00a0: Hélène Tremblay, Marc-André Côté") {
				t.Errorf("groups view:\n%s", text)
			}
		case sharePause:
			if !strings.Contains(text, "Pause — retour à 18\u00a0h\u00a040") {
				t.Errorf("pause view:\n%s", text)
			}
		case shareSlide: // the first slide of the first block
			if !strings.Contains(text, deck[0].Title) || !strings.Contains(text, deck[0].Lines[0]) {
				t.Errorf("slide view:\n%s", text)
			}
		}
	}
	// Alt+C (through the menu) goes back to the countdown.
	pressMenu(t, u, key(fyne.KeyC, alt))
	if s.view != shareChrono {
		t.Errorf("Alt+C shows %v", s.view)
	}
}

func TestSharedScreenStaysOpen(t *testing.T) {
	u, _ := newTestUI(t)
	se := u.cohort.Sessions[3]
	clock = se.StartsAt
	l := u.openLive(se)
	l.onShare()
	s := l.shared
	// Esc in the shared window does nothing; Space there runs the clock.
	s.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	s.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeySpace})
	if l.shared != s || !l.runner.Running() {
		t.Fatalf("after Esc and Space: open %v, running %v", l.shared == s, l.runner.Running())
	}
	// Closing while the session runs asks first.
	s.onClose()
	if l.shared != s || s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("closed without asking")
	}
	tapButton(t, s.win.Canvas().Overlays().Top(), "Fermer l’écran partagé")
	if l.shared != nil {
		t.Error("not closed once confirmed")
	}
	// Leaving live mode with the window open asks too.
	l.onShare()
	l.close(true)
	if u.live == nil || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("live mode left without asking about the shared screen")
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Quitter l’animation")
	if u.live != nil || l.shared != nil {
		t.Error("still live after confirming")
	}
}

func TestKeysWhereverFocusIs(t *testing.T) {
	u, _ := rosterUI(t)
	quits := 0
	u.quitHook = func() { quits++ }
	search := u.roster.search
	u.win.Canvas().Focus(search)
	// Ctrl+1…5 and Ctrl+Q work with the cursor in a text field.
	pressMenu(t, u, key(fyne.Key2, ctrl))
	if u.current != 1 {
		t.Errorf("Ctrl+2 from a text field: area %d", u.current)
	}
	u.nav.Select(0)
	u.win.Canvas().Focus(search)
	pressMenu(t, u, key(fyne.KeyQ, ctrl))
	if quits != 1 {
		t.Error("Ctrl+Q from a text field did not quit")
	}
	// Ctrl+Z in a text field undoes its typing, not something else.
	test.Type(search, "helene")
	pressMenu(t, u, &fyne.ShortcutUndo{})
	if search.Text == "helene" {
		t.Errorf("Ctrl+Z in the search field left %q", search.Text)
	}
	// Ctrl+F puts the cursor in the search box of the area.
	u.win.Canvas().Unfocus()
	pressMenu(t, u, key(fyne.KeyF, ctrl))
	if u.win.Canvas().Focused() != search {
		t.Error("Ctrl+F did not focus the search box")
	}
	// Ctrl+Z with no text field: the agenda's undo.
	u.nav.Select(1)
	u.win.Canvas().Unfocus()
	s := u.sessions
	before := s.session().Blocks[0].Title
	s.current = 0
	s.onRemoveBlock()
	pressMenu(t, u, &fyne.ShortcutUndo{})
	if got := s.session().Blocks[0].Title; got != before {
		t.Errorf("Ctrl+Z in Séances: first block %q, want %q", got, before)
	}
	// The live keys: Alt+P from a text field, Space with nothing focused.
	se := u.cohort.Sessions[0]
	clock = se.StartsAt
	l := u.openLive(se)
	u.win.Canvas().Focus(search)
	pressMenu(t, u, key(fyne.KeyP, alt))
	if !l.runner.Running() {
		t.Fatal("Alt+P from a text field did not start")
	}
	u.win.Canvas().Unfocus()
	u.onKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if l.runner.Running() || l.startBtn.Text != "Reprendre" {
		t.Errorf("Space did not pause (button %q)", l.startBtn.Text)
	}
	u.onKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if v := l.runner.View(clock); v.Index != 1 {
		t.Errorf("→: block %d", v.Index)
	}
	// In the participants' window, once the facilitator has clicked it:
	// the live keys, and the others acting on the facilitator's window.
	l.onShare()
	shared := l.shared.win.Canvas().(fyne.Shortcutable)
	shared.TypedShortcut(key(fyne.KeyRight, alt))
	if v := l.runner.View(clock); v.Index != 2 {
		t.Errorf("Alt+→ in the shared window: block %d", v.Index)
	}
	shared.TypedShortcut(key(fyne.KeyG, alt))
	if l.shared.view != shareGroups {
		t.Errorf("Alt+G in the shared window shows view %d", l.shared.view)
	}
	shared.TypedShortcut(key(fyne.Key3, ctrl))
	if u.current != areaStructures {
		t.Errorf("Ctrl+3 in the shared window: area %d", u.current)
	}
	shared.TypedShortcut(key(fyne.KeyQ, ctrl))
	if quits != 2 {
		t.Error("Ctrl+Q in the shared window did not quit")
	}
	// F1 lists the shortcuts.
	u.onKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if !strings.Contains(dialogText(u), "Ctrl+Q") {
		t.Errorf("F1 help says %q", dialogText(u))
	}
}

func TestTimeToldPlainly(t *testing.T) {
	u, _ := newTestUI(t)
	se := u.cohort.Sessions[3]
	clock = se.StartsAt
	l := u.openLive(se)
	l.onStartPause()
	clock = clock.Add(time.Duration(se.Blocks[0].Minutes+1) * time.Minute)
	l.refresh()
	if l.drift.Text != "1\u00a0min de retard" || l.drift.Importance != widget.WarningImportance {
		t.Errorf("one minute behind: %q in %v", l.drift.Text, l.drift.Importance)
	}
	l.addMinutes(1)
	if !strings.Contains(l.end.Text, "après l’horaire") || l.end.Importance == widget.SuccessImportance {
		t.Errorf("after +1 min: %q", l.end.Text)
	}
	l.onShare()
	l.onStartPause() // pause
	if l.state.Text == "" || !strings.Contains(l.state.Text, "En pause") || l.shared.paused.Text != "En pause" || l.countdown.Color != pausedColor() {
		t.Errorf("paused: %q / %q", l.state.Text, l.shared.paused.Text)
	}
}

func TestResumeOfferedAfterAnInterruption(t *testing.T) {
	u, st := newTestUI(t)
	se := u.cohort.Sessions[3]
	r := live.New(se.Blocks, se.StartsAt)
	r.SetSession(se.ID)
	r.Start(se.StartsAt)
	r.Next(se.StartsAt.Add(10 * time.Minute))
	r.Next(se.StartsAt.Add(20 * time.Minute))
	state, err := live.MarshalState(r.State())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveLiveState(context.Background(), se.ID, state); err != nil {
		t.Fatal(err)
	}
	clock = se.StartsAt.Add(20*time.Minute + time.Duration(se.Blocks[2].Minutes-11)*time.Minute)
	u.offerResume()
	want := "Reprendre l’animation de la séance 4 (bloc 3, 11\u00a0min restantes)\u202f?"
	if got := dialogText(u); !strings.Contains(got, want) {
		t.Fatalf("offer %q, want %q", got, want)
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Reprendre")
	if u.live == nil || u.live.runner.View(clock).Index != 2 {
		t.Fatal("not resumed at block 3")
	}
	if u.sessions.session().ID != se.ID {
		t.Errorf("Séances shows session %d", u.sessions.session().Number)
	}
}

func TestLiveFitsASmallLaptop(t *testing.T) {
	u, _ := rosterUI(t)
	clock = u.cohort.Sessions[0].StartsAt
	l := u.openLive(u.cohort.Sessions[0])
	for _, notes := range []string{"closed", "open"} {
		if notes == "open" {
			l.toggleDetails() // the area then scrolls if it must
		}
		for i, a := range u.areas {
			u.nav.Select(i)
			if m := u.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
				t.Errorf("%s with the live panel, notes %s, needs %v", a.title, notes, m)
			}
		}
	}
	l.toggleDetails()
	if _, scrolls := u.split.Trailing.(*container.Scroll); scrolls {
		t.Error("the area still scrolls once the notes are closed")
	}
}
