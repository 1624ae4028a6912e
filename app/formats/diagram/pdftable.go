package diagram

import (
	"image/color"
	"strings"

	"atelier/app/domain/structure"
	"atelier/app/formats/pdfdoc"
	"atelier/app/kit/textfmt"
)

// The table of elements and mandates, in millimetres and points.
const (
	tableFont   = 8.5
	tableLineH  = 4.0
	cellPadH    = 1.6
	cellPadV    = 1.4
	tableTitle  = "Éléments et mandats"
	unassigned  = "à pourvoir"
	minRowSplit = 3 // lines of a row worth starting at the foot of a page
)

var (
	columns = []struct {
		title string
		w     float64
	}{
		{"Élément", 44}, {"Raison d’être", 50}, {"Redevabilités", 50}, {"Domaine", 37},
		{"Méthode de décision", 31}, {"Membres", 31}, {"Fin de mandat", 30},
	}
	headFill = color.RGBA{0xE6, 0xEA, 0xEE, 0xFF}
	rule     = color.RGBA{0xB8, 0xC2, 0xCC, 0xFF}
	bodyInk  = color.RGBA{0x22, 0x22, 0x22, 0xFF}
)

// line is one wrapped line of a cell.
type line struct {
	text        string
	bold, muted bool
}

// row is one table row: the wrapped lines of each column.
type row [][]line

func (r row) lines() int {
	n := 1
	for _, c := range r {
		n = max(n, len(c))
	}
	return n
}

func (r row) height() float64 { return float64(r.lines())*tableLineH + 2*cellPadV }

// split cuts r after n lines of every column.
func (r row) split(n int) (head, rest row) {
	head, rest = make(row, len(r)), make(row, len(r))
	for i, c := range r {
		k := min(n, len(c))
		head[i], rest[i] = c[:k], c[k:]
	}
	return head, rest
}

// lines wraps text to column col; each paragraph keeps its own lines.
func (d *pdfDoc) cellLines(text string, col int, bold, muted bool) []line {
	text = d.s(text)
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var out []line
	for _, l := range wrap(text, columns[col].w-2*cellPadH, 0, d.width(bold, tableFont)) {
		out = append(out, line{text: l, bold: bold, muted: muted})
	}
	return out
}

// rows builds one row per node, in the order of the diagram.
func (d *pdfDoc) rows(s structure.Structure) []row {
	count := map[string]int{}
	for _, n := range s.Nodes {
		count[strings.TrimSpace(n.Label)]++
	}
	out := make([]row, 0, len(s.Nodes))
	for _, n := range s.Nodes {
		r := make(row, len(columns))
		r[0] = d.cellLines(n.Label, 0, true, false)
		r[0] = append(r[0], d.cellLines(kindName(n.Kind), 0, false, true)...)
		if count[strings.TrimSpace(n.Label)] > 1 {
			// Five « Coordination externe » are told apart by what they
			// are linked to.
			if near := neighbours(s, n.ID); len(near) > 0 {
				r[0] = append(r[0], d.cellLines("lié à\u00a0: "+strings.Join(near, ", "), 0, false, true)...)
			}
		}
		r[1] = d.cellLines(n.Purpose, 1, false, false)
		r[2] = d.cellLines(n.Accountabilities, 2, false, false)
		r[3] = d.cellLines(n.Domain, 3, false, false)
		r[4] = d.cellLines(n.DecisionMethod, 4, false, false)
		for _, m := range n.Members {
			r[5] = append(r[5], d.cellLines(pdfdoc.Name(m), 5, false, false)...)
		}
		if len(r[5]) == 0 {
			r[5] = d.cellLines(unassigned, 5, false, true)
		}
		if !n.TermEnd.IsZero() {
			r[6] = d.cellLines(textfmt.French.Date(n.TermEnd), 6, false, false)
		}
		out = append(out, r)
	}
	return out
}

// neighbours are the labels of the nodes linked to id, in link order.
func neighbours(s structure.Structure, id int64) []string {
	var out []string
	seen := map[int64]bool{}
	for _, l := range s.Links {
		other := int64(-1)
		switch id {
		case l.From:
			other = l.To
		case l.To:
			other = l.From
		}
		if i := s.NodeIndex(other); i >= 0 && other != id && !seen[other] {
			seen[other] = true
			out = append(out, strings.TrimSpace(s.Nodes[i].Label))
		}
	}
	return out
}

// table writes the rows on as many pages as they need, the header repeated
// on each and rows too tall for what is left of a page continued on the
// next.
func (d *pdfDoc) table(s structure.Structure) {
	f := d.f
	_, pageH := f.GetPageSize()
	bottom := pageH - footerSpace
	rows := d.rows(s)
	f.AddPage()
	y := d.tableTop(false)
	firstRow := y
	fresh := true
	for _, r := range rows {
		for {
			if y+r.height() <= bottom {
				d.row(r, y, false)
				y += r.height()
				fresh = false
				break
			}
			// A row that a fresh page can hold moves there whole; only a
			// row taller than a page is split, filling what is left.
			fit := int((bottom - y - 2*cellPadV) / tableLineH)
			if r.height() > bottom-firstRow && (fit >= minRowSplit || fresh && fit >= 1) {
				head, rest := r.split(fit)
				d.row(head, y, false)
				r = d.continued(r, rest)
			}
			f.AddPage()
			y = d.tableTop(true)
			fresh = true
		}
	}
}

// continued is what is left of r after a page break, headed by the element's
// name so the reader knows whose mandate goes on.
func (d *pdfDoc) continued(r, rest row) row {
	name := ""
	for _, l := range r[0] {
		if !l.bold {
			break
		}
		name += l.text + " "
	}
	head := d.cellLines(strings.TrimSpace(name)+" (suite)", 0, false, true)
	rest[0] = append(head, rest[0]...)
	return rest
}

// tableTop writes the table's title and header row and returns the top of
// the first row.
func (d *pdfDoc) tableTop(cont bool) float64 {
	f := d.f
	title := tableTitle
	if cont {
		title += " (suite)"
	}
	d.setFont(true, 14)
	d.textColor(titleInk)
	f.SetXY(pageMargin, pageMargin)
	f.CellFormat(0, 7, title, "", 0, "L", false, 0, "")
	head := make(row, len(columns))
	for i, c := range columns {
		head[i] = d.cellLines(c.title, i, true, false)
	}
	y := pageMargin + 10
	d.row(head, y, true)
	return y + head.height()
}

// row draws r at y with its cell borders.
func (d *pdfDoc) row(r row, y float64, header bool) {
	f := d.f
	h := r.height()
	x := pageMargin
	f.SetLineWidth(0.2)
	d.drawColor(rule)
	d.fillColor(headFill)
	style := "D"
	if header {
		style = "FD"
	}
	for i, c := range columns {
		f.Rect(x, y, c.w, h, style)
		for j, l := range r[i] {
			d.setFont(l.bold, tableFont)
			ink := bodyInk
			if l.muted {
				ink = mutedInk
			}
			d.textColor(ink)
			f.SetXY(x+cellPadH, y+cellPadV+float64(j)*tableLineH)
			f.CellFormat(c.w-2*cellPadH, tableLineH, l.text, "", 0, "LM", false, 0, "")
		}
		x += c.w
	}
}
