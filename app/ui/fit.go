package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitOptions puts sel in a box as wide as its longest option, so that no
// choice reads « Séance 1 · … »: Fyne sizes a Select to its placeholder.
// The options are measured each time, so SetOptions is followed. An
// option longer than a third of a small laptop's screen (a catalogue's
// source can be a whole organisation's name) is not let widen the filter
// bar: chosen, it ends in « … », and the open list shows it whole.
func fitOptions(sel *widget.Select) fyne.CanvasObject {
	return container.New(optionsWidth{sel}, sel)
}

// widestOption is the widest a Select is made for its options.
const widestOption = 300

type optionsWidth struct{ sel *widget.Select }

func (o optionsWidth) MinSize([]fyne.CanvasObject) fyne.Size {
	m := o.sel.MinSize()
	th := o.sel.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	// What Fyne's select renderer adds around its text: padding on both
	// sides and between, the arrow.
	extra := pad*4 + th.Size(theme.SizeNameInlineIcon)
	for _, option := range o.sel.Options {
		if w := fyne.MeasureText(option, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width + extra; w > m.Width {
			m.Width = min(w, max(m.Width, widestOption))
		}
	}
	return m
}

func (optionsWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.Position{})
	objs[0].Resize(size)
}
