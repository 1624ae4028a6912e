package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/callreport"
	"atelier/app/formats/registration"
	"atelier/app/kit/fold"
	"atelier/app/store"
	"atelier/app/store/pgtest"
	"atelier/workshops"
)

// start is the tests' first "now": the first cohort then starts on
// Wednesday 2 December 2026 at 18 h 30, Toronto time.
var start = time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)

// fixture is an application on a fresh temporary file, with a clock the
// test moves.
type fixture struct {
	t     *testing.T
	ctx   context.Context
	now   time.Time
	path  string
	st    *store.Store
	svc   *Service
	c     course.Cohort
	plans []course.Plan
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newFixtureOn(t, filepath.Join(t.TempDir(), "atelier.db"))
}

// newFixtureOn is newFixture on the database at path: a file, or a team
// database's postgres:// address.
func newFixtureOn(t *testing.T, path string) *fixture {
	t.Helper()
	f := &fixture{t: t, ctx: context.Background(), now: start, plans: workshops.MustPlans()}
	f.path = path
	st, err := store.Open(f.path, store.Options{Now: f.clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.st = st
	f.svc = New(st, f.plans, f.clock)
	if _, err := f.svc.FirstStart(f.ctx, workshops.Catalogue()); err != nil {
		t.Fatal(err)
	}
	f.reload()
	return f
}

func (f *fixture) clock() time.Time { return f.now }

// reload reads the cohort again.
func (f *fixture) reload() {
	f.t.Helper()
	c, err := f.svc.PickCohort(f.ctx, "")
	if err != nil {
		f.t.Fatal(err)
	}
	f.c = c
}

// setSeats gives the cohort n seats.
func (f *fixture) setSeats(n int) {
	f.t.Helper()
	c := f.c
	c.SeatLimit = n
	if _, err := f.svc.UpdateCohort(f.ctx, c, false); err != nil {
		f.t.Fatal(err)
	}
	f.reload()
}

// session is session number n of the cohort.
func (f *fixture) session(n int) course.Session {
	f.t.Helper()
	s, err := Session(f.c, n)
	if err != nil {
		f.t.Fatal(err)
	}
	return s
}

// after moves the clock to d after session n's start.
func (f *fixture) after(n int, d time.Duration) { f.now = f.session(n).StartsAt.Add(d) }

// importRows imports a form export with one row per name (courriel made
// from the name), registered a minute apart from 1 November.
func (f *fixture) importRows(names ...string) registration.Result {
	f.t.Helper()
	var b strings.Builder
	b.WriteString("Horodateur,Adresse courriel,Nom complet\n")
	for i, n := range names {
		fmt.Fprintf(&b, "2026/11/01 10:%02d:00,%s,%s\n", i, email(n), n)
	}
	sheet, err := registration.Parse(strings.NewReader(b.String()), "inscriptions.csv", f.c.Location())
	if err != nil {
		f.t.Fatal(err)
	}
	res, err := f.svc.ImportRoster(f.ctx, f.c.ID, sheet)
	if err != nil {
		f.t.Fatal(err)
	}
	return res
}

// email makes a courriel from a name: « Aïcha Benali 🌻 » is
// aicha.benali@exemple.org.
func email(name string) string {
	var b strings.Builder
	for _, r := range fold.Key(name) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == ' ' && b.Len() > 0:
			b.WriteByte('.')
		}
	}
	return strings.Trim(b.String(), ".") + "@exemple.org"
}

// people reads the roster, by name.
func (f *fixture) people() map[string]participants.Participant {
	f.t.Helper()
	list, err := f.st.Participants(f.ctx, f.c.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	m := map[string]participants.Participant{}
	for _, p := range list {
		m[p.Name] = p
	}
	return m
}

func (f *fixture) person(name string) participants.Participant {
	f.t.Helper()
	p, ok := f.people()[name]
	if !ok {
		f.t.Fatalf("%s is not on the roster", name)
	}
	return p
}

func (f *fixture) seats() participants.Seats {
	f.t.Helper()
	v, err := f.svc.Roster(f.ctx, f.c)
	if err != nil {
		f.t.Fatal(err)
	}
	return v.Seats
}

// zoom is a Zoom participants report for session n listing names, each
// joined at the start (late ones 20 minutes after).
func (f *fixture) zoom(n int, names []string, late ...string) *callreport.Report {
	f.t.Helper()
	at := f.session(n).StartsAt.In(f.c.Location())
	stamp := func(t time.Time) string { return t.Format("01/02/2006 03:04:05 PM") }
	var b strings.Builder
	b.WriteString("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n")
	for _, name := range append(append([]string(nil), names...), late...) {
		join := at.Add(-2 * time.Minute)
		for _, l := range late {
			if l == name {
				join = at.Add(20 * time.Minute)
			}
		}
		leave := at.Add(90 * time.Minute)
		fmt.Fprintf(&b, "%s,%s,%s,%s,%d,No\n", name, email(name), stamp(join), stamp(leave), int(leave.Sub(join).Minutes()))
	}
	rep, err := callreport.Parse(strings.NewReader(b.String()), at, f.c.Location())
	if err != nil {
		f.t.Fatal(err)
	}
	return rep
}

// pdfText is the text pdftotext reads from a PDF; the test is skipped
// without poppler.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) absent")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func names(list []participants.Participant) string {
	var out []string
	for _, p := range list {
		out = append(out, p.Name)
	}
	return strings.Join(out, ", ")
}

func mustNoSeat(t *testing.T, err error, saying string) {
	t.Helper()
	if !errors.Is(err, participants.ErrNoSeat) || !strings.Contains(err.Error(), saying) {
		t.Fatalf("error %v, want ErrNoSeat saying %q", err, saying)
	}
}

var _ = bytes.NewReader

// onEngines runs test on a fresh file and on a fresh team database: the
// application promises on PostgreSQL what it promises on SQLite.
func onEngines(t *testing.T, test func(t *testing.T, f *fixture)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { test(t, newFixture(t)) })
	t.Run("postgres", func(t *testing.T) { test(t, newFixtureOn(t, pgtest.Start(t))) })
}
