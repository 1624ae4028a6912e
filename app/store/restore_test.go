package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

func TestRestoreBringsBackTheBackup(t *testing.T) {
	ctx := context.Background()
	clock := &movingClock{time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)}
	s := openAt(t, filepath.Join(t.TempDir(), "atelier.db"), clock)
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	addPeople(t, s, id, participants.Participant{Name: "Awa"})
	if _, err := s.AutoBackup(ctx); err != nil {
		t.Fatal(err)
	}
	saved := dump(t, s.db)

	// Later, the roster changes.
	clock.t = clock.t.Add(26 * time.Hour)
	addPeople(t, s, id, participants.Participant{Name: "Bo"}, participants.Participant{Name: "Chloé"})
	if _, err := s.CreateCohort(ctx, testCohort(t, "Autre cohorte", date(2027, 3, 3, 18, 30))); err != nil {
		t.Fatal(err)
	}
	replaced := dump(t, s.db)
	list, _ := s.Backups()

	if err := s.Restore(ctx, list[0].Path); err != nil {
		t.Fatal(err)
	}
	// The pool keeps working and every connection sees the old content.
	if changed := diffDumps(saved, dump(t, s.db)); len(changed) > 0 {
		t.Errorf("after the restore, %v differ from the backup", changed)
	}
	ps, err := s.Participants(ctx, id)
	if err != nil || len(ps) != 1 || ps[0].Name != "Awa" {
		t.Errorf("participants after the restore: %+v, %v", ps, err)
	}
	if list, err := s.Cohorts(ctx); err != nil || len(list) != 1 {
		t.Errorf("cohorts after the restore: %+v, %v", list, err)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode after the restore: %q, %v", mode, err)
	}
	addPeople(t, s, id, participants.Participant{Name: "Dalia"}) // and writes still work

	// What was replaced is kept.
	list, _ = s.Backups()
	if len(list) != 2 || list[0].Reason != ReasonRestore {
		t.Fatalf("backups after the restore: %+v", list)
	}
	pre := openRaw(t, list[0].Path)
	if changed := diffDumps(replaced, dump(t, pre)); len(changed) > 0 {
		t.Errorf("the pre-restore copy differs from what was replaced in %v", changed)
	}
	if ok, err := passesQuickCheck(ctx, s.db); !ok || err != nil {
		t.Errorf("quick_check after the restore: %v, %v", ok, err)
	}
}

// A backup of an older schema is brought to the current one as it is
// restored, and the backup file itself is not changed.
func TestRestoreOlderSchema(t *testing.T) {
	ctx := context.Background()
	old := filepath.Join(t.TempDir(), "ancienne.db")
	oldFile(t, old, 4, schema4Rows)
	sum := fileSum(t, old)
	s := openTest(t)
	if err := s.Restore(ctx, old); err != nil {
		t.Fatal(err)
	}
	if v := pragmaInt(t, s.db, "user_version"); v != SchemaVersion() {
		t.Errorf("user_version %d after the restore", v)
	}
	list, err := s.Cohorts(ctx)
	if err != nil || len(list) != 2 {
		t.Errorf("cohorts %+v, %v", list, err)
	}
	if fileSum(t, old) != sum {
		t.Error("the restored file changed")
	}
	if _, err := os.Stat(old + ".sauvegardes"); err == nil {
		t.Error("bringing the copy up to date made backups beside the restored file")
	}
}

// A file of another page size (made by the sqlite3 shell, say) is
// restored into the open file, whose WAL mode keeps its own.
func TestRestoreOtherPageSize(t *testing.T) {
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "petites-pages.db")
	oldFile(t, src, 4, schema4Rows)
	db, err := sql.Open("sqlite", dsn(src, ""))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024; VACUUM"); err != nil {
		t.Fatal(err)
	}
	if n := pragmaInt(t, db, "page_size"); n != 1024 {
		t.Fatalf("page size %d", n)
	}
	db.Close()
	s := openTest(t)
	if err := s.Restore(ctx, src); err != nil {
		t.Fatal(err)
	}
	if list, err := s.Cohorts(ctx); err != nil || len(list) != 2 {
		t.Errorf("cohorts %+v, %v", list, err)
	}
}

func TestRestoreRefusesAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	foreign := filepath.Join(dir, "autre.db")
	oldFile(t, foreign, 0, "CREATE TABLE notes (x TEXT)", "INSERT INTO notes VALUES ('x')")
	newer := filepath.Join(dir, "future.db")
	oldFile(t, newer, 1)
	setVersion(t, newer, 99)
	text := filepath.Join(dir, "texte.db")
	os.WriteFile(text, []byte("pas une base"), 0o600)
	empty := filepath.Join(dir, "vide.db")
	os.WriteFile(empty, nil, 0o600)
	damaged := filepath.Join(dir, "abimee.db")
	corruptedFile(t, damaged)
	broken := filepath.Join(dir, "references.db")
	oldFile(t, broken, 4, schema4Rows, "PRAGMA foreign_keys = OFF; INSERT INTO attendance (participant_id, session_id, mark) VALUES (999, 11, 'present')")

	tests := []struct {
		name, path, want string
	}{
		{"étrangère", foreign, "n’appartient pas à Atelier"},
		{"plus récente", newer, "version plus récente"},
		{"pas SQLite", text, "ce n’est pas une base de données Atelier"},
		{"vide", empty, "est vide"},
		{"endommagée", damaged, "est endommagé."},
		{"le fichier ouvert", "", "c’est le fichier ouvert"},
		// Passes the checks, fails its migration: the staged copy goes.
		{"impossible à mettre à jour", broken, "n’a pas pu être mise au schéma"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
			addPeople(t, s, id, participants.Participant{Name: "Awa"})
			path := tt.path
			if path == "" {
				path = s.Path()
			}
			srcSum := fileSum(t, path)
			before, beforeSum := dump(t, s.db), fileSum(t, s.Path())
			err := s.Restore(ctx, path)
			if err == nil {
				t.Fatal("Restore succeeded")
			}
			msg := usererr.Message(err)
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message %q, want it to say %q", msg, tt.want)
			}
			noDriverText(t, msg)
			if changed := diffDumps(before, dump(t, s.db)); len(changed) > 0 || fileSum(t, s.Path()) != beforeSum {
				t.Errorf("a refused restore changed the open file (%v)", changed)
			}
			if fileSum(t, path) != srcSum {
				t.Error("the refused file changed")
			}
			if list, _ := s.Backups(); len(list) != 0 {
				t.Errorf("a refused restore made %d backups", len(list))
			}
			entries, _ := os.ReadDir(filepath.Dir(s.Path()))
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("left %s behind", e.Name())
				}
			}
		})
	}
}

func setVersion(t *testing.T, path string, v int) {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// corruptedFile makes at path an Atelier file of 600 people whose
// header and schema are intact but two pages in the middle of the
// participants' table are garbage, and returns the names of the people
// on those pages.
func corruptedFile(t *testing.T, path string) (lost []string) {
	t.Helper()
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	ps := make([]participants.Participant, 600)
	for i := range ps {
		ps[i] = participants.Participant{Name: personName(i), Email: personName(i) + "@exemple.org", Notes: strings.Repeat("note ", 10)}
	}
	addPeople(t, s, id, ps...)
	s.Close()

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	garbage := bytes.Repeat([]byte{0xA5, 0x5A, 0xFF, 0x00}, page/4)
	for _, marker := range []int{200, 400} {
		at := bytes.Index(data, []byte(personName(marker)+"@"))
		if at < 0 {
			t.Fatalf("%s not found in the file", personName(marker))
		}
		start := at / page * page
		for i := range 600 {
			if bytes.Contains(data[start:start+page], []byte(personName(i)+"@")) {
				lost = append(lost, personName(i))
			}
		}
		copy(data[start:start+page], garbage)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return lost
}

func personName(i int) string {
	return "Personne" + string(rune('A'+i/100)) + string(rune('0'+i/10%10)) + string(rune('0'+i%10))
}
