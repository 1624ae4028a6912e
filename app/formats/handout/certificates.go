package handout

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
)

// Certificates writes one certificate of participation (« attestation de
// participation ») per person who attended at least minimum sessions of the
// cohort, one A4 landscape page each, in French alphabetical order. It
// fails when nobody qualifies.
func Certificates(w io.Writer, c course.Cohort, people []participants.Participant, marks []participants.Attendance, minimum int, opt Options) error {
	type attended = map[int64]bool
	bySession := map[int64]course.Session{}
	for _, s := range c.Sessions {
		bySession[s.ID] = s
	}
	seen := map[int64]attended{}
	for _, m := range marks {
		if !m.Mark.Attended() {
			continue
		}
		if _, ok := bySession[m.SessionID]; !ok {
			continue
		}
		if seen[m.ParticipantID] == nil {
			seen[m.ParticipantID] = attended{}
		}
		seen[m.ParticipantID][m.SessionID] = true
	}
	list := append([]participants.Participant(nil), people...)
	participants.SortByName(list)
	var qualified []participants.Participant
	for _, p := range list {
		if len(seen[p.ID]) >= minimum && len(seen[p.ID]) > 0 {
			qualified = append(qualified, p)
		}
	}
	if len(qualified) == 0 {
		what := "1 séance"
		if minimum > 1 {
			what = fmt.Sprintf("%d séances", minimum)
		}
		return errors.New("handout : aucune personne n’a assisté à au moins " + what + ", il n’y a pas d’attestation à produire")
	}
	issued := opt.Created
	if issued.IsZero() {
		issued = time.Now()
	}
	facilitators := names(opt.facilitators(c))
	return render(w, "attestations de participation", "L", "Attestations de participation", opt, func(d *doc) error {
		for _, p := range qualified {
			var sessions []course.Session
			for _, s := range c.Sessions {
				if seen[p.ID][s.ID] {
					sessions = append(sessions, s)
				}
			}
			d.certificate(c, p, sessions, facilitators, issued)
		}
		return nil
	})
}

func (d *doc) certificate(c course.Cohort, p participants.Participant, sessions []course.Session, facilitators string, issued time.Time) {
	d.plainPage()
	f := d.f
	pw, ph := f.GetPageSize()
	d.drawColor(accent)
	f.SetLineWidth(1.2)
	f.Rect(10, 10, pw-20, ph-20, "D")
	f.SetLineWidth(0.3)
	f.Rect(13, 13, pw-26, ph-26, "D")
	w := d.textW() - 20
	center := func(text string, bold bool, size, lh float64, col rgb) {
		for _, l := range d.wrap(clean(text), w, bold, size) {
			d.font(bold, size)
			d.color(col)
			f.SetX(margin + 10)
			f.CellFormat(w, lh, l, "", 1, "C", false, 0, "")
		}
	}
	f.SetY(30)
	center("Attestation de participation", true, 26, 12, accent)
	d.gap(8)
	center("Nous attestons que", false, 12, 6, ink)
	d.gap(3)
	center(p.Name, true, 22, 10, ink)
	d.gap(3)
	center("a participé à la formation", false, 12, 6, ink)
	d.gap(2)
	center("« "+course.CourseTitle+" »", true, 14, 7, ink)
	d.gap(6)
	total := len(c.Sessions)
	center(fmt.Sprintf("Séances suivies (%d sur %d)"+nbsp+":", len(sessions), total), false, 10.5, 5.5, muted)
	loc := c.Location()
	for _, s := range sessions {
		line := fmt.Sprintf("Séance %d", s.Number)
		if t := strings.TrimSpace(s.Title); t != "" {
			line += " — " + t
		}
		if !s.StartsAt.IsZero() {
			line += " (" + textfmt.French.Date(s.StartsAt.In(loc)) + ")"
		}
		center(line, false, 10, 5, ink)
	}
	d.gap(6)
	if n := strings.TrimSpace(c.Name); n != "" {
		center(n, false, 10.5, 5.5, muted)
	}
	if facilitators != "" {
		center("Animation"+nbsp+": "+facilitators, false, 10.5, 5.5, ink)
	}
	center("Fait le "+textfmt.French.Date(issued.In(loc)), false, 10.5, 5.5, muted)
}
