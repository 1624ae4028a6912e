package callreport

import (
	"strings"
	"testing"
	"time"
)

func TestDateWarning(t *testing.T) {
	loc, _ := time.LoadLocation("America/Toronto")
	start := time.Date(2026, 12, 16, 18, 30, 0, 0, loc)
	rep := &Report{Attendees: []Attendee{{FirstJoin: time.Date(2026, 12, 16, 18, 25, 0, 0, loc)}}}
	if w := DateWarning(rep, start); w != "" {
		t.Errorf("same day warned: %q", w)
	}
	rep.Attendees[0].FirstJoin = time.Date(2026, 11, 4, 18, 25, 0, 0, loc)
	if w := DateWarning(rep, start); !strings.Contains(w, "4 novembre 2026") || !strings.Contains(w, "16 décembre 2026") {
		t.Errorf("warning %q", w)
	}
	if DateWarning(&Report{}, start) != "" || DateWarning(nil, start) != "" {
		t.Error("empty report warned")
	}
}
