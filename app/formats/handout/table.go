package handout

import "atelier/app/formats/pdfdoc"

// column is one column of a table: its title and width in millimetres.
type column struct {
	title string
	w     float64
}

// table lays rows out under a header that is repeated on every page the
// table spans. Rows are at least minH high; a row taller than a page is
// split across pages.
type table struct {
	cols []column
	size float64 // font size, points
	lh   float64 // line height
	minH float64 // minimum row height
	padH float64
	padV float64
	// middle centres each cell's lines in the height of its row (rows of
	// the sign-in sheet are taller than their text, for the signature).
	middle bool
}

func newTable(cols []column, size, lh, minH float64) table {
	return table{cols: cols, size: size, lh: lh, minH: minH, padH: 1.6, padV: 1.4}
}

// cells wraps each cell of a row to its column.
func (d *doc) cells(t table, values []string, bold bool) [][]string {
	out := make([][]string, len(t.cols))
	for i, c := range t.cols {
		if i < len(values) && values[i] != "" {
			out[i] = d.wrap(pdfdoc.Clean(values[i]), c.w-2*t.padH, bold, t.size)
		}
	}
	return out
}

func lineCount(r [][]string) int {
	n := 1
	for _, c := range r {
		n = max(n, len(c))
	}
	return n
}

func (t table) height(r [][]string) float64 {
	return max(float64(lineCount(r))*t.lh+2*t.padV, t.minH)
}

// drawRow draws r at the cursor and moves the cursor below it.
func (d *doc) drawRow(t table, r [][]string, bold, header bool) {
	f := d.f
	y := f.GetY()
	h := t.height(r)
	x := margin
	f.SetLineWidth(0.2)
	d.drawColor(ruleInk)
	d.fillColor(headFill)
	style := "D"
	if header {
		style = "FD"
	}
	for i, c := range t.cols {
		f.Rect(x, y, c.w, h, style)
		d.font(bold, t.size)
		d.color(ink)
		top := y + t.padV
		if t.middle {
			top = y + (h-float64(len(r[i]))*t.lh)/2
		}
		for j, l := range r[i] {
			f.SetXY(x+t.padH, top+float64(j)*t.lh)
			f.CellFormat(c.w-2*t.padH, t.lh, l, "", 0, "LM", false, 0, "")
		}
		x += c.w
	}
	f.SetXY(margin, y+h)
}

// table writes the header and rows, breaking pages as needed.
func (d *doc) table(t table, rows [][]string) {
	head := make([]string, len(t.cols))
	for i, c := range t.cols {
		head[i] = c.title
	}
	hr := d.cells(t, head, true)
	prev := d.onNewPage
	d.onNewPage = func() { d.drawRow(t, hr, true, true) }
	defer func() { d.onNewPage = prev }()

	first := d.cells(t, firstOr(rows), false)
	d.ensure(t.height(hr) + t.height(first))
	d.drawRow(t, hr, true, true)
	for _, values := range rows {
		r := d.cells(t, values, false)
		for {
			room := d.bottom() - d.f.GetY()
			if t.height(r) <= room {
				d.drawRow(t, r, false, false)
				break
			}
			fresh := d.bottom() - d.top() - t.height(hr)
			fit := int((room - 2*t.padV) / t.lh)
			if t.height(r) > fresh && fit >= 1 {
				// Taller than a whole page: fill what is left, go on after.
				headPart, rest := splitRow(r, fit)
				d.drawRow(t, headPart, false, false)
				r = rest
			}
			d.newPage()
			d.drawRow(t, hr, true, true)
		}
	}
}

func firstOr(rows [][]string) []string {
	if len(rows) == 0 {
		return nil
	}
	return rows[0]
}

func splitRow(r [][]string, n int) (head, rest [][]string) {
	head, rest = make([][]string, len(r)), make([][]string, len(r))
	for i, c := range r {
		k := min(n, len(c))
		head[i], rest[i] = c[:k], c[k:]
	}
	return head, rest
}
