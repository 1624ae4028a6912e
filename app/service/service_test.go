package service

import (
	"testing"

	"atelier/app/domain/course"
)

func TestTheAreaAndSessionShownLastAreRemembered(t *testing.T) {
	f := newFixture(t)
	if got := f.svc.CurrentArea(f.ctx); got != "" {
		t.Errorf("a new file remembers area %q", got)
	}
	if got := f.svc.CurrentSession(f.ctx, f.c); got != -1 {
		t.Errorf("a new file remembers session %d", got)
	}
	if err := f.svc.RememberArea(f.ctx, "bibliotheque"); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.RememberSession(f.ctx, f.c.Sessions[3].ID); err != nil {
		t.Fatal(err)
	}
	if got := f.svc.CurrentArea(f.ctx); got != "bibliotheque" {
		t.Errorf("area %q, want bibliotheque", got)
	}
	if got := f.svc.CurrentSession(f.ctx, f.c); got != 3 {
		t.Errorf("session %d, want 3", got)
	}
	// Another cohort's session is not this one's: the window keeps its own
	// choice there.
	if got := f.svc.CurrentSession(f.ctx, course.Cohort{Sessions: f.c.Sessions[:2]}); got != -1 {
		t.Errorf("a cohort without the session remembered gets %d", got)
	}
}
