package handout

import (
	"fmt"
	"io"
	"strings"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/pdfdoc"
)

// minBlankRows are left at least at the end of the sign-in sheet for
// people who come without being on the list; the rest of the last page is
// blank rows too.
const minBlankRows = 3

// Lines of a row of the sign-in sheet: a name longer than that is cut
// with « … » rather than pushing the list onto another page.
const (
	signInNameLines    = 3
	signInPronounLines = 2
	signInTitleLines   = 3
)

// SignIn writes the sign-in sheet (« feuille d’émargement ») of session s
// to w: one row per person given, sorted the French way, with a wide empty
// cell to sign, then blank rows for whoever comes without registering: at
// least minBlankRows, and to the end of the last page. The caller gives the
// people expected at the session. No page holds blank rows only: when the
// last names leave too little room, the last name goes on the next page
// with the blank rows.
func SignIn(w io.Writer, c course.Cohort, s course.Session, people []participants.Participant, opt Options) error {
	list := append([]participants.Participant(nil), people...)
	participants.SortByName(list)
	return render(w, "feuille d’émargement", "P", "Feuille d’émargement — Séance "+fmt.Sprint(s.Number), opt, func(d *doc) error {
		d.header = pdfdoc.Clean(course.CourseTitle + " — Feuille d’émargement, séance " + fmt.Sprint(s.Number))
		d.signInTitle(c, s)
		d.signInRows(list)
		return nil
	})
}

func (d *doc) signInTitle(c course.Cohort, s course.Session) {
	d.plainPage()
	d.font(true, 18)
	d.color(accent)
	d.f.SetX(margin)
	d.f.CellFormat(d.textW(), 9, "Feuille d’émargement", "", 1, "L", false, 0, "")
	d.para(course.CourseTitle, false, 10, 5, 0, muted)
	title := fmt.Sprintf("Séance %d", s.Number)
	if t := strings.TrimSpace(pdfdoc.Clean(s.Title)); t != "" {
		title += " — " + t
	}
	for _, l := range d.wrapMax(title, d.textW(), true, 11, signInTitleLines) {
		d.font(true, 11)
		d.color(ink)
		d.f.SetX(margin)
		d.f.CellFormat(d.textW(), 5.5, l, "", 1, "L", false, 0, "")
	}
	if when := sessionWhen(c, s, s.End()); when != "" {
		d.para(when, false, 10, 5, 0, ink)
	}
	if n := strings.TrimSpace(pdfdoc.Clean(c.Name)); n != "" {
		d.font(false, 10)
		d.color(muted)
		d.f.SetX(margin)
		d.f.CellFormat(d.textW(), 5, d.fit(n, d.textW(), false, 10), "", 1, "L", false, 0, "")
	}
	d.gap(5)
}

func (d *doc) signInRows(list []participants.Participant) {
	tw := d.textW()
	t := newTable([]column{{"Nom", 62}, {"Pronoms", 30}, {"Signature", tw - 92}}, 10, 5, 13)
	t.middle = true
	ht := t
	ht.minH = 0 // the header needs no room to sign
	head := d.cells(ht, []string{"Nom", "Pronoms", "Signature"}, true)
	headH := ht.height(head)

	rows := make([][][]string, len(list))
	heights := make([]float64, len(list))
	for i, p := range list {
		rows[i] = [][]string{
			d.wrapMax(pdfdoc.Name(p.Name), t.cols[0].w-2*t.padH, false, t.size, signInNameLines),
			d.wrapMax(pdfdoc.Clean(p.Pronouns), t.cols[1].w-2*t.padH, false, t.size, signInPronounLines),
			nil,
		}
		heights[i] = t.height(rows[i])
	}
	blank := make([][]string, len(t.cols))
	first := d.bottom() - d.f.GetY() - headH
	rest := d.bottom() - d.top() - headH
	for i, pg := range planSignIn(heights, t.height(blank), first, rest) {
		if i > 0 {
			d.newPage()
		}
		d.drawRow(ht, head, true, true)
		for _, r := range rows[pg.from:pg.to] {
			d.drawRow(t, r, false, false)
		}
		for range pg.blanks {
			d.drawRow(t, blank, false, false)
		}
	}
}

// signInPage is what one page of the sign-in sheet holds under the table
// header: the people list[from:to], then blanks empty rows.
type signInPage struct{ from, to, blanks int }

// planSignIn lays out rows of the given heights on pages with first
// millimetres free under the header on the first page and rest on the
// others, then blank rows of height blankH to the end of the last page,
// at least minBlankRows of them. When fewer fit under the last name, that
// name moves to a new page, so that no page holds blank rows only.
func planSignIn(heights []float64, blankH, first, rest float64) []signInPage {
	const eps = 1e-6 // rows that fit exactly still fit despite rounding
	fit := func(used, room float64) int { return max(0, int((room-used+eps)/blankH)) }
	var pages []signInPage
	cur := signInPage{}
	room, used := first, 0.0
	for i, h := range heights {
		if cur.to > cur.from && used+h > room+eps {
			pages = append(pages, cur)
			cur = signInPage{from: i, to: i}
			room, used = rest, 0
		}
		cur.to = i + 1
		used += h
	}
	cur.blanks = fit(used, room)
	if cur.blanks < minBlankRows && cur.to-cur.from > 1 {
		last := cur.to - 1
		pages = append(pages, signInPage{from: cur.from, to: last})
		cur = signInPage{from: last, to: cur.to, blanks: fit(heights[last], rest)}
	}
	return append(pages, cur)
}
