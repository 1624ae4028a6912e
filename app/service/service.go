// Package service is Atelier's application layer: what a facilitator does
// (import a roster, check people in, give a seat, write the booklet), as
// plain methods over the store, the clock and the domain. The window
// (app/ui) and the command line (app/cli) both call it and keep only input
// and display, so a rule (seats, who is expected, what a rate counts) is
// applied once, here or in the domain, and every file comes out the same
// from either.
//
// The store persists and never decides: operations that read a state and
// act on it (the seats, the waiting list) run inside one store transaction
// through store.Roster, so that no other writer comes in between.
package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"atelier/app/domain/course"
	"atelier/app/domain/library"
	"atelier/app/kit/atomicfile"
	"atelier/app/kit/usererr"
	"atelier/app/store"
)

// currentCohortKey is the setting that remembers the cohort last shown.
const currentCohortKey = "cohorte_courante"

// Service is the application over one open store.
type Service struct {
	st    *store.Store
	plans []course.Plan
	now   func() time.Time
	// autoBackupErr is why the backup taken as the window opened failed,
	// for the window to tell (see AutoBackup).
	autoBackupErr error
	// files is how SaveFile writes: through a journal of writes under way
	// once KeepJournal is called.
	files atomicfile.Journal
	// outbox keeps the check-in's marks while a team database is out of
	// reach (KeepOutbox); nil: a failed mark is refused.
	outbox *outbox
}

// staleAfter is how old a write under way must be to count as cut short
// (a crash, a kill): exports take seconds.
const staleAfter = 10 * time.Minute

// KeepJournal makes SaveFile note in dir, for as long as each write runs,
// the folder it writes in; and removes what writes cut short before left
// there (temp files holding names and courriels beside the files the
// person chose). It returns how many it removed.
func (s *Service) KeepJournal(dir string) (int, error) {
	s.files = atomicfile.Journal{Dir: dir}
	return s.files.Recover(s.now().Add(-staleAfter))
}

// New serves st with the curriculum plans, reading the time from now; nil
// means the store's clock. Give the store the same clock (store.Options).
func New(st *store.Store, plans []course.Plan, now func() time.Time) *Service {
	if now == nil {
		now = st.Now
	}
	return &Service{st: st, plans: plans, now: now}
}

// Store is the store underneath, for the plain reads and edits that no
// rule governs (an agenda, a diagram, a library entry).
func (s *Service) Store() *store.Store { return s.st }

// Plans is the curriculum.
func (s *Service) Plans() []course.Plan { return s.plans }

// Now is the application's clock.
func (s *Service) Now() time.Time { return s.now() }

// catalogueVersion is the setting naming the catalogue version the library
// last had: seeded and corrected from it.
const catalogueVersion = "catalogue.version"

// FirstStart gives a new file something to show: when it holds no cohort
// it creates one from the curriculum, named for the season of its first
// session (course.DefaultName), with five weekly sessions starting on
// course.NextStart; then it corrects the catalogue entries an earlier
// version seeded and the facilitators left as they were, and adds the
// shipped entries the file does not have yet. It reports whether it
// created the cohort.
func (s *Service) FirstStart(ctx context.Context, catalogue library.Catalogue) (bool, error) {
	first := course.NextStart(s.now(), course.DefaultTimeZone)
	c, err := course.NewCohort(course.DefaultName(first), s.plans, first, course.DefaultTimeZone)
	if err != nil {
		return false, err
	}
	created, err := s.st.CreateCohortIfNone(ctx, c)
	if err != nil {
		return false, err
	}
	if catalogue.Version != "" {
		if v, err := s.st.Setting(ctx, catalogueVersion); err != nil || v == catalogue.Version {
			return created, err
		}
	}
	entries, revisions := catalogue.Load()
	if _, err := s.st.ReviseCatalogue(ctx, revisions); err != nil {
		return created, err
	}
	if _, err := s.st.SeedLibrary(ctx, entries); err != nil {
		return created, err
	}
	if catalogue.Version != "" {
		if err := s.st.SetSetting(ctx, catalogueVersion, catalogue.Version); err != nil {
			return created, err
		}
	}
	return created, nil
}

// Cohorts lists the cohorts, the most recent first.
func (s *Service) Cohorts(ctx context.Context) ([]course.Summary, error) { return s.st.Cohorts(ctx) }

// Cohort reads one cohort with its sessions and agendas.
func (s *Service) Cohort(ctx context.Context, id int64) (course.Cohort, error) {
	return s.st.Cohort(ctx, id)
}

// PickCohort finds the cohort a command or the window works on: the one
// named name (case aside), or with no name the one shown last, or the
// most recent.
func (s *Service) PickCohort(ctx context.Context, name string) (course.Cohort, error) {
	list, err := s.st.Cohorts(ctx)
	if err != nil {
		return course.Cohort{}, err
	}
	if len(list) == 0 {
		return course.Cohort{}, usererr.New("La base ne contient aucune cohorte. Ouvrez d’abord Atelier pour en créer une.")
	}
	if name = strings.TrimSpace(name); name != "" {
		var names []string
		for _, c := range list {
			if strings.EqualFold(c.Name, name) {
				return s.st.Cohort(ctx, c.ID)
			}
			names = append(names, "«\u00a0"+c.Name+"\u00a0»")
		}
		return course.Cohort{}, usererr.New("Aucune cohorte ne s’appelle «\u00a0%s\u00a0». Cohortes de cette base\u00a0: %s.", name, strings.Join(names, ", "))
	}
	return s.st.Cohort(ctx, s.CurrentCohortID(ctx, list))
}

// CurrentCohortID is the cohort shown last when it is in list, else the
// first of list (the most recent); 0 for an empty list.
func (s *Service) CurrentCohortID(ctx context.Context, list []course.Summary) int64 {
	if len(list) == 0 {
		return 0
	}
	var want int64
	if v, err := s.st.Setting(ctx, currentCohortKey); err == nil {
		fmt.Sscan(v, &want)
	}
	for _, c := range list {
		if c.ID == want {
			return want
		}
	}
	return list[0].ID
}

// RememberCohort makes cohort id the one shown next time.
func (s *Service) RememberCohort(ctx context.Context, id int64) error {
	return s.st.SetSetting(ctx, currentCohortKey, fmt.Sprint(id))
}

// The settings that bring the window back where the person left it. They
// live in the database, beside the cohort remembered: the area and the
// session belong with the data they show.
const (
	currentAreaKey    = "zone_courante"
	currentSessionKey = "seance_courante"
)

// RememberArea makes area, a name the window gives its areas, the one
// shown next time.
func (s *Service) RememberArea(ctx context.Context, area string) error {
	return s.st.SetSetting(ctx, currentAreaKey, area)
}

// CurrentArea is the area shown last; "" when none is remembered or it
// cannot be read (the window then opens where it always did).
func (s *Service) CurrentArea(ctx context.Context) string {
	v, _ := s.st.Setting(ctx, currentAreaKey)
	return v
}

// RememberSession makes session id the one shown next time.
func (s *Service) RememberSession(ctx context.Context, id int64) error {
	return s.st.SetSetting(ctx, currentSessionKey, fmt.Sprint(id))
}

// CurrentSession is the index in c.Sessions of the session shown last,
// or -1 when it is not one of c's (another cohort's, deleted, none).
func (s *Service) CurrentSession(ctx context.Context, c course.Cohort) int {
	v, err := s.st.Setting(ctx, currentSessionKey)
	if err != nil || v == "" {
		return -1
	}
	var id int64
	fmt.Sscan(v, &id)
	for i, ses := range c.Sessions {
		if ses.ID == id {
			return i
		}
	}
	return -1
}

// Session finds session number n of c.
func Session(c course.Cohort, n int) (course.Session, error) {
	for _, ses := range c.Sessions {
		if ses.Number == n {
			return ses, nil
		}
	}
	return course.Session{}, usererr.New("La séance %d n’existe pas\u00a0: indiquez un numéro de 1 à %d.", n, len(c.Sessions))
}

// sessionByID finds the session with this id in c.
func sessionByID(c course.Cohort, id int64) (course.Session, error) {
	for _, ses := range c.Sessions {
		if ses.ID == id {
			return ses, nil
		}
	}
	return course.Session{}, usererr.New("Cette séance n’appartient pas à la cohorte «\u00a0%s\u00a0»\u202f; elle a peut-être été supprimée.", c.Name).Of(store.ErrNotFound)
}

// ImportLibrary adds the resources of a CSV shared by another team (read
// with librarycsv) to the library, in one transaction: an entry the
// library already holds (same title and source) is not added again, so
// importing a file twice, or twice at once, adds it once.
func (s *Service) ImportLibrary(ctx context.Context, rs []library.Resource) (added int, err error) {
	rs = append([]library.Resource(nil), rs...)
	for i := range rs {
		rs[i].Custom = true
	}
	return s.st.SeedLibrary(ctx, rs)
}
