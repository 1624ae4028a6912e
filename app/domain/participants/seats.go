package participants

import (
	"sort"
)

// SeatsTaken counts the people who hold a seat (inscrit·e or confirmé·e).
func SeatsTaken(list []Participant) int {
	n := 0
	for _, p := range list {
		if p.Status.HoldsSeat() {
			n++
		}
	}
	return n
}

// StatusForNew is what a new registration gets: a seat while some remain,
// else the waiting list.
func StatusForNew(list []Participant, seatLimit int) Status {
	if SeatsTaken(list) < seatLimit {
		return Inscrit
	}
	return Attente
}

// Waiting lists the people on the waiting list, first registered first.
func Waiting(list []Participant) []Participant {
	var w []Participant
	for _, p := range list {
		if p.Status == Attente {
			w = append(w, p)
		}
	}
	sort.SliceStable(w, func(i, j int) bool { return registeredBefore(w[i], w[j]) })
	return w
}

// FirstWaiting is the person waiting longest, to whom a freed seat is offered.
func FirstWaiting(list []Participant) (Participant, bool) {
	w := Waiting(list)
	if len(w) == 0 {
		return Participant{}, false
	}
	return w[0], true
}

// registeredBefore orders by registration time; a missing time comes last,
// and equal times keep the order of entry (the id).
func registeredBefore(a, b Participant) bool {
	switch {
	case a.RegisteredAt.IsZero() != b.RegisteredAt.IsZero():
		return b.RegisteredAt.IsZero()
	case !a.RegisteredAt.Equal(b.RegisteredAt):
		return a.RegisteredAt.Before(b.RegisteredAt)
	}
	return a.ID < b.ID
}
