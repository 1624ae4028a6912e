package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// « atelier export guide » writes the team's guide of a session, with the
// cohort's team in the roles, 0600 like every file Atelier writes.
func TestExportGuide(t *testing.T) {
	dir, db := newDB(t)
	out := filepath.Join(dir, "guide-3.pdf")
	code, stdout, stderr, _ := run(t, "--db", db, "export", "guide", "--session", "3", "-o", out)
	if code != ExitOK || !strings.Contains(stdout, "Guide d’animation de la séance 3 écrit") {
		t.Fatalf("exit %d, %q, %q", code, stdout, stderr)
	}
	info, err := os.Stat(out)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("stat: %v, %v", info, err)
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command(bin, "-enc", "UTF-8", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Guide d’animation", "Séance 3", "ne pas diffuser aux personnes participantes", "Qui fait quoi"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("guide lacks %q", want)
			}
		}
	}
	for _, args := range [][]string{{"export", "guide", "-o", out}, {"export", "guide", "--session", "3", "-o", filepath.Join(dir, "g.txt")}} {
		if code, _, _, _ := run(t, append([]string{"--db", db}, args...)...); code != ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	if code, _, stderr, _ := run(t, "--db", db, "export", "guide", "--session", "9", "-o", out); code == ExitOK || !strings.Contains(stderr, "9") {
		t.Errorf("session 9: exit %d, %q", code, stderr)
	}
}
