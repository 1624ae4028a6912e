package registration

import (
	"errors"
	"strings"

	"atelier/app/domain/participants"
	"atelier/app/kit/fold"
	"atelier/app/kit/usererr"
)

// SetField lets the preview change a column's mapping, then reads every
// row again. A field belongs to one column: the column that had it before
// becomes a note. Any number of columns may be notes or ignored. An
// out-of-range column or field changes nothing.
func (s *Sheet) SetField(col int, f Field) {
	if col < 0 || col >= len(s.Columns) || !f.valid() {
		return
	}
	if f.single() {
		for i := range s.Columns {
			if s.Columns[i].Field == f {
				s.Columns[i].Field = FieldNote
			}
		}
	}
	s.Columns[col].Field = f
	s.refresh()
}

// refresh reads every row through the current mapping.
func (s *Sheet) refresh() {
	var at [fieldCount]int
	for i := range at {
		at[i] = -1
	}
	for i, c := range s.Columns {
		if c.Field.valid() && c.Field.single() && at[c.Field] < 0 {
			at[c.Field] = i
		}
	}
	rd := &reading{at: at, dayFirst: s.dayFirst(at[FieldTimestamp]), consent: map[string]bool{}}
	for i := range s.Rows {
		s.build(&s.Rows[i], rd)
	}
}

// reading is what reading every row needs: where each field is, how to
// read dates, and the consent answers already read (a column holds few
// distinct ones, and folding them is the slow part).
type reading struct {
	at       [fieldCount]int
	dayFirst bool
	consent  map[string]bool
}

// build fills r.Participant, r.Err and r.Warning from r.Values.
func (s *Sheet) build(r *Row, rd *reading) {
	if r.Values == nil && r.Err != nil {
		return // a line encoding/csv could not read: its error stays
	}
	get := func(f Field) string {
		if i := rd.at[f]; i >= 0 && i < len(r.Values) {
			return r.Values[i]
		}
		return ""
	}
	var p participants.Participant
	p.Name = oneLine(get(FieldName))
	if p.Name == "" {
		p.Name = oneLine(get(FieldFirstName) + " " + get(FieldLastName))
	}
	p.Email = get(FieldEmail)
	if len(p.Email) > 7 && strings.EqualFold(p.Email[:7], "mailto:") {
		p.Email = trim(p.Email[7:])
	}
	p.Pronouns = get(FieldPronouns)
	p.Organisation = get(FieldOrganisation)
	p.City = get(FieldCity)
	p.Phone = get(FieldPhone)
	p.Accessibility = get(FieldAccessibility)
	if v := get(FieldConsent); v != "" {
		yes, ok := rd.consent[v]
		if !ok {
			yes = consents(v)
			rd.consent[v] = yes
		}
		p.Consent = yes
	}

	r.Warning = nil
	var warnings []usererr.Localized
	var notes []string
	if i := rd.at[FieldTimestamp]; i >= 0 && i < len(r.Values) && r.Values[i] != "" {
		raw := ""
		if i < len(r.raw) {
			raw = r.raw[i]
		}
		t, ok := parseTime(r.Values[i], raw, rd.dayFirst, s.date1904, s.loc)
		if ok {
			p.RegisteredAt = t
		} else {
			warnings = append(warnings, usererr.New("date d’inscription non reconnue (%s)"+nbsp+
				": la personne passe après les inscriptions datées", usererr.Quote(r.Values[i])))
			notes = append(notes, s.Columns[i].Header+nbsp+": "+r.Values[i])
		}
	}
	for i, col := range s.Columns {
		if col.Field == FieldNote && i < len(r.Values) && r.Values[i] != "" {
			notes = append(notes, col.Header+nbsp+": "+r.Values[i])
		}
	}
	p.Notes = strings.Join(notes, "\n")
	if r.badText {
		warnings = append(warnings, usererr.New(msgBadText))
	}
	if len(warnings) > 0 {
		r.Warning = usererr.New("%s", usererr.Clauses(warnings...))
	}
	r.Participant = p
	r.Err = rowError(p)
}

// rowError says why a row cannot be imported, or returns nil.
func rowError(p participants.Participant) error {
	var reasons []usererr.Localized
	if p.Name == "" {
		reasons = append(reasons, usererr.Phrase("nom manquant"))
		p.Name = "-" // let Validate speak of the rest only
	}
	p.Status = participants.Inscrit
	if err := p.Validate(); err != nil {
		var l usererr.List
		if errors.As(err, &l) {
			for _, m := range l {
				reasons = append(reasons, m)
			}
		} else {
			reasons = append(reasons, usererr.Reason(err))
		}
	}
	if len(reasons) == 0 {
		return nil
	}
	return usererr.New("%s", usererr.Clauses(reasons...))
}

// oneLine collapses the spaces and line breaks inside a name.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// consents reads a consent answer: a yes in French or English, a ticked
// box, or the text of the only option of a checkbox question
// (« J’accepte d’être contacté·e »). A no, or nothing, is no.
func consents(v string) bool {
	k := strings.Trim(fold.Key(v), " .!")
	switch k {
	case "oui", "yes", "o", "y", "x", "vrai", "true", "1", "si", "ok", "d'accord", "✓", "✔", "☑":
		return true
	case "", "non", "no", "n", "faux", "false", "0":
		return false
	}
	for _, neg := range []string{"non", "no ", "no,", "je n'accepte pas", "je refuse", "i do not", "i don't", "pas "} {
		if strings.HasPrefix(k, neg) {
			return false
		}
	}
	for _, yes := range []string{"oui", "yes", "j'accepte", "accepte", "j'y consens", "je consens", "i agree", "i accept", "i consent", "d'accord", "agree"} {
		if strings.HasPrefix(k, yes) {
			return true
		}
	}
	return false
}
