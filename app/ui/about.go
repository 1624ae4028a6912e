package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// aboutItem is the line of the Réglages that opens the About box.
func (u *UI) aboutItem() *widget.FormItem {
	open := widget.NewButtonWithIcon(lang.X("about.open", "À propos d’Atelier…"), theme.InfoIcon(), u.showAbout)
	return widget.NewFormItem(lang.X("about.item", "Atelier"), open)
}

// showAbout tells which Atelier this is and where it keeps the person's
// data: what a facilitator is asked when helping with a problem, or before
// copying their work to another computer.
func (u *UI) showAbout() {
	version := u.opts.Version
	if version == "" {
		version = lang.X("about.version.dev", "version de développement")
	}
	path := func(p string) *widget.Label {
		l := widget.NewLabel(p)
		l.Wrapping = fyne.TextWrapBreak
		l.Selectable = true
		return l
	}
	licence := widget.NewLabel(lang.X("about.licence.text", "Atelier est fait de logiciels libres\u00a0: Fyne (licence BSD à trois clauses), SQLite (domaine public), les polices DejaVu (licence libre de Bitstream Vera)."))
	licence.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.X("about.version", "Version"), widget.NewLabel(version)),
		widget.NewFormItem(lang.X("about.db", "Base de données"), path(u.store.Path())),
		widget.NewFormItem(lang.X("about.backups", "Sauvegardes automatiques"), path(u.store.BackupDir())),
		widget.NewFormItem(lang.X("about.licence", "Licence"), licence),
	)
	box := container.NewGridWrap(fyne.NewSize(560, form.MinSize().Height+80), form)
	d := dialog.NewCustom(lang.X("about.title", "À propos d’Atelier"), lang.X("action.close", "Fermer"), box, u.win)
	d.Show()
}
