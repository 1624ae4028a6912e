package handout

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/domain/library"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/textfmt"
)

// answerLines is how many ruled lines follow each question of an exercise.
const (
	answerLines = 4
	answerGap   = 8.0
)

// Handout writes the participants' handout of session s (plan p) to w as an
// A4 portrait PDF in French: a title page, then the objectives, the agenda,
// the key concepts, the exercises with room to write, the take-away and the
// resources with their links.
func Handout(w io.Writer, c course.Cohort, s course.Session, p course.Plan, resources []library.Resource, opt Options) error {
	title := fmt.Sprintf("Séance %d — %s", p.Number, p.Title)
	return render(w, "document de séance", "P", title, opt, func(d *doc) error {
		d.handout(c, s, p, resources, opt.facilitators(c), nil)
		if s.Number == 3 {
			d.structures(opt.Structures)
		}
		return nil
	})
}

// runningHeader is the small text at the top of the pages of a session.
func runningHeader(p course.Plan) string {
	h := course.CourseTitle + " — Séance " + fmt.Sprint(p.Number)
	if t := strings.TrimSpace(p.ShortTitle); t != "" {
		h += "\u00a0: " + t
	}
	return pdfdoc.Clean(h)
}

// handout writes one session from its title page on; started, when set, is
// called with the title page's number.
func (d *doc) handout(c course.Cohort, s course.Session, p course.Plan, resources []library.Resource, facilitators []string, started func(page int)) {
	blocks := s.Blocks
	if len(blocks) == 0 {
		blocks = p.Blocks
	}
	tl := agenda.Layout(s.StartsAt, blocks)
	d.header = runningHeader(p)
	d.titlePage(c, s, p, tl, facilitators)
	if started != nil {
		started(d.f.PageNo())
	}

	d.newPage()
	if strings.TrimSpace(p.Handout.Introduction) != "" {
		d.heading("Introduction", 10)
		d.body(p.Handout.Introduction)
	}
	if len(p.Objectives) > 0 {
		d.heading("Objectifs", 10)
		for _, o := range p.Objectives {
			d.bullet(o)
		}
	}
	if len(tl.Slots) > 0 {
		d.heading("Déroulement", 20)
		d.agenda(c, tl)
	}
	if len(p.Concepts) > 0 {
		d.heading("Concepts clés", 15)
		for _, k := range p.Concepts {
			d.ensure(2 * bodyLine)
			d.para(k.Term, true, bodySize, bodyLine, 0, accent)
			d.para(k.Definition, false, bodySize, bodyLine, 4, ink)
			d.gap(2)
		}
	}
	// The rooms read their case before they answer the exercise's questions.
	for i, k := range p.Handout.Cases {
		d.caseSheet(i, k)
	}
	if len(p.Handout.Exercises) > 0 {
		d.heading("Exercices", 30)
		for i, e := range p.Handout.Exercises {
			d.exercise(i+1, e)
		}
	}
	if strings.TrimSpace(p.Handout.TakeAway) != "" {
		d.heading("À retenir", 10)
		d.body(p.Handout.TakeAway)
	}
	if len(resources) > 0 {
		d.heading("Ressources", 15)
		for _, r := range resources {
			d.resource(r)
		}
	}
}

func (d *doc) titlePage(c course.Cohort, s course.Session, p course.Plan, tl agenda.Timeline, facilitators []string) {
	d.plainPage()
	f := d.f
	w := d.textW()
	center := func(text string, bold bool, size, lh float64, col rgb) {
		for _, l := range d.wrap(pdfdoc.Clean(text), w, bold, size) {
			d.font(bold, size)
			d.color(col)
			f.SetX(margin)
			f.CellFormat(w, lh, l, "", 1, "C", false, 0, "")
		}
	}
	f.SetY(55)
	center(course.CourseTitle, false, 13, 6.5, muted)
	d.gap(14)
	center(fmt.Sprintf("Séance %d", p.Number), true, 16, 8, accent)
	d.gap(4)
	center(p.Title, true, 22, 10, ink)
	d.gap(10)
	d.drawColor(accent)
	f.SetLineWidth(0.6)
	f.Line(d.pageW()/2-25, f.GetY(), d.pageW()/2+25, f.GetY())
	d.gap(10)
	if when := sessionWhen(c, s, tl.End); when != "" {
		center(when, false, 12, 6.5, ink)
		d.gap(2)
	}
	if n := names(facilitators); n != "" {
		center("Animation"+nbsp+": "+n, false, 11, 6, ink)
		d.gap(2)
	}
	if n := strings.TrimSpace(c.Name); n != "" {
		center(n, false, 11, 6, muted)
	}
	if sum := strings.TrimSpace(p.Summary); sum != "" {
		d.gap(18)
		for _, l := range d.wrap(pdfdoc.Clean(sum), w-30, false, 10.5) {
			if f.GetY()+5.5 > d.bottom() {
				break
			}
			d.font(false, 10.5)
			d.color(muted)
			f.SetX(margin + 15)
			f.CellFormat(w-30, 5.5, l, "", 1, "C", false, 0, "")
		}
	}
}

// kindName is the French name of a kind of block, capitalised.
func kindName(k agenda.Kind) string {
	s := string(k)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return ""
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func (d *doc) agenda(c course.Cohort, tl agenda.Timeline) {
	w := d.textW()
	t := newTable([]column{{"Début", 22}, {"Durée", 22}, {"Bloc", w - 22 - 22 - 34}, {"Type", 34}}, 9, 4.2, 0)
	rows := make([][]string, 0, len(tl.Slots))
	for _, sl := range tl.Slots {
		rows = append(rows, []string{slotStart(c, tl, sl), textfmt.French.Minutes(sl.Minutes), sl.Title, kindName(sl.Kind)})
	}
	d.table(t, rows)
	d.gap(2)
}

// slotStart is the clock time a block starts in the cohort's time zone,
// "" for a session with no date.
func slotStart(c course.Cohort, tl agenda.Timeline, sl agenda.Slot) string {
	if tl.Start.IsZero() {
		return ""
	}
	return textfmt.French.Clock(sl.Start.In(c.Location()))
}

// caseSheet prints case i as a section of its own, headed by the letter
// the facilitators give each room; the title is wrapped, not cut as a
// heading would be. A sheet that fits on a page is kept on one, so that a
// room reads it whole.
func (d *doc) caseSheet(i int, k course.Case) {
	title := d.wrap(pdfdoc.Clean(k.Title), d.textW(), true, 11)
	text := d.wrap(pdfdoc.Clean(k.Text), d.textW(), false, bodySize)
	keep := float64(len(title))*6 + 1 + float64(len(text))*bodyLine
	d.heading("Fiche de cas "+course.CaseLetter(i), min(keep, d.bottom()-d.top()-12))
	d.para(k.Title, true, 11, 6, 0, ink)
	d.gap(1)
	d.body(k.Text)
}

func (d *doc) exercise(n int, e course.Exercise) {
	d.gap(1)
	d.ensure(bodyLine*3 + answerGap*2)
	d.para(fmt.Sprintf("Exercice %d — %s", n, e.Title), true, 11, 6, 0, ink)
	d.gap(1)
	d.para(e.Instructions, false, bodySize, bodyLine, 0, ink)
	d.gap(2)
	for i, q := range e.Questions {
		lines := d.wrap(pdfdoc.Clean(q), d.textW()-7, true, bodySize)
		// A question stays on the page of its ruled lines.
		d.ensure(float64(len(lines))*bodyLine + answerLines*answerGap + 2)
		for j, l := range lines {
			d.font(true, bodySize)
			d.color(ink)
			if j == 0 {
				d.f.SetX(margin)
				d.f.CellFormat(7, bodyLine, fmt.Sprintf("%d.", i+1), "", 0, "L", false, 0, "")
			}
			d.f.SetX(margin + 7)
			d.f.CellFormat(d.textW()-7, bodyLine, l, "", 1, "L", false, 0, "")
		}
		d.drawColor(ruleInk)
		d.f.SetLineWidth(0.2)
		for range answerLines {
			y := d.f.GetY() + answerGap
			d.f.Line(margin+7, y, d.pageW()-margin, y)
			d.f.SetY(y)
		}
		d.gap(4)
	}
}

func (d *doc) resource(r library.Resource) {
	d.ensure(3 * bodyLine)
	d.para(r.Title, true, bodySize, bodyLine, 0, ink)
	var by []string
	for _, s := range []string{r.Source, r.Author} {
		if s = strings.TrimSpace(s); s != "" {
			by = append(by, s)
		}
	}
	if len(by) > 0 {
		d.para(strings.Join(by, " — "), false, 9, 4.5, 0, muted)
	}
	if u := strings.TrimSpace(pdfdoc.Clean(r.URL)); u != "" {
		for _, l := range d.wrap(u, d.textW(), false, 9) {
			d.ensure(4.5)
			d.font(false, 9)
			d.color(linkInk)
			d.f.SetX(margin)
			lw := d.f.GetStringWidth(l)
			// The whole line is clickable and leads to the full address.
			d.f.CellFormat(lw, 4.5, l, "", 1, "L", false, 0, u)
		}
	}
	d.gap(3)
}
