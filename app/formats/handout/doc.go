// Package handout writes the French PDF documents handed out during the
// course: the participants' handout of a session, the sign-in sheet, the
// certificates of participation and the booklet of the five sessions.
//
// Every document is reproducible: with the same input and the same
// Options.Created, the same bytes come out.
package handout

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"atelier/app/domain/course"
	"atelier/app/domain/structure"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

// Options shape every document of the package.
type Options struct {
	// Created is the creation date written in the file; with a fixed date
	// the same input always gives the same bytes. Zero means now.
	Created time.Time
	// Facilitators are named on the handouts and certificates; nil means
	// the cohort's facilitators.
	Facilitators []string
	// Structures are the cohort's diagrams, drawn at the end of the
	// structure-design session's handout (session 3).
	Structures []structure.Structure
}

func (o Options) facilitators(c course.Cohort) []string {
	if o.Facilitators != nil {
		return o.Facilitators
	}
	return c.Facilitators
}

// Page layout, in millimetres and points.
const (
	margin    = 18.0
	headerTop = 9.0
	footerH   = 14.0 // kept free at the bottom of each page for the footer
	bodySize  = 10.0
	bodyLine  = 5.0
	nbsp      = textfmt.NBSP
	nnbsp     = "\u202f" // before ; ! ?
)

type rgb = pdfdoc.RGB

var (
	ink      = pdfdoc.Ink
	muted    = pdfdoc.Muted
	accent   = pdfdoc.Accent
	linkInk  = pdfdoc.LinkInk
	ruleInk  = pdfdoc.RuleInk
	headFill = pdfdoc.HeadFill
)

// doc is one document being written. Pages break where this package
// decides (auto page break is off): ensure moves to a new page when what
// comes next does not fit.
type doc struct {
	f      *gofpdf.Fpdf
	header string // small running header; none on pages added with plain set
	plain  bool
	// noFooter leaves out « Page n / N » (certificates: each page is handed
	// to someone on its own, and the frame leaves no room for it).
	noFooter bool
	// onNewPage, when set, runs after a page break made by ensure (e.g. to
	// repeat a table's header).
	onNewPage func()
}

func newDoc(orientation, title string, opt Options) *doc {
	f := pdfdoc.New(orientation, pdfdoc.Clean(title), opt.Created, margin)
	f.SetAuthor(pdfdoc.Producer, true)
	d := &doc{f: f}
	f.SetHeaderFunc(d.drawHeader)
	f.SetFooterFunc(d.drawFooter)
	return d
}

// render runs body on a new document and writes it to w, turning a panic
// of gofpdf into an error. what names the document in the error messages.
func render(w io.Writer, what, orientation, title string, opt Options, body func(d *doc) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			cause, ok := r.(error)
			if !ok {
				cause = fmt.Errorf("%v", r)
			}
			err = notCreated(what, cause)
		}
	}()
	d := newDoc(orientation, title, opt)
	if err := body(d); err != nil {
		return err
	}
	if err := d.f.Error(); err != nil {
		return notCreated(what, err)
	}
	if err := d.f.Output(w); err != nil {
		return notWritten(what, err)
	}
	return nil
}

func notCreated(what string, cause error) error {
	return usererr.Wrap(cause, "Le document «"+nbsp+"%s"+nbsp+"» n’a pas pu être créé. "+
		"Réessayez"+nnbsp+"; si le problème revient, le détail technique est dans le journal d’Atelier.", usererr.Phrase(what))
}

// notWritten explains a failure of w, with what the person can do about it
// when the cause is a common one (a full disk, a read-only folder).
func notWritten(what string, cause error) error {
	if usererr.Message(cause) == usererr.Unexpected {
		return usererr.Wrap(cause, "Le document «"+nbsp+"%s"+nbsp+"» n’a pas pu être enregistré. "+
			"Vérifiez l’emplacement choisi et la place libre sur le disque, puis réessayez.", usererr.Phrase(what))
	}
	return usererr.Wrap(cause, "Le document «"+nbsp+"%s"+nbsp+"» n’a pas pu être enregistré. %s", usererr.Phrase(what), usererr.Reason(cause))
}

func (d *doc) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.f.SetFont(pdfdoc.Family, style, size)
}

func (d *doc) color(c rgb)     { d.f.SetTextColor(c.R, c.G, c.B) }
func (d *doc) drawColor(c rgb) { d.f.SetDrawColor(c.R, c.G, c.B) }
func (d *doc) fillColor(c rgb) { d.f.SetFillColor(c.R, c.G, c.B) }

func (d *doc) pageW() float64 { w, _ := d.f.GetPageSize(); return w }
func (d *doc) textW() float64 { return d.pageW() - 2*margin }
func (d *doc) bottom() float64 {
	_, h := d.f.GetPageSize()
	return h - margin - footerH/2
}

// top is where the body of a page starts.
func (d *doc) top() float64 { return margin + 4 }

func (d *doc) drawHeader() {
	if d.plain || d.header == "" {
		d.f.SetY(d.top())
		return
	}
	f := d.f
	d.font(false, 7.5)
	d.color(muted)
	f.SetXY(margin, headerTop)
	f.CellFormat(d.textW(), 4, d.fit(d.header, d.textW(), false, 7.5), "", 0, "L", false, 0, "")
	d.drawColor(ruleInk)
	f.SetLineWidth(0.2)
	f.Line(margin, headerTop+5, d.pageW()-margin, headerTop+5)
	f.SetY(d.top())
}

func (d *doc) drawFooter() {
	if d.noFooter {
		return
	}
	f := d.f
	_, h := f.GetPageSize()
	d.font(false, 8)
	d.color(muted)
	f.SetXY(margin, h-margin+4)
	f.CellFormat(d.textW(), 4, fmt.Sprintf("Page %d / {nb}", f.PageNo()), "", 0, "C", false, 0, "")
}

// newPage adds a page with the running header.
func (d *doc) newPage() {
	d.plain = false
	d.f.AddPage()
}

// plainPage adds a page without the running header (title pages).
func (d *doc) plainPage() {
	d.plain = true
	d.f.AddPage()
	d.plain = false
}

// ensure breaks the page when h millimetres do not fit below the cursor.
func (d *doc) ensure(h float64) {
	if d.f.GetY()+h <= d.bottom() {
		return
	}
	d.newPage()
	if d.onNewPage != nil {
		d.onNewPage()
	}
}

// breakable reports whether a line may break at r: ordinary spaces, not
// the non-breaking ones French puts before « : » and « ? » or inside
// guillemets.
func breakable(r rune) bool {
	return r == ' ' || r == '\t' || (unicode.Is(unicode.Zs, r) && r != '\u00a0' && r != '\u202f' && r != '\u2007')
}

// wrap cuts text into lines no wider than w in the given font; each line
// feed starts a new line, words longer than w are cut.
func (d *doc) wrap(text string, w float64, bold bool, size float64) []string {
	d.font(bold, size)
	f := d.f
	var out []string
	for para := range strings.SplitSeq(text, "\n") {
		words := strings.FieldsFunc(para, breakable)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		cur := ""
		for _, word := range words {
			try := word
			if cur != "" {
				try = cur + " " + word
			}
			if f.GetStringWidth(try) <= w {
				cur = try
				continue
			}
			if cur != "" {
				out = append(out, cur)
			}
			cur = word
			for f.GetStringWidth(cur) > w {
				head, rest := d.cut(cur, w)
				out = append(out, head)
				cur = rest
			}
		}
		out = append(out, cur)
	}
	return out
}

// wrapMax is wrap cut to at most n lines, the last one ending with « … »
// when text was longer.
func (d *doc) wrapMax(text string, w float64, bold bool, size float64, n int) []string {
	lines := d.wrap(text, w, bold, size)
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	// fit trims the line, « … » included, until it fits with one.
	lines[n-1] = d.fit(strings.TrimRight(lines[n-1], " ")+"…", w, bold, size)
	return lines
}

// cut splits a word too wide for w after as many runes as fit (at least one).
func (d *doc) cut(word string, w float64) (string, string) {
	rs := []rune(word)
	n := 1
	for n < len(rs) && d.f.GetStringWidth(string(rs[:n+1])) <= w {
		n++
	}
	return string(rs[:n]), string(rs[n:])
}

// fit shortens text to one line of width w, ending it with « … ».
func (d *doc) fit(text string, w float64, bold bool, size float64) string {
	d.font(bold, size)
	text = strings.ReplaceAll(text, "\n", " ")
	if d.f.GetStringWidth(text) <= w {
		return text
	}
	rs := []rune(text)
	for len(rs) > 0 && d.f.GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimSpace(string(rs)) + "…"
}

// para writes text wrapped to the text width from x = margin+indent, line
// by line, breaking pages as needed.
func (d *doc) para(text string, bold bool, size, lh, indent float64, c rgb) {
	text = pdfdoc.Clean(text)
	if strings.TrimSpace(text) == "" {
		return
	}
	w := d.textW() - indent
	for _, l := range d.wrap(text, w, bold, size) {
		d.ensure(lh)
		d.font(bold, size)
		d.color(c)
		d.f.SetX(margin + indent)
		d.f.CellFormat(w, lh, l, "", 1, "L", false, 0, "")
	}
}

// body writes a paragraph of ordinary text followed by a small gap.
func (d *doc) body(text string) {
	d.para(text, false, bodySize, bodyLine, 0, ink)
	d.gap(2)
}

func (d *doc) gap(h float64) { d.f.SetY(d.f.GetY() + h) }

// heading writes a section title, kept with at least keep millimetres of
// what follows it.
func (d *doc) heading(text string, keep float64) {
	d.gap(3)
	d.ensure(9 + keep)
	d.font(true, 14)
	d.color(accent)
	d.f.SetX(margin)
	d.f.CellFormat(d.textW(), 8, d.fit(pdfdoc.Clean(text), d.textW(), true, 14), "", 1, "L", false, 0, "")
	d.gap(1)
}

// bullet writes an item of a list.
func (d *doc) bullet(text string) {
	text = pdfdoc.Clean(text)
	lines := d.wrap(text, d.textW()-6, false, bodySize)
	for i, l := range lines {
		d.ensure(bodyLine)
		d.font(false, bodySize)
		d.color(ink)
		if i == 0 {
			d.f.SetX(margin + 1.5)
			d.f.CellFormat(4, bodyLine, "•", "", 0, "L", false, 0, "")
		}
		d.f.SetX(margin + 6)
		d.f.CellFormat(d.textW()-6, bodyLine, l, "", 1, "L", false, 0, "")
	}
	d.gap(1)
}

// names joins people's names the French way, « A, B et C », each name
// cleaned for the font.
func names(list []string) string {
	cleaned := make([]string, len(list))
	for i, n := range list {
		cleaned[i] = pdfdoc.Name(n)
	}
	return textfmt.French.List(cleaned)
}

// sessionWhen is « mercredi 4 novembre 2026, de 18 h 30 à 20 h » in the
// cohort's time zone, or "" when the session has no date.
func sessionWhen(c course.Cohort, s course.Session, end time.Time) string {
	if s.StartsAt.IsZero() {
		return ""
	}
	loc := c.Location()
	start := s.StartsAt.In(loc)
	fr := textfmt.French
	if end.After(start) {
		return fmt.Sprintf("%s, de %s à %s", fr.LongDate(start), fr.Clock(start), fr.Clock(end.In(loc)))
	}
	return fmt.Sprintf("%s à %s", fr.LongDate(start), fr.Clock(start))
}
