package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"atelier/app/domain/participants"
)

// closedFile makes an Atelier file with a cohort and one person, closed
// (nothing beside it), and returns its path and the cohort's id.
func closedFile(t *testing.T) (string, int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "atelier.db")
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	addPeople(t, s, id, participants.Participant{Name: "Awa"})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, id
}

func TestReadOnlyStoreNeverWrites(t *testing.T) {
	path, id := closedFile(t)
	// Open would take group and other access away; a read-only one may not.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, path)
	ctx := context.Background()
	s, err := Open(path, Options{Now: testClock, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if !s.ReadOnly() {
		t.Error("ReadOnly() is false")
	}
	if ps, err := s.Participants(ctx, id); err != nil || len(ps) != 1 {
		t.Fatalf("reading: %+v, %v", ps, err)
	}
	writes := map[string]error{
		"EditRoster": s.EditRoster(ctx, id, "la personne", func(r *Roster) error {
			_, err := r.Add(participants.Participant{Name: "Bo", Status: participants.Inscrit})
			return err
		}),
		"SetSetting":       s.SetSetting(ctx, "cohorte", "1"),
		"EraseParticipant": s.EraseParticipant(ctx, 1),
		// Past the store's own guard, SQLite refuses too (mode=ro).
		"SQL": func() error {
			_, err := s.db.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ('x', 'y')")
			return wrapWrite("un réglage", err)
		}(),
	}
	for name, err := range writes {
		t.Run(name, func(t *testing.T) {
			checkExplained(t, err, ErrReadOnly, "lecture seule", "read")
		})
	}
	// A copy of a file one may only read is what read-only commands are for.
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "copie.db")); err != nil {
		t.Errorf("backup of a read-only store: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after := stateOf(t, path); after.sum != before.sum || !slices.Equal(after.names, before.names) {
		t.Errorf("the file or its folder changed: %v then %v", before.names, after.names)
	}
	assertMode(t, path, 0o644)
}

// TestReadOnlyStoreSeesTheWriter reads a file another Atelier has open and
// writes to: a read-only Store must see its commits (no immutable there).
func TestReadOnlyStoreSeesTheWriter(t *testing.T) {
	path, id := closedFile(t)
	ctx := context.Background()
	w, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r, err := Open(path, Options{Now: testClock, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	addPeople(t, w, id, participants.Participant{Name: "Bo"})
	if ps, err := r.Participants(ctx, id); err != nil || len(ps) != 2 {
		t.Errorf("the reader sees %+v, %v; want the writer's two people", ps, err)
	}
}

func TestReadOnlyRefusesOlderSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ancien.db")
	oldFile(t, path, 4, schema4Rows)
	before := stateOf(t, path)
	s, err := Open(path, Options{Now: testClock, ReadOnly: true})
	if err == nil {
		s.Close()
		t.Fatal("a read-only Store opened a file to migrate")
	}
	checkExplained(t, err, ErrNeedsUpdate, "Ouvrez-le une fois dans la fenêtre d’Atelier", "")
	if after := stateOf(t, path); after.sum != before.sum || !slices.Equal(after.names, before.names) {
		t.Errorf("the file or its folder changed: %v then %v", before.names, after.names)
	}
}

// TestReadOnlyLeavesErasurePending: finishing an erasure writes, which a
// read-only Store must not do; the window's next opening will.
func TestReadOnlyLeavesErasurePending(t *testing.T) {
	path, _ := closedFile(t)
	execRaw(t, path, "INSERT INTO settings (key, value) VALUES ('"+erasurePendingKey+"', '1')")
	before := stateOf(t, path)
	s, err := Open(path, Options{Now: testClock, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if pending, err := s.ErasurePending(context.Background()); err != nil || !pending {
		t.Errorf("pending %v, %v", pending, err)
	}
	if err := s.FinishErasure(context.Background()); err != nil {
		t.Errorf("FinishErasure on a read-only store: %v", err)
	}
	s.Close()
	if after := stateOf(t, path); after.sum != before.sum || !slices.Equal(after.names, before.names) {
		t.Error("the read-only store changed the file")
	}
	w, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if pending, err := w.ErasurePending(context.Background()); err != nil || pending {
		t.Errorf("after a writing open: pending %v, %v", pending, err)
	}
}
