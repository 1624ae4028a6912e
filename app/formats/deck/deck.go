// Package deck writes a session's slide deck as a PDF of 16:9 pages, one
// slide a page, for a facilitator to project or share: the title, the
// lines of the slide, its quote, and a footer naming the session. Speaker
// notes stay out of it (they are the team's). The same plan and
// Options.Created give the same bytes.
package deck

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/domain/structure"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/usererr"
)

// Options shape the deck.
type Options struct {
	// Created is written as the file's date; zero means now. A fixed one
	// makes the bytes reproducible.
	Created time.Time
}

// Layout, in millimetres and points.
const (
	margin     = 16.0
	titleSize  = 26.0
	lineSize   = 19.0
	minLine    = 13.0 // the smallest a line may shrink to fit
	quoteSize  = 20.0
	footerSize = 9.0
	mmPerPt    = 25.4 / 72
)

var (
	ink, muted, accent = pdfdoc.Ink, pdfdoc.Muted, pdfdoc.Accent
	band               = pdfdoc.HeadFill
)

// PDF writes plan's deck to w.
func PDF(w io.Writer, plan course.Plan, opt Options) error {
	if len(plan.Slides) == 0 {
		return usererr.New("La séance %d n’a pas de diaporama.", plan.Number)
	}
	f := pdfdoc.NewWide(fmt.Sprintf("Séance %d — %s — diaporama", plan.Number, plan.ShortTitle), opt.Created, margin)
	f.SetAuthor(pdfdoc.Producer, true)
	for i, s := range plan.Slides {
		f.AddPage()
		if i == 0 {
			cover(f, plan, s)
		} else {
			page(f, plan, i, s)
		}
		footer(f, plan, i)
	}
	if err := f.Error(); err != nil {
		return usererr.Wrap(err, "Le diaporama de la séance %d n’a pas pu être écrit.", plan.Number)
	}
	return f.Output(w)
}

func color(f *gofpdf.Fpdf, c pdfdoc.RGB) { f.SetTextColor(c.R, c.G, c.B) }
func fill(f *gofpdf.Fpdf, c pdfdoc.RGB)  { f.SetFillColor(c.R, c.G, c.B) }
func lineHeight(size float64) float64    { return size * mmPerPt * 1.3 }

// page draws slide i (0-based) of plan.
func page(f *gofpdf.Fpdf, plan course.Plan, i int, s course.Slide) {
	w, h := f.GetPageSize()
	width := w - 2*margin
	// A band down the left edge, in the documents' accent.
	fill(f, accent)
	f.Rect(0, 0, 4, h, "F")

	y := margin
	f.SetFont(pdfdoc.Family, "B", titleSize)
	color(f, accent)
	for _, l := range split(f, s.Title, width) {
		f.SetXY(margin, y)
		f.CellFormat(width, lineHeight(titleSize), l, "", 0, "L", false, 0, "")
		y += lineHeight(titleSize)
	}
	y += 6

	bottom := h - margin - lineHeight(footerSize) - 4
	size := fitLines(f, s.Lines, width-8, bottom-y-quoteHeight(f, s, width), lineSize, listGap)
	f.SetFont(pdfdoc.Family, "", size)
	color(f, ink)
	for _, line := range s.Lines {
		parts := split(f, line, width-8)
		fill(f, accent)
		f.Rect(margin, y+lineHeight(size)/2-1.2, 2.4, 2.4, "F")
		for _, p := range parts {
			f.SetXY(margin+8, y)
			f.CellFormat(width-8, lineHeight(size), p, "", 0, "L", false, 0, "")
			y += lineHeight(size)
		}
		y += listGap(size)
	}
	if s.Quote != "" {
		y += 3
		q := split(f, "«\u00a0"+s.Quote+"\u00a0»", width-12)
		fill(f, band)
		f.Rect(margin, y, width, quoteHeight(f, s, width)-3, "F")
		f.SetFont(pdfdoc.Family, "", quoteSize)
		color(f, ink)
		y += 3
		for _, l := range q {
			f.SetXY(margin+6, y)
			f.CellFormat(width-12, lineHeight(quoteSize), l, "", 0, "L", false, 0, "")
			y += lineHeight(quoteSize)
		}
		f.SetFont(pdfdoc.Family, "", lineSize*0.7)
		color(f, muted)
		f.SetXY(margin+6, y)
		f.CellFormat(width-12, lineHeight(lineSize*0.7), pdfdoc.Clean("— "+s.QuoteSource), "", 0, "R", false, 0, "")
	}
}

// footer names the session and numbers the slide.
func footer(f *gofpdf.Fpdf, plan course.Plan, i int) {
	w, h := f.GetPageSize()
	width := w - 2*margin
	f.SetFont(pdfdoc.Family, "", footerSize)
	color(f, muted)
	fy := h - margin/2 - lineHeight(footerSize)
	f.SetXY(margin, fy)
	f.CellFormat(width*0.8, lineHeight(footerSize), pdfdoc.Clean(fmt.Sprintf("Séance %d · %s · %s", plan.Number, plan.ShortTitle, course.CourseTitle)), "", 0, "L", false, 0, "")
	f.SetXY(margin+width*0.8, fy)
	f.CellFormat(width*0.2, lineHeight(footerSize), fmt.Sprintf("%d\u00a0/\u00a0%d", i+1, len(plan.Slides)), "", 0, "R", false, 0, "")
}

// cover draws the deck's first slide as its title page: the course, the
// session's number and official title, then what the slide itself says,
// less the lines that repeat the title or the course's name.
func cover(f *gofpdf.Fpdf, plan course.Plan, s course.Slide) {
	w, h := f.GetPageSize()
	width := w - 2*margin
	fill(f, accent)
	f.Rect(0, 0, w, 6, "F")
	y := h * 0.2
	center := func(text string, style string, size float64, c pdfdoc.RGB) {
		f.SetFont(pdfdoc.Family, style, size)
		color(f, c)
		for _, l := range split(f, text, width) {
			f.SetXY(margin, y)
			f.CellFormat(width, lineHeight(size), l, "", 0, "C", false, 0, "")
			y += lineHeight(size)
		}
	}
	center(course.CourseTitle, "", 14, muted)
	y += 4
	center(fmt.Sprintf("Séance %d sur %d · %d\u00a0min en ligne", plan.Number, course.SessionCount, agenda.SessionMinutes), "B", 16, accent)
	y += 3
	center(plan.Title, "B", titleSize, ink)
	y += 5
	f.SetDrawColor(accent.R, accent.G, accent.B)
	f.SetLineWidth(0.6)
	f.Line(w/2-25, y, w/2+25, y)
	y += 7
	lines := coverLines(plan, s)
	bottom := h - margin - lineHeight(footerSize) - 4
	size := fitLines(f, lines, width, bottom-y, 15, func(float64) float64 { return 1.5 })
	for _, line := range lines {
		center(line, "", size, ink)
		y += 1.5
	}
}

// coverLines is what the first slide adds to the title page: its title
// when it is not the session's own, and its lines, without repeats of the
// official title, the course's name or the session's number (the page
// says them already).
func coverLines(plan course.Plan, s course.Slide) []string {
	norm := func(t string) string {
		return strings.ToLower(strings.Join(strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " "))
	}
	title, courseName := norm(plan.Title), norm(course.CourseTitle)
	session := norm(fmt.Sprintf("séance %d ", plan.Number))
	ofFive := norm(fmt.Sprintf("séance %d sur %d", plan.Number, course.SessionCount))
	repeats := func(t string) bool {
		n := norm(t)
		return n == "" || strings.HasPrefix(n, session) || strings.Contains(title, n) || strings.Contains(n, title) || strings.Contains(n, courseName) ||
			strings.Contains(n, ofFive) && len(n) < 40
	}
	var out []string
	for _, t := range append([]string{s.Title}, s.Lines...) {
		if !repeats(t) {
			out = append(out, t)
		}
	}
	return out
}

// split breaks text into lines of at most width in the current font, at
// ordinary spaces only: « 25 min », « : » and « ? » keep their no-break
// spaces (gofpdf's own SplitText breaks there too).
func split(f *gofpdf.Fpdf, text string, width float64) []string {
	return structure.Wrap(pdfdoc.Clean(text), width, 0, f.GetStringWidth)
}

// quoteHeight is the room the slide's quote takes, 0 without one.
func quoteHeight(f *gofpdf.Fpdf, s course.Slide, width float64) float64 {
	if s.Quote == "" {
		return 0
	}
	f.SetFont(pdfdoc.Family, "", quoteSize)
	n := len(split(f, "«\u00a0"+s.Quote+"\u00a0»", width-12))
	return 6 + float64(n)*lineHeight(quoteSize) + lineHeight(lineSize*0.7) + 3
}

// listGap is the space after each line of a slide's list.
func listGap(size float64) float64 { return lineHeight(size) * 0.35 }

// fitLines is the largest size, from largest down to minLine, at which
// lines, each followed by gap(size), fit in height.
func fitLines(f *gofpdf.Fpdf, lines []string, width, height, largest float64, gap func(size float64) float64) float64 {
	size := largest
	for ; size > minLine; size-- {
		f.SetFont(pdfdoc.Family, "", size)
		used := 0.0
		for _, l := range lines {
			used += float64(len(split(f, l, width)))*lineHeight(size) + gap(size)
		}
		if used <= height {
			break
		}
	}
	return size
}
