package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"atelier/app/kit/usererr"
)

func TestDBPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	t.Setenv(DBEnv, "")
	tests := []struct {
		name, flag, env, want string
		team                  Team
	}{
		{"default", "", "", "/data/atelier/atelier.db", Team{}},
		{"environment", "", "/env.db", "/env.db", Team{}},
		{"flag wins", "/flag.db", "/env.db", "/flag.db", Team{}},
		{"team chosen", "", "", "postgres://camille@equipe.example.org/atelier?sslmode=verify-full",
			Team{On: true, Host: "equipe.example.org", Database: "atelier", User: "camille"}},
		{"team set aside", "", "", "/data/atelier/atelier.db", Team{Host: "equipe.example.org", Database: "atelier"}},
		{"environment before team", "", "postgres:///autre", "postgres:///autre", Team{On: true, Host: "x", Database: "y"}},
	}
	for _, tt := range tests {
		t.Setenv(DBEnv, tt.env)
		got, err := DBPath(tt.flag, Prefs{Team: tt.team})
		if err != nil || got != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestDefaultDBPathWithoutXDG(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/ana")
	got, err := DefaultDBPath()
	if err != nil || got != "/home/ana/.local/share/atelier/atelier.db" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestPrefsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "preferences.json")
	if got := LoadPrefs(path); got.Language != "fr" {
		t.Fatalf("missing file should give French, got %q", got.Language)
	}
	if err := SavePrefs(path, Prefs{Language: "en"}); err != nil {
		t.Fatal(err)
	}
	if got := LoadPrefs(path); got.Language != "en" {
		t.Fatalf("got %q after saving en", got.Language)
	}
}

// TestLookRoundTrip checks that Grand texte and Contraste élevé outlive a
// run, each on its own, and that saving one keeps the language.
func TestLookRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "preferences.json")
	if got := LoadPrefs(path).Look; got != (Look{}) {
		t.Fatalf("missing file should give the usual look, got %+v", got)
	}
	for _, look := range []Look{{BigText: true}, {HighContrast: true}, {BigText: true, HighContrast: true}, {}} {
		if err := SavePrefs(path, Prefs{Language: "en", Look: look}); err != nil {
			t.Fatal(err)
		}
		got := LoadPrefs(path)
		if got.Look != look || got.Language != "en" {
			t.Errorf("saved %+v in English, read back %+v in %q", look, got.Look, got.Language)
		}
	}
	// A file written before the look existed reads as the usual look.
	if err := os.WriteFile(path, []byte(`{"langue": "fr"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := LoadPrefs(path).Look; got != (Look{}) {
		t.Errorf("an older file gave %+v", got)
	}
}

// TestFoldersPerSystem checks the one rule of Atelier's folders on each
// system: on Windows everything in %APPDATA%\Atelier, on Linux the XDG
// folders as before.
func TestFoldersPerSystem(t *testing.T) {
	tests := []struct {
		name, goos              string
		env                     map[string]string
		db, prefs, journal, err string
	}{
		{name: "windows", goos: "windows",
			env:     map[string]string{"APPDATA": `C:\Users\ana\AppData\Roaming`, "XDG_DATA_HOME": "/ignored", "HOME": "/ignored"},
			db:      `C:\Users\ana\AppData\Roaming\Atelier\atelier.db`,
			prefs:   `C:\Users\ana\AppData\Roaming\Atelier\preferences.json`,
			journal: `C:\Users\ana\AppData\Roaming\Atelier\ecritures-en-cours`},
		{name: "windows, trailing separator", goos: "windows",
			env: map[string]string{"APPDATA": `D:\Profils\ana\`},
			db:  `D:\Profils\ana\Atelier\atelier.db`, prefs: `D:\Profils\ana\Atelier\preferences.json`, journal: `D:\Profils\ana\Atelier\ecritures-en-cours`},
		{name: "windows without APPDATA", goos: "windows",
			env: map[string]string{"HOME": "/home/ana"}, err: "%APPDATA%"},
		{name: "linux, XDG", goos: "linux",
			env: map[string]string{"XDG_DATA_HOME": "/data", "XDG_CONFIG_HOME": "/conf", "HOME": "/home/ana", "APPDATA": `C:\ignored`},
			db:  "/data/atelier/atelier.db", prefs: "/conf/atelier/preferences.json", journal: "/conf/atelier/ecritures-en-cours"},
		{name: "linux, home only", goos: "linux",
			env: map[string]string{"HOME": "/home/ana"},
			db:  "/home/ana/.local/share/atelier/atelier.db", prefs: "/home/ana/.config/atelier/preferences.json", journal: "/home/ana/.config/atelier/ecritures-en-cours"},
		{name: "linux, relative XDG_DATA_HOME is ignored", goos: "linux",
			env: map[string]string{"XDG_DATA_HOME": "data", "HOME": "/home/ana"},
			db:  "/home/ana/.local/share/atelier/atelier.db", prefs: "/home/ana/.config/atelier/preferences.json", journal: "/home/ana/.config/atelier/ecritures-en-cours"},
		{name: "linux without home", goos: "linux", env: map[string]string{}, err: "dossier personnel"},
	}
	for _, tt := range tests {
		s := system{goos: tt.goos, getenv: func(k string) string { return tt.env[k] }}
		db, err1 := s.dbPath()
		prefs, err2 := s.prefsPath()
		journal, err3 := s.journalDir()
		if tt.err != "" {
			for _, err := range []error{err1, err2, err3} {
				if err == nil || !strings.Contains(usererr.Message(err), tt.err) {
					t.Errorf("%s: got error %v, want one saying %q", tt.name, err, tt.err)
				}
			}
			continue
		}
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if db != tt.db || prefs != tt.prefs || journal != tt.journal {
			t.Errorf("%s:\n got  %s | %s | %s\n want %s | %s | %s", tt.name, db, prefs, journal, tt.db, tt.prefs, tt.journal)
		}
	}
}

func TestTeamDSN(t *testing.T) {
	tests := []struct {
		team Team
		want string
	}{
		{Team{Host: "equipe.example.org", Port: 5433, Database: "atelier", User: "noé", CA: "/home/noé/ca.crt"},
			"postgres://no%C3%A9@equipe.example.org:5433/atelier?sslmode=verify-full&sslrootcert=%2Fhome%2Fno%C3%A9%2Fca.crt"},
		{Team{Host: "localhost", Database: "atelier", User: "camille"}, "postgres://camille@localhost/atelier"},
		{Team{Host: "::1", Port: 5432, Database: "atelier"}, "postgres://[::1]:5432/atelier"},
		{Team{Host: "/var/run/postgresql", Database: "atelier", User: "camille"}, "postgres://camille@/atelier?host=%2Fvar%2Frun%2Fpostgresql"},
	}
	for _, tt := range tests {
		if got := tt.team.DSN(); got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.team, got, tt.want)
		}
	}
}

func TestPrefsKeepTheTeamWithoutPassword(t *testing.T) {
	path := filepath.Join(t.TempDir(), "preferences.json")
	team := Team{On: true, Host: "equipe.example.org", Database: "atelier", User: "camille", Who: "Camille Roy"}
	if err := SavePrefs(path, Prefs{Language: "en", Team: team}); err != nil {
		t.Fatal(err)
	}
	if got := LoadPrefs(path); got.Team != team || got.Language != "en" {
		t.Errorf("LoadPrefs = %+v", got)
	}
}

// The breakout choice comes back as saved; a negative number edited in by
// hand comes back as none.
func TestPrefsKeepTheBreakoutChoice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "preferences.json")
	want := Breakout{ByCount: true, Size: 5, Groups: 3}
	if err := SavePrefs(path, Prefs{Language: "fr", Breakout: want}); err != nil {
		t.Fatal(err)
	}
	if got := LoadPrefs(path).Breakout; got != want {
		t.Fatalf("breakout %+v, want %+v", got, want)
	}
	if err := os.WriteFile(path, []byte(`{"langue":"fr","sous_groupes":{"par_nombre":true,"taille":-2,"nombre":4}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := LoadPrefs(path).Breakout; got != (Breakout{ByCount: true, Groups: 4}) {
		t.Errorf("breakout %+v", got)
	}
}
