package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// thinBar is a progress line a few pixels high: the live panel shows how
// far the session has gone without giving it a row of text height.
type thinBar struct {
	widget.BaseWidget
	value float64
	track *canvas.Rectangle
	fill  *canvas.Rectangle
}

func newThinBar() *thinBar {
	b := &thinBar{
		track: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		fill:  canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)),
	}
	b.ExtendBaseWidget(b)
	return b
}

// SetValue sets the part done, between 0 and 1.
func (b *thinBar) SetValue(v float64) {
	v = min(max(v, 0), 1)
	if v != b.value {
		b.value = v
		b.Refresh()
	}
}

func (b *thinBar) CreateRenderer() fyne.WidgetRenderer {
	return &thinBarRenderer{b: b}
}

type thinBarRenderer struct{ b *thinBar }

func (r *thinBarRenderer) Layout(size fyne.Size) {
	r.b.track.Resize(size)
	r.b.fill.Resize(fyne.NewSize(size.Width*float32(r.b.value), size.Height))
}

func (r *thinBarRenderer) MinSize() fyne.Size { return fyne.NewSize(16, 6) }

func (r *thinBarRenderer) Refresh() {
	r.b.track.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.b.fill.FillColor = theme.Color(theme.ColorNamePrimary)
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *thinBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.track, r.b.fill}
}

func (r *thinBarRenderer) Destroy() {}
