package handout

import (
	"fmt"
	"io"
	"strings"

	"atelier/app/domain/course"
	"atelier/app/domain/library"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/usererr"
)

// Booklet writes the handouts of every plan in one PDF, after a cover page
// with the table of contents (« Sommaire ») giving the page where each
// session starts. A plan is dated by the cohort's session of the same
// number; without one it is printed undated.
func Booklet(w io.Writer, c course.Cohort, plans []course.Plan, resourcesBySession map[int][]library.Resource, opt Options) error {
	if len(plans) == 0 {
		return usererr.New("Le livret n’a aucune séance à imprimer" + nbsp + ": les séances de la formation sont introuvables.")
	}
	// The page numbers are only known once the sessions are laid out: a
	// first pass counts them, the second writes the document.
	starts := make([]int, len(plans))
	if err := render(io.Discard, "livret", "P", "", opt, func(d *doc) error {
		d.booklet(c, plans, resourcesBySession, opt, starts)
		return nil
	}); err != nil {
		return err
	}
	return render(w, "livret", "P", course.CourseTitle+" — Livret", opt, func(d *doc) error {
		d.booklet(c, plans, resourcesBySession, opt, starts)
		return nil
	})
}

func (d *doc) booklet(c course.Cohort, plans []course.Plan, res map[int][]library.Resource, opt Options, starts []int) {
	d.plainPage()
	f := d.f
	f.SetY(45)
	w := d.textW()
	for _, l := range d.wrap(course.CourseTitle, w, true, 22) {
		d.font(true, 22)
		d.color(ink)
		f.SetX(margin)
		f.CellFormat(w, 10, l, "", 1, "C", false, 0, "")
	}
	d.gap(4)
	if n := strings.TrimSpace(c.Name); n != "" {
		d.font(false, 12)
		d.color(muted)
		f.SetX(margin)
		f.CellFormat(w, 6, d.fit(pdfdoc.Clean(n), w, false, 12), "", 1, "C", false, 0, "")
	}
	if n := names(opt.facilitators(c)); n != "" {
		d.font(false, 11)
		d.color(ink)
		f.SetX(margin)
		f.CellFormat(w, 6, d.fit(pdfdoc.Clean("Animation"+nbsp+": "+n), w, false, 11), "", 1, "C", false, 0, "")
	}
	d.gap(14)
	d.heading("Sommaire", 20)
	links := make([]int, len(plans))
	for i, p := range plans {
		links[i] = f.AddLink()
		label := fmt.Sprintf("Séance %d — %s", p.Number, p.Title)
		page := ""
		if starts[i] > 0 {
			page = fmt.Sprint(starts[i])
		}
		lines := d.wrap(pdfdoc.Clean(label), w-20, false, 11)
		for j, l := range lines {
			d.font(false, 11)
			d.color(ink)
			y := f.GetY()
			f.SetX(margin)
			f.CellFormat(w-20, 6, l, "", 0, "L", false, links[i], "")
			if j == len(lines)-1 {
				f.SetXY(margin+w-20, y)
				f.CellFormat(20, 6, page, "", 0, "R", false, links[i], "")
			}
			f.SetXY(margin, y+6)
		}
		d.gap(2)
	}
	for i, p := range plans {
		s := course.Session{Number: p.Number, Title: p.Title, Blocks: p.Blocks}
		for _, cs := range c.Sessions {
			if cs.Number == p.Number {
				s = cs
				break
			}
		}
		d.handout(c, s, p, res[p.Number], opt.facilitators(c), func(page int) {
			starts[i] = page
			f.SetLink(links[i], 0, page)
			f.Bookmark(pdfdoc.Clean(fmt.Sprintf("Séance %d — %s", p.Number, p.ShortTitle)), 0, 0)
		})
		if p.Number == 3 {
			d.structures(opt.Structures)
		}
	}
}
