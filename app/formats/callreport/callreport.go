// Package callreport reads the participant reports that video tools export
// (Zoom, Microsoft Teams, Google Meet) and turns them into attendance marks.
//
// Parse reads the file whatever its encoding, delimiter and language of
// headers, and merges the rows of a person who reconnected. MatchRoster then
// links each attendee to the roster and builds the marks, without writing
// anything: the caller shows them for review first.
package callreport

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"time"

	"atelier/app/kit/usererr"
)

// The tools whose reports Parse recognises.
const (
	Zoom  = "Zoom"
	Teams = "Microsoft Teams"
	Meet  = "Google Meet"
)

// MaxSize bounds what Parse reads: a real report of a few hundred rows is
// well under a megabyte.
// A caller opening the file passes it to inputfile.Open or ReadLimited,
// so that a larger file is refused before it is read.
const MaxSize = 32 << 20

// Interval is one stretch of time in the meeting.
type Interval struct{ Join, Leave time.Time }

// Attendee is one person as the report shows them, once the rows of each
// reconnection are merged.
type Attendee struct {
	Name  string // as the tool wrote it, e.g. Zoom's « Jo (Joséphine Roy) »
	Email string // lower case; empty for guests
	// Intervals are sorted, overlapping or touching ones joined.
	Intervals []Interval
	FirstJoin time.Time
	// Minutes is the time present: the union of the intervals, rounded,
	// capped by the durations the tool states when it states them.
	Minutes int
	// Connections counts the connections the report lists, before merging.
	Connections int
	// Host is set when the report says this person hosted or organised the
	// meeting: Teams' « Organizer » role, Zoom's host column or « (Host) »
	// tag, the host named in the summary above the table.
	Host  bool
	Lines []int // lines of the file the attendee comes from
}

// Report is what Parse read.
type Report struct {
	Tool      string // Zoom, Teams or Meet
	Encoding  string // "UTF-8", "UTF-16LE", "Windows-1252"…
	Attendees []Attendee
	Skipped   []Problem // rows that could not be read
	// Warnings are lines read in a UTF-8 report although some of their
	// bytes were not UTF-8 (they became « \ufffd »): a name to check.
	Warnings []Problem
}

// Problem is a row Parse set aside, and why: a message the window shows
// in its language, French for the command line.
type Problem struct {
	Line   int
	Reason *usererr.Error
}

// The messages of Parse's errors.
const (
	msgEmpty     = "Le fichier est vide."
	msgRead      = "Le fichier n’a pas pu être lu jusqu’au bout."
	msgTooBig    = "Ce fichier est trop volumineux pour un rapport de participation (plus de 32\u00a0Mo)."
	msgNotReport = "Ce fichier ne ressemble pas à un rapport de participation Zoom, Teams ou Meet. " +
		"Exportez la liste des personnes participantes depuis l’outil de visioconférence, puis importez-la ici."
	msgNoTimes = "Ce rapport ne donne pas les heures d’arrivée. Dans Zoom, exportez la liste des personnes participantes " +
		"sans cocher «\u00a0Afficher les utilisateurs uniques\u00a0»."
	msgNoRows   = "Ce rapport de participation ne contient aucune personne."
	msgBadBytes = "Des caractères illisibles (qui ne sont pas de l’UTF-8) sont remplacés par «\u00a0\ufffd\u00a0»\u202f; vérifiez le nom de cette personne."
)

// Parse reads a report. day is the session's date in the cohort's location
// loc: Meet and some Teams rows carry only a clock time, which is placed on
// that day, and times without a zone are read in loc. It fails only when the
// file is unusable; rows it cannot read go to Report.Skipped.
func Parse(r io.Reader, day time.Time, loc *time.Location) (*Report, error) {
	if loc == nil {
		loc = day.Location()
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	switch {
	case err != nil:
		return nil, usererr.Wrap(err, msgRead)
	case len(raw) > MaxSize:
		return nil, usererr.New(msgTooBig)
	case len(bytes.TrimSpace(raw)) == 0:
		return nil, usererr.New(msgEmpty)
	}
	text, enc, bad := decode(raw)
	lines := splitLines(text)

	tb, err := readTables(lines)
	if err != nil {
		return nil, err
	}
	rep := &Report{Tool: tb.tool(enc), Encoding: enc}
	for _, line := range bad {
		rep.Warnings = append(rep.Warnings, Problem{Line: line, Reason: usererr.New(msgBadBytes)})
	}
	y, m, d := day.Date()
	p := rowParser{
		day:   time.Date(y, m, d, 0, 0, 0, 0, loc),
		loc:   loc,
		order: dateOrder(tb.rows, tb.french, day),
	}
	conns, problems := p.connections(tb.rows)
	rep.Skipped = append(tb.problems, problems...)
	slices.SortStableFunc(rep.Skipped, func(a, b Problem) int { return a.Line - b.Line })
	rep.Attendees = group(conns)
	for i := range rep.Attendees {
		if tb.host.is(rep.Attendees[i]) {
			rep.Attendees[i].Host = true
		}
	}
	if len(rep.Attendees) == 0 && len(rep.Skipped) == 0 {
		return nil, usererr.New(msgNoRows)
	}
	return rep, nil
}

// Names lists the attendees' names, for a quick look in logs and tests.
func (r *Report) Names() []string {
	out := make([]string, len(r.Attendees))
	for i, a := range r.Attendees {
		out[i] = a.Name
	}
	return out
}

// cleanEmail keeps what looks like an address, in lower case.
func cleanEmail(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "mailto:")
	s = strings.Trim(s, "<> ")
	if !strings.Contains(s, "@") || strings.ContainsAny(s, " \t") {
		return ""
	}
	return s
}
