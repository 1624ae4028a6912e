package handout

import (
	"fmt"
	"io"
	"strings"
	"time"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

// ErrNoCertificate is returned by Certificates when it is given nobody.
var ErrNoCertificate = usererr.New("Personne n’a droit à une attestation" + nbsp + ": aucune personne n’a encore suivi le nombre de séances demandé.")

// Certificates writes one certificate of participation (« attestation de
// participation ») per person of people, in the order given, one A4
// landscape page each. The caller decides who qualifies; r gives the
// sessions each person attended and how many were held. The certificates
// are dated of the cohort's last session. Given nobody, it writes nothing
// and returns ErrNoCertificate.
func Certificates(w io.Writer, c course.Cohort, people []participants.Participant, r attendance.Report, opt Options) error {
	if len(people) == 0 {
		return ErrNoCertificate
	}
	loc := c.Location()
	byID := make(map[int64]course.Session, len(c.Sessions))
	for _, s := range c.Sessions {
		byID[s.ID] = s
	}
	common := certificateText{
		cohort:       strings.TrimSpace(pdfdoc.Clean(c.Name)),
		facilitators: names(opt.facilitators(c)),
		issued:       issuedOn(c, loc),
	}
	return render(w, "attestations de participation", "L", "Attestations de participation", opt, func(d *doc) error {
		// A certificate is handed out on its own: no « Page n / N ».
		d.noFooter = true
		for _, p := range people {
			t := common
			t.name = pdfdoc.Name(p.Name)
			pr := r.People[p.ID]
			for _, id := range pr.Sessions {
				if s, ok := byID[id]; ok {
					t.sessions = append(t.sessions, sessionLine(s, loc))
				}
			}
			t.attended = attendedLine(len(t.sessions), max(r.Held, len(t.sessions)))
			d.certificate(t)
		}
		return nil
	})
}

// issuedOn is the date of the cohort's last session, « 2 décembre 2026 »:
// a certificate is never dated before a session it lists. It is "" when
// no session has a date.
func issuedOn(c course.Cohort, loc *time.Location) string {
	var last time.Time
	for _, s := range c.Sessions {
		if s.StartsAt.After(last) {
			last = s.StartsAt
		}
	}
	if last.IsZero() {
		return ""
	}
	return textfmt.French.Date(last.In(loc))
}

// attendedLine is « 3 séances suivies sur 5 » (« 1 séance suivie sur 5 »),
// out of the sessions held.
func attendedLine(n, held int) string {
	what := "séances suivies"
	if n <= 1 {
		what = "séance suivie"
	}
	line := textfmt.French.Int(n) + " " + what
	if held > 0 {
		line += " sur " + textfmt.French.Int(held)
	}
	return line + nbsp + ":"
}

func sessionLine(s course.Session, loc *time.Location) string {
	line := fmt.Sprintf("Séance %d", s.Number)
	if t := strings.TrimSpace(pdfdoc.Clean(s.Title)); t != "" {
		line += " — " + t
	}
	if !s.StartsAt.IsZero() {
		line += " (" + textfmt.French.Date(s.StartsAt.In(loc)) + ")"
	}
	return line
}

// certificateText is what one certificate says, cleaned for the font.
type certificateText struct {
	name         string
	attended     string
	sessions     []string
	cohort       string
	facilitators string
	issued       string
}

// The frames of a certificate and the room kept inside the inner one, in
// millimetres from the edges of the page.
const (
	outerFrame = 10.0
	innerFrame = 13.0
	framePadX  = 15.0 // between the inner frame and the text, left and right
	framePadY  = 10.0 // between the inner frame and the text, top and bottom
)

// certBlock is a paragraph of a certificate: centred lines of one font,
// after a gap.
type certBlock struct {
	text     string
	bold     bool
	size, lh float64 // points, millimetres
	col      rgb
	gap      float64 // millimetres before the block
	maxLines int
}

// certLine is a line placed on the page.
type certLine struct {
	text     string
	bold     bool
	size, lh float64
	col      rgb
	y        float64
}

func (t certificateText) blocks() []certBlock {
	b := []certBlock{
		{text: "Attestation de participation", bold: true, size: 26, lh: 12, col: accent, maxLines: 2},
		{text: "Nous attestons que", size: 12, lh: 6, col: ink, gap: 8, maxLines: 1},
		{text: t.name, bold: true, size: 22, lh: 10, col: ink, gap: 3, maxLines: 3},
		{text: "a participé à la formation", size: 12, lh: 6, col: ink, gap: 3, maxLines: 1},
		{text: "«" + nbsp + course.CourseTitle + nbsp + "»", bold: true, size: 14, lh: 7, col: ink, gap: 2, maxLines: 2},
		{text: t.attended, size: 10.5, lh: 5.5, col: muted, gap: 6, maxLines: 1},
	}
	for _, s := range t.sessions {
		b = append(b, certBlock{text: s, size: 10, lh: 5, col: ink, maxLines: 2})
	}
	gap := 6.0
	if t.cohort != "" {
		b = append(b, certBlock{text: t.cohort, size: 10.5, lh: 5.5, col: muted, gap: gap, maxLines: 2})
		gap = 0
	}
	if t.facilitators != "" {
		b = append(b, certBlock{text: "Animation" + nbsp + ": " + t.facilitators, size: 10.5, lh: 5.5, col: ink, gap: gap, maxLines: 3})
		gap = 0
	}
	if t.issued != "" {
		b = append(b, certBlock{text: "Fait le " + t.issued, size: 10.5, lh: 5.5, col: muted, gap: gap + 3, maxLines: 1})
	}
	return b
}

// certBox is where the text of a certificate goes: inside the inner frame,
// with room to spare.
func (d *doc) certBox() (x, top, w, bottom float64) {
	pw, ph := d.f.GetPageSize()
	return innerFrame + framePadX, innerFrame + framePadY, pw - 2*(innerFrame+framePadX), ph - innerFrame - framePadY
}

// layoutCertificate places the lines of t in the box, centred vertically.
// When they do not fit, the gaps shrink first, then the type; a line that
// would still cross the bottom of the box is left out rather than drawn
// over the frame.
func (d *doc) layoutCertificate(t certificateText) []certLine {
	_, top, w, bottom := d.certBox()
	blocks := t.blocks()
	place := func(gapK, sizeK float64) ([]certLine, float64) {
		var out []certLine
		y := 0.0
		for i, b := range blocks {
			if strings.TrimSpace(b.text) == "" {
				continue
			}
			if i > 0 {
				y += b.gap * gapK
			}
			size, lh := b.size*sizeK, b.lh*sizeK
			for _, l := range d.wrapMax(b.text, w, b.bold, size, b.maxLines) {
				out = append(out, certLine{text: l, bold: b.bold, size: size, lh: lh, col: b.col, y: y})
				y += lh
			}
		}
		return out, y
	}
	room := bottom - top
	var lines []certLine
	var h float64
	for _, k := range [...][2]float64{{1, 1}, {0.7, 1}, {0.4, 1}, {0.4, 0.92}, {0.4, 0.85}, {0.4, 0.78}, {0.3, 0.7}, {0.2, 0.6}} {
		if lines, h = place(k[0], k[1]); h <= room {
			break
		}
	}
	y0 := top + max(0, (room-h)/2)
	for i := range lines {
		lines[i].y += y0
	}
	for len(lines) > 0 && lines[len(lines)-1].y+lines[len(lines)-1].lh > bottom {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func (d *doc) certificate(t certificateText) {
	d.plainPage()
	f := d.f
	pw, ph := f.GetPageSize()
	d.drawColor(accent)
	f.SetLineWidth(1.2)
	f.Rect(outerFrame, outerFrame, pw-2*outerFrame, ph-2*outerFrame, "D")
	f.SetLineWidth(0.3)
	f.Rect(innerFrame, innerFrame, pw-2*innerFrame, ph-2*innerFrame, "D")
	x, _, w, _ := d.certBox()
	for _, l := range d.layoutCertificate(t) {
		d.font(l.bold, l.size)
		d.color(l.col)
		f.SetXY(x, l.y)
		f.CellFormat(w, l.lh, l.text, "", 0, "C", false, 0, "")
	}
}
