package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "données.json")
	if err := os.WriteFile(path, []byte("ancien"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A failing writer leaves the old file and no temp file.
	err := Write(path, 0o600, func(w io.Writer) error {
		io.WriteString(w, "moitié")
		return errors.New("disque plein")
	})
	if err == nil {
		t.Fatal("error lost")
	}
	if got, _ := os.ReadFile(path); string(got) != "ancien" {
		t.Errorf("old file became %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := Write(path, 0o600, func(w io.Writer) error { _, err := io.WriteString(w, "nouveau"); return err }); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "nouveau" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v", got, info.Mode())
	}
}

// names lists dir's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// fakeSync replaces syncDir for one test, recording the folders synced,
// each with whether path was already in place (renamed) at that moment.
func fakeSync(t *testing.T, path string, fail error) *[]string {
	t.Helper()
	var calls []string
	old := syncDir
	t.Cleanup(func() { syncDir = old })
	syncDir = func(dir string) error {
		got, _ := os.ReadFile(path)
		calls = append(calls, dir+" "+string(got))
		return fail
	}
	return &calls
}

func TestWriteSyncsTheFolderAfterTheRename(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.csv")
	calls := fakeSync(t, path, nil)
	if err := Write(path, 0o600, func(w io.Writer) error { _, err := io.WriteString(w, "nouveau"); return err }); err != nil {
		t.Fatal(err)
	}
	if want := []string{dir + " nouveau"}; !slices.Equal(*calls, want) {
		t.Errorf("folder syncs %q, want %q", *calls, want)
	}
	// The real one works on this system's temp folder.
	if err := syncFolder(dir); err != nil {
		t.Errorf("syncFolder: %v", err)
	}
}

func TestWriteNamesItsTempFile(t *testing.T) {
	for _, base := range []string{"présences.csv", strings.Repeat("é", 120) + ".csv"} {
		dir := t.TempDir()
		path := filepath.Join(dir, base)
		var seen []string
		err := Write(path, 0o600, func(io.Writer) error {
			seen = names(t, dir)
			return nil
		})
		if err != nil {
			t.Fatalf("Write %d-byte name: %v", len(base), err)
		}
		if len(seen) != 1 || !isTemp(seen[0]) || !strings.HasPrefix(seen[0], ".") || !strings.Contains(seen[0], tempMark) {
			t.Errorf("temp file %q, want « .<base>%s<digits>%s »", seen, tempMark, tempSuffix)
		}
		if len(base) <= maxBase && !strings.HasPrefix(seen[0], "."+base+tempMark) {
			t.Errorf("temp file %q does not tell what it becomes", seen[0])
		}
	}
}

// Every way a write can fail leaves the old file, or the new one once
// renamed, and no temp file.
func TestWriteFailuresLeaveNoTempFile(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, path string) // makes the failure
		write func(io.Writer) error
		want  string // the file's content after
	}{
		{"l’écriture échoue", nil, func(w io.Writer) error {
			io.WriteString(w, "moitié")
			return errors.New("disque plein")
		}, "ancien"},
		{"le renommage échoue", func(t *testing.T, path string) {
			// A folder with something in it cannot be replaced by a file.
			os.Remove(path)
			if err := os.MkdirAll(filepath.Join(path, "dedans"), 0o700); err != nil {
				t.Fatal(err)
			}
		}, func(w io.Writer) error { _, err := io.WriteString(w, "nouveau"); return err }, ""},
		{"la synchronisation du dossier échoue", func(t *testing.T, path string) {
			fakeSync(t, path, errors.New("EIO"))
		}, func(w io.Writer) error { _, err := io.WriteString(w, "nouveau"); return err }, "nouveau"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "export.csv")
			if err := os.WriteFile(path, []byte("ancien"), 0o600); err != nil {
				t.Fatal(err)
			}
			if tt.setup != nil {
				tt.setup(t, path)
			}
			err := Write(path, 0o600, tt.write)
			if err == nil {
				t.Fatal("no error")
			}
			if strings.Contains(err.Error(), "EIO") || strings.Contains(err.Error(), "disque plein") {
				t.Errorf("the cause reaches the person: %v", err)
			}
			for _, n := range names(t, dir) {
				if n != "export.csv" {
					t.Errorf("left behind: %s", n)
				}
			}
			if tt.want != "" {
				if got, _ := os.ReadFile(path); string(got) != tt.want {
					t.Errorf("file holds %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestWritePanicLeavesNoTempFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(path, []byte("ancien"), 0o600); err != nil {
		t.Fatal(err)
	}
	got := func() (p any) {
		defer func() { p = recover() }()
		Write(path, 0o600, func(w io.Writer) error {
			io.WriteString(w, "moitié")
			panic("écrivain en panne")
		})
		return nil
	}()
	if got != "écrivain en panne" {
		t.Errorf("panic %v, want it carried on", got)
	}
	if n := names(t, dir); !slices.Equal(n, []string{"export.csv"}) {
		t.Errorf("left behind: %v", n)
	}
	if b, _ := os.ReadFile(path); string(b) != "ancien" {
		t.Errorf("old file became %q", b)
	}
}

func TestSweep(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	old, recent := now.Add(-2*time.Hour), now.Add(-time.Minute)
	files := []struct {
		name string
		when time.Time
		gone bool
	}{
		{".présences.csv.atelier-123456.tmp", old, true},
		{".atelier.db.atelier-9.tmp", old, true},
		{".présences.csv.atelier-654321.tmp", recent, false}, // a write under way
		{".présences.csv.123456.tmp", old, false},            // not our mark
		{"présences.csv.atelier-123456.tmp", old, false},     // not hidden
		{".présences.csv.atelier-12ab.tmp", old, false},      // not CreateTemp's digits
		{".présences.csv.atelier-.tmp", old, false},
		{".présences.csv.atelier-123456.tmp.bak", old, false},
		{"présences.csv", old, false},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, f.when, f.when); err != nil {
			t.Fatal(err)
		}
	}
	// Named like ours but not a regular file: a folder, and a link whose
	// target must survive.
	if err := os.Mkdir(filepath.Join(dir, ".dossier.atelier-1.tmp"), 0o700); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "précieux.txt")
	if err := os.WriteFile(target, []byte("à garder"), 0o600); err != nil {
		t.Fatal(err)
	}
	linked := os.Symlink(target, filepath.Join(dir, ".lien.atelier-2.tmp")) == nil

	removed, err := Sweep(dir, now.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if removed != 2 {
		t.Errorf("removed %d, want 2", removed)
	}
	left := names(t, dir)
	for _, f := range files {
		if slices.Contains(left, f.name) == f.gone {
			t.Errorf("%s: removed %v, want %v", f.name, !slices.Contains(left, f.name), f.gone)
		}
	}
	for _, keep := range []string{".dossier.atelier-1.tmp", "précieux.txt"} {
		if !slices.Contains(left, keep) {
			t.Errorf("%s was removed", keep)
		}
	}

	// However old: the folder and the link stay, the write under way goes.
	removed, err = Sweep(dir, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || removed != 1 {
		t.Errorf("second sweep removed %d, %v; want the one write under way", removed, err)
	}
	left = names(t, dir)
	for _, keep := range []string{".dossier.atelier-1.tmp", "précieux.txt"} {
		if !slices.Contains(left, keep) {
			t.Errorf("%s was removed", keep)
		}
	}
	if linked && !slices.Contains(left, ".lien.atelier-2.tmp") {
		t.Error("a link named like a temp file was removed")
	}
	if b, _ := os.ReadFile(target); string(b) != "à garder" {
		t.Errorf("the link's target holds %q", b)
	}

	if _, err := Sweep(filepath.Join(dir, "absent"), now); err == nil {
		t.Error("sweeping a missing folder: no error")
	}
}

// TestSweepFindsWhatWriteLeaves: a temp file named the way Write names
// them (as one left by a crash mid-write would be) is one Sweep removes.
func TestSweepFindsWhatWriteLeaves(t *testing.T) {
	dir := t.TempDir()
	f, err := os.CreateTemp(dir, TempPattern("rapport.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	future := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	if n, err := Sweep(dir, future); n != 1 || err != nil {
		t.Errorf("Sweep removed %d, %v; want Write's temp file", n, err)
	}
}
