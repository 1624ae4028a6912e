package course

import (
	"fmt"
	"strings"
	"time"

	"atelier/app/domain/agenda"
	"atelier/app/kit/usererr"
)

// DefaultTimeZone is where the course is run.
const DefaultTimeZone = "America/Toronto"

// DefaultSeatLimit is the number of seats of a new cohort.
const DefaultSeatLimit = 25

// DefaultCertificateMin is how many sessions a person of a new cohort must
// attend to receive a certificate of participation.
const DefaultCertificateMin = 4

// Session is one dated session of a cohort, with its own copy of the agenda
// so that a cohort can adapt it without touching the curriculum.
type Session struct {
	ID       int64
	Number   int
	Title    string
	StartsAt time.Time // in the cohort's time zone
	Blocks   []agenda.Block
}

// Minutes is the planned length of the session's agenda.
func (s Session) Minutes() int { return agenda.Total(s.Blocks) }

// End is when the session ends as its agenda is laid out: fixed start
// times, gaps and overruns included.
func (s Session) End() time.Time { return agenda.Layout(s.StartsAt, s.Blocks).End }

// Slots places the session's blocks in time from its start.
func (s Session) Slots() []agenda.Slot { return agenda.Schedule(s.StartsAt, s.Blocks) }

// Cohort is one run of the course for one group of participants.
type Cohort struct {
	ID        int64
	Name      string
	TimeZone  string // IANA name, e.g. America/Toronto
	SeatLimit int
	// CertificateMin is the number of sessions attended that earns a
	// certificate of participation.
	CertificateMin int
	Facilitators   []string
	CreatedAt      time.Time
	Sessions       []Session
	// Version is the row version read with the cohort's settings: a save
	// made from an older one is refused (another person saved since).
	Version int64
}

// Summary is what a cohort picker needs to show.
type Summary struct {
	ID        int64
	Name      string
	FirstDate time.Time
}

// Location loads the cohort's time zone, falling back to UTC when the name
// is unknown to this machine.
func (c Cohort) Location() *time.Location {
	if loc, err := time.LoadLocation(c.TimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// Validate checks what a person can get wrong when creating a cohort.
func (c Cohort) Validate() error {
	var l usererr.List
	l.Add(strings.TrimSpace(c.Name) == "", "Le nom de la cohorte est obligatoire.")
	_, err := time.LoadLocation(c.TimeZone)
	l.Add(c.TimeZone == "" || err != nil, "Le fuseau horaire « %s » est inconnu.", c.TimeZone)
	l.Add(c.SeatLimit < 1, "Le nombre de places doit être d’au moins 1.")
	l.Add(c.SeatLimit > 10000, "Le nombre de places ne peut dépasser 10\u00a0000.")
	l.Add(c.CertificateMin < 1 || c.CertificateMin > SessionCount,
		"Le minimum de séances pour une attestation doit aller de 1 à %d.", SessionCount)
	l.Add(len(c.Sessions) != SessionCount, "Une cohorte compte %d séances, pas %d.", SessionCount, len(c.Sessions))
	for i, s := range c.Sessions {
		l.Add(s.Number != i+1, "La séance en position %d porte le numéro %d.", i+1, s.Number)
		l.Add(i > 0 && !s.StartsAt.After(c.Sessions[i-1].StartsAt),
			"La séance %d doit avoir lieu après la séance %d.", s.Number, s.Number-1)
		for _, b := range s.Blocks {
			if err := b.Validate(); err != nil {
				l = append(l, usererr.New("Séance %d : %s", s.Number, err))
			}
		}
	}
	for _, f := range c.Facilitators {
		l.Add(strings.TrimSpace(f) == "", "Le nom d’une personne animatrice est vide.")
	}
	return l.Err()
}

// NewCohort builds a cohort from the curriculum with its sessions on
// consecutive weeks, the first at first (a wall-clock time read in tz).
func NewCohort(name string, plans []Plan, first time.Time, tz string) (Cohort, error) {
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return Cohort{}, usererr.New("Le fuseau horaire «\u00a0%s\u00a0» est inconnu de cet ordinateur\u202f; choisissez-en un autre.", tz)
	}
	first = time.Date(first.Year(), first.Month(), first.Day(), first.Hour(), first.Minute(), 0, 0, loc)
	c := Cohort{Name: name, TimeZone: tz, SeatLimit: DefaultSeatLimit, CertificateMin: DefaultCertificateMin}
	for i, p := range plans {
		// AddDate keeps the wall-clock hour across a change to or from daylight saving time.
		start := first.AddDate(0, 0, 7*i)
		blocks := make([]agenda.Block, len(p.Blocks))
		copy(blocks, p.Blocks)
		for j := range blocks {
			blocks[j].ID = 0
		}
		c.Sessions = append(c.Sessions, Session{Number: p.Number, Title: p.Title, StartsAt: start, Blocks: blocks})
	}
	return c, c.Validate()
}

// NextStart proposes the first session of a new cohort: the next Wednesday
// at 18 h 30 in tz, at least a week after now.
func NextStart(now time.Time, tz string) time.Time {
	loc, err := time.LoadLocation(tz)
	if err != nil {
		loc = time.UTC
	}
	d := now.In(loc).AddDate(0, 0, 7)
	for d.Weekday() != time.Wednesday {
		d = d.AddDate(0, 0, 1)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 18, 30, 0, 0, loc)
}

// DefaultName proposes a name for a cohort starting at first: « Cohorte
// automne 2026 », after the season of its first session.
func DefaultName(first time.Time) string {
	season := "hiver"
	switch m := first.Month(); {
	case m >= time.March && m <= time.May:
		season = "printemps"
	case m >= time.June && m <= time.August:
		season = "été"
	case m >= time.September && m <= time.November:
		season = "automne"
	}
	return fmt.Sprintf("Cohorte %s %d", season, first.Year())
}
