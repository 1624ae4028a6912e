package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

func TestBackup(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := createTest(t, s, "Cohorte sauvegardée", date(2027, 1, 6, 18, 30))
	c, _ := s.Cohort(ctx, id)
	ids, err := s.AddParticipants(ctx, id, []participants.Participant{{Name: "Hélène Œuvre 🌱", Status: participants.Confirme}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: ids[0], SessionID: c.Sessions[0].ID, Mark: participants.Present}}); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	dest := filepath.Join(dir, "copie.db")
	// An older backup is replaced.
	if err := os.WriteFile(dest, []byte("ancienne copie"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	assertMode(t, dest, 0o600)
	assertOnly(t, dir, "copie.db")

	b, err := Open(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	got, err := b.Cohort(ctx, id)
	if err != nil || got.Name != c.Name || len(got.Sessions) != 5 || !sameBlocks(got.Sessions[0].Blocks, c.Sessions[0].Blocks) {
		t.Errorf("copy's cohort = %+v, %v", got, err)
	}
	ps, _ := b.Participants(ctx, id)
	marks, _ := b.Attendance(ctx, id)
	if len(ps) != 1 || ps[0].Name != "Hélène Œuvre 🌱" || len(marks) != 1 {
		t.Errorf("copy has %+v and %+v", ps, marks)
	}
}

func TestBackupRefusesOwnFile(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	before, _ := os.ReadFile(s.Path())
	rel, err := filepath.Rel(mustGetwd(t), s.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{s.Path(), rel, s.Path() + "-wal"} {
		if err := s.Backup(ctx, dest); err == nil {
			t.Errorf("Backup(%q) succeeded, want a refusal", dest)
		}
	}
	after, _ := os.ReadFile(s.Path())
	if string(before) != string(after) {
		t.Error("the open file changed")
	}
}

func TestBackupFailureLeavesNoTemporaryFile(t *testing.T) {
	s := openTest(t)
	dir := t.TempDir()
	// A folder in the way: the copy is made, the rename fails.
	dest := filepath.Join(dir, "copie.db")
	if err := os.Mkdir(dest, 0o700); err != nil {
		t.Fatal(err)
	}
	err := s.Backup(context.Background(), dest)
	if msg := usererr.Message(err); err == nil || !strings.Contains(msg, "Impossible de créer la copie de sauvegarde") {
		t.Fatalf("Backup over a folder: %v, want an error saying the copy failed", err)
	}
	noDriverText(t, usererr.Message(err))
	assertOnly(t, dir, "copie.db")
}

// assertOnly checks that dir holds exactly the named entry.
func assertOnly(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("%s holds %q, want only %q", dir, names, name)
	}
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
