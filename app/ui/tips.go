package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipWidth bounds a tip: a longer text wraps inside it.
const tipWidth = 460

// tipLabel is a label that ends in « … » when its column is too narrow
// for it (a long name, a courriel, a title in a list) and then shows its
// whole text in a tip under it while the pointer is over it.
type tipLabel struct {
	widget.Label
	ui *UI
	// whole is the text before it was cut to fit (setCell), if it was.
	whole string
}

func newTipLabel(u *UI, text string) *tipLabel {
	l := &tipLabel{ui: u}
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// wholeText is the text the label stands for, cut or not.
func (l *tipLabel) wholeText() string {
	if l.whole != "" {
		return l.whole
	}
	return l.Text
}

// cut reports whether the label cannot show its whole text.
func (l *tipLabel) cut() bool {
	if l.whole != "" {
		return l.whole != l.Text // cut by setCell, to its column's width
	}
	th := l.Theme()
	size := th.Size(theme.SizeNameText)
	if l.SizeName != "" {
		size = th.Size(l.SizeName)
	}
	return fyne.MeasureText(l.Text, size, l.TextStyle).Width+2*th.Size(theme.SizeNameInnerPadding) > l.Size().Width+0.5
}

func (l *tipLabel) MouseIn(*desktop.MouseEvent) {
	if l.wholeText() != "" && l.cut() {
		l.ui.showTip(l.wholeText(), l)
	}
}

func (l *tipLabel) MouseMoved(*desktop.MouseEvent) {}

func (l *tipLabel) MouseOut() { l.ui.hideTip() }

// setContent puts content in the window with the layer tips are drawn on
// above it. The layer is part of the content, not an overlay: the driver
// looks for the object under the pointer only in the top overlay, so a tip
// shown as one would take the pointer from the label and vanish at once.
// Nothing in the layer takes the pointer: clicks and hovering go through.
func (u *UI) setContent(content fyne.CanvasObject) {
	if u.tips == nil {
		u.tips = container.NewWithoutLayout()
	}
	u.win.SetContent(container.NewStack(content, u.tips))
}

// showTip shows text in a tip just under object o (above it near the
// bottom of the window), kept inside the window.
func (u *UI) showTip(text string, o fyne.CanvasObject) {
	if u.tips == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(o).Subtract(d.AbsolutePositionForObject(u.tips))
	label := widget.NewLabel(text)
	if label.MinSize().Width > tipWidth {
		label.Wrapping = fyne.TextWrapWord
		label.Resize(fyne.NewSize(tipWidth, 0))
	}
	size := fyne.NewSize(min(label.MinSize().Width, tipWidth), 0)
	label.Resize(size)
	size.Height = label.MinSize().Height
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameForeground)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	tip := container.NewStack(bg, label)
	tip.Resize(size)
	room := u.tips.Size()
	pos := fyne.NewPos(at.X, at.Y+o.Size().Height)
	if pos.Y+size.Height > room.Height {
		pos.Y = at.Y - size.Height
	}
	pos.X = max(0, min(pos.X, room.Width-size.Width))
	pos.Y = max(0, pos.Y)
	tip.Move(pos)
	u.tips.Objects = []fyne.CanvasObject{tip}
	u.tips.Refresh()
}

// hideTip takes the tip away.
func (u *UI) hideTip() {
	if u.tips != nil && len(u.tips.Objects) > 0 {
		u.tips.Objects = nil
		u.tips.Refresh()
	}
}

// tipText is the text of the tip on view, if any.
func (u *UI) tipText() string {
	if u.tips == nil || len(u.tips.Objects) == 0 {
		return ""
	}
	return u.tips.Objects[0].(*fyne.Container).Objects[1].(*widget.Label).Text
}

// cutToFit is text as it fits in room: whole, or its longest start that
// fits with « … » after it. Where to cut is found by adding each letter's
// width (measured once per letter, size and style), then checked on the
// result, so that kerning never lets it overflow: two or three
// measurements where Fyne's ellipsis shapes the text over again.
func cutToFit(text string, room, size float32, style fyne.TextStyle) string {
	if text == "" || fyne.MeasureText(text, size, style).Width <= room {
		return text
	}
	const ellipsis = "…"
	left := room - letterWidth('…', size, style)
	runes := []rune(text)
	n, used := 0, float32(0)
	for n < len(runes) {
		w := letterWidth(runes[n], size, style)
		if used+w > left {
			break
		}
		used += w
		n++
	}
	for ; n > 0; n-- {
		cut := strings.TrimRightFunc(string(runes[:n]), unicode.IsSpace) + ellipsis
		if fyne.MeasureText(cut, size, style).Width <= room {
			return cut
		}
	}
	return ellipsis
}

type letterKey struct {
	r     rune
	size  float32
	style fyne.TextStyle
}

// letterWidths caches letterWidth; the window's goroutine alone uses it.
var letterWidths = map[letterKey]float32{}

// letterWidth is the width of r alone in size and style.
func letterWidth(r rune, size float32, style fyne.TextStyle) float32 {
	k := letterKey{r, size, style}
	if w, ok := letterWidths[k]; ok {
		return w
	}
	w := fyne.MeasureText(string(r), size, style).Width
	letterWidths[k] = w
	return w
}
