package callreport

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/fold"
	"atelier/app/kit/textfmt"
)

// DefaultLateAfter is how late a person may join and still be marked
// présent·e.
const DefaultLateAfter = 10 * time.Minute

// How an attendee was matched to the roster, as Match.By says it.
const (
	ByEmail = "courriel"
	ByName  = "nom"
	ByHand  = "manuel" // linked by the facilitator with Attach
)

// Options say which session the marks are for and when it started.
type Options struct {
	SessionID int64
	Start     time.Time // the session's start; zero marks everyone présent·e
	// LateAfter is the grace after Start: zero means DefaultLateAfter, a
	// negative value none at all.
	LateAfter time.Duration
	// Team are the names of the cohort's facilitators: found in the report
	// (and not on the roster), they are the team, not people to place.
	Team []string
}

// Match is an attendee linked to a participant, with the mark to record.
type Match struct {
	Attendee    Attendee
	Participant participants.Participant
	By          string // ByEmail or ByName
	Mark        participants.Attendance
}

// Result is the preview of an import: the marks MatchRoster would record and
// the attendees it could not place, for the facilitator to link to someone or
// add as walk-ins. Nothing is written until the caller does it.
type Result struct {
	Matched   []Match
	Unmatched []Attendee
	// Team are the attendees not on the roster whom the report marks as
	// the host, or who bear a facilitator's name: they get no mark and are
	// not asked about.
	Team []Attendee
}

// Marks lists the marks of the matched participants.
func (r Result) Marks() []participants.Attendance {
	out := make([]participants.Attendance, len(r.Matched))
	for i, m := range r.Matched {
		out[i] = m.Mark
	}
	return out
}

// Attach links Unmatched[i] to p, as the facilitator chose in the preview,
// and moves it to Matched. When p already has a match (a second device), the
// connections are merged into that one mark. It reports false when i is out
// of range.
func (r *Result) Attach(i int, p participants.Participant, opt Options) bool {
	if i < 0 || i >= len(r.Unmatched) {
		return false
	}
	a := r.Unmatched[i]
	r.Unmatched = slices.Delete(r.Unmatched, i, i+1)
	j := slices.IndexFunc(r.Matched, func(m Match) bool { return m.Participant.ID == p.ID })
	if j < 0 {
		r.Matched = append(r.Matched, Match{Attendee: a, Participant: p, By: ByHand})
		j = len(r.Matched) - 1
	} else {
		r.Matched[j].Attendee = mergeAttendees(r.Matched[j].Attendee, a)
	}
	r.Matched[j].Mark = Link(r.Matched[j].Attendee, r.Matched[j].Participant, opt)
	return true
}

// MatchRoster matches the report's attendees to the roster, by address
// first (case does not count), then by name, accents and case aside. It
// tries the name as written, Zoom's « Name (Original Name) » parts and
// « Last, First » turned around. A name two participants share matches
// nobody. When two attendees match one participant (two devices, a
// reconnection under another name), their connections are merged into one
// mark. Of the attendees left, the host and the facilitators named in
// opt.Team go to Result.Team, the others to Result.Unmatched.
func MatchRoster(rep *Report, roster []participants.Participant, opt Options) Result {
	var res Result
	if rep == nil {
		return res
	}
	ix := newIndex(roster)
	team := teamKeys(opt.Team)
	at := map[int]int{} // roster index → index in res.Matched
	for _, a := range rep.Attendees {
		i, by := ix.find(a)
		if i < 0 {
			if a.Host || slices.ContainsFunc(nameKeys(a.Name), func(k string) bool { return team[k] }) {
				res.Team = append(res.Team, a)
			} else {
				res.Unmatched = append(res.Unmatched, a)
			}
			continue
		}
		if j, ok := at[i]; ok {
			m := &res.Matched[j]
			m.Attendee = mergeAttendees(m.Attendee, a)
			if by == ByEmail {
				m.By = ByEmail
			}
			continue
		}
		at[i] = len(res.Matched)
		res.Matched = append(res.Matched, Match{Attendee: a, Participant: roster[i], By: by})
	}
	for i := range res.Matched {
		m := &res.Matched[i]
		m.Mark = Link(m.Attendee, m.Participant, opt)
	}
	return res
}

// Link attaches an attendee to a participant the facilitator chose and
// returns the mark, by the same rules as MatchRoster: présent·e when the
// first join is no later than Start + LateAfter (10 minutes unless set),
// en retard after.
func Link(a Attendee, p participants.Participant, opt Options) participants.Attendance {
	late := opt.LateAfter
	if late == 0 {
		late = DefaultLateAfter
	}
	mark := participants.Present
	if !opt.Start.IsZero() && a.FirstJoin.After(opt.Start.Add(max(late, 0))) {
		mark = participants.Retard
	}
	return participants.Attendance{
		ParticipantID: p.ID,
		SessionID:     opt.SessionID,
		Mark:          mark,
		Minutes:       min(max(a.Minutes, 0), 24*60),
		Note:          note(a, opt.Start),
	}
}

// note is « Arrivée à 18 h 47, 2 connexions », the clock in the session's
// location.
func note(a Attendee, start time.Time) string {
	if a.FirstJoin.IsZero() {
		return ""
	}
	first := a.FirstJoin
	if !start.IsZero() {
		first = first.In(start.Location())
	}
	s := "Arrivée à " + textfmt.French.Clock(first)
	if a.Connections > 1 {
		s += fmt.Sprintf(", %d connexions", a.Connections)
	}
	return s
}

// mergeAttendees joins two attendees found to be one participant.
func mergeAttendees(a, b Attendee) Attendee {
	m := Attendee{
		Name:        a.Name,
		Email:       a.Email,
		Intervals:   mergeIntervals(append(slices.Clone(a.Intervals), b.Intervals...)),
		Connections: a.Connections + b.Connections,
		Lines:       slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(a.Lines), b.Lines...)))),
	}
	if m.Email == "" {
		m.Email = b.Email
	}
	if len(m.Intervals) > 0 {
		m.FirstJoin = m.Intervals[0].Join
	}
	// Each side's minutes may already be capped by stated durations; the
	// union of the intervals is the other bound.
	m.Minutes = min(roundMinutes(span(m.Intervals)), a.Minutes+b.Minutes)
	return m
}

// index finds participants by address and by name.
type index struct {
	roster  []participants.Participant
	byEmail map[string][]int
	byName  map[string][]int
}

func newIndex(roster []participants.Participant) *index {
	ix := &index{roster: roster, byEmail: map[string][]int{}, byName: map[string][]int{}}
	for i, p := range roster {
		if e := cleanEmail(p.Email); e != "" {
			ix.byEmail[e] = append(ix.byEmail[e], i)
		}
		for _, k := range rosterKeys(p.Name) {
			ix.byName[k] = append(ix.byName[k], i)
		}
	}
	return ix
}

// find returns the roster index matching a, or -1.
func (ix *index) find(a Attendee) (int, string) {
	keys := nameKeys(a.Name)
	if e := cleanEmail(a.Email); e != "" {
		switch c := ix.byEmail[e]; len(c) {
		case 0:
		case 1:
			return c[0], ByEmail
		default:
			// an address two people share: the name decides
			var hit []int
			for _, i := range c {
				if slices.ContainsFunc(keys, func(k string) bool { return slices.Contains(ix.byName[k], i) }) {
					hit = append(hit, i)
				}
			}
			if len(hit) == 1 {
				return hit[0], ByEmail
			}
		}
	}
	for _, k := range keys {
		if c := ix.byName[k]; len(c) == 1 {
			return c[0], ByName
		}
	}
	return -1, ""
}

// teamKeys are the name keys of the facilitators.
func teamKeys(names []string) map[string]bool {
	keys := map[string]bool{}
	for _, n := range names {
		for _, k := range rosterKeys(n) {
			keys[k] = true
		}
	}
	return keys
}

// nameKeys are the keys an attendee's name may be found under: as written,
// the parts of Zoom's « Name (Original Name) », and « Last, First » turned
// around. Tags such as « (Guest) » are not names.
func nameKeys(name string) []string { return keys(name, true) }

// rosterKeys are the keys of a participant's name: as written and turned
// around, not what is in parentheses (« Alex Martin (iel) »).
func rosterKeys(name string) []string { return keys(name, false) }

// tags are what Teams and Zoom put in parentheses after a name.
var tags = map[string]bool{
	"guest": true, "invite": true, "invitee": true, "external": true, "externe": true, "ext": true,
	"unverified": true, "non verifie": true, "host": true, "hote": true, "organizer": true, "organisateur": true,
	"co-host": true, "co-hote": true, "organisatrice": true, "coorganisateur": true, "coorganisatrice": true,
}

func keys(name string, inner bool) []string {
	var out []string
	add := func(s string) {
		if k := nameKey(s); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	variants := []string{name}
	if i := strings.Index(name, " ("); i > 0 {
		variants = append(variants, name[:i])
		if j := strings.LastIndexByte(name, ')'); inner && j > i+2 && !tags[nameKey(name[i+2:j])] {
			variants = append(variants, name[i+2:j])
		}
	}
	for _, v := range variants {
		add(v)
		if last, first, ok := strings.Cut(v, ","); ok && !strings.ContainsAny(first, ",(") {
			add(first + " " + last)
		}
	}
	return out
}

// nameKey folds a name and treats hyphens, dots, commas and apostrophes as
// spaces: « Marie-Ève » is « marie eve », « D’Amours » is « d amours ».
func nameKey(s string) string {
	k := fold.Key(s)
	if strings.ContainsAny(k, "-.,'_") {
		k = strings.Join(strings.FieldsFunc(k, func(r rune) bool {
			return r == ' ' || r == '-' || r == '.' || r == ',' || r == '\'' || r == '_'
		}), " ")
	}
	return k
}
