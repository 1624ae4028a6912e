// Command fynehello opens the smallest possible Fyne window. It is the
// reference that the start-up measurement of Atelier is compared against
// (see the "startup" target in the Makefile): same toolkit, same machine,
// nothing of Atelier's own.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Bonjour Fyne")
	w.SetContent(widget.NewLabel("Bonjour"))
	w.ShowAndRun()
}
