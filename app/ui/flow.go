package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// flowRow lays out objs left to right and runs on to a new row where the
// width ends, as words do: a toolbar on a small laptop takes two rows
// rather than hiding its last buttons behind a scroll. Fyne's own
// RowWrapLayout keeps the width it was once given as its minimum, so a
// pane could never narrow again; a flowRow asks only for its widest
// object's width.
//
// Its height depends on its width, which a Fyne layout is told only after
// its parent has asked for its size: sizedBy names the container whose
// width it always has (the pane it heads), read when the height is asked.
func flowRow(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&flow{}, objs...)
}

// sizedBy tells the flowRow row that it is always as wide as pane.
func sizedBy(row *fyne.Container, pane fyne.CanvasObject) {
	row.Layout.(*flow).pane = pane
}

type flow struct {
	pane  fyne.CanvasObject // as wide as the row, when known
	width float32           // the width last laid out in, 0 before
}

// place gives each visible object its position in width and returns the
// number of rows and their height; move says whether to move them.
func (f *flow) place(objs []fyne.CanvasObject, width float32, move bool) (rows int, rowHeight float32) {
	pad := theme.Padding()
	for _, o := range objs {
		if o.Visible() {
			rowHeight = max(rowHeight, o.MinSize().Height)
		}
	}
	x := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		size := o.MinSize()
		if rows == 0 {
			rows = 1
		} else if x+size.Width > width {
			rows++
			x = 0
		}
		if move {
			o.Move(fyne.NewPos(x, float32(rows-1)*(rowHeight+pad)+(rowHeight-size.Height)/2))
			o.Resize(size)
		}
		x += size.Width + pad
	}
	return rows, rowHeight
}

func (f *flow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var widest float32
	for _, o := range objs {
		if o.Visible() {
			widest = max(widest, o.MinSize().Width)
		}
	}
	width := f.width
	if f.pane != nil && f.pane.Size().Width > 0 {
		width = f.pane.Size().Width
	}
	if width == 0 {
		width = float32(1 << 20) // not laid out yet: one row
	}
	rows, rowHeight := f.place(objs, max(width, widest), false)
	if rows == 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(widest, float32(rows)*rowHeight+float32(rows-1)*theme.Padding())
}

func (f *flow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.place(objs, size.Width, true)
}
