package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestXDGDocuments(t *testing.T) {
	home := t.TempDir()
	tests := []struct{ name, dirs, want string }{
		{"no user-dirs.dirs", "", filepath.Join(home, "Documents")},
		{"relative to home", `XDG_DOCUMENTS_DIR="$HOME/Mes documents"` + "\n", filepath.Join(home, "Mes documents")},
		{"absolute", "# comment\nXDG_DESKTOP_DIR=\"$HOME/Bureau\"\nXDG_DOCUMENTS_DIR=\"/srv/docs\"\n", "/srv/docs"},
		{"disabled (home itself)", `XDG_DOCUMENTS_DIR="$HOME/"` + "\n", filepath.Join(home, "Documents")},
	}
	for _, tt := range tests {
		conf := t.TempDir()
		if tt.dirs != "" {
			if err := os.WriteFile(filepath.Join(conf, "user-dirs.dirs"), []byte(tt.dirs), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if got := xdgDocuments(home, conf); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestFileDialogsStartInDocuments: the first file dialog opens in
// Documents; once a folder has been used, Fyne's memory of it wins.
func TestFileDialogsStartInDocuments(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Documents comes from the system there")
	}
	u, _ := newTestUI(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	if l := u.startFolder(); l != nil {
		t.Fatalf("no Documents folder yet, but the dialogs start in %s", l)
	}
	docs := filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	if l := u.startFolder(); l == nil || l.Path() != docs {
		t.Fatalf("the dialogs start in %v, want %s", l, docs)
	}
	u.app.Preferences().SetString(lastFolderKey, "file:///srv")
	if l := u.startFolder(); l != nil {
		t.Errorf("a folder was used before, yet the dialogs start in %s", l)
	}
}
