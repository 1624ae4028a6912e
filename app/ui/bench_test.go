package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"atelier/app/i18n"
	"atelier/app/store"
	"atelier/workshops"
)

// BenchmarkNewWindow builds the whole main window on a database holding the
// first cohort: what start-up costs on top of Fyne's own.
func BenchmarkNewWindow(b *testing.B) {
	if err := i18n.Apply("fr"); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "atelier.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	plans := workshops.MustPlans()
	if _, err := st.EnsureFirstCohort(context.Background(), plans, now); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		u := New(a, st, Options{Plans: plans, Language: "fr"})
		u.start()
		u.win.Close()
	}
}
