package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"atelier/app/domain/agenda"
)

func TestTestPlansFillSessions(t *testing.T) {
	for _, p := range testPlans() {
		if got := agenda.Total(p.Blocks); got != agenda.SessionMinutes {
			t.Errorf("séance %d : %d min, want %d", p.Number, got, agenda.SessionMinutes)
		}
	}
}

func TestMigrationsNumbered(t *testing.T) {
	names, err := migrationFiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 || !strings.HasSuffix(names[0], "/001_init.sql") {
		t.Fatalf("migrations = %v, want 001_init.sql first", names)
	}
}

func TestOpenNewFile(t *testing.T) {
	// The folder does not exist yet: Open makes it, private.
	dir := filepath.Join(t.TempDir(), "données", "atelier")
	path := filepath.Join(dir, "atelier.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	assertMode(t, path, 0o600)
	assertMode(t, dir, 0o700|os.ModeDir)
	latest, _ := latestVersion()
	if got := pragmaInt(t, s.db, "user_version"); got != latest {
		t.Errorf("user_version = %d, want %d", got, latest)
	}
	if got := pragmaInt(t, s.db, "application_id"); got != ApplicationID {
		t.Errorf("application_id = %#x, want %#x", got, ApplicationID)
	}
}

func TestOpenAwkwardPath(t *testing.T) {
	// Characters that mean something in a URI must stay part of the name.
	dir := filepath.Join(t.TempDir(), "Dossier été #2 ?100% sûr")
	path := filepath.Join(dir, "base & co.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(context.Background(), "k", "v"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "base & co.db" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("folder holds %q, want only %q", names, "base & co.db")
	}
}

func TestOpenEmptyExistingFile(t *testing.T) {
	// A file dialog may create the file before Atelier opens it.
	path := filepath.Join(t.TempDir(), "vide.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := pragmaInt(t, s.db, "application_id"); got != ApplicationID {
		t.Errorf("application_id = %#x, want %#x", got, ApplicationID)
	}
}

func TestOpenTightensPermissions(t *testing.T) {
	tests := []struct {
		name string
		mode os.FileMode
		want os.FileMode
	}{
		{"lisible par tous", 0o644, 0o600},
		{"lisible par le groupe", 0o640, 0o600},
		{"inscriptible par le groupe", 0o620, 0o600},
		{"déjà privé", 0o600, 0o600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "atelier.db")
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			if err := os.Chmod(path, tt.mode); err != nil {
				t.Fatal(err)
			}
			s, err = Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			assertMode(t, path, tt.want)
		})
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "atelier.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	id := createTest(t, s, "Cohorte printemps 2027", date(2027, 3, 3, 18, 30))
	if err := s.SetSetting(ctx, "cohorte", "42"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Cohort(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Cohorte printemps 2027" || len(c.Sessions) != 5 {
		t.Errorf("reopened cohort = %q with %d sessions", c.Name, len(c.Sessions))
	}
	if v, _ := s.Setting(ctx, "cohorte"); v != "42" {
		t.Errorf("setting = %q, want 42", v)
	}
	latest, _ := latestVersion()
	if got := pragmaInt(t, s.db, "user_version"); got != latest {
		t.Errorf("user_version = %d, want %d", got, latest)
	}
}

func TestPragmasOnEveryConnection(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	// Hold several connections at once so the pool has to open new ones:
	// DSN pragmas must apply to each, not only the first.
	var conns []*sql.Conn
	for range 3 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	for i, c := range conns {
		var journal string
		var fk, busy, sync int
		if err := c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&journal); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
			t.Fatal(err)
		}
		// synchronous 2 is FULL: NORMAL could lose acknowledged commits.
		if journal != "wal" || fk != 1 || busy != 5000 || sync != 2 {
			t.Errorf("connection %d: journal_mode=%s foreign_keys=%d busy_timeout=%d synchronous=%d, want wal 1 5000 2",
				i, journal, fk, busy, sync)
		}
	}
}

func TestOpenRefuses(t *testing.T) {
	random := make([]byte, 8192)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want error
	}{
		{"fichier texte", writeBytes([]byte("Nom,Courriel\nHélène,helene@example.org\n")), ErrNotDatabase},
		{"octets aléatoires", writeBytes(random), ErrNotDatabase},
		{"moins de 16 octets", writeBytes([]byte("SQLite")), ErrNotDatabase},
		{"en-tête SQLite suivi de bruit", writeBytes(append([]byte(sqliteHeader), random...)), ErrNotDatabase},
		{"version plus récente", makeNewerVersion, ErrTooNew},
		{"version plus récente, en WAL", makeNewerVersionWAL, ErrTooNew},
		{"base SQLite d’un autre logiciel", makeForeign("PRAGMA user_version = 3; CREATE TABLE recettes (nom TEXT)"), ErrForeign},
		{"base SQLite avec une table, sans marque", makeForeign("CREATE TABLE notes (x)"), ErrForeign},
		{"autre application_id, sans table", makeForeign("PRAGMA application_id = 1234"), ErrForeign},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "choisi.db")
			tt.make(t, path)
			if err := os.Chmod(path, 0o644); err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}

			s, err := Open(path, Options{})
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded, want an error")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Open error = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "n’a pas été modifié") {
				t.Errorf("message %q should name the file and say it is unchanged", err)
			}

			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Error("the refused file was modified")
			}
			// A refused file is not ours to chmod either.
			assertMode(t, path, 0o644)
		})
	}
}

func TestTooNewMessageNamesSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "futur.db")
	makeNewerVersion(t, path)
	_, err := Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "(schéma 99)") {
		t.Fatalf("Open error = %v, want it to name schema 99", err)
	}
}

func writeBytes(b []byte) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// makeNewerVersion makes an Atelier file as a future version would leave
// it: our application_id, a schema number we do not know.
func makeNewerVersion(t *testing.T, path string) {
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	execRaw(t, path, "PRAGMA user_version = 99")
}

// makeNewerVersionWAL is makeNewerVersion leaving the file in WAL mode,
// as Atelier does.
func makeNewerVersionWAL(t *testing.T, path string) {
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// makeForeign makes a SQLite file with another program's content.
func makeForeign(stmts string) func(*testing.T, string) {
	return func(t *testing.T, path string) { execRaw(t, path, stmts) }
}

// execRaw runs SQL on a file without going through Open, in rollback
// journal mode so the whole database ends up in the main file.
func execRaw(t *testing.T, path, stmts string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("PRAGMA journal_mode = DELETE; " + stmts); err != nil {
		t.Fatal(err)
	}
}

func pragmaInt(t *testing.T, db *sql.DB, name string) int {
	t.Helper()
	var v int
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	got := fi.Mode() & (os.ModePerm | os.ModeDir)
	if got != want {
		t.Errorf("mode of %s = %v, want %v", filepath.Base(path), got, want)
	}
}
