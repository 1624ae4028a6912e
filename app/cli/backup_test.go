package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/service"
	"atelier/app/store"
	"atelier/workshops"
)

// A damaged file gets a recovery copy of what can be read, and the
// command says so and fails.
func TestBackupOfDamagedFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "atelier.db")
	if code, _, stderr, _ := run(t, "--db", db); code != ExitOK {
		t.Fatal(stderr)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	list, _ := st.Cohorts(context.Background())
	ps := make([]participants.Participant, 400)
	for i := range ps {
		ps[i] = participants.Participant{Name: "Personne " + strings.Repeat("x", i%7) + string(rune('a'+i%26)), Email: marker(i), Status: participants.Inscrit}
	}
	if _, err := st.AddParticipants(context.Background(), list[0].ID, ps); err != nil {
		t.Fatal(err)
	}
	st.Close()
	data, _ := os.ReadFile(db)
	// Every page holding the marker: the courriel is in the table and in
	// the index that keeps it unique.
	found := false
	for at := bytes.Index(data, []byte(marker(200))); at >= 0; {
		found = true
		start := at / 4096 * 4096
		copy(data[start:start+4096], bytes.Repeat([]byte{0xEE}, 4096))
		next := bytes.Index(data[start+4096:], []byte(marker(200)))
		if next < 0 {
			break
		}
		at = start + 4096 + next
	}
	if !found {
		t.Fatal("marker not found")
	}
	os.WriteFile(db, data, 0o600)
	sum := sha256.Sum256(data)

	dest := filepath.Join(t.TempDir(), "secours.db")
	code, out, stderr, _ := run(t, "--db", db, "backup", "-o", dest)
	if code != ExitError || !strings.Contains(out, "Copie de secours écrite") || !strings.Contains(out, "personnes inscrites (participants)") ||
		!strings.Contains(stderr, "est endommagée") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	if got, _ := os.ReadFile(db); sha256.Sum256(got) != sum {
		t.Error("the damaged file changed")
	}
	rec, err := store.Open(dest, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	got, err := rec.Participants(context.Background(), list[0].ID)
	if err != nil || len(got) < 300 || len(got) >= 400 {
		t.Errorf("the copy holds %d people, %v", len(got), err)
	}
}

func marker(i int) string {
	return "personne" + string(rune('a'+i/26%26)) + string(rune('a'+i%26)) + "@exemple.org"
}

func TestWindowOpensWithTheDaysBackup(t *testing.T) {
	tests := []struct {
		name    string
		blocked bool // a file where the backups' folder goes
	}{
		{"sauvegarde faite", false},
		{"sauvegarde impossible", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "atelier.db")
			if tt.blocked {
				os.WriteFile(db+".sauvegardes", nil, 0o600)
			}
			var stderr bytes.Buffer
			var shown error
			var backups []store.BackupInfo
			opened := false
			code := Run([]string{"--db", db}, Env{
				Stdout: &bytes.Buffer{}, Stderr: &stderr, Plans: workshops.MustPlans(), Catalogue: workshops.Catalogue(),
				Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.Local) },
				GUI: func(svc *service.Service, openErr error) error {
					opened = svc != nil
					if opened {
						shown = svc.AutoBackupErr()
						backups, _ = svc.Backups()
					}
					return nil
				},
			})
			if code != ExitOK || !opened {
				t.Fatalf("exit %d, window opened %v: %s", code, opened, stderr.String())
			}
			if tt.blocked {
				if shown == nil || !strings.Contains(stderr.String(), "dossier des sauvegardes") {
					t.Errorf("failure not passed on: %v, stderr %q", shown, stderr.String())
				}
				return
			}
			if shown != nil || len(backups) != 1 || backups[0].Reason != store.ReasonDaily {
				t.Errorf("backups %+v, error %v", backups, shown)
			}
		})
	}
}
