package registration

import (
	"slices"
	"strings"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/fold"
	"atelier/app/kit/textfmt"
)

// Result is what importing a sheet would change in the roster.
type Result struct {
	// Add are the new people, in order of registration (undated rows
	// last, in file order), placed by the seat rule (participants.Seats):
	// Inscrit while seats are open to newcomers, then Attente.
	Add []participants.Participant
	// Update are existing people, ID kept, whose empty fields the file
	// fills. A non-empty field is never overwritten, the status never
	// changes.
	Update []participants.Participant
	// Unchanged counts the existing people found in the file with nothing
	// new about them.
	Unchanged int
	// Rejected are the rows that cannot be imported, with the reason.
	Rejected []Rejection
	// Waitlisted counts the people of Add put on the waiting list.
	Waitlisted int
	// Merged counts the rows that repeat a person found earlier in the
	// same file (a form sent twice): they completed that person instead of
	// adding them again.
	Merged int
}

// Rejection is a row that cannot be imported.
type Rejection struct {
	Line   int
	Reason string
}

// target is a person the file's rows fall on: someone already on the
// roster (existing >= 0) or someone the file adds.
type target struct {
	p        participants.Participant
	orig     participants.Participant
	existing int
	order    int             // file order of the first row, to keep it among equal times
	notes    map[string]bool // note lines of a person the file adds, not to repeat them
}

// roster finds the targets by courriel and by name. Every lookup is a map
// access: a file of 10 000 rows with the same name stays linear.
type roster struct {
	byEmail map[string]*target
	byName  map[string][]*target // in order of arrival
	noEmail map[string][]*target // those of byName that had no courriel when indexed
}

// add indexes a person under their courriel and nk, their folded name.
func (r *roster) add(t *target, nk string) {
	r.filled(t)
	if nk != "" {
		r.byName[nk] = append(r.byName[nk], t)
		if t.p.Email == "" {
			r.noEmail[nk] = append(r.noEmail[nk], t)
		}
	}
}

// filled indexes someone's courriel, which a row may just have given;
// when two people share one, the first keeps it.
func (r *roster) filled(t *target) {
	if k := participants.EmailKey(t.p.Email); k != "" {
		if _, ok := r.byEmail[k]; !ok {
			r.byEmail[k] = t
		}
	}
}

// match finds whom a row is about: the courriel first, then the name
// (nk, folded), provided the two courriels do not differ.
func (r *roster) match(p participants.Participant, nk string) *target {
	ek := participants.EmailKey(p.Email)
	if ek != "" {
		if t, ok := r.byEmail[ek]; ok {
			return t
		}
	}
	if nk == "" {
		return nil
	}
	if ek == "" {
		if l := r.byName[nk]; len(l) > 0 {
			return l[0]
		}
		return nil
	}
	// Someone with this courriel would have been found above: only a
	// person without one can be this row. Courriels are only ever filled
	// in, so those who got one since are dropped for good.
	l := r.noEmail[nk]
	for len(l) > 0 && l[0].p.Email != "" {
		l = l[1:]
	}
	r.noEmail[nk] = l
	if len(l) > 0 {
		return l[0]
	}
	return nil
}

// Plan matches the sheet against the existing roster of the cohort and
// its seat limit, without changing anything.
//
// A row is the same person as someone already there when the courriel
// matches (whatever the case), else when the name matches with fold.Key
// (accents, case and ligatures aside) and the two do not have different
// courriels. Rows of the file are matched against each other the same
// way, so that a form sent twice adds the person once.
//
// The newcomers are placed by participants.Seats.Register, in order of
// registration, at now: people already on the waiting list keep their
// place ahead of them. A limit of 0 or less leaves no seat.
func Plan(s *Sheet, existing []participants.Participant, seatLimit int, now time.Time) Result {
	var res Result
	if s == nil {
		s = &Sheet{}
	}
	idx := roster{byEmail: map[string]*target{}, byName: map[string][]*target{}, noEmail: map[string][]*target{}}
	seats := participants.SeatsOf(existing, seatLimit)
	for i, p := range existing {
		idx.add(&target{p: p, orig: p, existing: i, order: -1}, fold.Key(p.Name))
	}
	var touched, added []*target
	hit := map[*target]bool{}
	for i := range s.Rows {
		r := &s.Rows[i]
		if r.Err != nil {
			res.Rejected = append(res.Rejected, Rejection{Line: r.Line, Reason: r.Err.Error()})
			continue
		}
		p := r.Participant
		p.ID, p.CohortID, p.Status = 0, 0, ""
		nk := fold.Key(p.Name)
		t := idx.match(p, nk)
		switch {
		case t == nil:
			t = &target{p: p, existing: -1, order: i}
			added = append(added, t)
			idx.add(t, nk)
		case t.existing >= 0:
			fillExisting(&t.p, p)
			idx.filled(t)
		default:
			t.mergeNew(p)
			idx.filled(t)
		}
		if hit[t] {
			res.Merged++
		} else if t.existing >= 0 {
			touched = append(touched, t)
		}
		hit[t] = true
	}
	for _, t := range touched {
		if t.p == t.orig {
			res.Unchanged++
		} else {
			res.Update = append(res.Update, t.p)
		}
	}

	slices.SortStableFunc(added, func(a, b *target) int {
		ta, tb := a.p.RegisteredAt, b.p.RegisteredAt
		switch {
		case ta.IsZero() != tb.IsZero():
			if ta.IsZero() {
				return 1
			}
			return -1
		case !ta.Equal(tb):
			return ta.Compare(tb)
		}
		return a.order - b.order
	})
	res.Add = make([]participants.Participant, 0, len(added))
	for _, t := range added {
		t.p = seats.Register(t.p, now)
		if t.p.Status == participants.Attente {
			res.Waitlisted++
		}
		res.Add = append(res.Add, t.p)
	}
	return res
}

// fillExisting fills the empty fields of someone already on the roster
// from a row of the file. The name stays as entered; the consent stays
// too: a box left unticked may be a consent withdrawn, which a form sent
// earlier must not undo; and the registration time is the roster's.
func fillExisting(dst *participants.Participant, src participants.Participant) {
	fillDetails(dst, src)
	fill(&dst.Notes, src.Notes)
}

func fillDetails(dst *participants.Participant, src participants.Participant) {
	fill(&dst.Email, src.Email)
	fill(&dst.Pronouns, src.Pronouns)
	fill(&dst.Organisation, src.Organisation)
	fill(&dst.City, src.City)
	fill(&dst.Phone, src.Phone)
	fill(&dst.Accessibility, src.Accessibility)
}

// mergeNew completes a person the file adds with a later row about them:
// empty fields are filled, notes not already there are added, a consent
// given in either row counts, and the earliest time is the registration.
func (t *target) mergeNew(src participants.Participant) {
	dst := &t.p
	if t.notes == nil {
		t.notes = map[string]bool{}
		for _, line := range strings.Split(dst.Notes, "\n") {
			t.notes[line] = true
		}
	}
	fillDetails(dst, src)
	for _, line := range strings.Split(src.Notes, "\n") {
		if line != "" && !t.notes[line] {
			t.notes[line] = true
			if dst.Notes != "" {
				dst.Notes += "\n"
			}
			dst.Notes += line
		}
	}
	dst.Consent = dst.Consent || src.Consent
	if dst.RegisteredAt.IsZero() || !src.RegisteredAt.IsZero() && src.RegisteredAt.Before(dst.RegisteredAt) {
		dst.RegisteredAt = src.RegisteredAt
	}
}

func fill(dst *string, src string) {
	if *dst == "" {
		*dst = src
	}
}

// maxListed bounds the rejections Summary spells out; Rejected has them all.
const maxListed = 10

// Summary says in French what the import does, for the confirmation and
// the log: « 12 personnes ajoutées (dont 2 en liste d’attente), 3 mises à
// jour, 5 inchangées, 1 ligne rejetée : ligne 7 : le courriel « x » n’est
// pas valide. »
func (r Result) Summary() string {
	n := textfmt.French.Count
	var b strings.Builder
	b.WriteString(n(len(r.Add), "personne ajoutée", "personnes ajoutées"))
	if r.Waitlisted > 0 {
		b.WriteString(" (dont " + textfmt.French.Int(r.Waitlisted) + " en liste d’attente)")
	}
	if len(r.Update) > 0 {
		b.WriteString(", " + n(len(r.Update), "mise à jour", "mises à jour"))
	}
	if r.Unchanged > 0 {
		b.WriteString(", " + n(r.Unchanged, "inchangée", "inchangées"))
	}
	if r.Merged > 0 {
		b.WriteString(", " + n(r.Merged, "doublon fusionné", "doublons fusionnés"))
	}
	if len(r.Rejected) > 0 {
		b.WriteString(", " + n(len(r.Rejected), "ligne rejetée", "lignes rejetées") + nbsp + ": ")
		for i, rj := range r.Rejected {
			if i == maxListed {
				b.WriteString("\u202f; et " + n(len(r.Rejected)-maxListed, "autre", "autres"))
				break
			}
			if i > 0 {
				b.WriteString("\u202f; ")
			}
			b.WriteString("ligne " + textfmt.French.Int(rj.Line) + nbsp + ": " + rj.Reason)
		}
	}
	b.WriteString(".")
	return b.String()
}
