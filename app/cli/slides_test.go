package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// « atelier export slides » writes the session's deck; the same command
// twice gives the same bytes.
func TestExportSlides(t *testing.T) {
	dir, db := newDB(t)
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
	for _, out := range []string{a, b} {
		code, stdout, stderr, _ := run(t, "--db", db, "export", "slides", "--session", "3", "-o", out)
		if code != ExitOK || !strings.Contains(stdout, "Diaporama de la séance 3 écrit") {
			t.Fatalf("exit %d, %q, %q", code, stdout, stderr)
		}
	}
	da, _ := os.ReadFile(a)
	db2, _ := os.ReadFile(b)
	if !strings.HasPrefix(string(da), "%PDF") || string(da) != string(db2) {
		t.Error("not a PDF, or not the same bytes twice")
	}
	if code, _, _, _ := run(t, "--db", db, "export", "slides", "-o", a); code != ExitUsage {
		t.Errorf("no session: exit %d", code)
	}
}
