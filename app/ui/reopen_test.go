package ui

import (
	"testing"
)

// A restart opens where the person left: the area and the session they
// picked, on the cohort they had (remembered in the database).
func TestRestartOpensWhereThePersonLeft(t *testing.T) {
	for _, tt := range []struct {
		name string
		area int
	}{
		{"participants", areaPeople},
		{"seances", areaSessions},
		{"structures", areaStructures},
		{"bibliotheque", areaLibrary},
		{"exports", areaExports},
	} {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			u.nav.Select(areaSessions)
			u.sessions.list.Select(3)
			u.nav.Select(tt.area)

			u2 := New(u.app, u.svc, u.opts)
			u2.start()
			if u2.current != tt.area {
				t.Fatalf("restart opens area %d, want %d", u2.current, tt.area)
			}
			if got := u2.content.Objects[0]; got != u2.areaRoot(tt.area) {
				t.Errorf("area %d selected, but another is on view", tt.area)
			}
			if u2.sessions.selected != 3 || u2.sessions.list.Length() != 5 {
				t.Errorf("Séances shows session index %d, want 3", u2.sessions.selected)
			}
			if u2.cohort.ID != u.cohort.ID {
				t.Errorf("restart on cohort %d, want %d", u2.cohort.ID, u.cohort.ID)
			}
		})
	}
}

// areaRoot is what area id puts on view once built.
func (u *UI) areaRoot(id int) any {
	switch id {
	case areaPeople:
		return u.people
	case areaSessions:
		return u.sessions.root
	case areaStructures:
		return u.structures.root
	case areaLibrary:
		return u.library.root
	}
	return u.content.Objects[0] // the exports screen is built anew each time
}
