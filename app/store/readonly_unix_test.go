//go:build unix

package store

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"atelier/app/domain/agenda"
	"atelier/app/domain/participants"
)

// readOnlyEnv names, in the process the test starts for itself, the folder
// prepared by its parent.
const readOnlyEnv = "ATELIER_STORE_TEST_READONLY"

// nobody is who the test runs as when started as root, for whom
// permissions do not stop a write.
const nobody = 65534

// TestReadOnlyFile opens files the person may read but not write: the
// file protected (0400) in a folder of theirs, the file and its folder
// protected (0400, 0500), and an old file that would need migrating. As
// root, which permissions do not stop, the checks run in a copy of this
// test binary started as nobody.
func TestReadOnlyFile(t *testing.T) {
	if dir := os.Getenv(readOnlyEnv); dir != "" {
		checkReadOnly(t, dir)
		return
	}
	root, err := os.MkdirTemp("", "atelier-lecture-seule-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(p, 0o700)
			}
			return nil
		})
		os.RemoveAll(root)
	})
	prepareReadOnly(t, root)
	if os.Geteuid() != 0 {
		protect(t, root)
		checkReadOnly(t, root)
		return
	}

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(root, "store.test")
	copyFile(t, self, bin)
	if err := filepath.WalkDir(root, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, nobody, nobody)
	}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	protect(t, root)
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyFile$", "-test.v")
	cmd.Dir = root
	cmd.Env = []string{readOnlyEnv + "=" + root, "HOME=" + root, "TMPDIR=" + root, "LANG=C.UTF-8"}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Skipf("cannot run the check as nobody (uid %d): %v", nobody, err)
	}
	t.Logf("as nobody:\n%s", out)
	if err != nil || !bytes.Contains(out, []byte("--- PASS: TestReadOnlyFile")) {
		t.Fatalf("the check as nobody failed: %v", err)
	}
}

// prepareReadOnly makes the files checkReadOnly opens, still writable.
func prepareReadOnly(t *testing.T, root string) {
	t.Helper()
	for _, name := range []string{"fichier", "dossier"} {
		s, err := Open(filepath.Join(root, name, "atelier.db"), Options{Now: testClock})
		if err != nil {
			t.Fatal(err)
		}
		id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
		addPeople(t, s, id, participants.Participant{Name: "Awa"})
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(root, "ancien"), 0o700); err != nil {
		t.Fatal(err)
	}
	oldFile(t, filepath.Join(root, "ancien", "atelier.db"), 4, schema4Rows)
}

// protect takes the right to write away: from every file, and from the
// folder « dossier ».
func protect(t *testing.T, root string) {
	t.Helper()
	for _, name := range []string{"fichier", "dossier", "ancien"} {
		if err := os.Chmod(filepath.Join(root, name, "atelier.db"), 0o400); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(root, "dossier"), 0o500); err != nil {
		t.Fatal(err)
	}
}

func checkReadOnly(t *testing.T, root string) {
	if os.Geteuid() == 0 {
		t.Fatal("running as root: the permissions would not stop a write")
	}
	ctx := context.Background()

	t.Run("fichier protégé", func(t *testing.T) {
		path := filepath.Join(root, "fichier", "atelier.db")
		s, err := Open(path, Options{Now: testClock})
		if err != nil {
			t.Fatalf("Open on a read-only file: %v", err)
		}
		defer s.Close()
		// Reading works…
		list, err := s.Cohorts(ctx)
		if err != nil || len(list) != 1 {
			t.Fatalf("cohorts %+v, %v", list, err)
		}
		id := list[0].ID
		c, err := s.Cohort(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		// …writing is refused, in French.
		writes := map[string]error{
			"EditRoster": s.EditRoster(ctx, id, "la personne", func(r *Roster) error {
				_, err := r.Add(participants.Participant{Name: "Bo", Status: participants.Inscrit})
				return err
			}),
			"SetSetting": s.SetSetting(ctx, "cohorte", "1"),
			"SaveSessionBlocks": func() error {
				_, err := s.SaveSessionBlocks(ctx, c.Sessions[0].ID, []agenda.Block{{Title: "Tout", Kind: agenda.Discussion, Minutes: 90}})
				return err
			}(),
		}
		for name, err := range writes {
			t.Run(name, func(t *testing.T) {
				checkExplained(t, err, ErrReadOnly, "la base de données est en lecture seule", "readonly")
			})
		}
		if ps, err := s.Participants(ctx, id); err != nil || len(ps) != 1 {
			t.Errorf("roster after refused writes: %+v, %v", ps, err)
		}
	})

	// SQLite needs the folder to open a WAL file at all: even reading is
	// impossible, and Open says why.
	t.Run("fichier et dossier protégés", func(t *testing.T) {
		path := filepath.Join(root, "dossier", "atelier.db")
		before := readAll(t, path)
		s, err := Open(path, Options{Now: testClock})
		if err == nil {
			s.Close()
			t.Fatal("Open succeeded on a file whose folder is protected")
		}
		checkExplained(t, err, ErrReadOnly, "la base de données est en lecture seule", "readonly")
		if !strings.Contains(err.Error(), path) {
			t.Errorf("message %q should name the file", err)
		}
		if !bytes.Equal(before, readAll(t, path)) {
			t.Error("the file changed")
		}
	})

	// A read-only Store reads both: in the protected folder, where no -shm
	// can be made, through immutable=1.
	for _, name := range []string{"fichier", "dossier"} {
		t.Run("lecture seule, "+name+" protégé", func(t *testing.T) {
			path := filepath.Join(root, name, "atelier.db")
			before := readAll(t, path)
			s, err := Open(path, Options{Now: testClock, ReadOnly: true})
			if err != nil {
				t.Fatalf("read-only Open: %v", err)
			}
			list, err := s.Cohorts(ctx)
			if err != nil || len(list) != 1 {
				t.Errorf("cohorts %+v, %v", list, err)
			}
			if ps, err := s.Participants(ctx, list[0].ID); err != nil || len(ps) != 1 || ps[0].Name != "Awa" {
				t.Errorf("roster %+v, %v", ps, err)
			}
			checkExplained(t, s.SetSetting(ctx, "cohorte", "1"), ErrReadOnly, "lecture seule", "read-only")
			if err := s.Close(); err != nil {
				t.Error(err)
			}
			if !bytes.Equal(before, readAll(t, path)) {
				t.Error("the file changed")
			}
		})
	}

	t.Run("lecture seule, ancien fichier protégé", func(t *testing.T) {
		path := filepath.Join(root, "ancien", "atelier.db")
		s, err := Open(path, Options{Now: testClock, ReadOnly: true})
		if err == nil {
			s.Close()
			t.Fatal("a read-only Store opened a file to migrate")
		}
		checkExplained(t, err, ErrNeedsUpdate, "doit d’abord être mis à jour", "")
	})

	t.Run("ancien fichier protégé", func(t *testing.T) {
		path := filepath.Join(root, "ancien", "atelier.db")
		before := readAll(t, path)
		s, err := Open(path, Options{Now: testClock})
		if err == nil {
			s.Close()
			t.Fatal("Open succeeded on a read-only file to migrate")
		}
		checkExplained(t, err, ErrReadOnly, "vers le schéma 5", "readonly")
		if !bytes.Equal(before, readAll(t, path)) {
			t.Error("the file changed")
		}
	})
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
