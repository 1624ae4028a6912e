package ui

import (
	"context"
	"errors"
	"log"
	"reflect"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/domain/structure"
	"atelier/app/kit/usererr"
	"atelier/app/store"
)

// Tables whose changes each screen shows.
var (
	cohortTables    = []string{"cohorts", "cohort_facilitators", "sessions", "agenda_blocks"}
	peopleTables    = []string{"participants", "attendance"}
	structureTables = []string{"structures", "structure_nodes", "structure_members", "structure_links"}
	libraryTables   = []string{"resources", "resource_sessions", "resource_links", "resource_catalogue"}
)

// presenceEvery is how often « qui est là » asks the team database who
// is connected.
const presenceEvery = 5 * time.Second

// watch follows what is committed to the database by another window or
// another facilitator, until the window closes: each screen on view
// reloads what changed without touching what is being typed.
func (u *UI) watch(ctx context.Context) {
	changes := u.store.Watch(ctx)
	go func() {
		for c := range changes {
			fyne.Do(func() { u.onChange(c) })
		}
	}()
	if !u.store.Team() {
		return
	}
	go func() {
		tick := time.NewTicker(presenceEvery)
		defer tick.Stop()
		for {
			people, err := u.store.Present(ctx)
			fyne.Do(func() {
				u.showPresence(people, err)
				if err == nil && u.svc.Waiting() > 0 {
					// The server answers again without the watch having
					// seen it drop (a mark failed within a restart).
					u.sendWaiting()
					u.showTeamLine()
				}
			})
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
}

// onChange reloads, in the screens built, what c may have changed.
func (u *UI) onChange(c store.Change) {
	if c.Offline {
		u.setOffline(true)
		return
	}
	if u.offline {
		u.setOffline(false)
	}
	if c.Touches(cohortTables...) {
		u.followCohort()
	}
	if c.Touches(peopleTables...) {
		u.followPeople()
	}
	if c.Touches(structureTables...) && u.structures != nil && u.current == areaStructures {
		u.structures.follow()
	}
	if c.Touches(libraryTables...) && u.library != nil && u.current == areaLibrary {
		u.library.refresh()
	}
	if c.Touches("live_states") {
		u.followLive()
	}
	if c.Touches("sessions") {
		u.followNotes()
	}
}

// followCohort reads the cohort on view again and shows it if someone
// changed it: its name, team, dates or agendas.
func (u *UI) followCohort() {
	ctx := context.Background()
	list, err := u.store.Cohorts(ctx)
	if err != nil {
		log.Printf("following the cohorts: %s", usererr.Detail(err))
		return
	}
	if !reflect.DeepEqual(list, u.cohorts) {
		u.loadCohortNames(list)
	}
	if u.cohort.ID == 0 {
		return
	}
	full, err := u.store.Cohort(ctx, u.cohort.ID)
	if err != nil {
		log.Printf("following the cohort: %s", usererr.Detail(err))
		return
	}
	if reflect.DeepEqual(full, u.cohort) {
		return // this window's own save
	}
	if u.sessions != nil && !u.sessions.follow(full) {
		return // a block is being edited: the save will meet the change
	}
	u.cohort = full
	if u.live != nil {
		for _, se := range full.Sessions {
			if se.ID == u.live.session.ID {
				u.live.agendaChanged(se)
			}
		}
	}
}

// loadCohortNames refreshes the picker's names, keeping the cohort on
// view selected without reloading it.
func (u *UI) loadCohortNames(list []course.Summary) {
	u.cohorts = list
	names := make([]string, len(list))
	pick := -1
	for i, c := range list {
		names[i] = c.Name
		if c.ID == u.cohort.ID {
			pick = i
		}
	}
	handler := u.picker.OnChanged
	u.picker.OnChanged = nil
	u.picker.SetOptions(names)
	if pick >= 0 {
		u.picker.SetSelectedIndex(pick)
	}
	u.picker.OnChanged = handler
}

// followPeople reloads the roster and the check-in desk if on view: a
// colleague's marks change the count at once.
func (u *UI) followPeople() {
	u.rosterChanged()
	if u.current != areaPeople || u.people == nil {
		return
	}
	u.showPeopleTab()
}

// follow shows cohort c, changed by someone else, keeping the session
// and block on view; it leaves the screen as it is while a block is
// being edited (false), so that nothing typed is lost.
func (s *sessionsScreen) follow(c course.Cohort) bool {
	if s.editor != nil && s.editor.dirty() {
		return false
	}
	if len(s.cohort.Sessions) == 0 || len(c.Sessions) != len(s.cohort.Sessions) {
		s.cohort = course.Cohort{}
		s.show(c)
		return true
	}
	s.cohort = c
	s.list.Refresh()
	se := s.session()
	s.history = agenda.NewHistory(0)
	s.history.Push(se.Blocks)
	sel := s.current
	if sel >= len(se.Blocks) {
		sel = 0
	}
	s.showAgenda(sel)
	return true
}

// follow reloads the structure on view if someone else changed it, and
// the list of structures.
func (s *structuresScreen) follow() {
	id := s.current.ID
	if id == 0 {
		s.load(0)
		return
	}
	st, err := s.ui.store.Structure(context.Background(), id)
	if err != nil {
		s.load(0) // deleted meanwhile
		return
	}
	if reflect.DeepEqual(st, s.current) {
		return
	}
	if st.Name != s.current.Name {
		s.load(id) // the picker shows the new name
		return
	}
	// Where the facilitator looks stays: no new fit, no new zoom.
	s.current = st
	s.history = structure.NewHistory(0)
	s.history.Push(st)
	s.canvas.SetStructure(st, false)
	s.showDetails()
	s.shown(st)
}

// showPresence writes « qui est là » in the team line.
func (u *UI) showPresence(people []store.Someone, err error) {
	if u.team == nil {
		return
	}
	if err != nil {
		return // the Watch says offline; nothing to add
	}
	var names []string
	for _, p := range people {
		n := p.Name
		if n == "" {
			n = p.Role
		}
		names = append(names, n)
	}
	u.presence = names
	u.showTeamLine()
}

// setOffline says, in the team line, that the team database does not
// answer: what is shown is the data from before the cut.
func (u *UI) setOffline(off bool) {
	u.offline = off
	if !off {
		u.sendWaiting()
		// What was missed while the connection was down.
		u.followCohort()
		u.followPeople()
	}
	u.showTeamLine()
}

// sendWaiting sends the marks the check-in took while offline.
func (u *UI) sendWaiting() {
	if u.svc.Waiting() == 0 {
		return
	}
	if _, err := u.svc.SendWaiting(context.Background()); err != nil {
		log.Printf("sending the marks taken offline: %s", usererr.Detail(err))
	}
}

// teamLine builds the line under the window's areas that a team database
// shows: where the data is, who else is there, and when it is out of
// reach.
func (u *UI) teamLine() *widget.Label {
	u.team = widget.NewLabel("")
	u.team.Wrapping = fyne.TextWrapWord
	u.showTeamLine()
	return u.team
}

func (u *UI) showTeamLine() {
	if u.team == nil {
		return
	}
	where := lang.X("team.where", "Base d’équipe «\u00a0{{.Name}}\u00a0»", map[string]any{"Name": u.store.Path()})
	if n := u.svc.Waiting(); n > 0 {
		where += " — " + lang.XN("team.waiting", "{{.N}} présence en attente d’envoi, gardée sur ce poste", n, map[string]any{"N": u.lang().Int(n)})
	}
	switch {
	case u.offline:
		u.team.SetText(where + " — " + lang.X("team.offline", "hors ligne\u00a0: le serveur ne répond pas. Vous voyez les données d’avant la coupure\u202f; Atelier se reconnecte dès qu’il répond."))
		u.team.Importance = widget.DangerImportance
	case !u.store.Granted():
		u.team.SetText(where + " — " + lang.X("team.readonly", "consultation seulement\u00a0: votre accès ne permet pas de modifier."))
		u.team.Importance = widget.WarningImportance
	default:
		text := where
		if len(u.presence) == 0 {
			text += " — " + lang.X("team.alone", "personne d’autre n’est connecté")
		} else {
			text += " — " + lang.XN("team.present", "aussi connecté·e\u00a0: {{.Names}}", len(u.presence), map[string]any{"Names": strings.Join(u.presence, ", ")})
		}
		u.team.SetText(text)
		u.team.Importance = widget.MediumImportance
	}
	u.team.Refresh()
}

// followNotes shows the team's session notes a colleague saved, in the
// Séances pane unless it holds unsaved typing, and in the live panel.
func (u *UI) followNotes() {
	if u.sessions != nil && u.sessions.notes != nil && u.sessions.notes.entry.Text == u.sessions.notes.saved {
		u.sessions.notes.load()
	}
	if l := u.live; l != nil {
		if notes, err := u.store.SessionNotes(context.Background(), l.session.ID); err == nil && notes != l.notes {
			l.notes = notes
			l.teamNotes.SetText(notes)
		}
	}
}

// takeTheirs shows, after a save refused because a colleague saved the
// same agenda first (store.ConflictError), the agenda as they left it:
// the person sees their change, and edits again from it. Any other error
// leaves the screen as it is.
func (s *sessionsScreen) takeTheirs(err error) {
	var ce *store.ConflictError
	if !errors.As(err, &ce) || ce.Blocks == nil || s.selected >= len(s.cohort.Sessions) || ce.SessionID != s.session().ID {
		return
	}
	s.editor.show(-1) // what was typed is in the message; the editor shows theirs
	s.cohort.Sessions[s.selected].Blocks = ce.Blocks
	s.ui.cohort = s.cohort
	s.list.RefreshItem(s.selected)
	s.history = agenda.NewHistory(0)
	s.history.Push(ce.Blocks)
	s.showAgenda(min(s.current, max(len(ce.Blocks)-1, 0)))
	s.ui.agendaChanged(s.session())
}

// takeTheirs is the diagram's: the structure as the colleague saved it.
func (s *structuresScreen) takeTheirs(err error) {
	var ce *store.ConflictError
	if !errors.As(err, &ce) || ce.Structure == nil || ce.Structure.ID != s.current.ID {
		return
	}
	s.current = *ce.Structure
	s.history = structure.NewHistory(0)
	s.history.Push(s.current)
	s.canvas.SetStructure(s.current, false)
	s.showDetails()
	s.shown(s.current)
}
