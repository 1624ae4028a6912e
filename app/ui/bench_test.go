package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"atelier/app/course"

	"atelier/app/i18n"
	"atelier/app/store"
	"atelier/workshops"
)

// BenchmarkNewWindow builds the whole main window on a database holding the
// first cohort: what start-up costs on top of Fyne's own.
func BenchmarkNewWindow(b *testing.B) {
	a, st, plans := benchSetup(b)
	for b.Loop() {
		u := New(a, st, Options{Plans: plans, Language: "fr"})
		u.start()
		u.win.Close()
	}
}

// BenchmarkLiveRefresh is one tick of live mode: the view computed from the
// clock and drawn into both windows' widgets.
func BenchmarkLiveRefresh(b *testing.B) {
	a, st, plans := benchSetup(b)
	t := now
	u := New(a, st, Options{Plans: plans, Language: "fr", Now: func() time.Time { return t }, StillClock: true})
	u.start()
	l := u.openLive(u.cohort.Sessions[3])
	l.onStartPause()
	l.onShare()
	for b.Loop() {
		t = t.Add(250 * time.Millisecond)
		l.refresh()
	}
}

// benchSetup opens a test app on a database holding the first cohort.
func benchSetup(b *testing.B) (fyne.App, *store.Store, []course.Plan) {
	b.Helper()
	if err := i18n.Apply("fr"); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "atelier.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	plans := workshops.MustPlans()
	if _, err := st.EnsureFirstCohort(context.Background(), plans, now); err != nil {
		b.Fatal(err)
	}
	return a, st, plans
}
