package diagram

import (
	"fmt"
	"image/color"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"atelier/app/domain/structure"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/usererr"
)

// PDFOptions shape the PDF.
type PDFOptions struct {
	// Title defaults to « Séance 3 — Structure « nom » ».
	Title string
	// Subtitle, when set, is written under the title (cohort, date…).
	Subtitle string
	// Created is the creation date written in the file; with a fixed date
	// the same structure always gives the same bytes. Zero means now.
	Created time.Time
}

// Page layout of the A4 landscape document, in millimetres.
const (
	pageMargin  = 12.0
	footerSpace = 12.0 // kept free at the bottom of each page for the footer
	mmPerPt     = 25.4 / 72
	// maxMMPerUnit keeps a small diagram from being blown up to the page.
	maxMMPerUnit = 0.32
	// diagramPad is room around the nodes for arrowheads and link labels,
	// in canvas units.
	diagramPad = 16
)

// pdfDoc is one document being written; s is the cleaner of every string
// handed to gofpdf, which panics on characters above U+FFFF.
type pdfDoc struct {
	f *gofpdf.Fpdf
}

func (d *pdfDoc) s(text string) string { return pdfdoc.Clean(text) }

// PDF writes s to w as an A4 landscape document: the diagram on the first
// page, the table of elements and mandates on the following ones.
func PDF(w io.Writer, s structure.Structure, opt PDFOptions) (err error) {
	// gofpdf panics on some input it cannot encode; whatever slips through
	// pdfdoc.Clean must become an error, not a crash of the app.
	defer func() {
		if r := recover(); r != nil {
			err = usererr.Wrap(fmt.Errorf("%v", r), "Le PDF de la structure n’a pas pu être créé (un texte du diagramme résiste à la mise en page). Réessayez, ou raccourcissez les textes de ses éléments.")
		}
	}()
	title := strings.TrimSpace(opt.Title)
	if title == "" {
		title = defaultTitle(s.Name)
	}
	d := &pdfDoc{}
	title = d.s(title)
	d.f = pdfdoc.New("L", title, opt.Created, pageMargin)
	f := d.f
	f.SetFooterFunc(d.footer)

	f.AddPage()
	top := d.heading(title, d.s(opt.Subtitle))
	d.diagram(s, top)
	if len(s.Nodes) > 0 {
		d.table(s)
	}
	if err := f.Output(w); err != nil {
		return usererr.Wrap(err, "Le PDF de la structure n’a pas pu être écrit. Vérifiez qu’il reste de la place sur le disque, puis réessayez.")
	}
	return nil
}

func defaultTitle(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return "Séance 3 — Structure"
	}
	return "Séance 3 — Structure «\u00a0" + name + "\u00a0»"
}

func (d *pdfDoc) setFont(bold bool, sizePt float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.f.SetFont(pdfdoc.Family, style, sizePt)
}

func (d *pdfDoc) width(bold bool, sizePt float64) func(string) float64 {
	return func(s string) float64 {
		d.setFont(bold, sizePt)
		return d.f.GetStringWidth(s)
	}
}

func (d *pdfDoc) textColor(c color.RGBA) { d.f.SetTextColor(int(c.R), int(c.G), int(c.B)) }
func (d *pdfDoc) fillColor(c color.RGBA) { d.f.SetFillColor(int(c.R), int(c.G), int(c.B)) }
func (d *pdfDoc) drawColor(c color.RGBA) { d.f.SetDrawColor(int(c.R), int(c.G), int(c.B)) }

func (d *pdfDoc) footer() {
	f := d.f
	_, pageH := f.GetPageSize()
	d.setFont(false, 8)
	d.textColor(mutedInk)
	f.SetXY(pageMargin, pageH-pageMargin+2)
	f.CellFormat(0, 4, fmt.Sprintf("Page %d / {nb}", f.PageNo()), "", 0, "C", false, 0, "")
}

// heading writes the title and subtitle and returns where the page goes on.
func (d *pdfDoc) heading(title, subtitle string) float64 {
	f := d.f
	pageW, _ := f.GetPageSize()
	textW := pageW - 2*pageMargin
	y := pageMargin
	d.setFont(true, 16)
	d.textColor(titleInk)
	f.SetXY(pageMargin, y)
	f.CellFormat(textW, 8, singleLine(title, textW, d.width(true, 16)), "", 0, "L", false, 0, "")
	y += 9
	if subtitle != "" {
		d.setFont(false, 10)
		d.textColor(mutedInk)
		f.SetXY(pageMargin, y)
		f.CellFormat(textW, 5, singleLine(subtitle, textW, d.width(false, 10)), "", 0, "L", false, 0, "")
		y += 6
	}
	return y + 3
}

// diagram draws s between top and the footer, scaled to fit.
func (d *pdfDoc) diagram(s structure.Structure, top float64) {
	f := d.f
	pageW, pageH := f.GetPageSize()
	areaW, areaH := pageW-2*pageMargin, pageH-footerSpace-top
	if len(s.Nodes) == 0 {
		d.setFont(false, 14)
		d.textColor(mutedInk)
		f.SetXY(pageMargin, top+areaH/2-4)
		f.CellFormat(areaW, 8, emptyText, "", 0, "C", false, 0, "")
		return
	}
	lm, err := LabelMetrics()
	if err != nil {
		panic(err) // turned into an error for a person by PDF
	}
	dr := structure.Draw(s, lm)
	b := dr.Bounds()
	if isBad(b.Min.X) || isBad(b.Min.Y) || isBad(b.Max.X) || isBad(b.Max.Y) {
		d.setFont(false, 12)
		d.textColor(mutedInk)
		f.SetXY(pageMargin, top+areaH/2-4)
		f.CellFormat(areaW, 8, "Le schéma ne peut être dessiné\u00a0: coordonnées invalides.", "", 0, "C", false, 0, "")
		return
	}
	bw := float64(b.Max.X-b.Min.X) + 2*diagramPad
	bh := float64(b.Max.Y-b.Min.Y) + 2*diagramPad
	k := min(areaW/bw, areaH/bh, maxMMPerUnit)
	m := mapper{
		k:  k,
		x0: pageMargin + (areaW-bw*k)/2 + diagramPad*k - float64(b.Min.X)*k,
		y0: top + (areaH-bh*k)/2 + diagramPad*k - float64(b.Min.Y)*k,
	}
	ls := links(dr, lm)
	for _, l := range ls {
		d.link(m, l)
	}
	for i := range dr.Nodes {
		d.node(m, dr, i)
	}
	for _, l := range ls {
		d.linkLabel(m, l)
	}
}

// mapper turns canvas units into millimetres on the page.
type mapper struct{ k, x0, y0 float64 }

func (m mapper) pt(p structure.Point) gofpdf.PointType {
	return gofpdf.PointType{X: m.x0 + float64(p.X)*m.k, Y: m.y0 + float64(p.Y)*m.k}
}

func (m mapper) mm(u float64) float64 { return u * m.k }

func (d *pdfDoc) node(m mapper, dr structure.Drawing, i int) {
	f := d.f
	n, o := dr.Nodes[i], dr.Outline(i)
	col := rgba(n.Kind.Color())
	w, h := o.W, o.H
	c := m.pt(n.Center())
	sw, sh := m.mm(float64(w)), m.mm(float64(h))
	hollow := unfilled(n)
	style := "F"
	inset := 0.0
	if hollow {
		d.fillColor(white)
		d.drawColor(col)
		f.SetLineWidth(m.mm(outlineWidth))
		f.SetDashPattern([]float64{m.mm(outlineDashOn), m.mm(outlineDashOf)}, 0)
		style = "FD"
		inset = m.mm(outlineWidth) / 2
	} else {
		d.fillColor(col)
	}
	switch n.Kind.Shape() {
	case structure.ShapeCircle:
		f.Circle(c.X, c.Y, sw/2-inset, style)
	case structure.ShapeHexagon:
		hex := o.Hexagon()
		pts := make([]gofpdf.PointType, len(hex))
		for i, q := range hex {
			pts[i] = m.pt(q)
		}
		f.Polygon(pts, style)
	case structure.ShapeRoundRect:
		f.RoundedRect(c.X-sw/2+inset, c.Y-sh/2+inset, sw-2*inset, sh-2*inset,
			m.mm(float64(o.Radius()))-inset, "1234", style)
	default:
		f.Rect(c.X-sw/2+inset, c.Y-sh/2+inset, sw-2*inset, sh-2*inset, style)
	}
	if hollow {
		f.SetDashPattern([]float64{}, 0)
	}

	ink := white
	if hollow {
		ink = col
	}
	// The lines as the canvas and the PNG break them, centred in the shape
	// and kept within it.
	lines := dr.Boxes[i].Lines
	sizePt := m.mm(structure.LabelSize) / mmPerPt
	lh := m.mm(structure.LabelLine)
	d.setFont(true, sizePt)
	d.textColor(ink)
	f.ClipRect(c.X-sw/2, c.Y-sh/2, sw, sh, false)
	y := c.Y - lh*float64(len(lines))/2
	for k, l := range lines {
		f.SetXY(c.X-sw/2, y+lh*float64(k))
		f.CellFormat(sw, lh, l, "", 0, "CM", false, 0, "")
	}
	f.ClipEnd()
}

func (d *pdfDoc) link(m mapper, l link) {
	f := d.f
	col := rgba(l.kind.Color())
	d.drawColor(col)
	d.fillColor(col)
	f.SetLineWidth(m.mm(float64(l.width)))
	f.SetLineCapStyle("butt")
	if l.kind.Dashed() {
		f.SetDashPattern([]float64{m.mm(linkDashOn), m.mm(linkDashOff)}, 0)
	}
	for _, s := range l.strokes {
		a, b := m.pt(s[0]), m.pt(s[1])
		f.Line(a.X, a.Y, b.X, b.Y)
	}
	if l.kind.Dashed() {
		f.SetDashPattern([]float64{}, 0)
	}
	if l.arrow != nil {
		pts := make([]gofpdf.PointType, len(l.arrow))
		for i, q := range l.arrow {
			pts[i] = m.pt(q)
		}
		f.Polygon(pts, "F")
	}
}

func (d *pdfDoc) linkLabel(m mapper, l link) {
	label := l.label
	if strings.TrimSpace(label) == "" {
		return
	}
	f := d.f
	sizePt := m.mm(linkLabelSize) / mmPerPt
	d.setFont(false, sizePt)
	tw := f.GetStringWidth(label)
	h := sizePt * mmPerPt * 1.25
	pad := m.mm(linkLabelPad)
	c := m.pt(l.mid)
	d.fillColor(white)
	f.RoundedRect(c.X-tw/2-pad, c.Y-h/2, tw+2*pad, h, pad, "1234", "F")
	d.textColor(rgba(l.kind.Color()))
	f.SetXY(c.X-tw/2, c.Y-h/2)
	f.CellFormat(tw, h, label, "", 0, "CM", false, 0, "")
}
