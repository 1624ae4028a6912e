package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
	"atelier/app/store"
)

// rosterHeaders are the roster table's column titles; rosterWidths their
// widths. The status comes right after the name, so that it shows (the
// waiting list's order with it) without scrolling on a 1024-pixel screen.
func rosterHeaders() []string {
	return []string{
		lang.X("roster.col.name", "Nom"),
		lang.X("roster.col.status", "Statut"),
		lang.X("roster.col.pronouns", "Pronoms"),
		lang.X("roster.col.email", "Courriel"),
		lang.X("roster.col.org", "Organisation"),
		lang.X("roster.col.city", "Ville"),
		lang.X("roster.col.attended", "Présences"),
	}
}

var rosterWidths = []float32{175, 115, 70, 155, 125, 90, 85}

// statusCol is the roster table's status column, where the waiting list's
// order shows.
const statusCol = 1

// statusWidth is wide enough for every status in the interface language,
// a place far down the waiting list included, so that none is cut.
func statusWidth(l textfmt.Lang) float32 {
	w := rosterWidths[statusCol]
	for _, t := range append(statusOptions(), waitingText(l, 999)) {
		w = max(w, widget.NewLabel(t).MinSize().Width)
	}
	return w
}

// waitingText is the status of the person at place n of the waiting list,
// as the table shows it (the person pane adds how many wait).
func waitingText(l textfmt.Lang, n int) string {
	return lang.X("roster.queued", "Liste d’attente · n°\u00a0{{.N}}", map[string]any{"N": l.Int(n)})
}

// rosterScreen is the Participants area: the searchable roster, the seats
// and waiting list, and one person's details and actions.
type rosterScreen struct {
	ui   *UI
	root fyne.CanvasObject
	// widths are the columns' widths as set: rosterWidths, the status
	// column's as wide as its longest text.
	widths []float32

	list     []participants.Participant
	seats    participants.Seats
	held     int // sessions held: what the attendance column counts over
	index    *participants.Index
	shown    []int         // indices into list, as filtered
	queue    map[int64]int // place on the waiting list (from 1) by participant id
	selected int64         // participant id, 0 when none
	loadedID int64         // cohort whose roster is in list

	search *widget.Entry
	filter *widget.Select
	counts *widget.Label
	table  *widget.Table
	empty  *fyne.Container // the first step, in the table's place while nobody is registered
	detail *personPane
}

func newRosterScreen(u *UI) *rosterScreen {
	r := &rosterScreen{ui: u}
	r.search = widget.NewEntry()
	r.search.SetPlaceHolder(lang.X("roster.search", "Rechercher\u00a0: nom, courriel, organisation, ville…"))
	r.search.OnChanged = func(string) { r.applyFilter() }
	all := lang.X("roster.filter.all", "Tous les statuts")
	r.filter = widget.NewSelect(append([]string{all}, statusOptions()...), nil)
	r.filter.SetSelectedIndex(0)
	r.filter.OnChanged = func(string) { r.applyFilter() }
	r.counts = widget.NewLabel("")

	r.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(r.shown), len(rosterWidths) },
		func() fyne.CanvasObject {
			return newTipLabel(u, "Marie-Ève Lévesque-Tremblay")
		},
		r.updateCell,
	)
	r.table.ShowHeaderColumn = false
	r.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	headers := rosterHeaders()
	r.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	r.widths = slices.Clone(rosterWidths)
	r.widths[statusCol] = statusWidth(u.lang())
	for i, w := range r.widths {
		r.table.SetColumnWidth(i, w)
	}
	r.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(r.shown) {
			r.selectPerson(r.list[r.shown[id.Row]].ID)
		}
	}

	add := widget.NewButtonWithIcon(lang.X("roster.add", "Ajouter…"), theme.ContentAddIcon(), r.onAdd)
	add.Importance = widget.HighImportance
	importBtn := widget.NewButtonWithIcon(lang.X("roster.import", "Importer…"), theme.UploadIcon(), r.onImport)
	u.writing(add, importBtn)
	r.detail = newPersonPane(r)
	r.empty = r.firstStep()

	// The search has a row of its own: beside the filter and the buttons,
	// a 1024-pixel screen left it too narrow for its placeholder.
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(fitOptions(r.filter), importBtn, add))
	left := container.NewBorder(container.NewVBox(r.search, bar, r.counts), nil, nil, nil, container.NewStack(r.table, r.empty))
	split := container.NewHSplit(left, r.detail.root)
	split.Offset = 0.7
	r.root = split
	return r
}

// load reads the roster of the cohort on show, unless it is loaded already.
func (r *rosterScreen) load(force bool) {
	c := r.ui.cohort
	if c.ID == 0 {
		r.list, r.index, r.seats, r.held, r.queue = nil, participants.NewIndex(nil), participants.Seats{}, 0, nil
		r.applyFilter()
		return
	}
	if !force && c.ID == r.loadedID {
		return
	}
	v, err := r.ui.svc.Roster(context.Background(), c)
	if err != nil {
		r.ui.showError(lang.X("roster.err.load", "Impossible de lire la liste des personnes inscrites."), err)
		return
	}
	if c.ID != r.loadedID {
		r.selected = 0
	}
	r.list, r.seats, r.held, r.index, r.loadedID = v.People, v.Seats, v.Held, participants.NewIndex(v.People), c.ID
	r.queue = queuePlaces(v.People)
	r.applyFilter()
	r.detail.show(r.person(r.selected))
}

// queuePlaces numbers the people waiting in the order the seat rule serves
// them (participants.Waiting), which is not the roster's order of
// registration: someone who registers again joins the end.
func queuePlaces(list []participants.Participant) map[int64]int {
	places := map[int64]int{}
	for i, p := range participants.Waiting(list) {
		places[p.ID] = i + 1
	}
	return places
}

// firstStep is what an empty cohort shows instead of an empty table: a
// new facilitator's roster comes from the registration form, so that is
// the step offered first, the way the Importer… button does it.
func (r *rosterScreen) firstStep() *fyne.Container {
	title := widget.NewLabelWithStyle(lang.X("roster.empty.title", "Première étape\u00a0: importer les inscriptions"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := wrapped(lang.X("roster.empty.text", "Cette cohorte ne compte encore aucune inscription. Importez le fichier des réponses au formulaire d’inscription (CSV ou Excel)\u00a0: Atelier montre ce qu’il va lire avant d’enregistrer quoi que ce soit. Pour une seule personne, utilisez «\u00a0Ajouter…\u00a0»."))
	btn := widget.NewButtonWithIcon(lang.X("roster.empty.import", "Importer le formulaire d’inscription…"), theme.UploadIcon(), r.onImport)
	btn.Importance = widget.HighImportance
	r.ui.writing(btn)
	step := container.NewPadded(container.NewVBox(title, text, container.NewHBox(btn)))
	step.Hide()
	return step
}

// showFirstStep puts the first step in the table's place while the cohort
// has nobody; a search that finds nobody keeps the table.
func (r *rosterScreen) showFirstStep() {
	if len(r.list) == 0 && r.ui.cohort.ID != 0 {
		r.table.Hide()
		r.empty.Show()
		return
	}
	r.empty.Hide()
	r.table.Show()
}

// person returns the loaded participant with this id.
func (r *rosterScreen) person(id int64) (participants.Participant, bool) {
	for _, p := range r.list {
		if p.ID == id && id != 0 {
			return p, true
		}
	}
	return participants.Participant{}, false
}

// applyFilter runs the search and the status filter and redraws.
func (r *rosterScreen) applyFilter() {
	if r.index == nil {
		r.index = participants.NewIndex(r.list)
	}
	r.shown = r.index.Search(r.search.Text, statusFromLabel(r.filter.Selected))
	r.table.UnselectAll()
	r.table.Refresh()
	r.updateCounts()
	r.showFirstStep()
}

// updateCounts writes how the seats stand: « 10 places prises sur 10 ·
// 1 arrivée sans inscription · 3 en liste d’attente ».
func (r *rosterScreen) updateCounts() {
	r.counts.SetText(seatsText(r.ui.lang(), r.seats, len(r.shown), len(r.list)))
}

// seatsText is the seat counter; shown and all count the rows on view.
func seatsText(l textfmt.Lang, s participants.Seats, shown, all int) string {
	parts := []string{lang.XN("roster.taken", "{{.Taken}} place prise sur {{.Limit}}", s.Taken, map[string]any{"Taken": l.Int(s.Taken), "Limit": l.Int(s.Limit)})}
	if s.WalkIns > 0 {
		parts = append(parts, lang.XN("roster.walkins", "{{.N}} arrivée sans inscription", s.WalkIns, map[string]any{"N": l.Int(s.WalkIns)}))
	}
	if s.Waiting > 0 {
		parts = append(parts, lang.X("roster.waiting", "{{.N}} en liste d’attente", map[string]any{"N": l.Int(s.Waiting)}))
	}
	if free := s.Free(); free > 0 && s.Waiting > 0 {
		parts = append(parts, lang.XN("roster.free", "{{.N}} place libre à offrir", free, map[string]any{"N": l.Int(free)}))
	}
	if shown != all {
		parts = append(parts, lang.X("roster.shown", "{{.Shown}} sur {{.All}} affichées", map[string]any{"Shown": l.Int(shown), "All": l.Int(all)}))
	}
	return strings.Join(parts, " · ")
}

func (r *rosterScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*tipLabel)
	if id.Row < 0 || id.Row >= len(r.shown) {
		setCell(l, "", r.widths[id.Col])
		return
	}
	p := r.list[r.shown[id.Row]]
	var text string
	switch id.Col {
	case 0:
		text = p.Name
	case statusCol:
		text = statusLabel(p.Status)
		if n, ok := r.queue[p.ID]; ok {
			text = waitingText(r.ui.lang(), n)
		}
	case 2:
		text = p.Pronouns
	case 3:
		text = p.Email
	case 4:
		text = p.Organisation
	case 5:
		text = p.City
	case 6:
		text = r.ui.lang().Int(p.Attended) + " / " + r.ui.lang().Int(r.held)
	}
	setCell(l, text, r.widths[id.Col])
}

// setCell shows text in a roster cell width wide, cut with « … » where it
// does not fit and whole in the cell's tip. Fyne's own ellipsis shapes the
// text again at every refresh to find where to cut: over the cells that
// change at a keystroke in the search box, at 10,000 people, that was half
// the keystroke. So the cut is found here from each letter's width (see
// cutToFit), and a cell whose text stays is left alone.
func setCell(l *tipLabel, text string, width float32) {
	th := l.Theme()
	shown := cutToFit(text, width-2*th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNameText), l.TextStyle)
	if l.whole == text && l.Text == shown && l.Truncation == fyne.TextTruncateOff {
		return
	}
	l.whole = text
	l.Truncation = fyne.TextTruncateOff
	l.SetText(shown)
}

func (r *rosterScreen) selectPerson(id int64) {
	r.selected = id
	r.detail.show(r.person(id))
}

// changed reloads after a write and keeps id selected.
func (r *rosterScreen) changed(id int64) {
	r.selected = id
	r.load(true)
}

func (r *rosterScreen) onAdd() {
	showPersonForm(r.ui, participants.Participant{}, func(p participants.Participant) error {
		added, err := r.ui.svc.AddPerson(context.Background(), r.ui.cohort.ID, p)
		if err != nil {
			return err
		}
		r.changed(added.ID)
		if added.Status != participants.Attente {
			r.ui.notify(lang.X("roster.added", "{{.Name}} est inscrit·e.", map[string]any{"Name": added.Name}), nil)
		}
		if added.Status == participants.Attente {
			dialog.ShowInformation(lang.X("roster.waitlisted.title", "Liste d’attente"),
				lang.X("roster.waitlisted", "Aucune place n’est libre pour une nouvelle inscription (les places libres reviennent d’abord à la liste d’attente)\u00a0: {{.Name}} est inscrit·e en liste d’attente.",
					map[string]any{"Name": added.Name}), r.ui.win)
		}
		return nil
	})
}

// onRemove asks, removes, and offers to undo.
func (r *rosterScreen) onRemove(p participants.Participant) {
	msg := lang.X("roster.remove.confirm", "Retirer {{.Name}} de la cohorte, avec ses présences\u202f?", map[string]any{"Name": p.Name})
	dialog.ShowConfirm(lang.X("roster.remove.title", "Retirer une personne"), msg, func(ok bool) {
		if !ok {
			return
		}
		ctx := context.Background()
		cohortID := r.ui.cohort.ID
		removed, err := r.ui.svc.Remove(ctx, cohortID, p.ID)
		if err != nil {
			r.ui.showError(lang.X("roster.err.remove", "La personne n’a pas été retirée."), err)
			return
		}
		r.changed(0)
		r.ui.notify(lang.X("roster.removed", "{{.Name}} a été retiré·e de la cohorte.", map[string]any{"Name": p.Name}), func() {
			back, err := r.ui.svc.Restore(ctx, cohortID, removed)
			if err != nil {
				r.ui.showError(lang.X("roster.err.undo", "La suppression n’a pas pu être annulée."), err)
				return
			}
			r.changed(back.ID)
			if back.Status != removed.Participant.Status {
				dialog.ShowInformation(lang.X("roster.restored.title", "Personne remise dans la cohorte"),
					lang.X("roster.restored.waiting", "La place {{.Of}} a été prise entre-temps\u00a0: cette personne revient en liste d’attente.", map[string]any{"Name": back.Name, "Of": r.ui.lang().Of(back.Name)}), r.ui.win)
			}
		})
	}, r.ui.win)
}

// onErase deletes every trace of a person, after a warning that it cannot
// be undone.
func (r *rosterScreen) onErase(p participants.Participant) {
	msg := lang.X("roster.erase.confirm", "Effacer définitivement toutes les données {{.Of}} (coordonnées, notes, présences)\u202f? Cette action ne peut pas être annulée.", map[string]any{"Name": p.Name, "Of": r.ui.lang().Of(p.Name)})
	d := dialog.NewConfirm(lang.X("roster.erase.title", "Effacer les données d’une personne"), msg, func(ok bool) {
		if !ok {
			return
		}
		err := r.ui.svc.Erase(context.Background(), p.ID)
		switch {
		case errors.Is(err, store.ErrErasurePending):
			// Gone from the roster; the file is cleared at the next opening.
			dialog.ShowInformation(lang.X("roster.erase.pending.title", "Effacement à terminer"), r.ui.message(err), r.ui.win)
		case err != nil:
			r.ui.showError(lang.X("roster.err.erase", "Les données n’ont pas pu être effacées."), err)
			return
		}
		r.ui.forgetNotice()
		r.changed(0)
	}, r.ui.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.SetConfirmText(lang.X("roster.erase.action", "Effacer"))
	d.Show()
}

// onWithdraw asks first, records the withdrawal, offers to undo it from
// the bottom bar and, when it freed a seat, offers the seat to the first
// person waiting.
func (r *rosterScreen) onWithdraw(p participants.Participant) {
	msg := lang.X("roster.withdraw.confirm", "Enregistrer le désistement {{.Of}}\u202f? Ses présences sont gardées.", map[string]any{"Name": p.Name, "Of": r.ui.lang().Of(p.Name)})
	if p.Status.HoldsSeat() {
		msg = lang.X("roster.withdraw.confirm.seat", "Enregistrer le désistement {{.Of}}\u202f? Sa place sera libérée\u202f; ses présences sont gardées.", map[string]any{"Name": p.Name, "Of": r.ui.lang().Of(p.Name)})
	}
	confirmThen(r.ui.win, lang.X("roster.withdraw.title", "Désistement"), msg,
		lang.X("roster.withdraw.action", "Enregistrer le désistement"), lang.X("action.cancel", "Annuler"), func() { r.withdraw(p) })
}

func (r *rosterScreen) withdraw(p participants.Participant) {
	ctx := context.Background()
	cohortID := r.ui.cohort.ID
	w, err := r.ui.svc.Withdraw(ctx, cohortID, p.ID)
	if err != nil {
		r.ui.showError(lang.X("roster.err.withdraw", "Le désistement n’a pas été enregistré."), err)
		return
	}
	r.changed(p.ID)
	r.ui.notify(lang.X("roster.withdrawn", "Désistement {{.Of}} enregistré.", map[string]any{"Name": p.Name, "Of": r.ui.lang().Of(p.Name)}), func() {
		if err := r.ui.svc.UndoWithdraw(ctx, cohortID, w); err != nil {
			r.ui.showError(lang.X("roster.err.undo.withdraw", "Le désistement n’a pas pu être annulé."), err)
			return
		}
		r.changed(p.ID)
	})
	if w.Offer == nil {
		return
	}
	next := *w.Offer
	msg := lang.X("roster.offer", "Une place s’est libérée. L’offrir à {{.Name}}, première personne de la liste d’attente (inscrite le {{.Date}})\u202f?",
		map[string]any{"Name": next.Name, "Date": r.ui.lang().Date(next.RegisteredAt.In(r.ui.cohort.Location()))})
	confirmThen(r.ui.win, lang.X("roster.offer.title", "Place libérée"), msg,
		lang.X("roster.offer.action", "Offrir la place"), lang.X("action.later", "Plus tard"), func() { r.giveSeat(next) })
}

// giveSeat gives p a seat (first of the waiting list, walk-in, or a new
// registration after a withdrawal). When the seat rule says no, the
// reason is shown and, for someone not already waiting, the waiting list
// is offered instead.
func (r *rosterScreen) giveSeat(p participants.Participant) {
	ctx := context.Background()
	got, err := r.ui.svc.GiveSeat(ctx, r.ui.cohort.ID, p.ID)
	switch {
	case err == nil:
		r.changed(got.ID)
		r.ui.notify(lang.X("roster.seated", "{{.Name}} a maintenant une place.", map[string]any{"Name": got.Name}), nil)
		return
	case !errors.Is(err, participants.ErrNoSeat) || p.Status == participants.Attente:
		r.ui.showError(lang.X("roster.err.promote", "La place n’a pas été attribuée."), err)
		return
	}
	confirmThen(r.ui.win, lang.X("roster.full.title", "Pas de place pour l’instant"), r.ui.message(err)+"\n\n"+
		lang.X("roster.full.wait", "Inscrire {{.Name}} en liste d’attente\u202f?", map[string]any{"Name": p.Name}),
		lang.X("roster.full.action", "Inscrire en liste d’attente"), lang.X("action.cancel", "Annuler"), func() {
			if _, err := r.ui.svc.JoinWaitingList(ctx, r.ui.cohort.ID, p.ID); err != nil {
				r.ui.showError(lang.X("roster.err.status", "Le statut n’a pas été changé."), err)
				return
			}
			r.changed(p.ID)
		})
}

// confirm records that p confirmed their seat.
func (r *rosterScreen) confirm(p participants.Participant) {
	if err := r.ui.svc.Confirm(context.Background(), r.ui.cohort.ID, p.ID); err != nil {
		r.ui.showError(lang.X("roster.err.status", "Le statut n’a pas été changé."), err)
		return
	}
	r.changed(p.ID)
	r.ui.notify(lang.X("roster.confirmed", "Confirmation {{.Of}} enregistrée.", map[string]any{"Name": p.Name, "Of": r.ui.lang().Of(p.Name)}), nil)
}
