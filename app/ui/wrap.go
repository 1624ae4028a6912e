package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wrapText is a label that wraps as French is set: never at a no-break
// space (« guillemets », « 90 min », the space before « : »), which Fyne
// takes for an ordinary one; a name or a courriel too long for the line
// breaks after a hyphen, a dot or a slash, or before the @, rather than
// anywhere. Its Text stays the whole text: only what is drawn is broken.
type wrapText struct {
	widget.Label
	drawn *widget.RichText
	width float32 // the width the lines were broken for
}

// wrapped is a label whose text wraps to its width.
func wrapped(text string) *wrapText {
	t := &wrapText{}
	t.Text = text
	t.ExtendBaseWidget(t)
	return t
}

func (t *wrapText) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	t.drawn = widget.NewRichText(&widget.TextSegment{})
	t.sync()
	return &wrapTextRenderer{t}
}

// Refresh draws the text again, after a change to Text or to its style.
func (t *wrapText) Refresh() {
	if t.drawn == nil {
		return // not drawn yet
	}
	t.sync()
	t.BaseWidget.Refresh()
}

// SetText shows text, wrapped; the same text again costs nothing.
func (t *wrapText) SetText(text string) {
	if t.Text == text && t.drawn != nil {
		return
	}
	t.Text = text
	t.Refresh()
}

func (t *wrapText) textSize() float32 {
	if t.SizeName != "" {
		return t.Theme().Size(t.SizeName)
	}
	return t.Theme().Size(theme.SizeNameText)
}

// sync breaks the text for the width the label has and gives the drawn
// text the label's style, as Fyne's Label does.
func (t *wrapText) sync() {
	th := t.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	t.width = t.Size().Width
	text := t.Text
	if t.width > 2*pad {
		size, style := t.textSize(), t.TextStyle
		text = breakLines(t.Text, t.width-2*pad, func(s string) float32 { return fyne.MeasureText(s, size, style).Width })
	}
	color := theme.ColorNameForeground
	switch t.Importance {
	case widget.LowImportance:
		color = theme.ColorNameDisabled
	case widget.HighImportance:
		color = theme.ColorNamePrimary
	case widget.DangerImportance:
		color = theme.ColorNameError
	case widget.WarningImportance:
		color = theme.ColorNameWarning
	case widget.SuccessImportance:
		color = theme.ColorNameSuccess
	}
	sizeName := t.SizeName
	if sizeName == "" {
		sizeName = theme.SizeNameText
	}
	seg := t.drawn.Segments[0].(*widget.TextSegment)
	seg.Text = text
	seg.Style = widget.RichTextStyle{Alignment: t.Alignment, ColorName: color, Inline: true, TextStyle: t.TextStyle, SizeName: sizeName}
	t.drawn.Refresh()
}

type wrapTextRenderer struct{ t *wrapText }

func (r *wrapTextRenderer) Destroy() {}

func (r *wrapTextRenderer) Layout(size fyne.Size) {
	if size.Width != r.t.width {
		r.t.sync()
	}
	r.t.drawn.Resize(size)
}

// MinSize is as wide as the widest piece the text cannot be broken
// inside (a few words held by no-break spaces), at most a short line; as
// high as the lines the text takes at its width.
func (r *wrapTextRenderer) MinSize() fyne.Size {
	th := r.t.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	size, style := r.t.textSize(), r.t.TextStyle
	var widest float32
	for _, piece := range strings.FieldsFunc(r.t.Text, func(c rune) bool { return c == ' ' || c == '\n' || c == '\t' }) {
		widest = max(widest, fyne.MeasureText(piece, size, style).Width)
	}
	m := r.t.drawn.MinSize()
	m.Width = min(widest, 10*size) + 2*pad
	return m
}

func (r *wrapTextRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.drawn} }

func (r *wrapTextRenderer) Refresh() { r.t.sync() }

// breakLines breaks text into lines no wider than width, as measured by
// measure: at ordinary spaces only; a piece wider than the line (a long
// courriel, a name) after a hyphen, a dot, a slash or an underscore, or
// before an @; a piece without any of those, at the widest that fits.
func breakLines(text string, width float32, measure func(string) float32) string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Split(para, " ") {
			if line == "" && word == "" {
				continue
			}
			try := word
			if line != "" {
				try = line + " " + word
			}
			if measure(try) <= width || line == "" && measure(word) <= width {
				line = try
				continue
			}
			if line != "" {
				out = append(out, line)
			}
			pieces := splitLong(word, width, measure)
			out = append(out, pieces[:len(pieces)-1]...)
			line = pieces[len(pieces)-1]
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// splitLong cuts a word wider than width where a person would, the last
// piece being what is left.
func splitLong(word string, width float32, measure func(string) float32) []string {
	var pieces []string
	for measure(word) > width {
		runes := []rune(word)
		cut, fits := 0, 0
		for i := 1; i < len(runes); i++ {
			if measure(string(runes[:i])) > width {
				break
			}
			fits = i
			if strings.ContainsRune("-‐/._", runes[i-1]) || runes[i] == '@' {
				cut = i
			}
		}
		if cut == 0 {
			cut = max(fits, 1)
		}
		pieces = append(pieces, string(runes[:cut]))
		word = string(runes[cut:])
	}
	return append(pieces, word)
}
