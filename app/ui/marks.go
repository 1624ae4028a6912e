package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
)

// markStyle is how an attendance mark shows: a colour of its own and a
// symbol of its own, so that a mark is told without its colour (a reader
// who does not see red from green, a grey screen) and without its word.
type markStyle struct {
	importance widget.Importance   // the label's colour
	color      fyne.ThemeColorName // the same colour, for the symbol
	// symbol is the icon, before it is coloured; asked of the theme when
	// drawn, not when the program starts (no app exists then, and every
	// command of the CLI would log that Fyne has none).
	symbol func() fyne.Resource
}

// markStyles: present a tick in green, late a clock in orange, excused an
// « i » in blue, absent a cross in red.
var markStyles = map[participants.Mark]markStyle{
	participants.Present: {widget.SuccessImportance, theme.ColorNameSuccess, theme.ConfirmIcon},
	participants.Retard:  {widget.WarningImportance, theme.ColorNameWarning, theme.HistoryIcon},
	participants.Excuse:  {widget.HighImportance, theme.ColorNamePrimary, theme.InfoIcon},
	participants.Absent:  {widget.DangerImportance, theme.ColorNameError, theme.CancelIcon},
}

// styleOf is m's style; no mark (or an unknown one) is plain text, no symbol.
func styleOf(m participants.Mark) markStyle {
	if s, ok := markStyles[m]; ok {
		return s
	}
	return markStyle{importance: widget.MediumImportance, color: theme.ColorNameForeground}
}

// icon is the mark's symbol in its colour; nil for no mark.
func (s markStyle) icon() fyne.Resource {
	if s.symbol == nil {
		return nil
	}
	return theme.NewColoredResource(s.symbol(), s.color)
}

// showMark puts mark m in icon and label, text being what the label says.
// No mark hides the icon, and the label reads as secondary text.
func showMark(icon *widget.Icon, label *widget.Label, m participants.Mark, text string) {
	s := styleOf(m)
	if m == "" {
		s.importance = widget.LowImportance
	}
	label.Importance = s.importance
	if res := s.icon(); res != nil {
		icon.SetResource(res)
		icon.Show()
	} else {
		icon.Hide()
	}
	label.SetText(text)
}

// markOf is the mark a label of markLabel names; "" for none.
func markOf(label string) participants.Mark {
	for _, m := range participants.Marks() {
		if markLabel(m) == label {
			return m
		}
	}
	return ""
}

// markPicker is a choice of mark with its symbol beside it, which follows
// the choice.
func markPicker(options []string, selected participants.Mark) (*widget.Select, fyne.CanvasObject) {
	symbol := widget.NewIcon(styleOf(selected).icon())
	pick := widget.NewSelect(options, func(s string) { symbol.SetResource(styleOf(markOf(s)).icon()) })
	pick.SetSelected(markLabel(selected))
	return pick, container.NewHBox(symbol, pick)
}
