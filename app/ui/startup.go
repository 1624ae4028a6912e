package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/i18n"
	"atelier/app/kit/usererr"
)

// ShowStartupError opens a window that says why Atelier could not start
// (usually: the database file is not Atelier's) and runs until it is closed.
// A person who started the app from a menu never sees stderr.
func ShowStartupError(a fyne.App, err error) {
	w := a.NewWindow("Atelier")
	heading := widget.NewLabelWithStyle(lang.X("startup.title", "Atelier n’a pas pu ouvrir sa base de données"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := wrapped(usererr.MessageIn(i18n.Current(), err))
	hint := wrapped(lang.X("startup.hint", "Pour ouvrir un autre fichier\u00a0: atelier --db CHEMIN, ou la variable ATELIER_DB."))
	quit := widget.NewButtonWithIcon(lang.X("action.quit", "Quitter"), theme.CancelIcon(), a.Quit)
	w.SetContent(container.NewPadded(container.NewBorder(container.NewVBox(heading, msg, hint), container.NewHBox(quit), nil, nil)))
	w.Resize(fyne.NewSize(560, 240))
	w.ShowAndRun()
}
