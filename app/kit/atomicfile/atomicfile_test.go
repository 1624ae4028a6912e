package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "données.json")
	if err := os.WriteFile(path, []byte("ancien"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A failing writer leaves the old file and no temp file.
	err := Write(path, 0o600, func(w io.Writer) error {
		io.WriteString(w, "moitié")
		return errors.New("disque plein")
	})
	if err == nil {
		t.Fatal("error lost")
	}
	if got, _ := os.ReadFile(path); string(got) != "ancien" {
		t.Errorf("old file became %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := Write(path, 0o600, func(w io.Writer) error { _, err := io.WriteString(w, "nouveau"); return err }); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "nouveau" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v", got, info.Mode())
	}
}
