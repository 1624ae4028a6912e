package config

import (
	"path/filepath"
	"testing"
)

func TestDBPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	t.Setenv(DBEnv, "")
	tests := []struct {
		name, flag, env, want string
	}{
		{"default", "", "", "/data/atelier/atelier.db"},
		{"environment", "", "/env.db", "/env.db"},
		{"flag wins", "/flag.db", "/env.db", "/flag.db"},
	}
	for _, tt := range tests {
		t.Setenv(DBEnv, tt.env)
		got, err := DBPath(tt.flag)
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
