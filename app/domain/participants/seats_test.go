package participants

import (
	"testing"
	"time"
)

func TestSeatsAndWaitingList(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	list := []Participant{
		{ID: 1, Name: "Awa", Status: Confirme, RegisteredAt: day(1)},
		{ID: 2, Name: "Bo", Status: Attente, RegisteredAt: day(5)},
		{ID: 3, Name: "Cy", Status: Inscrit, RegisteredAt: day(2)},
		{ID: 4, Name: "Dé", Status: Attente, RegisteredAt: day(3)},
		{ID: 5, Name: "Ed", Status: Desiste, RegisteredAt: day(1)},
		{ID: 6, Name: "Fa", Status: Attente},
	}
	if n := SeatsTaken(list); n != 2 {
		t.Errorf("seats taken %d, want 2", n)
	}
	if s := StatusForNew(list, 3); s != Inscrit {
		t.Errorf("with a seat left: %s", s)
	}
	if s := StatusForNew(list, 2); s != Attente {
		t.Errorf("full: %s", s)
	}
	w := Waiting(list)
	if len(w) != 3 || w[0].Name != "Dé" || w[1].Name != "Bo" || w[2].Name != "Fa" {
		t.Errorf("waiting order %v", w)
	}
	if p, ok := FirstWaiting(list); !ok || p.ID != 4 {
		t.Errorf("first waiting %v %v", p, ok)
	}
	if _, ok := FirstWaiting(list[:1]); ok {
		t.Error("nobody waits")
	}
}
