package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/course"
	"atelier/app/kit/textfmt"
	"atelier/app/store"
)

// backupsSection lists the automatic backups, each with the way to
// restore it, and restores from a file picked by hand.
func (e *exportsScreen) backupsSection() fyne.CanvasObject {
	u := e.ui
	title := widget.NewLabelWithStyle(lang.X("backups.title", "Sauvegardes"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if u.store.Team() {
		// No file here to copy or replace: the server keeps the team's
		// backups, and a copy on this machine is one command away.
		return container.NewVBox(title, wrapped(lang.X("backups.team", "Cette base d’équipe est sur un serveur\u00a0: ses sauvegardes sont celles du serveur. Pour en garder une copie sur ce poste, utilisez «\u00a0atelier backup -o copie.db\u00a0».")))
	}
	// The folder on a line of its own: Fyne would break a long path away
	// from its guillemets.
	text := wrapped(lang.X("backups.text", "Atelier copie la base une fois par jour à l’ouverture, et avant chaque mise à jour de son format. Les {{.Count}} dernières copies sont gardées dans ce dossier\u00a0:",
		map[string]any{"Count": store.KeptBackups}))
	dir := widget.NewLabel(u.store.BackupDir())
	dir.Truncation = fyne.TextTruncateEllipsis
	box := container.NewVBox(title, text, dir)
	failed := ""
	if err := u.svc.AutoBackupErr(); err != nil {
		failed = e.ui.message(err)
		warn := wrapped(lang.X("backups.failed", "La sauvegarde du jour n’a pas pu être faite\u00a0: {{.Reason}}", map[string]any{"Reason": failed}))
		warn.Importance = widget.DangerImportance
		box.Add(warn)
	}
	list, err := u.svc.Backups()
	if err != nil && e.ui.message(err) != failed {
		box.Add(wrapped(e.ui.message(err)))
	}
	if len(list) == 0 && err == nil {
		box.Add(wrapped(lang.X("backups.none", "Aucune sauvegarde pour l’instant.")))
	}
	for _, b := range list {
		restore := widget.NewButtonWithIcon(lang.X("backups.restore", "Restaurer…"), theme.HistoryIcon(), func() {
			e.confirmRestore(b.Path, lang.X("backups.confirm.backup", "la sauvegarde du {{.When}}", map[string]any{"When": u.backupWhen(b)}))
		})
		box.Add(container.NewHBox(widget.NewLabel(u.backupLine(b)), layout.NewSpacer(), restore))
	}
	fromFile := widget.NewButtonWithIcon(lang.X("backups.fromfile", "Restaurer depuis un fichier…"), theme.FolderOpenIcon(), e.onRestoreFile)
	box.Add(container.NewHBox(fromFile))
	return box
}

// backupWhen is « mardi 1er décembre 2026 à 9 h 30 ».
func (u *UI) backupWhen(b store.BackupInfo) string {
	l := u.lang()
	return lang.X("backups.when", "{{.Date}} à {{.Time}}", map[string]any{"Date": l.LongDate(b.Taken), "Time": l.Clock(b.Taken)})
}

// backupLine is one backup in the list: when, why, how big.
func (u *UI) backupLine(b store.BackupInfo) string {
	parts := []string{u.backupWhen(b), backupReason(b.Reason), fileSize(u.lang(), b.Size)}
	if b.People >= 0 {
		parts = append(parts, lang.XN("backups.people", "{{.Count}} personne", b.People, map[string]any{"Count": u.lang().Int(b.People)}))
	}
	return strings.Join(parts, " · ")
}

// backupReason says why a backup was taken.
func backupReason(reason string) string {
	switch reason {
	case store.ReasonDaily:
		return lang.X("backups.reason.daily", "copie du jour")
	case store.ReasonRestore:
		return lang.X("backups.reason.restore", "avant une restauration")
	}
	var from, to int
	if n, _ := fmt.Sscanf(reason, "avant-migration-%d-%d", &from, &to); n == 2 {
		return lang.X("backups.reason.migration", "avant la mise à jour du format {{.From}} vers {{.To}}", map[string]any{"From": from, "To": to})
	}
	return reason
}

// fileSize is « 312 ko », « 1,2 Mo » (French) or "312 kB", "1.2 MB".
func fileSize(l textfmt.Lang, n int64) string {
	kb, mb := "ko", "Mo"
	if l == textfmt.English {
		kb, mb = "kB", "MB"
	}
	if n < 1000*1000 {
		return fmt.Sprintf("%s%s%s", l.Int(int((n+999)/1000)), textfmt.NBSP, kb)
	}
	s := fmt.Sprintf("%.1f", float64(n)/1e6)
	if l != textfmt.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + textfmt.NBSP + mb
}

// onRestoreFile restores a backup picked by hand: one copied elsewhere,
// or written by « Sauvegarder la base… ».
func (e *exportsScreen) onRestoreFile() {
	e.ui.pickOpen(nil, func(path string) {
		e.confirmRestore(path, lang.X("backups.confirm.file", "le fichier «\u00a0{{.Path}}\u00a0»", map[string]any{"Path": path}))
	})
}

// confirmRestore asks before replacing the content of the base with the
// backup at path, which the question names as what (« la sauvegarde du
// mardi… », « le fichier « … » »).
func (e *exportsScreen) confirmRestore(path, what string) {
	confirmThen(e.ui.win, lang.X("backups.confirm.title", "Restaurer une sauvegarde"),
		lang.X("backups.confirm", "Tout le contenu de la base (cohortes, personnes, présences, structures, bibliothèque) sera remplacé par celui de {{.What}}. Atelier garde d’abord une copie de la base actuelle, que vous pourrez restaurer à son tour. Restaurer\u202f?",
			map[string]any{"What": what}),
		lang.X("backups.confirm.action", "Restaurer"), lang.X("action.cancel", "Annuler"), func() { e.ui.restoreBackup(path) })
}

// restoreBackup replaces the base with the backup at path, then rebuilds
// every screen on the restored content, as a change of language does.
func (u *UI) restoreBackup(path string) {
	if u.sessions != nil && !u.sessions.flush() {
		return // an edit that cannot be saved would be lost, or saved over the restore
	}
	if u.live != nil {
		u.live.close(false)
	}
	if err := u.svc.RestoreBackup(context.Background(), path); err != nil {
		u.showError(lang.X("backups.err.restore", "La sauvegarde n’a pas été restaurée."), err)
		return
	}
	u.cohort = course.Cohort{}
	u.build()
	u.loadCohorts(0)
	u.nav.Select(areaExports)
	dialog.ShowInformation(lang.X("backups.done.title", "Sauvegarde restaurée"),
		lang.X("backups.done", "La base a repris le contenu de la sauvegarde. Une copie de ce qu’elle contenait juste avant est dans la liste des sauvegardes."), u.win)
}
