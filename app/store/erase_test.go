package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
)

// erasedPerson is someone whose every field is distinctive, accented ones
// included, so that a byte search of the files finds any copy left.
var erasedPerson = participants.Participant{
	Name:          "Xéphyrine Quatremains-Écarlate",
	Email:         "xephyrine.quatremains@exemple.ca",
	Organisation:  "Comité des locataires Zéphyr-Hochelaga",
	Accessibility: "Interprète LSQ et sous-titrage requis",
	Notes:         "Préfère être appelée Xéphy",
}

// traces lists what of erasedPerson is still in the file's bytes (the
// database, its WAL and its shared-memory index).
func traces(t *testing.T, path string) []string {
	t.Helper()
	var found []string
	for _, suffix := range []string{"", "-wal", "-shm"} {
		data, err := os.ReadFile(path + suffix)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{erasedPerson.Name, erasedPerson.Email, erasedPerson.Organisation, erasedPerson.Accessibility, erasedPerson.Notes} {
			if bytes.Contains(data, []byte(s)) {
				found = append(found, suffix+": "+s)
			}
		}
	}
	return found
}

// eraseFixture is a cohort with erasedPerson and someone else, the person
// marked (with a note), placed in a breakout group and drawn in a
// structure diagram saved before they registered (so by name only, not
// linked to them): as a member and as a « personne » node. The tests built
// on it stay on SQLite: they search the file's bytes and hold readers on
// its WAL, which a team database does not have (TestEraseParticipant is
// the part that runs on both engines).
func eraseFixture(t *testing.T) (*Store, participants.Participant) {
	t.Helper()
	s, id, sessions := smallCohort(t, 5)
	ctx := context.Background()
	st := structure.Structure{Name: "Comité", Nodes: []structure.Node{
		{ID: 1, Kind: structure.Cercle, Label: "Coordination", Members: []string{erasedPerson.Name, "Invité·e externe"}},
		{ID: 2, Kind: structure.Personne, Label: erasedPerson.Name},
	}}
	if _, err := s.CreateStructure(ctx, id, st); err != nil {
		t.Fatal(err)
	}
	ps := addPeople(t, s, id, erasedPerson, participants.Participant{Name: "Awa"})
	p := ps[0]
	if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: p.ID, SessionID: sessions[0], Mark: participants.Present,
		Note: "Arrivée avec " + erasedPerson.Name}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBreakout(ctx, sessions[0], [][]int64{{p.ID, ps[1].ID}}); err != nil {
		t.Fatal(err)
	}
	// Everything so far in the main file, as after days of use.
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	if got := traces(t, s.Path()); len(got) == 0 {
		t.Fatal("the fixture left no trace to erase")
	}
	return s, p
}

func TestEraseWithoutReaderIsClean(t *testing.T) {
	s, p := eraseFixture(t)
	if err := s.EraseParticipant(context.Background(), p.ID); err != nil {
		t.Fatalf("erasing: %v", err)
	}
	if got := traces(t, s.Path()); len(got) > 0 {
		t.Errorf("still in the files after erasing: %q", got)
	}
	if pending := erasurePendingFlag(t, s); pending {
		t.Error("the erasure is still marked pending")
	}
	list, err := s.Structures(context.Background(), p.CohortID)
	if err != nil || len(list) != 1 {
		t.Fatalf("structures %+v, %v", list, err)
	}
	d, _ := s.Structure(context.Background(), list[0].ID)
	if len(d.Nodes[0].Members) != 1 || d.Nodes[0].Members[0] != "Invité·e externe" {
		t.Errorf("members after erasing: %q", d.Nodes[0].Members)
	}
	if len(d.Nodes) != 2 || d.Nodes[1].Label != erasedLabel {
		t.Errorf("nodes after erasing: %+v", d.Nodes)
	}
}

// holdRead is another Atelier reading the file: a connection of its own
// with a read transaction kept open, until the test ends or it is rolled
// back.
func holdRead(t *testing.T, path string) *sql.Tx {
	t.Helper()
	other, err := sql.Open("sqlite", dsn(path, "_pragma=busy_timeout(5000)"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	other.SetMaxOpenConns(1)
	reader, err := other.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reader.Rollback() })
	var n int
	if err := reader.QueryRow("SELECT count(*) FROM participants").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return reader
}

func TestErasePendingWhileAnotherReads(t *testing.T) {
	s, p := eraseFixture(t)
	ctx := context.Background()
	path := s.Path()
	reader := holdRead(t, path)

	start := time.Now()
	err := s.EraseParticipant(ctx, p.ID)
	if !errors.Is(err, ErrErasurePending) {
		t.Fatalf("erasing while another reads: %v, want ErrErasurePending", err)
	}
	// A few seconds of retries, not SQLite's busy timeout at each.
	if waited := time.Since(start); waited < time.Second || waited > 5*time.Second {
		t.Errorf("gave up after %v, want about three seconds", waited)
	}
	noDriverText(t, err.Error())
	if got := traces(t, path); len(got) == 0 {
		t.Error("the bytes are clean although a reader held them: the test proves nothing")
	}
	if _, err := s.PersonalData(ctx, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the person is still on the roster: %v", err)
	}
	if !erasurePendingFlag(t, s) {
		t.Error("the pending erasure is not recorded")
	}

	// The other one stops reading; the next opening finishes the erasure.
	if err := reader.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got := traces(t, path); len(got) > 0 {
		t.Errorf("still in the files after reopening: %q", got)
	}
	if erasurePendingFlag(t, again) {
		t.Error("the erasure is still marked pending after it finished")
	}
}

// TestErasePendingFinishedAtOpenDespiteOtherConnection finishes at Open a
// pending erasure while the other Atelier keeps its connection open (but
// no longer reads): Close alone would not have folded the WAL.
func TestErasePendingFinishedAtOpenDespiteOtherConnection(t *testing.T) {
	s, p := eraseFixture(t)
	ctx := context.Background()
	path := s.Path()
	reader := holdRead(t, path)
	if err := s.EraseParticipant(ctx, p.ID); !errors.Is(err, ErrErasurePending) {
		t.Fatalf("erasing: %v, want ErrErasurePending", err)
	}
	// Still reading while this one closes and opens again: still pending.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	if got := traces(t, path); len(got) == 0 {
		t.Error("no trace left while the other still reads: the test proves nothing")
	}
	if !erasurePendingFlag(t, again) {
		t.Error("the flag was cleared while the trace is still there")
	}
	again.Close()
	if err := reader.Rollback(); err != nil {
		t.Fatal(err)
	}
	// The other connection stays open, idle (closed at the test's end).
	third, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if got := traces(t, path); len(got) > 0 {
		t.Errorf("still in the files: %q", got)
	}
	if erasurePendingFlag(t, third) {
		t.Error("still marked pending")
	}
}

func erasurePendingFlag(t *testing.T, s *Store) bool {
	t.Helper()
	v, err := s.Setting(context.Background(), erasurePendingKey)
	if err != nil {
		t.Fatal(err)
	}
	return v != ""
}

// TestEraseWaitHeedsContext: the wait for the reader stops with the
// caller's context, and the erasure, committed, is then pending.
func TestEraseWaitHeedsContext(t *testing.T) {
	s, p := eraseFixture(t)
	// One connection: the one the checkpoint waited on is the one checked
	// after, for the pool's busy timeout it must have got back.
	s.db.SetMaxOpenConns(1)
	holdRead(t, s.Path())
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := s.EraseParticipant(ctx, p.ID)
	if !errors.Is(err, ErrErasurePending) {
		t.Fatalf("erasing: %v, want ErrErasurePending", err)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Errorf("waited %v after the context ended", waited)
	}
	if _, err := s.PersonalData(context.Background(), p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the person is still on the roster: %v", err)
	}
	if busy := pragmaInt(t, s.db, "busy_timeout"); busy != 5000 {
		t.Errorf("busy_timeout %d after the erasure, want the pool's 5000", busy)
	}
}

// TestFinishErasure finishes, in the same Store, an erasure left pending
// once the other reader is gone.
func TestFinishErasure(t *testing.T) {
	s, p := eraseFixture(t)
	ctx := context.Background()
	reader := holdRead(t, s.Path())
	if err := s.EraseParticipant(ctx, p.ID); !errors.Is(err, ErrErasurePending) {
		t.Fatalf("erasing: %v, want ErrErasurePending", err)
	}
	if err := s.FinishErasure(ctx); !errors.Is(err, ErrErasurePending) {
		t.Errorf("finishing while the other still reads: %v", err)
	}
	reader.Rollback()
	if err := s.FinishErasure(ctx); err != nil {
		t.Fatalf("finishing: %v", err)
	}
	if got := traces(t, s.Path()); len(got) > 0 {
		t.Errorf("still in the files: %q", got)
	}
	if pending, err := s.ErasurePending(ctx); err != nil || pending {
		t.Errorf("pending %v, %v", pending, err)
	}
	if err := s.FinishErasure(ctx); err != nil {
		t.Errorf("finishing with nothing pending: %v", err)
	}
}

// TestEraseParticipant checks on both engines what erasing takes out of
// the tables: the person, their marks and groups, and their name where a
// diagram wrote it; the others stay. Nothing is left pending on either
// (on a team database, never). The diagram is written in SQL, in the
// statements both engines read, not through CreateStructure: this test is
// about erase.go alone.
func TestEraseParticipant(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id, sessions := smallCohortOn(t, s, 5)
		ps := addPeople(t, s, id, erasedPerson, participants.Participant{Name: "Awa"})
		p, awa := ps[0], ps[1]
		if err := s.SetAttendance(ctx, []participants.Attendance{
			{ParticipantID: p.ID, SessionID: sessions[0], Mark: participants.Present, Note: "Arrivée avec Awa"},
			{ParticipantID: awa.ID, SessionID: sessions[0], Mark: participants.Present},
		}); err != nil {
			t.Fatal(err)
		}
		var structureID int64
		if err := s.db.QueryRow(`INSERT INTO structures (cohort_id, name, created_at, updated_at)
			VALUES ($1, 'Comité', 0, 0) RETURNING id`, id).Scan(&structureID); err != nil {
			t.Fatal(err)
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{"INSERT INTO breakout_members (session_id, group_no, participant_id) VALUES ($1, 1, $2), ($1, 1, $3)", []any{sessions[0], p.ID, awa.ID}},
			{`INSERT INTO structure_nodes (structure_id, id, kind, label, x, y) VALUES
				($1, 1, 'cercle', 'Coordination', 0, 0), ($1, 2, 'personne', $2, 0, 0), ($1, 3, 'personne', 'Awa', 0, 0)`,
				[]any{structureID, "xéphyrine QUATREMAINS-écarlate"}},
			{`INSERT INTO structure_members (structure_id, node_id, position, name, participant_id) VALUES
				($1, 1, 0, $2, NULL), ($1, 1, 1, 'Invité·e externe', NULL), ($1, 1, 2, 'Awa', $3)`,
				[]any{structureID, erasedPerson.Name, awa.ID}},
		} {
			if _, err := s.db.Exec(q.sql, q.args...); err != nil {
				t.Fatal(err)
			}
		}

		if err := s.EraseParticipant(ctx, p.ID); err != nil {
			t.Fatalf("erasing: %v", err)
		}
		if _, err := s.PersonalData(ctx, p.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("erased person still found: %v", err)
		}
		if got := dumpTable(t, s.db, "attendance", "CAST(participant_id AS text)"); !slices.Equal(got, []string{fmt.Sprintf(`["%d"]`, awa.ID)}) {
			t.Errorf("marks left %v, want Awa's only", got)
		}
		if got := dumpTable(t, s.db, "breakout_members", "CAST(participant_id AS text)"); !slices.Equal(got, []string{fmt.Sprintf(`["%d"]`, awa.ID)}) {
			t.Errorf("group members left %v, want Awa only", got)
		}
		if got := dumpTable(t, s.db, "structure_members", "name"); !slices.Equal(got, []string{`["Awa"]`, `["Invité·e externe"]`}) {
			t.Errorf("diagram members left %v", got)
		}
		if got := dumpTable(t, s.db, "structure_nodes", "CAST(id AS text), label"); !slices.Equal(got, []string{`["1" "Coordination"]`, `["2" "` + erasedLabel + `"]`, `["3" "Awa"]`}) {
			t.Errorf("diagram nodes %v, want the person's node relabelled only", got)
		}
		if pending, err := s.ErasurePending(ctx); err != nil || pending {
			t.Errorf("pending %v, %v; want nothing pending", pending, err)
		}
		if err := s.FinishErasure(ctx); err != nil {
			t.Errorf("finishing with nothing pending: %v", err)
		}
		if err := s.EraseParticipant(ctx, p.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("erasing twice: %v, want ErrNotFound", err)
		}
	})
}
