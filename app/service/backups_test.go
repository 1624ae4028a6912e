package service

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
	"atelier/app/store"
)

func TestAutoBackupThenRestore(t *testing.T) {
	f := newFixture(t)
	f.now = time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)
	if _, err := f.svc.AddPerson(f.ctx, f.c.ID, participants.Participant{Name: "Awa", Status: participants.Inscrit}); err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false} {
		if made, err := f.svc.AutoBackup(f.ctx); err != nil || made != want {
			t.Fatalf("open %d: made %v, %v", i+1, made, err)
		}
	}
	f.now = f.now.Add(24 * time.Hour)
	if _, err := f.svc.AddPerson(f.ctx, f.c.ID, participants.Participant{Name: "Bo", Status: participants.Inscrit}); err != nil {
		t.Fatal(err)
	}
	list, err := f.svc.Backups()
	if err != nil || len(list) != 1 || list[0].People != 1 {
		t.Fatalf("backups %+v, %v", list, err)
	}

	if err := f.svc.RestoreBackup(f.ctx, list[0].Path); err != nil {
		t.Fatal(err)
	}
	ps, _ := f.st.Participants(f.ctx, f.c.ID)
	if got := names(ps); got != "Awa" {
		t.Errorf("after the restore: %s", got)
	}
	list, _ = f.svc.Backups()
	if len(list) != 2 || list[0].Reason != store.ReasonRestore || list[0].People != 2 {
		t.Errorf("backups after the restore: %+v", list)
	}
}

func TestRestoreRefusesForeignFile(t *testing.T) {
	f := newFixture(t)
	foreign := filepath.Join(t.TempDir(), "autre.db")
	if err := os.WriteFile(foreign, []byte("SQLite format 3\x00 mais pas vraiment"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := sum(t, f.path)
	err := f.svc.RestoreBackup(f.ctx, foreign)
	if msg := usererr.Message(err); err == nil || !strings.HasPrefix(msg, "Impossible de restaurer «\u00a0") || !strings.Contains(msg, "La base ouverte n’a pas été modifiée.") {
		t.Errorf("Restore of a foreign file: %v", msg)
	}
	if sum(t, f.path) != before {
		t.Error("the open file changed")
	}
}

// A backup that cannot be made is kept for the window to tell.
func TestAutoBackupErrKept(t *testing.T) {
	f := newFixture(t)
	// A file where the backups' folder goes.
	if err := os.WriteFile(f.st.BackupDir(), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.AutoBackup(f.ctx); err == nil {
		t.Fatal("AutoBackup succeeded")
	}
	msg := usererr.Message(f.svc.AutoBackupErr())
	if !strings.Contains(msg, "dossier des sauvegardes") {
		t.Errorf("AutoBackupErr says %q", msg)
	}
	os.Remove(f.st.BackupDir())
	if _, err := f.svc.AutoBackup(f.ctx); err != nil || f.svc.AutoBackupErr() != nil {
		t.Errorf("after the folder is freed: %v, %v", err, f.svc.AutoBackupErr())
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}
