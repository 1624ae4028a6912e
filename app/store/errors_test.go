package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

// checkExplained checks what a person and the log get from err: a French
// sentence saying says, of kind (when not nil), without the driver's words,
// which stay in the detail for the log.
func checkExplained(t *testing.T, err error, kind error, says, driver string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if kind != nil && !errors.Is(err, kind) {
		t.Errorf("error %v is not %v", err, kind)
	}
	msg := usererr.Message(err)
	t.Logf("message: %s", msg)
	if !strings.Contains(msg, says) {
		t.Errorf("message %q, want it to say %q", msg, says)
	}
	noDriverText(t, msg)
	if detail := usererr.Detail(err); !strings.Contains(detail, driver) {
		t.Errorf("detail for the log %q lacks the driver's %q", detail, driver)
	}
}

// The failures SQLite reports, produced for real through the store's own
// methods, reach a person as sentences.
func TestFailuresExplained(t *testing.T) {
	tests := []struct {
		name string
		// fail makes the condition and returns the error of the
		// operation that meets it.
		fail   func(t *testing.T) error
		kind   error
		says   string
		driver string
	}{
		{"un autre Atelier écrit", failBusy, ErrBusy, "occupée par un autre Atelier", "database is locked"},
		{"le fichier ne peut plus grandir", failFull, nil, "le disque est plein", "database or disk is full"},
		{"le fichier est abîmé", failCorrupt, ErrCorrupt, "Ce fichier Atelier est endommagé", "quick_check"},
		{"l’opération est annulée", failCanceled, nil, "l’opération a été interrompue", "context canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // the busy case waits out the five-second busy timeout
			checkExplained(t, tt.fail(t), tt.kind, tt.says, tt.driver)
		})
	}
}

// failBusy tries to write while another Store on the same file holds the
// write lock for longer than the busy timeout.
func failBusy(t *testing.T) error {
	a, id, _ := smallCohort(t, 5)
	b, err := Open(a.Path(), Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()
	release, done := holdWriteLock(t, a, id)
	start := time.Now()
	err = b.EditRoster(ctx, id, "la personne", func(*Roster) error {
		t.Error("b's edit ran while a held the write lock")
		return nil
	})
	if waited := time.Since(start); waited < 4*time.Second {
		t.Errorf("gave up after %v, want the five-second busy timeout", waited)
	}
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// Once a is done, b writes.
	if err := b.EditRoster(ctx, id, "la personne", func(r *Roster) error {
		_, err := r.Add(participants.Participant{Name: "Bo", Status: participants.Inscrit})
		return err
	}); err != nil {
		t.Errorf("b after a: %v", err)
	}
	return err
}

// failFull lets the file grow no more than it is, as a full disk would,
// and adds people.
func failFull(t *testing.T) error {
	s, id, _ := smallCohort(t, 5)
	// max_page_count holds for one connection: keep the pool to it.
	s.db.SetMaxOpenConns(1)
	pages := pragmaInt(t, s.db, "page_count")
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s.db)
	_, err := s.AddParticipants(context.Background(), id, manyParticipants(2000))
	if changed := diffDumps(before, dump(t, s.db)); len(changed) > 0 {
		t.Errorf("a failed write changed %v", changed)
	}
	return err
}

// failCorrupt overwrites the participants table's first page, closed, and
// opens the file again: the check refuses it before anything writes.
func failCorrupt(t *testing.T) error {
	path := filepath.Join(t.TempDir(), "atelier.db")
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	addPeople(t, s, id, manyParticipants(200)...)
	var root int64
	if err := s.db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'participants'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	size := int64(pragmaInt(t, s.db, "page_size"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, int(size)), (root-1)*size); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{Now: testClock})
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Participants(context.Background(), id)
	return err
}

// failCanceled writes with a context the caller has already given up on.
func failCanceled(t *testing.T) error {
	s, id, _ := smallCohort(t, 5)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return s.EditRoster(ctx, id, "la personne", func(*Roster) error {
		t.Error("fn ran on a canceled context")
		return nil
	})
}
