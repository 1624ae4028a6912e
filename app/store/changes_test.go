package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"atelier/app/store/pgtest"
)

// next waits for the next change on ch, failing after a while: a change
// that never comes is a test failure, not a hang.
func next(t *testing.T, ch <-chan Change) Change {
	t.Helper()
	select {
	case c, ok := <-ch:
		if !ok {
			t.Fatal("Watch stopped")
		}
		return c
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported within 10 s")
	}
	return Change{}
}

// quiet checks that no change is reported for a moment.
func quiet(t *testing.T, ch <-chan Change) {
	t.Helper()
	select {
	case c := <-ch:
		t.Fatalf("change %+v reported with nobody writing", c)
	case <-time.After(3 * watchEvery):
	}
}

func TestWatchSeesAnotherWindowsCommit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atelier.db")
	a, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := t.Context()
	ch := a.Watch(ctx)
	quiet(t, ch)
	createTest(t, b, "Automne", date(2026, 9, 10, 18, 30))
	if c := next(t, ch); !c.All {
		t.Errorf("change %+v: a file cannot tell which table, it should say All", c)
	}
	// Its own writes too: the window that changed something is told like
	// the others.
	createTest(t, a, "Hiver", date(2027, 1, 10, 18, 30))
	next(t, ch)
}

func TestWatchHearsTeamNotifications(t *testing.T) {
	dsn := pgtest.Start(t)
	ctx := t.Context()
	a, err := Open(dsn, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(dsn, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ch := a.Watch(ctx)
	// LISTEN runs on its own connection: wait until it is there, or the
	// first notification could be sent before anyone listens.
	waitListening(t, dsn)
	createTest(t, b, "Automne", date(2026, 9, 10, 18, 30))
	c := next(t, ch)
	if c.All || !c.Touches("cohorts") {
		t.Errorf("change %+v, want the cohorts table named", c)
	}
	if c.Touches("attendance") && !c.Touches("sessions") {
		t.Errorf("change %+v names a table nobody wrote", c)
	}
}

// waitListening waits until a connection of the database listens.
func waitListening(t *testing.T, dsn string) {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	for range 200 {
		var n int
		if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN atelier'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("nobody listens")
}

func TestWatchStopsWithClose(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ch := s.Watch(context.Background())
		s.Close()
		select {
		case _, ok := <-ch:
			if ok {
				// A change before the end is fine; the channel must
				// still close.
				if _, ok := <-ch; ok {
					t.Fatal("Watch goes on after Close")
				}
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Watch goes on after Close")
		}
	})
}

func TestChangesMerge(t *testing.T) {
	tests := []struct {
		a, b, want Change
	}{
		{Change{Tables: []string{"sessions"}}, Change{Tables: []string{"attendance", "sessions"}}, Change{Tables: []string{"attendance", "sessions"}}},
		{Change{Tables: []string{"sessions"}}, Change{All: true}, Change{All: true}},
		{Change{Offline: true}, Change{All: true}, Change{All: true}},
		{Change{All: true}, Change{Offline: true}, Change{All: true, Offline: true}},
	}
	for _, tt := range tests {
		got := tt.a.merge(tt.b)
		if got.All != tt.want.All || got.Offline != tt.want.Offline || strings.Join(got.Tables, ",") != strings.Join(tt.want.Tables, ",") {
			t.Errorf("%+v then %+v = %+v, want %+v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPresentShowsTheOthers(t *testing.T) {
	dsn := pgtest.Start(t)
	open := func(who string) *Store {
		s, err := Open(dsn, Options{Now: testClock, Who: who})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	camille, noe := open("Camille Roy"), open("Noé Tremblay")
	_ = noe
	got, err := camille.Present(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "Noé Tremblay" || got[0].Role != pgtest.User {
		t.Errorf("Present = %+v, want Noé alone", got)
	}
	noe.Close()
	// A backend leaves pg_stat_activity a moment after its client closed.
	for range 100 {
		if got, err = camille.Present(t.Context()); err != nil || len(got) == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil || len(got) != 0 {
		t.Errorf("after Noé left: %+v, %v", got, err)
	}
	solo := openTest(t)
	if got, err := solo.Present(t.Context()); err != nil || got != nil {
		t.Errorf("a file: %+v, %v", got, err)
	}
}

func TestTeamRefusesUnverifiedTLS(t *testing.T) {
	tests := []struct {
		dsn    string
		refuse bool
	}{
		{"postgres://camille@equipe.example.org/atelier", true},
		{"postgres://camille@equipe.example.org/atelier?sslmode=require", true},
		{"postgres://camille@equipe.example.org/atelier?sslmode=verify-ca", true},
		{"postgres://camille@equipe.example.org/atelier?sslmode=disable", true},
		{"host=equipe.example.org dbname=atelier sslmode=prefer", true},
		{"postgres://camille@equipe.example.org/atelier?sslmode=verify-full", false},
		{"host=equipe.example.org dbname=atelier sslmode=verify-full", false},
		{"postgres://camille@127.0.0.1/atelier?sslmode=disable", false},
		{"postgres://camille@localhost/atelier", false},
		{"postgres://camille@[::1]/atelier", false},
		{"postgres:///atelier?host=/var/run/postgresql", false},
	}
	for _, tt := range tests {
		cfg, err := pgx.ParseConfig(tt.dsn)
		if err != nil {
			t.Fatalf("%s: %v", tt.dsn, err)
		}
		err = requireVerifiedTLS(cfg, tt.dsn, teamName(cfg))
		if (err != nil) != tt.refuse {
			t.Errorf("%s: %v, refuse %v", tt.dsn, err, tt.refuse)
		}
		if err != nil && !strings.Contains(err.Error(), "sans vérifier l’identité du serveur") {
			t.Errorf("%s: %q", tt.dsn, err)
		}
	}
}

func TestTeamNameHidesThePassword(t *testing.T) {
	s, err := Open("postgres://camille:s3cret@equipe.example.org/atelier?sslmode=require", Options{})
	if err == nil {
		s.Close()
		t.Fatal("opened")
	}
	if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("the message shows the password: %q", err)
	}
}

func TestReadOnlyRoleLooksButDoesNotChange(t *testing.T) {
	dsn := pgtest.Start(t)
	owner, err := Open(dsn, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	createTest(t, owner, "Automne", date(2026, 9, 10, 18, 30))
	owner.Close()
	ro, err := Open(pgtest.ReadOnlyRole(t, dsn), Options{Now: testClock})
	if err != nil {
		t.Fatalf("a read-only role cannot open: %v", err)
	}
	defer ro.Close()
	if !ro.ReadOnly() || ro.Granted() {
		t.Errorf("ReadOnly %v, Granted %v: the window would offer changes", ro.ReadOnly(), ro.Granted())
	}
	list, err := ro.Cohorts(t.Context())
	if err != nil || len(list) != 1 {
		t.Fatalf("Cohorts = %v, %v", list, err)
	}
	_, err = ro.CreateCohort(t.Context(), testCohort(t, "Hiver", date(2027, 1, 10, 18, 30)))
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "permet de consulter, pas de modifier") {
		t.Errorf("CreateCohort: %v", err)
	}
}

func TestApplicationNameKeepsTheName(t *testing.T) {
	for _, who := range []string{"", "Noé Tremblay", "Camille 🌱 Roy", strings.Repeat("Éloïse ", 20)} {
		app := applicationName(who)
		if len(app) > 63 {
			t.Errorf("%q: %d bytes, PostgreSQL keeps 63", who, len(app))
		}
		for _, r := range app {
			if r < 0x20 || r > 0x7e {
				t.Errorf("%q: %q is not printable ASCII", who, app)
			}
		}
		if got := whoFrom(app); !strings.HasPrefix(strings.Join(strings.Fields(who), " "), got) || (len(who) < 30 && got != strings.TrimSpace(who)) {
			t.Errorf("%q → %q → %q", who, app, got)
		}
	}
}

func TestWatchSaysOfflineAndBack(t *testing.T) {
	c := pgtest.Own(t)
	if err := c.CreateDatabase("equipe"); err != nil {
		t.Fatal(err)
	}
	dsn := c.DSN("equipe")
	a, err := Open(dsn, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ch := a.Watch(t.Context())
	waitListening(t, dsn)
	if err := c.Halt(); err != nil {
		t.Fatal(err)
	}
	if got := next(t, ch); !got.Offline {
		t.Fatalf("server stopped: %+v, want Offline", got)
	}
	if err := c.Resume(); err != nil {
		t.Fatal(err)
	}
	got := next(t, ch)
	if got.Offline || !got.All {
		t.Fatalf("server back: %+v, want All (what was missed meanwhile)", got)
	}
	// And it listens again: a write after the restart is heard.
	b, err := Open(dsn, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	waitListening(t, dsn)
	createTest(t, b, "Automne", date(2026, 9, 10, 18, 30))
	if got := next(t, ch); !got.Touches("cohorts") {
		t.Errorf("after the restart: %+v", got)
	}
}
