package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/course"
	"atelier/app/kit/usererr"
)

// timeZones are offered for a new cohort; Québec's first.
var timeZones = []string{
	"America/Toronto", "America/Halifax", "America/Moncton", "America/Winnipeg",
	"America/Edmonton", "America/Vancouver", "Europe/Paris", "Europe/Brussels",
	"Europe/Zurich", "Africa/Dakar", "UTC",
}

// cohortForm holds what a person types to create a cohort.
type cohortForm struct {
	Name, Date, Time, TimeZone, Seats, Facilitators string
}

// cohort turns the form into a cohort from the curriculum, or says in French
// everything that is wrong with it.
func (f cohortForm) cohort(plans []course.Plan) (course.Cohort, error) {
	var l usererr.List
	loc, err := time.LoadLocation(f.TimeZone)
	l.Add(err != nil, "%s", lang.X("cohort.err.tz", "Choisissez un fuseau horaire."))
	day, err := time.Parse("2006-01-02", strings.TrimSpace(f.Date))
	l.Add(err != nil, "%s", lang.X("cohort.err.date", "La date de la première séance doit s’écrire AAAA-MM-JJ, par exemple 2027-01-13."))
	clock, err := parseClock(f.Time)
	l.Add(err != nil, "%s", lang.X("cohort.err.time", "L’heure de début doit s’écrire HH:MM, par exemple 18:30."))
	seats, err := strconv.Atoi(strings.TrimSpace(f.Seats))
	l.Add(err != nil, "%s", lang.X("cohort.err.seats", "Le nombre de places doit être un nombre entier."))
	if len(l) > 0 {
		return course.Cohort{}, l
	}
	first := time.Date(day.Year(), day.Month(), day.Day(), clock.Hour(), clock.Minute(), 0, 0, loc)
	c, err := course.NewCohort(strings.TrimSpace(f.Name), plans, first, f.TimeZone)
	c.SeatLimit = seats
	for _, line := range strings.Split(f.Facilitators, "\n") {
		if name := strings.TrimSpace(line); name != "" {
			c.Facilitators = append(c.Facilitators, name)
		}
	}
	if err == nil {
		err = c.Validate()
	}
	return c, err
}

// onNewCohort asks for a name and dates and creates a cohort whose five
// sessions follow the curriculum on five consecutive weeks.
func (u *UI) onNewCohort() {
	if !u.canWrite() {
		return // Ctrl+N reaches here with the menu item off
	}
	// Propose the Wednesday after the last planned series ends, so that a
	// new cohort follows the ones already scheduled.
	from := u.svc.Now()
	for _, c := range u.cohorts {
		if end := c.FirstDate.AddDate(0, 0, 7*(course.SessionCount-1)); end.After(from) {
			from = end
		}
	}
	first := course.NextStart(from, course.DefaultTimeZone)
	name := widget.NewEntry()
	name.SetText(u.freeName(course.DefaultName(first)))
	date := widget.NewEntry()
	date.SetPlaceHolder("AAAA-MM-JJ")
	date.SetText(first.Format("2006-01-02"))
	clock := widget.NewEntry()
	clock.SetText(u.lang().Clock(first))
	tz := widget.NewSelect(timeZones, nil)
	tz.SetSelected(course.DefaultTimeZone)
	seats := widget.NewEntry()
	seats.SetText(strconv.Itoa(course.DefaultSeatLimit))
	team := widget.NewMultiLineEntry()
	team.SetPlaceHolder(lang.X("cohort.team.hint", "Une personne par ligne"))
	team.SetMinRowsVisible(3)

	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("cohort.name", "Nom"), name),
		{Text: lang.X("cohort.date", "Première séance"), Widget: date, HintText: lang.X("cohort.date.hint", "Les séances suivantes ont lieu chaque semaine, même jour, même heure.")},
		widget.NewFormItem(lang.X("cohort.time", "Heure de début"), clock),
		widget.NewFormItem(lang.X("cohort.tz", "Fuseau horaire"), tz),
		widget.NewFormItem(lang.X("cohort.seats", "Places"), seats),
		widget.NewFormItem(lang.X("cohort.team", "Équipe d’animation"), team),
	}
	d := dialog.NewForm(lang.X("cohort.new.title", "Nouvelle cohorte"), lang.X("action.create", "Créer"), lang.X("action.cancel", "Annuler"), items, func(ok bool) {
		if !ok {
			return
		}
		f := cohortForm{Name: name.Text, Date: date.Text, Time: clock.Text, TimeZone: tz.Selected, Seats: seats.Text, Facilitators: team.Text}
		u.createCohort(f)
	}, u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// createCohort validates the form and stores the new cohort, then shows it.
func (u *UI) createCohort(f cohortForm) {
	c, err := f.cohort(u.svc.Plans())
	if err != nil {
		u.showError(lang.X("cohort.err.title", "La cohorte n’a pas été créée."), err)
		return
	}
	id, err := u.store.CreateCohort(context.Background(), c)
	if err != nil {
		u.showError(lang.X("cohort.err.title", "La cohorte n’a pas été créée."), err)
		return
	}
	u.loadCohorts(id)
}

// freeName returns name, or name followed by a number when a cohort already
// bears it.
func (u *UI) freeName(name string) string {
	taken := make(map[string]bool, len(u.cohorts))
	for _, c := range u.cohorts {
		taken[c.Name] = true
	}
	if !taken[name] {
		return name
	}
	for i := 2; ; i++ {
		if n := fmt.Sprintf("%s (%d)", name, i); !taken[n] {
			return n
		}
	}
}

// parseClock reads a start time written « 18:30 », « 18 h 30 », « 18h » or « 9:05 ».
func parseClock(s string) (time.Time, error) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f':
			return -1
		case 'h', 'H':
			return ':'
		}
		return r
	}, s)
	if strings.HasSuffix(s, ":") {
		s += "00"
	}
	return time.Parse("15:04", s)
}
