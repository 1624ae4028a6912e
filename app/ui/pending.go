package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// pendingScreen is what an area not built yet shows: its name and an honest
// sentence on what will come, and no control that would pretend to work.
func pendingScreen(title, text string) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = "headingText"
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(heading, body))
}
