package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The dialog offers two ways, each with its own number box (only the
// chosen one's on), and opens again on the way and number last used.
func TestBreakoutRemembersTheWayChosen(t *testing.T) {
	u, st := rosterUI(t)
	ctx := context.Background()
	se := u.cohort.Sessions[1]
	if err := st.SetAttendance(ctx, allPresent(t, u, st, se)); err != nil {
		t.Fatal(err)
	}
	b := u.openBreakouts(se)
	if b.counting() || b.size.Disabled() || !b.count.Disabled() || b.size.Text != "4" {
		t.Fatalf("at first: by count %v, size box off %v (%q), count box off %v", b.counting(), b.size.Disabled(), b.size.Text, b.count.Disabled())
	}
	tapRadio(t, b.byCount) // the option « Répartir en »
	if !b.counting() || b.bySize.Selected != "" || !b.size.Disabled() || b.count.Disabled() {
		t.Fatalf("after choosing the count: by size %q, size box off %v, count box off %v", b.bySize.Selected, b.size.Disabled(), b.count.Disabled())
	}
	b.count.SetText("2")
	b.onSplit()
	if len(b.groups) != 2 || countMembers(b.groups) != 5 {
		t.Fatalf("groups %v", b.groups)
	}
	b.dialog.Hide()

	again := u.openBreakouts(se)
	if !again.counting() || again.count.Text != "2" || again.count.Disabled() || !again.size.Disabled() || again.size.Text != "4" {
		t.Fatalf("reopened: by count %v, count %q (off %v), size %q (off %v)", again.counting(), again.count.Text, again.count.Disabled(), again.size.Text, again.size.Disabled())
	}
	// Back to groups of a size: its own number is kept beside the count's.
	tapRadio(t, again.bySize)
	again.size.SetText("3")
	again.onSplit()
	again.dialog.Hide()
	if p := u.prefs().Breakout; p.ByCount || p.Size != 3 || p.Groups != 2 {
		t.Errorf("kept %+v", p)
	}
	third := u.openBreakouts(se)
	if third.counting() || third.size.Text != "3" || third.count.Text != "2" {
		t.Errorf("third opening: by count %v, size %q, count %q", third.counting(), third.size.Text, third.count.Text)
	}
}

// tapRadio taps the first option of r, as a click on it does.
func tapRadio(t *testing.T, r *widget.RadioGroup) {
	t.Helper()
	for _, o := range test.WidgetRenderer(r).Objects() {
		if item, ok := o.(fyne.Tappable); ok {
			test.Tap(item)
			return
		}
	}
	t.Fatal("no option to tap")
}
