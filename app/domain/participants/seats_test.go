package participants

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func day(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }

func TestWaitingListOrder(t *testing.T) {
	list := []Participant{
		{ID: 1, Name: "Awa", Status: Confirme, RegisteredAt: day(1)},
		// Registered first, but re-registered (queued) last: she waits last.
		{ID: 2, Name: "Bo", Status: Attente, RegisteredAt: day(1), QueuedAt: day(9)},
		{ID: 3, Name: "Cy", Status: Inscrit, RegisteredAt: day(2)},
		{ID: 4, Name: "Dé", Status: Attente, RegisteredAt: day(3), QueuedAt: day(3)},
		{ID: 5, Name: "Ed", Status: Desiste, RegisteredAt: day(1)},
		{ID: 6, Name: "Fa", Status: Attente},
		{ID: 7, Name: "Gi", Status: Attente, RegisteredAt: day(2), QueuedAt: day(3)},
		{ID: 8, Name: "Hé", Status: SansInscription, RegisteredAt: day(4)},
	}
	var names []string
	for _, p := range Waiting(list) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, " "); got != "Gi Dé Bo Fa" {
		t.Errorf("waiting order %q, want Gi Dé Bo Fa", got)
	}
	s := SeatsOf(list, 5)
	if s.Taken != 2 || s.Waiting != 4 || s.WalkIns != 1 || s.First == nil || s.First.Name != "Gi" {
		t.Errorf("seats %+v", s)
	}
	if s.Free() != 3 || s.OpenToNewcomers() != 0 || s.Over() != 0 {
		t.Errorf("free %d, open %d, over %d", s.Free(), s.OpenToNewcomers(), s.Over())
	}
}

func TestRegisterNeverGoesAheadOfSomeoneWaiting(t *testing.T) {
	for _, tt := range []struct {
		name                string
		limit, taken, waits int
		want                Status
	}{
		{"seat left, nobody waits", 10, 9, 0, Inscrit},
		{"full", 10, 10, 0, Attente},
		// A seat is free (someone withdrew), but it is owed to the person
		// waiting: the newcomer waits behind them.
		{"seat free but someone waits", 10, 9, 1, Attente},
		{"two free, one waits", 10, 8, 1, Inscrit},
		{"over the limit", 10, 12, 0, Attente},
	} {
		s := Seats{Limit: tt.limit, Taken: tt.taken, Waiting: tt.waits}
		p := s.Register(Participant{Name: "Nouvelle"}, day(20))
		if p.Status != tt.want {
			t.Errorf("%s: status %s, want %s", tt.name, p.Status, tt.want)
		}
		if (p.Status == Attente) != !p.QueuedAt.IsZero() {
			t.Errorf("%s: queued at %v", tt.name, p.QueuedAt)
		}
	}
	// One Seats places a whole file in turn.
	s := Seats{Limit: 3, Taken: 1}
	var got []Status
	for range 4 {
		got = append(got, s.Register(Participant{}, day(20)).Status)
	}
	if want := []Status{Inscrit, Inscrit, Attente, Attente}; !equal(got, want) {
		t.Errorf("file placed %v, want %v", got, want)
	}
}

func equal(a, b []Status) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSeat(t *testing.T) {
	first := Participant{ID: 4, Name: "Dé", Status: Attente}
	second := Participant{ID: 2, Name: "Bo", Status: Attente}
	walkIn := Participant{ID: 8, Name: "Hé", Status: SansInscription}
	gone := Participant{ID: 5, Name: "Ed", Status: Desiste}
	for _, tt := range []struct {
		name   string
		seats  Seats
		p      Participant
		ok     bool
		saying string
	}{
		{"first waiting, seat free", Seats{Limit: 10, Taken: 9, Waiting: 2, First: &first}, first, true, ""},
		{"second waiting", Seats{Limit: 10, Taken: 9, Waiting: 2, First: &first}, second, false, "Dé est en tête de la liste d’attente"},
		{"walk-in while someone waits", Seats{Limit: 10, Taken: 9, Waiting: 1, First: &first}, walkIn, false, "la place libre lui revient d’abord"},
		{"walk-in, seat open", Seats{Limit: 10, Taken: 9}, walkIn, true, ""},
		{"re-registration, full", Seats{Limit: 10, Taken: 10}, gone, false, "Les 10 places sont prises\u00a0: Ed ne peut pas avoir de place maintenant. Vous pouvez l’inscrire en liste d’attente"},
		{"re-registration, one seat", Seats{Limit: 1, Taken: 1}, gone, false, "La seule place de la cohorte est prise"},
		{"re-registration, seat open", Seats{Limit: 10, Taken: 3}, gone, true, ""},
		{"waiting, full", Seats{Limit: 10, Taken: 10, Waiting: 2, First: &first}, first, false, "attendre un désistement"},
	} {
		p, err := tt.seats.Seat(tt.p)
		if tt.ok {
			if err != nil || p.Status != Inscrit {
				t.Errorf("%s: %v, status %s", tt.name, err, p.Status)
			}
			continue
		}
		if !errors.Is(err, ErrNoSeat) || !strings.Contains(err.Error(), tt.saying) {
			t.Errorf("%s: error %v, want ErrNoSeat saying %q", tt.name, err, tt.saying)
		}
		if p.Status != tt.p.Status {
			t.Errorf("%s: status changed to %s on refusal", tt.name, p.Status)
		}
	}
}

func TestQueueGoesLastEvenInTheSameInstant(t *testing.T) {
	list := []Participant{
		{ID: 1, Name: "Awa", Status: Attente, RegisteredAt: day(1), QueuedAt: day(20)},
		{ID: 2, Name: "Bo", Status: Desiste, RegisteredAt: day(1)},
		{ID: 3, Name: "Cy", Status: SansInscription, RegisteredAt: day(2)},
	}
	s := SeatsOf(list, 5)
	bo := s.Queue(list[1], day(20)) // the same instant as Awa
	cy := s.Queue(list[2], day(20))
	if bo.Status != Attente || !bo.QueuedAt.After(day(20)) || !cy.QueuedAt.After(bo.QueuedAt) || !bo.RegisteredAt.Equal(day(1)) {
		t.Errorf("queued %+v then %+v", bo, cy)
	}
	if s.Waiting != 3 || s.WalkIns != 0 || s.First.Name != "Awa" {
		t.Errorf("seats after %+v", s)
	}
	list[1], list[2] = bo, cy
	var names []string
	for _, p := range Waiting(list) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, " "); got != "Awa Bo Cy" {
		t.Errorf("order %q", got)
	}
	// An empty list: the first person queued is first.
	var empty Seats
	if p := empty.Queue(Participant{ID: 9, Name: "Ed"}, day(3)); !p.QueuedAt.Equal(day(3)) || empty.First == nil || empty.First.ID != 9 {
		t.Errorf("first queued %+v, %+v", p, empty.First)
	}
}

func TestLastSeated(t *testing.T) {
	list := []Participant{
		{ID: 1, Name: "Awa", Status: Confirme, RegisteredAt: day(9)},
		{ID: 2, Name: "Bo", Status: Inscrit, RegisteredAt: day(2)},
		{ID: 3, Name: "Cy", Status: Inscrit, RegisteredAt: day(5)},
		{ID: 4, Name: "Dé", Status: Confirme, RegisteredAt: day(3)},
		{ID: 5, Name: "Ed", Status: Attente, RegisteredAt: day(10)},
	}
	var names []string
	for _, p := range LastSeated(list, 3) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, " "); got != "Cy Bo Awa" {
		t.Errorf("last seated %q, want Cy Bo Awa", got)
	}
	if len(LastSeated(list, 0)) != 0 || len(LastSeated(list, 9)) != 4 {
		t.Error("bounds")
	}
}
