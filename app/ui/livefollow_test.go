package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"atelier/app/domain/live"
	"atelier/app/service"
	"atelier/app/store"
	"atelier/workshops"
)

// colleague opens a second window, as another facilitator, on a second
// Store of the same database.
func colleague(t *testing.T, u *UI, st *store.Store, who string) *UI {
	t.Helper()
	svc := service.New(other(t, st), workshops.MustPlans(), testNow)
	opts := u.opts
	opts.Who = who
	u2 := New(u.app, svc, opts)
	u2.me = instance{id: who + "#2", name: who} // one test process: another id by hand
	u2.start()
	return u2
}

func TestTheTeamFollowsOneClock(t *testing.T) {
	u, st := newTestUI(t)
	u.me = instance{id: "Camille#1", name: "Camille Roy"}
	noe := colleague(t, u, st, "Noé Tremblay")
	se := u.cohort.Sessions[2]
	clock = se.StartsAt
	camille := u.openLive(se)
	camille.onStartPause()
	clock = clock.Add(3 * time.Minute)

	follower := noe.openLive(se)
	if !follower.following || !follower.driverBar.Visible() || !strings.Contains(follower.driverLine.Text, "Camille Roy") {
		t.Fatalf("Noé's panel: following %v, line %q", follower.following, follower.driverLine.Text)
	}
	if camille.driverBar.Visible() {
		t.Error("the driver is told someone drives")
	}
	camille.refresh()
	if follower.countdown.Text != camille.countdown.Text {
		t.Errorf("countdowns %q and %q", follower.countdown.Text, camille.countdown.Text)
	}
	if !follower.startBtn.Disabled() {
		t.Error("a follower's clock controls are on")
	}

	// Camille moves on: Noé's panel follows when told of the change.
	camille.act(camille.runner.Next)
	noe.onChange(store.Change{Tables: []string{"live_states"}})
	follower = noe.live
	if !strings.HasPrefix(follower.block.Text, "2/") || follower.countdown.Text != camille.countdown.Text {
		t.Errorf("after Camille's « suivant »: Noé shows %q %q, Camille %q %q", follower.block.Text, follower.countdown.Text, camille.block.Text, camille.countdown.Text)
	}

	// A key pressed on the follower moves nobody's clock.
	before, _ := st.LiveState(context.Background(), se.ID)
	follower.key(&fyne.KeyEvent{Name: fyne.KeySpace})
	follower.key(&fyne.KeyEvent{Name: fyne.KeyRight})
	if after, _ := st.LiveState(context.Background(), se.ID); after != before {
		t.Error("a follower's keys changed the shared clock")
	}

	// Noé takes over; Camille's panel follows Noé from then on.
	follower.takeOver()
	if follower.following || follower.startBtn.Disabled() {
		t.Error("Noé took over but still follows")
	}
	saved, _ := st.LiveState(context.Background(), se.ID)
	if s, _ := live.UnmarshalState(saved); s.DriverID != "Noé Tremblay#2" {
		t.Errorf("saved driver %q", s.DriverID)
	}
	u.onChange(store.Change{All: true})
	if !camille.following || !strings.Contains(camille.driverLine.Text, "Noé Tremblay") {
		t.Errorf("Camille's panel after Noé took over: following %v, %q", camille.following, camille.driverLine.Text)
	}
	follower.onStartPause() // Noé pauses; Camille sees the pause
	u.onChange(store.Change{Tables: []string{"live_states"}})
	if u.live.runner.Running() {
		t.Error("Camille's clock still runs after Noé paused")
	}
}
