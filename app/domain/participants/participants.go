// Package participants holds the people of a cohort: their registration,
// their status (seat or waiting list) and their attendance marks.
package participants

import (
	"net/mail"
	"slices"
	"strings"
	"time"

	"atelier/app/kit/usererr"
)

// Status is where a person stands in the cohort.
type Status string

// The statuses of a registration.
const (
	Inscrit  Status = "inscrit"  // registered, not yet confirmed
	Confirme Status = "confirme" // confirmed a seat
	Attente  Status = "attente"  // on the waiting list
	// SansInscription is someone who came to a session without
	// registering: they were there, but hold no seat and wait for none,
	// so they are never expected at a session.
	SansInscription Status = "sans_inscription"
	Desiste         Status = "desiste" // withdrew
)

// Statuses lists every status in display order.
func Statuses() []Status { return []Status{Inscrit, Confirme, Attente, SansInscription, Desiste} }

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	return slices.Contains(Statuses(), s)
}

// HoldsSeat reports whether a person with this status takes one of the
// seats. The people holding a seat are the ones expected at every session.
func (s Status) HoldsSeat() bool { return s == Inscrit || s == Confirme }

// Participant is one person registered in a cohort.
type Participant struct {
	ID            int64
	CohortID      int64
	Name          string
	Pronouns      string
	Email         string
	Organisation  string
	City          string
	Phone         string
	Accessibility string
	Consent       bool // agrees to be contacted after the course
	Notes         string
	Status        Status
	RegisteredAt  time.Time
	// QueuedAt is when the person last joined the waiting list; the list
	// is served in that order. Zero for someone who never waited.
	QueuedAt time.Time

	// Attended counts the sessions marked présent·e or en retard. The store
	// computes it when reading the roster and ignores it when writing.
	Attended int
}

// EmailKey is the courriel as it identifies a person within a cohort:
// trimmed and case-folded, "" when there is none. Two rows of a cohort
// never share a key (the store enforces it).
func EmailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// Validate checks a participant as entered by hand or imported.
func (p Participant) Validate() error {
	var l usererr.List
	l.Add(strings.TrimSpace(p.Name) == "", "Le nom est obligatoire.")
	if e := strings.TrimSpace(p.Email); e != "" {
		a, err := mail.ParseAddress(e)
		l.Add(err != nil || a.Address != e || !strings.Contains(e[strings.LastIndex(e, "@")+1:], "."),
			"Le courriel « %s » n’est pas valide.", e)
	}
	l.Add(!p.Status.Valid(), "Le statut « %s » est inconnu.", p.Status)
	return l.Err()
}

// Mark says how a person attended one session.
type Mark string

// The attendance marks.
const (
	Present Mark = "present"
	Absent  Mark = "absent"
	Excuse  Mark = "excuse"
	Retard  Mark = "retard"
)

// Marks lists every mark in display order.
func Marks() []Mark { return []Mark{Present, Absent, Excuse, Retard} }

// Valid reports whether m is one of Marks.
func (m Mark) Valid() bool {
	return slices.Contains(Marks(), m)
}

// Attended reports whether the mark counts as having been there.
func (m Mark) Attended() bool { return m == Present || m == Retard }

// WalkInNote is the note on the mark of someone who came to the session
// without registering.
const WalkInNote = "Sans inscription"

// Attendance is a participant's mark for one session of the cohort.
type Attendance struct {
	ParticipantID int64
	SessionID     int64
	Mark          Mark
	Minutes       int // minutes present; 0 when unknown
	Note          string
}

// Validate checks an attendance mark.
func (a Attendance) Validate() error {
	var l usererr.List
	l.Add(!a.Mark.Valid(), "La marque de présence « %s » est inconnue.", a.Mark)
	l.Add(a.Minutes < 0, "Les minutes de présence ne peuvent être négatives.")
	l.Add(a.Minutes > 24*60, "Les minutes de présence dépassent une journée.")
	return l.Err()
}
