package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/config"
)

// teamItem is the « Base d’équipe » line of Réglages: where the data is
// now, and the button that chooses a team database for the next start.
func (u *UI) teamItem() *widget.FormItem {
	// Short: the row's label already says « Base d’équipe », and a
	// dialog's form gives its values little width.
	where := lang.X("team.none", "aucune\u00a0: le fichier de ce poste")
	if u.store.Team() {
		where = u.store.Path()
	}
	now := wrapped(where) // an address wraps after its dots and slashes
	choose := widget.NewButton(lang.X("team.choose", "Choisir la base d’équipe…"), u.onTeamSettings)
	return widget.NewFormItem(lang.X("team.title", "Base d’équipe"), container.NewVBox(now, choose))
}

// onTeamSettings asks where the team database is. What is kept has no
// password: ~/.pgpass or PGPASSWORD gives it to PostgreSQL.
func (u *UI) onTeamSettings() {
	prefs := config.LoadPrefs(u.opts.PrefsPath)
	t := prefs.Team
	on := widget.NewCheck(lang.X("team.use", "Ouvrir la base d’équipe au prochain démarrage (sinon, le fichier de ce poste)"), nil)
	on.SetChecked(t.On)
	host := widget.NewEntry()
	host.SetText(t.Host)
	host.SetPlaceHolder("equipe.example.org")
	port := widget.NewEntry()
	port.SetPlaceHolder("5432")
	if t.Port != 0 {
		port.SetText(strconv.Itoa(t.Port))
	}
	port.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		if n, err := strconv.Atoi(s); err != nil || n < 1 || n > 65535 {
			return errors.New(lang.X("team.badport", "Le port est un nombre entre 1 et 65535 (5432 d’habitude)."))
		}
		return nil
	}
	db := widget.NewEntry()
	db.SetText(t.Database)
	db.SetPlaceHolder("atelier")
	role := widget.NewEntry()
	role.SetText(t.User)
	ca := widget.NewEntry()
	ca.SetText(t.CA)
	ca.SetPlaceHolder(lang.X("team.ca.hint", "facultatif\u00a0: fichier .crt de l’autorité du serveur"))
	who := widget.NewEntry()
	who.SetText(t.Who)
	note := wrapped(lang.X("team.note", "Le mot de passe n’est jamais enregistré par Atelier\u00a0: mettez-le dans ~/.pgpass (ou PGPASSWORD). Hors de ce poste, la connexion est chiffrée et l’identité du serveur vérifiée."))
	items := []*widget.FormItem{
		widget.NewFormItem("", on),
		widget.NewFormItem(lang.X("team.host", "Serveur"), host),
		widget.NewFormItem(lang.X("team.port", "Port"), port),
		widget.NewFormItem(lang.X("team.database", "Base"), db),
		widget.NewFormItem(lang.X("team.role", "Rôle"), role),
		widget.NewFormItem(lang.X("team.ca", "Autorité (TLS)"), ca),
		widget.NewFormItem(lang.X("team.who", "Votre nom pour l’équipe"), who),
		widget.NewFormItem("", note),
	}
	d := dialog.NewForm(lang.X("team.title", "Base d’équipe"), lang.X("action.save", "Enregistrer"), lang.X("action.cancel", "Annuler"), items, func(ok bool) {
		if !ok {
			return
		}
		n, _ := strconv.Atoi(port.Text)
		prefs := config.LoadPrefs(u.opts.PrefsPath)
		prefs.Team = config.Team{On: on.Checked, Host: strings.TrimSpace(host.Text), Port: n, Database: strings.TrimSpace(db.Text),
			User: strings.TrimSpace(role.Text), CA: strings.TrimSpace(ca.Text), Who: strings.TrimSpace(who.Text)}
		if prefs.Team.On && (prefs.Team.Host == "" || prefs.Team.Database == "") {
			u.showError(lang.X("team.incomplete", "Donnez au moins le serveur et la base pour ouvrir une base d’équipe."), nil)
			return
		}
		if err := config.SavePrefs(u.opts.PrefsPath, prefs); err != nil {
			u.showError(lang.X("team.notsaved", "Le choix de la base d’équipe n’a pas pu être enregistré."), err)
			return
		}
		dialog.ShowInformation(lang.X("team.title", "Base d’équipe"), lang.X("team.restart", "C’est noté. Relancez Atelier pour ouvrir la base choisie."), u.win)
	}, u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}
