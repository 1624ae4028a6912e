// Package pgtest gives tests a real PostgreSQL server: one throwaway
// cluster per test binary, made with Debian's postgresql package (initdb
// into a temporary folder, a Unix socket only, no TCP port), and a fresh,
// empty database for every call to Start.
//
// A package whose tests call Start runs them through Main, so that the
// cluster is started once and stopped when the tests end:
//
//	func TestMain(m *testing.M) { pgtest.Main(m) }
//
// Without Main, each Start has a cluster of its own, stopped with its test:
// correct, but it pays initdb every time.
//
// Missing server binaries fail the test, saying how to install them: a
// test that skips where PostgreSQL is absent would pass without testing.
package pgtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// User is the superuser of the throwaway clusters.
const User = "atelier"

// shared is the cluster of a test binary run through Main.
var shared struct {
	sync.Mutex
	inMain  bool
	started bool
	cluster *Cluster
	err     error
	n       int // databases made so far, which names the next one
}

// Main runs the tests and then stops the cluster they started, if any,
// before the binary exits with the tests' status.
func Main(m *testing.M) {
	shared.Lock()
	shared.inMain = true
	shared.Unlock()
	code := m.Run()
	shared.Lock()
	if shared.cluster != nil {
		if err := shared.cluster.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
			if code == 0 {
				code = 1
			}
		}
	}
	shared.Unlock()
	os.Exit(code)
}

// Start returns the DSN (postgres://…, through the cluster's socket) of a
// new, empty database, owned by User. Its first call in a binary run
// through Main starts the shared cluster.
func Start(t testing.TB) (dsn string) {
	t.Helper()
	shared.Lock()
	defer shared.Unlock()
	c := shared.cluster
	if !shared.inMain {
		var err error
		if c, err = StartCluster(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := c.Stop(); err != nil {
				t.Error(err)
			}
		})
	} else if !shared.started {
		shared.started = true
		shared.cluster, shared.err = StartCluster()
		c = shared.cluster
	}
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	shared.n++
	name := fmt.Sprintf("test_%d", shared.n)
	if err := c.CreateDatabase(name); err != nil {
		t.Fatal(err)
	}
	return c.DSN(name)
}

// Own starts a cluster for the test alone, stopped and removed with it:
// for a test that halts or restarts its server (Halt, Resume, Restart),
// which it must not do to the cluster other tests share.
func Own(t testing.TB) *Cluster {
	t.Helper()
	c, err := StartCluster()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return c
}

// DSN is the address of database name on the cluster, for pgx.
func (c *Cluster) DSN(name string) string {
	q := url.Values{"host": {c.Dir}, "user": {User}, "sslmode": {"disable"}}
	return (&url.URL{Scheme: "postgres", Path: "/" + name, RawQuery: q.Encode()}).String()
}

// CreateDatabase makes an empty database on the cluster.
func (c *Cluster) CreateDatabase(name string) error {
	db, err := sql.Open("pgx", c.DSN("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + quoteIdent(name)); err != nil {
		return fmt.Errorf("pgtest: creating database %s: %w", name, err)
	}
	return nil
}

func quoteIdent(s string) string {
	out := []byte{'"'}
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			out = append(out, '"')
		}
		out = append(out, s[i])
	}
	return string(append(out, '"'))
}

// ReadOnlyRole makes a role of its own that may read every table of the
// database at dsn and change none (SELECT only, as the README's
// « lecture » role), and returns the address to connect as it. The role
// goes with the test. The tables must exist: open the database once
// through its owner first.
func ReadOnlyRole(t testing.TB, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	role := quoteIdent("lecture_" + name)
	Exec(t, dsn, "DROP ROLE IF EXISTS "+role, "CREATE ROLE "+role+" LOGIN",
		"GRANT USAGE ON SCHEMA public TO "+role, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO "+role)
	t.Cleanup(func() { Exec(t, dsn, "DROP OWNED BY "+role+" CASCADE", "DROP ROLE "+role) })
	q := u.Query()
	q.Set("user", "lecture_"+name)
	u.RawQuery = q.Encode()
	return u.String()
}

// Exec runs statements on the database at dsn, outside any store: to set
// a test's server up as its administrator would.
func Exec(t testing.TB, dsn string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
