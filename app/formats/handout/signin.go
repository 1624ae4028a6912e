package handout

import (
	"fmt"
	"io"
	"strings"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
)

// blankSignInRows are left at the end of the sign-in sheet for people who
// come without being on the list.
const blankSignInRows = 3

// SignIn writes the sign-in sheet (« feuille d’émargement ») of session s
// to w: one row per person, sorted the French way, with a wide empty cell
// to sign, on as many pages as needed with the header repeated.
func SignIn(w io.Writer, c course.Cohort, s course.Session, people []participants.Participant, opt Options) error {
	list := append([]participants.Participant(nil), people...)
	participants.SortByName(list)
	return render(w, "feuille d’émargement", "P", "Feuille d’émargement — Séance "+fmt.Sprint(s.Number), opt, func(d *doc) error {
		d.header = clean(course.CourseTitle + " — Feuille d’émargement, séance " + fmt.Sprint(s.Number))
		d.plainPage()
		d.font(true, 18)
		d.color(accent)
		d.f.SetX(margin)
		d.f.CellFormat(d.textW(), 9, "Feuille d’émargement", "", 1, "L", false, 0, "")
		d.para(course.CourseTitle, false, 10, 5, 0, muted)
		title := fmt.Sprintf("Séance %d", s.Number)
		if t := strings.TrimSpace(s.Title); t != "" {
			title += " — " + t
		}
		d.para(title, true, 11, 5.5, 0, ink)
		if when := sessionWhen(c, s, agenda.Layout(s.StartsAt, s.Blocks).End); when != "" {
			d.para(when, false, 10, 5, 0, ink)
		}
		if n := strings.TrimSpace(c.Name); n != "" {
			d.para(n, false, 10, 5, 0, muted)
		}
		d.gap(5)
		tw := d.textW()
		t := newTable([]column{{"Nom", 62}, {"Pronoms", 30}, {"Signature", tw - 92}}, 10, 5, 13)
		rows := make([][]string, 0, len(list)+blankSignInRows)
		for _, p := range list {
			rows = append(rows, []string{p.Name, p.Pronouns, ""})
		}
		for range blankSignInRows {
			rows = append(rows, []string{"", "", ""})
		}
		d.table(t, rows)
		return nil
	})
}
