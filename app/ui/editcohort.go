package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/course"
	"atelier/app/kit/usererr"
	"atelier/app/service"
	"atelier/app/store"
)

// cohortEdit is what a person changes in a cohort: its name, its seats,
// its team and the date and time of each session.
type cohortEdit struct {
	Name, Seats, Facilitators string
	// CertificateMin is the number of sessions a certificate asks for.
	CertificateMin string
	Sessions       []string // « 2026-12-09 18:30 », one per session
}

// apply returns c changed by e, or everything wrong with e in French.
func (e cohortEdit) apply(c course.Cohort) (course.Cohort, error) {
	var l usererr.List
	c.Name = strings.TrimSpace(e.Name)
	seats, err := strconv.Atoi(strings.TrimSpace(e.Seats))
	l.Add(err != nil, "%s", lang.X("cohort.err.seats", "Le nombre de places doit être un nombre entier."))
	c.SeatLimit = seats
	if e.CertificateMin != "" {
		n, err := strconv.Atoi(strings.TrimSpace(e.CertificateMin))
		l.Add(err != nil, "%s", lang.X("cohort.err.certmin", "Le nombre de séances pour une attestation doit être un nombre entier de 1 à 5."))
		c.CertificateMin = n
	}
	c.Facilitators = nil
	for _, line := range strings.Split(e.Facilitators, "\n") {
		if name := strings.TrimSpace(line); name != "" {
			c.Facilitators = append(c.Facilitators, name)
		}
	}
	loc := c.Location()
	sessions := append([]course.Session(nil), c.Sessions...)
	for i, text := range e.Sessions {
		day, clock, _ := strings.Cut(strings.TrimSpace(text), " ")
		d, err1 := time.Parse("2006-01-02", day)
		h, err2 := parseClock(clock)
		if err1 != nil || err2 != nil {
			l.Add(true, "%s", lang.X("cohort.err.session", "Séance {{.N}}\u00a0: écrivez la date et l’heure ainsi\u00a0: 2027-01-13 18:30.", map[string]any{"N": i + 1}))
			continue
		}
		sessions[i].StartsAt = time.Date(d.Year(), d.Month(), d.Day(), h.Hour(), h.Minute(), 0, 0, loc)
	}
	c.Sessions = sessions
	var problems usererr.List
	if errors.As(c.Validate(), &problems) {
		l = append(l, problems...)
	}
	return c, l.Err()
}

// onEditCohort changes the cohort on view.
func (u *UI) onEditCohort() {
	c := u.cohort
	if c.ID == 0 || !u.canWrite() {
		return
	}
	name := widget.NewEntry()
	name.SetText(c.Name)
	seats := widget.NewEntry()
	seats.SetText(strconv.Itoa(c.SeatLimit))
	team := widget.NewMultiLineEntry()
	team.SetText(strings.Join(c.Facilitators, "\n"))
	team.SetMinRowsVisible(3)
	var mins []string
	for n := 1; n <= course.SessionCount; n++ {
		mins = append(mins, strconv.Itoa(n))
	}
	certMin := widget.NewSelect(mins, nil)
	certMin.SetSelected(strconv.Itoa(c.CertificateMin))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("cohort.name", "Nom"), name),
		widget.NewFormItem(lang.X("cohort.seats", "Places"), seats),
		{Text: lang.X("cohort.certmin", "Attestation après"), Widget: certMin, HintText: lang.X("cohort.certmin.hint", "séances suivies au moins")},
		widget.NewFormItem(lang.X("cohort.team", "Équipe d’animation"), team),
	}
	var dates []*widget.Entry
	for _, s := range c.Sessions {
		e := widget.NewEntry()
		e.SetText(s.StartsAt.Format("2006-01-02 15:04"))
		dates = append(dates, e)
		items = append(items, widget.NewFormItem(sessionName(s.Number), e))
	}
	d := dialog.NewForm(lang.X("cohort.edit.title", "Modifier la cohorte"), lang.X("action.save", "Enregistrer"), lang.X("action.cancel", "Annuler"), items, func(ok bool) {
		if !ok {
			return
		}
		e := cohortEdit{Name: name.Text, Seats: seats.Text, Facilitators: team.Text, CertificateMin: certMin.Selected}
		for _, d := range dates {
			e.Sessions = append(e.Sessions, d.Text)
		}
		u.saveCohort(e)
	}, u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// saveCohort validates and stores a cohort edit, then shows the result.
// Fewer seats than the seats taken asks first who goes back to the waiting
// list; more seats while people wait offers them the new seats.
func (u *UI) saveCohort(e cohortEdit) {
	c, err := e.apply(u.cohort)
	if err != nil {
		u.showError(lang.X("cohort.err.edit", "La cohorte n’a pas été modifiée."), err)
		return
	}
	u.updateCohort(c, false)
}

func (u *UI) updateCohort(c course.Cohort, demote bool) {
	ctx := context.Background()
	ch, err := u.svc.UpdateCohort(ctx, c, demote)
	if errors.Is(err, service.ErrTooFewSeats) && !demote {
		confirmThen(u.win, lang.X("cohort.seats.cut.title", "Moins de places que de personnes inscrites"), u.message(err),
			lang.X("cohort.seats.cut.action", "Remettre en liste d’attente"), lang.X("action.cancel", "Annuler"), func() { u.updateCohort(c, true) })
		return
	}
	if err != nil {
		u.showError(lang.X("cohort.err.edit", "La cohorte n’a pas été modifiée."), err)
		if errors.Is(err, store.ErrConflict) {
			u.loadCohorts(c.ID) // the cohort as the colleague saved it
		}
		return
	}
	u.rosterChanged()
	u.loadCohorts(c.ID)
	u.notify(lang.X("cohort.saved", "Réglages de la cohorte «\u00a0{{.Name}}\u00a0» enregistrés.", map[string]any{"Name": c.Name}), nil)
	if ch.Free > 0 {
		u.offerSeats(c.ID, ch.Free)
	}
}

// offerSeats proposes to give n free seats to the people waiting.
func (u *UI) offerSeats(cohortID int64, n int) {
	msg := lang.XN("cohort.seats.offer", "{{.N}} place est maintenant libre. L’offrir à la liste d’attente, dans l’ordre\u202f?", n, map[string]any{"N": n})
	confirmThen(u.win, lang.X("roster.offer.title", "Place libérée"), msg,
		lang.X("roster.offer.action", "Offrir la place"), lang.X("action.later", "Plus tard"), func() {
			seated, err := u.svc.FillSeats(context.Background(), cohortID)
			if err != nil {
				u.showError(lang.X("roster.err.promote", "La place n’a pas été attribuée."), err)
				return
			}
			u.rosterChanged()
			u.loadCohorts(cohortID)
			dialog.ShowInformation(lang.X("roster.offer.title", "Place libérée"),
				lang.X("cohort.seats.given", "Une place a été donnée à\u00a0: {{.Names}}.", map[string]any{"Names": joinNames(u.lang(), seated)}), u.win)
		})
}
