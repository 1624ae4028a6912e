package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
)

// movingClock is a clock tests set by hand.
type movingClock struct{ t time.Time }

func (c *movingClock) now() time.Time { return c.t }

// openAt opens a new store whose clock is c.
func openAt(t *testing.T, path string, c *movingClock) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestAutoBackupOncePerDay(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "atelier.db")
	clock := &movingClock{time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)}
	s := openAt(t, path, clock)
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	addPeople(t, s, id, participants.Participant{Name: "Awa"}, participants.Participant{Name: "Bo"})

	steps := []struct {
		name  string
		at    time.Time
		made  bool
		count int
	}{
		{"première ouverture", time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local), true, 1},
		{"même jour, plus tard", time.Date(2026, 12, 1, 23, 59, 0, 0, time.Local), false, 1},
		{"lendemain", time.Date(2026, 12, 2, 0, 1, 0, 0, time.Local), true, 2},
		{"lendemain encore", time.Date(2026, 12, 2, 18, 0, 0, 0, time.Local), false, 2},
	}
	for _, st := range steps {
		clock.t = st.at
		made, err := s.AutoBackup(ctx)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		list, err := s.Backups()
		if err != nil {
			t.Fatal(err)
		}
		if made != st.made || len(list) != st.count {
			t.Errorf("%s: made %v, %d backups; want %v, %d", st.name, made, len(list), st.made, st.count)
		}
	}
	list, _ := s.Backups()
	if len(list) != 2 {
		t.Fatalf("%d backups", len(list))
	}
	newest := list[0]
	if !newest.Taken.Equal(time.Date(2026, 12, 2, 0, 1, 0, 0, time.Local)) || newest.Reason != ReasonDaily ||
		newest.Schema != SchemaVersion() || newest.People != 2 || newest.Size == 0 {
		t.Errorf("newest backup %+v", newest)
	}
	if filepath.Base(newest.Path) != "2026-12-02_00h01m00_quotidienne.db" {
		t.Errorf("backup named %q", filepath.Base(newest.Path))
	}
	assertMode(t, s.BackupDir(), 0o700|os.ModeDir)
	for _, b := range list {
		assertMode(t, b.Path, 0o600)
		// A valid Atelier file with the data.
		c, err := Open(b.Path, Options{})
		if err != nil {
			t.Fatalf("opening the backup: %v", err)
		}
		ps, err := c.Participants(ctx, id)
		c.Close()
		if err != nil || len(ps) != 2 {
			t.Errorf("backup %s holds %+v, %v", b.Path, ps, err)
		}
	}
}

func TestAutoBackupKeepsTheLastSeven(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "atelier.db")
	clock := &movingClock{time.Date(2026, 12, 1, 12, 0, 0, 0, time.Local)}
	s := openAt(t, path, clock)
	for day := range 9 {
		clock.t = time.Date(2026, 12, 1+day, 12, 0, 0, 0, time.Local)
		if made, err := s.AutoBackup(ctx); err != nil || !made {
			t.Fatalf("day %d: %v, %v", day+1, made, err)
		}
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != KeptBackups {
		t.Fatalf("%d backups kept, want %d", len(list), KeptBackups)
	}
	for i, b := range list {
		if want := time.Date(2026, 12, 9-i, 12, 0, 0, 0, time.Local); !b.Taken.Equal(want) {
			t.Errorf("backup %d taken %v, want %v", i, b.Taken, want)
		}
	}
	entries, _ := os.ReadDir(s.BackupDir())
	if len(entries) != KeptBackups {
		t.Errorf("backup folder holds %d entries", len(entries))
	}

	// A clock set back: the copy just made is older than the others and
	// still kept.
	clock.t = time.Date(2026, 11, 1, 12, 0, 0, 0, time.Local)
	if made, err := s.AutoBackup(ctx); err != nil || !made {
		t.Fatal(made, err)
	}
	list, _ = s.Backups()
	if len(list) != KeptBackups || !list[len(list)-1].Taken.Equal(clock.t) {
		t.Errorf("after a clock set back: %d backups, oldest %v", len(list), list[len(list)-1].Taken)
	}
}

// An older file is copied, as it was, before Open migrates it.
func TestMigrationBacksUpFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atelier.db")
	oldFile(t, path, 4, schema4Rows)
	before := dump(t, openRaw(t, path))
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Backups()
	if err != nil || len(list) != 1 {
		t.Fatalf("backups after migrating: %+v, %v", list, err)
	}
	b := list[0]
	if b.Reason != reasonMigration(4, SchemaVersion()) || b.Schema != 4 || !strings.Contains(b.Path, "avant-migration-4-") {
		t.Errorf("backup %+v", b)
	}
	assertMode(t, b.Path, 0o600)
	if changed := diffDumps(before, dump(t, openRaw(t, b.Path))); len(changed) > 0 {
		t.Errorf("the pre-migration copy differs from the file in %v", changed)
	}

	// Opening again migrates nothing and copies nothing; nor does a new file.
	s.Close()
	s = openAt(t, path, &movingClock{testClock()})
	if list, _ := s.Backups(); len(list) != 1 {
		t.Errorf("%d backups after a second open", len(list))
	}
	if list, _ := openTest(t).Backups(); len(list) != 0 {
		t.Errorf("a new file has %d backups", len(list))
	}
}

// The remains of an interrupted backup are removed by the next one, in
// the backups' folder and beside a chosen destination; a fresh temporary
// file (a copy under way) is left alone.
func TestBackupSweepsInterruptedTemporaryFiles(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	old := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	fresh := testClock().Add(-time.Minute)

	dir := t.TempDir()
	dest := filepath.Join(dir, "copie.db")
	if err := os.MkdirAll(s.BackupDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path  string
		mtime time.Time
		gone  bool
	}{
		{filepath.Join(dir, ".copie.db.123456.tmp"), old, true},
		{filepath.Join(dir, ".copie.db.654321.tmp"), fresh, false},
		{filepath.Join(dir, ".autre.db.123456.tmp"), old, false}, // not this backup's
		{filepath.Join(s.BackupDir(), ".2026-11-01_10h00m00_quotidienne.db.999.tmp"), old, true},
		{filepath.Join(filepath.Dir(s.Path()), ".atelier.db.restauration.42.tmp"), old, true},
		{filepath.Join(filepath.Dir(s.Path()), ".atelier.db.restauration.43.tmp"), fresh, false},
	}
	for _, tt := range tests {
		if err := os.WriteFile(tt.path, []byte("données personnelles"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(tt.path, tt.mtime, tt.mtime); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AutoBackup(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if _, err := os.Stat(tt.path); (err == nil) == tt.gone {
			t.Errorf("%s: still there = %v, want %v", filepath.Base(tt.path), err == nil, !tt.gone)
		}
	}
}

func TestParseBackupName(t *testing.T) {
	tests := []struct {
		name   string
		ok     bool
		reason string
	}{
		{"2026-12-01_09h30m00_quotidienne.db", true, ReasonDaily},
		{"2026-12-01_09h30m00_avant-restauration_2.db", true, ReasonRestore},
		{"2026-12-01_09h30m00_avant-migration-5-6.db", true, "avant-migration-5-6"},
		{"2026-12-01_09h30m00_.db", false, ""},
		{"2026-12-01_09h30m00_quotidienne.db-wal", false, ""},
		{"notes.db", false, ""},
		{".2026-12-01_09h30m00_quotidienne.db.1.tmp", false, ""},
	}
	for _, tt := range tests {
		b, ok := parseBackupName(tt.name)
		if ok != tt.ok || b.Reason != tt.reason {
			t.Errorf("parseBackupName(%q) = %+v, %v", tt.name, b, ok)
		}
	}
}
