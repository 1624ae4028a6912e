package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A write cut short leaves its temp file beside the file chosen; the
// journal's entry leads the next start to it. Writes that finished leave
// no entry, and entries of writes still running are left alone.
func TestJournalFindsWhatACrashLeft(t *testing.T) {
	j := Journal{Dir: filepath.Join(t.TempDir(), "ecritures")}
	exports := t.TempDir()

	// A finished write: the file, no temp, no entry.
	if err := j.Write(filepath.Join(exports, "liste.csv"), 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, "Nom\nAwa\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(j.Dir); len(left) != 0 {
		t.Fatalf("entries after a finished write: %v", left)
	}
	// A failed write: no temp, no entry either.
	boom := errors.New("boom")
	if err := j.Write(filepath.Join(exports, "raté.csv"), 0o600, func(io.Writer) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("failed write: %v", err)
	}
	if left, _ := os.ReadDir(j.Dir); len(left) != 0 {
		t.Fatalf("entries after a failed write: %v", left)
	}

	// A write killed half-way leaves its entry and its temp, under the
	// number of a process that is gone; one still running here has fresh
	// ones; and one whose number came back to another program is old.
	gone := exec.Command(os.Args[0], "-test.run=^$")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	temp := func(name string) string {
		p := filepath.Join(exports, name)
		if err := os.WriteFile(p, []byte("Hélène Tremblay;helene@exemple.org"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	entry := func(pid int, tmp string) string {
		name := filepath.Join(j.Dir, entryPrefix+strconv.Itoa(pid)+filepath.Base(tmp))
		if err := os.WriteFile(name, []byte(fmt.Sprintf("%d\n%s", pid, tmp)), 0o600); err != nil {
			t.Fatal(err)
		}
		return name
	}
	killed := temp(".presences.xlsx.atelier-123456.tmp")
	killedEntry := entry(gone.Process.Pid, killed)
	running := temp(".emargement.pdf.atelier-654321.tmp")
	runningEntry := entry(os.Getpid(), running)
	reused := temp(".liste.csv.atelier-111111.tmp")
	reusedEntry := entry(os.Getpid(), reused)
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(reusedEntry, old, old)
	// An entry may name only Atelier's temp files.
	mine := filepath.Join(exports, "notes-personnelles.txt")
	os.WriteFile(mine, []byte("à moi"), 0o600)
	mineEntry := entry(gone.Process.Pid, mine)

	removed, err := j.Recover(time.Now().Add(-10 * time.Minute))
	if err != nil || removed != 2 {
		t.Fatalf("Recover removed %d, %v; want the killed write's temp and the old one's", removed, err)
	}
	for _, p := range []string{killed, killedEntry, reused, reusedEntry, mineEntry} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left", p)
		}
	}
	for _, p := range []string{running, runningEntry, mine, filepath.Join(exports, "liste.csv")} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
}

// While a write runs, its entry names its temp file.
func TestJournalNotesTheTempFile(t *testing.T) {
	j := Journal{Dir: filepath.Join(t.TempDir(), "ecritures")}
	path := filepath.Join(t.TempDir(), "liste.csv")
	err := j.Write(path, 0o600, func(w io.Writer) error {
		entries, _ := os.ReadDir(j.Dir)
		if len(entries) != 1 {
			t.Fatalf("%d entries during the write", len(entries))
		}
		data, _ := os.ReadFile(filepath.Join(j.Dir, entries[0].Name()))
		pid, tmp, _ := strings.Cut(string(data), "\n")
		if pid != strconv.Itoa(os.Getpid()) || filepath.Dir(tmp) != filepath.Dir(path) || !isTemp(filepath.Base(tmp)) {
			t.Errorf("entry %q", data)
		}
		_, err := io.WriteString(w, "Nom\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The zero Journal writes like Write and recovers nothing.
func TestZeroJournal(t *testing.T) {
	var j Journal
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := j.Write(path, 0o600, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	if n, err := j.Recover(time.Now()); n != 0 || err != nil {
		t.Fatalf("Recover %d, %v", n, err)
	}
}

// Track notes a temp file written by other code (SQLite's copy of a
// database) until released.
func TestJournalTracks(t *testing.T) {
	j := Journal{Dir: filepath.Join(t.TempDir(), "ecritures")}
	tmp := filepath.Join(t.TempDir(), ".copie.db.atelier-42.tmp")
	release, err := j.Track(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(j.Dir); len(entries) != 1 {
		t.Fatalf("%d entries while tracked", len(entries))
	}
	release()
	if entries, _ := os.ReadDir(j.Dir); len(entries) != 0 {
		t.Fatalf("%d entries after release", len(entries))
	}
}

// An entry another process is still writing (empty as yet) is left, with
// its temp file; a copy's journal goes with its copy.
func TestJournalRecoverRaces(t *testing.T) {
	j := Journal{Dir: filepath.Join(t.TempDir(), "ecritures")}
	exports := t.TempDir()
	os.MkdirAll(j.Dir, 0o700)
	writing := filepath.Join(j.Dir, entryPrefix+"1")
	os.WriteFile(writing, nil, 0o600)
	emptyOld := filepath.Join(j.Dir, entryPrefix+"2")
	os.WriteFile(emptyOld, nil, 0o600)
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(emptyOld, old, old)

	gone := exec.Command(os.Args[0], "-test.run=^$")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	copyTmp := filepath.Join(exports, ".copie.db.atelier-77.tmp")
	os.WriteFile(copyTmp, nil, 0o600)
	os.WriteFile(copyTmp+"-journal", []byte("journal"), 0o600)
	os.WriteFile(filepath.Join(j.Dir, entryPrefix+"3"), []byte(fmt.Sprintf("%d\n%s", gone.Process.Pid, copyTmp)), 0o600)

	if _, err := j.Recover(time.Now().Add(-10 * time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(writing); err != nil {
		t.Error("an entry being written was removed")
	}
	for _, p := range []string{emptyOld, copyTmp, copyTmp + "-journal"} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left", p)
		}
	}
}
