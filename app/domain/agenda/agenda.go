// Package agenda holds the timed blocks of a session and the arithmetic on
// them: start times, totals, and whether a plan fits its session.
package agenda

import (
	"slices"
	"strings"
	"time"

	"atelier/app/kit/usererr"
)

// SessionMinutes is the length of every session of the course.
const SessionMinutes = 90

// Kind says what happens during a block; it drives the block's colour.
type Kind string

// The kinds of block a session is made of.
const (
	Accueil      Kind = "accueil"
	Presentation Kind = "présentation"
	Exercice     Kind = "exercice"
	SousGroupes  Kind = "sous-groupes"
	Discussion   Kind = "discussion"
	Pause        Kind = "pause"
	Bilan        Kind = "bilan"
)

// Kinds lists every kind in the order a facilitator would read them.
func Kinds() []Kind {
	return []Kind{Accueil, Presentation, Exercice, SousGroupes, Discussion, Pause, Bilan}
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	return slices.Contains(Kinds(), k)
}

// Block is one timed part of a session's agenda.
type Block struct {
	ID          int64
	Title       string
	Kind        Kind
	Minutes     int
	Facilitator string // who leads the block; empty means the team
	Notes       string // for the facilitators only
	Materials   string

	// FixedStart pins the block to this offset from the session's start
	// (e.g. a break at 19 h 30 for everyone). Zero means the block follows
	// the one before it: a block pinned to the very start would be there
	// anyway as the first block, so zero needs no separate flag.
	FixedStart time.Duration

	// Version is the row version read with the block: a save made from an
	// older one is refused (another person saved the agenda since). Zero
	// for a block not yet saved.
	Version int64
}

// Fixed reports whether the block starts at a set time rather than right
// after the block before it.
func (b Block) Fixed() bool { return b.FixedStart > 0 }

// Validate checks the block on its own.
func (b Block) Validate() error {
	var l usererr.List
	l.Add(strings.TrimSpace(b.Title) == "", "Le titre du bloc est obligatoire.")
	l.Add(!b.Kind.Valid(), "Le type de bloc « %s » est inconnu.", b.Kind)
	l.Add(b.Minutes <= 0, "La durée du bloc « %s » doit être d’au moins 1 minute.", b.Title)
	l.Add(b.Minutes > 24*60, "La durée du bloc « %s » dépasse une journée.", b.Title)
	l.Add(b.FixedStart < 0, "L’heure fixée du bloc « %s » ne peut précéder le début de la séance.", b.Title)
	l.Add(b.FixedStart > 24*time.Hour, "L’heure fixée du bloc « %s » tombe plus d’une journée après le début de la séance.", b.Title)
	l.Add(b.FixedStart%time.Minute != 0, "L’heure fixée du bloc « %s » doit tomber sur une minute entière.", b.Title)
	return l.Err()
}

// Slot is a block placed in time.
type Slot struct {
	Block
	Start time.Time
	End   time.Time
}

// Schedule places blocks one after the other from start; a fixed block
// starts at its fixed time whatever comes before it (see Layout).
func Schedule(start time.Time, blocks []Block) []Slot {
	return Layout(start, blocks).Slots
}

// Total is the sum of the blocks' minutes.
func Total(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		n += b.Minutes
	}
	return n
}
