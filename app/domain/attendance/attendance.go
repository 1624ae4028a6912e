// Package attendance holds the rules of who came: which sessions have been
// held, who is expected at a session, and what each rate counts. The
// screens, the workbook (its cached values and its formulas), the
// certificates and the command line all take their figures from here.
//
//   - A session is held once its start has passed or anyone is marked at it.
//   - The people expected at a session are those holding a seat
//     (inscrit·e or confirmé·e); the waiting list, withdrawals and people
//     who came without registering are never expected.
//   - A session's rate is the expected people marked présent·e or en
//     retard, over the expected; others who came are counted beside it.
//   - A person's rate is the sessions they attended over the sessions held.
//   - The cohort's rate is, over the held sessions, the expected people who
//     came over the expected: the mean of the seat holders' rates.
package attendance

import (
	"slices"
	"time"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
)

// Rate is a count over what it could have been. Its Possible is 0 when
// there is nothing to count yet (no session held, nobody expected).
type Rate struct {
	Attended, Possible int
}

// Ratio is Attended/Possible, and false when Possible is 0.
func (r Rate) Ratio() (float64, bool) {
	if r.Possible == 0 {
		return 0, false
	}
	return float64(r.Attended) / float64(r.Possible), true
}

// IsHeld reports whether session s has been held at now: its start has
// passed, or someone is marked at it (marked).
func IsHeld(s course.Session, marked bool, now time.Time) bool {
	return marked || (!s.StartsAt.IsZero() && !now.Before(s.StartsAt))
}

// Expected reports whether p is expected at the sessions: p holds a seat.
func Expected(p participants.Participant) bool { return p.Status.HoldsSeat() }

// Session is one session's figures.
type Session struct {
	ID     int64
	Number int
	Held   bool
	// Expected counts the people holding a seat; the marks below count
	// among them only.
	Expected        int
	Present, Late   int
	Absent, Excused int
	Unmarked        int
	// Others counts the people marked présent·e or en retard who hold no
	// seat: people who came without registering, from the waiting list or
	// after withdrawing.
	Others int
}

// Came is the expected people marked présent·e or en retard.
func (s Session) Came() int { return s.Present + s.Late }

// Here is everyone marked présent·e or en retard, expected or not.
func (s Session) Here() int { return s.Came() + s.Others }

// Rate is Came over Expected, once the session is held.
func (s Session) Rate() Rate {
	if !s.Held {
		return Rate{}
	}
	return Rate{Attended: s.Came(), Possible: s.Expected}
}

// TallySession counts one session from the people of the cohort and the
// session's marks (marks of other sessions are ignored).
func TallySession(s course.Session, people []participants.Participant, marks []participants.Attendance, now time.Time) Session {
	byPerson := make(map[int64]participants.Mark, len(marks))
	for _, m := range marks {
		if m.SessionID == s.ID {
			byPerson[m.ParticipantID] = m.Mark
		}
	}
	return tally(s, people, byPerson, now)
}

func tally(s course.Session, people []participants.Participant, marks map[int64]participants.Mark, now time.Time) Session {
	t := Session{ID: s.ID, Number: s.Number}
	marked := false
	for _, p := range people {
		m, ok := marks[p.ID]
		marked = marked || ok
		if !Expected(p) {
			if ok && m.Attended() {
				t.Others++
			}
			continue
		}
		t.Expected++
		switch {
		case !ok:
			t.Unmarked++
		case m == participants.Present:
			t.Present++
		case m == participants.Retard:
			t.Late++
		case m == participants.Absent:
			t.Absent++
		case m == participants.Excuse:
			t.Excused++
		}
	}
	t.Held = IsHeld(s, marked, now)
	return t
}

// Person is one person's figures.
type Person struct {
	Attended int     // sessions marked présent·e or en retard
	Sessions []int64 // the ids of those sessions, in session order
	Rate     Rate    // Attended over the sessions held
}

// Report is a cohort's figures.
type Report struct {
	Sessions []Session // in session order
	Held     int       // sessions held
	Expected int       // people holding a seat
	People   map[int64]Person
	Cohort   Rate
}

// Tally counts a cohort: c's sessions, its people and all their marks, at
// now (which decides what is held).
func Tally(c course.Cohort, people []participants.Participant, marks []participants.Attendance, now time.Time) Report {
	bySession := make(map[int64]map[int64]participants.Mark, len(c.Sessions))
	order := make(map[int64]int, len(c.Sessions))
	for i, s := range c.Sessions {
		bySession[s.ID] = map[int64]participants.Mark{}
		order[s.ID] = i
	}
	r := Report{People: make(map[int64]Person, len(people))}
	known := make(map[int64]bool, len(people))
	for _, p := range people {
		known[p.ID] = true
		if Expected(p) {
			r.Expected++
		}
	}
	for _, m := range marks {
		if ms, ok := bySession[m.SessionID]; ok && known[m.ParticipantID] && m.Mark.Valid() {
			ms[m.ParticipantID] = m.Mark
		}
	}
	for _, s := range c.Sessions {
		t := tally(s, people, bySession[s.ID], now)
		r.Sessions = append(r.Sessions, t)
		if t.Held {
			r.Held++
			r.Cohort.Attended += t.Came()
			r.Cohort.Possible += t.Expected
		}
	}
	for _, p := range people {
		var pr Person
		for _, s := range c.Sessions {
			if m, ok := bySession[s.ID][p.ID]; ok && m.Attended() {
				pr.Attended++
				pr.Sessions = append(pr.Sessions, s.ID)
			}
		}
		pr.Rate = Rate{Attended: pr.Attended, Possible: r.Held}
		r.People[p.ID] = pr
	}
	return r
}

// HeldCount is how many of c's sessions are held at now, given which
// sessions have any mark (by id): what a person's rate is over, read
// without loading every mark.
func HeldCount(c course.Cohort, marked map[int64]bool, now time.Time) int {
	n := 0
	for _, s := range c.Sessions {
		if IsHeld(s, marked[s.ID], now) {
			n++
		}
	}
	return n
}

// Rest is the people expected at a session who have no mark at it, in
// French alphabetical order: those « Marquer les autres absent·e·s » marks.
// marks are the session's.
func Rest(people []participants.Participant, marks []participants.Attendance) []participants.Participant {
	has := make(map[int64]bool, len(marks))
	for _, m := range marks {
		has[m.ParticipantID] = true
	}
	var rest []participants.Participant
	for _, p := range people {
		if Expected(p) && !has[p.ID] {
			rest = append(rest, p)
		}
	}
	participants.SortByName(rest)
	return rest
}

// Qualified is the people with at least minimum sessions attended, in
// French alphabetical order: those who receive a certificate.
func Qualified(r Report, people []participants.Participant, minimum int) []participants.Participant {
	var out []participants.Participant
	for _, p := range people {
		if pr := r.People[p.ID]; pr.Attended >= max(minimum, 1) {
			out = append(out, p)
		}
	}
	participants.SortByName(out)
	return slices.Clip(out)
}

// Percent is the rate as « 27 % » in language l (rounded as a spreadsheet
// rounds a percentage), or « — » when there is nothing to count yet.
func (r Rate) Percent(l textfmt.Lang) string {
	f, ok := r.Ratio()
	if !ok {
		return "—"
	}
	return l.Percent(f)
}
