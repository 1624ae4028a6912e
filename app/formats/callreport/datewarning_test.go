package callreport

import (
	"testing"
	"time"

	"atelier/app/kit/textfmt"
)

func TestDateWarning(t *testing.T) {
	loc, _ := time.LoadLocation("America/Toronto")
	start := time.Date(2026, 12, 16, 18, 30, 0, 0, loc)
	rep := &Report{Attendees: []Attendee{{FirstJoin: time.Date(2026, 12, 16, 18, 25, 0, 0, loc)}}}
	if w := DateWarning(rep, start); w != nil {
		t.Errorf("same day warned: %q", w)
	}
	rep.Attendees[0].FirstJoin = time.Date(2026, 11, 4, 18, 25, 0, 0, loc)
	w := DateWarning(rep, start)
	if w == nil {
		t.Fatal("another day not warned")
	}
	if want := "Attention\u00a0: ce rapport date du 4 novembre 2026, alors que la séance a lieu le 16 décembre 2026. Vérifiez le fichier et la séance choisie."; w.Error() != want {
		t.Errorf("warning %q, want %q", w.Error(), want)
	}
	if got := w.In(textfmt.French); got != w.Error() {
		t.Errorf("French %q differs from the command line's %q", got, w.Error())
	}
	if DateWarning(&Report{}, start) != nil || DateWarning(nil, start) != nil {
		t.Error("empty report warned")
	}
}
