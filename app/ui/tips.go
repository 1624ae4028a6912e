package ui

import (
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
}

func newTipLabel(u *UI, text string) *tipLabel {
	l := &tipLabel{ui: u}
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// cut reports whether the label cannot show its whole text.
func (l *tipLabel) cut() bool {
	th := l.Theme()
	size := th.Size(theme.SizeNameText)
	if l.SizeName != "" {
		size = th.Size(l.SizeName)
	}
	return fyne.MeasureText(l.Text, size, l.TextStyle).Width+2*th.Size(theme.SizeNameInnerPadding) > l.Size().Width+0.5
}

func (l *tipLabel) MouseIn(*desktop.MouseEvent) {
	if l.Text != "" && l.cut() {
		l.ui.showTip(l.Text, l)
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
