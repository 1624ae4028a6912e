package participants

import (
	"slices"
	"time"

	"atelier/app/kit/usererr"
)

// ErrNoSeat is the kind of every refusal to give someone a seat: none is
// free, or the free one is owed to someone who waits.
var ErrNoSeat = usererr.New("Il n’y a pas de place libre pour cette personne.")

// Seats is how a cohort's seats stand. It holds the one seat rule that
// every path follows (import, hand entry, walk-in, re-registration, a seat
// offered): people holding a seat are inscrit·e or confirmé·e; a seat that
// frees up belongs to the person who has waited longest; nobody goes ahead
// of a person waiting.
type Seats struct {
	Limit   int
	Taken   int // inscrit·e or confirmé·e
	Waiting int // on the waiting list
	WalkIns int // came without registering: no seat, not waiting
	// First is the person who has waited longest, when anyone waits.
	First *Participant
	// last is the latest place taken in the waiting list: whoever joins
	// it next comes after.
	last time.Time
}

// SeatsOf counts the seats of a cohort of list with limit seats.
func SeatsOf(list []Participant, limit int) Seats {
	counts := map[Status]int{}
	var waiting []Participant
	for _, p := range list {
		counts[p.Status]++
		if p.Status == Attente {
			waiting = append(waiting, p)
		}
	}
	return NewSeats(limit, counts, waiting)
}

// NewSeats is the seats of a cohort with limit seats, counts people of
// each status, waiting of whom are on the waiting list (a store reads
// these without loading the whole cohort).
func NewSeats(limit int, counts map[Status]int, waiting []Participant) Seats {
	s := Seats{Limit: limit}
	for st, n := range counts {
		s.Count(st, n)
	}
	if w := Waiting(waiting); len(w) > 0 {
		s.First = &w[0]
		s.last = w[len(w)-1].QueuedAt
	}
	return s
}

// Count adds n people of status st.
func (s *Seats) Count(st Status, n int) {
	switch {
	case st.HoldsSeat():
		s.Taken += n
	case st == Attente:
		s.Waiting += n
	case st == SansInscription:
		s.WalkIns += n
	}
}

// Free is the number of seats nobody holds.
func (s Seats) Free() int { return max(s.Limit-s.Taken, 0) }

// OpenToNewcomers is the number of free seats no one waiting has a claim
// on: what a new registration may take.
func (s Seats) OpenToNewcomers() int { return max(s.Limit-s.Taken-s.Waiting, 0) }

// Over is how many more seats are held than the cohort has (after its
// number of seats was lowered, say); 0 normally.
func (s Seats) Over() int { return max(s.Taken-s.Limit, 0) }

// Register places a newcomer registered at now: a seat while one is open
// to newcomers, else the end of the waiting list. It keeps the counts
// up to date, so one Seats can place a whole file in order.
func (s *Seats) Register(p Participant, now time.Time) Participant {
	if s.OpenToNewcomers() > 0 {
		p.Status = Inscrit
		s.Count(p.Status, 1)
		return p
	}
	return s.Queue(p, now)
}

// Seat gives p a seat: someone on the waiting list, someone who came
// without registering, or someone who withdrew and registers again. A seat
// must be free, and the person must be the first waiting, or nobody may be
// waiting. The error, of kind ErrNoSeat, says why not and what to do.
func (s Seats) Seat(p Participant) (Participant, error) {
	switch {
	case p.Status.HoldsSeat():
		return p, nil
	case s.Free() == 0:
		what := usererr.Phrase("l’inscrire en liste d’attente")
		if p.Status == Attente {
			what = usererr.Phrase("attendre un désistement")
		}
		return p, usererr.New("%s\u00a0: %s ne peut pas avoir de place maintenant. "+
			"Vous pouvez %s, ou augmenter le nombre de places de la cohorte (Modifier).",
			allTaken(s.Limit), p.Name, what).Of(ErrNoSeat)
	case s.Waiting > 0 && (s.First == nil || s.First.ID != p.ID):
		var first any = usererr.Phrase("Une autre personne")
		if s.First != nil {
			first = s.First.Name
		}
		return p, usererr.New("%s est en tête de la liste d’attente\u00a0: la place libre lui revient d’abord. "+
			"Offrez-la-lui, ou enregistrez son désistement\u202f; %s peut s’inscrire en liste d’attente.", first, p.Name).Of(ErrNoSeat)
	}
	p.Status = Inscrit
	return p, nil
}

// Queue puts p at the end of the waiting list, from now: after everyone
// already in it, even someone queued in the same instant.
func (s *Seats) Queue(p Participant, now time.Time) Participant {
	at := now
	if !s.last.IsZero() && !at.After(s.last) {
		at = s.last.Add(time.Nanosecond)
	}
	if p.Status != Attente {
		s.Count(p.Status, -1)
		s.Count(Attente, 1)
	}
	p.Status, p.QueuedAt = Attente, at
	s.last = at
	if s.First == nil {
		q := p
		s.First = &q
	}
	return p
}

// Waiting lists the people on the waiting list in the order they are
// served: first queued first; equal times keep registration order, then
// the order of entry (the id).
func Waiting(list []Participant) []Participant {
	var w []Participant
	for _, p := range list {
		if p.Status == Attente {
			w = append(w, p)
		}
	}
	slices.SortStableFunc(w, compareQueue)
	return w
}

// compareQueue orders two people waiting; a missing time comes last.
func compareQueue(a, b Participant) int {
	if c := compareTimes(a.QueuedAt, b.QueuedAt); c != 0 {
		return c
	}
	if c := compareTimes(a.RegisteredAt, b.RegisteredAt); c != 0 {
		return c
	}
	return int(a.ID - b.ID)
}

func compareTimes(a, b time.Time) int {
	switch {
	case a.IsZero() != b.IsZero():
		if a.IsZero() {
			return 1
		}
		return -1
	}
	return a.Compare(b)
}

// allTaken is « Les 10 places sont prises », or « La place est prise ».
func allTaken(limit int) usererr.Localized {
	return usererr.Plural(limit, "La seule place de la cohorte est prise", "Les %s places sont prises")
}

// LastSeated is who gives up a seat first when a cohort has n seats too
// many (its number of seats lowered below the seats taken): among the
// people holding a seat, the unconfirmed before the confirmed, each the
// most recently registered first.
func LastSeated(list []Participant, n int) []Participant {
	var held []Participant
	for _, p := range list {
		if p.Status.HoldsSeat() {
			held = append(held, p)
		}
	}
	slices.SortStableFunc(held, func(a, b Participant) int {
		if (a.Status == Confirme) != (b.Status == Confirme) {
			if a.Status == Inscrit {
				return -1
			}
			return 1
		}
		return -compareQueue(Participant{RegisteredAt: a.RegisteredAt, ID: a.ID}, Participant{RegisteredAt: b.RegisteredAt, ID: b.ID})
	})
	return held[:min(max(n, 0), len(held))]
}
