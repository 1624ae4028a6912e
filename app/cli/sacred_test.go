package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atelier/app/store"
)

// newDB makes a database with a small roster, through the commands.
func newDB(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "atelier.db")
	roster := filepath.Join(dir, "inscriptions.csv")
	csv := "Nom;Courriel;Organisation;Besoins d’accessibilité\n" +
		"Hélène Tremblay-Ouellet;helene.zq@exemple.org;Comité Œuvre-Rivière;Sous-titres en français\n" +
		"Karim Benali;karim@exemple.org;;\n"
	if err := os.WriteFile(roster, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr, _ := run(t, "--db", db, "import", "roster", roster); code != ExitOK {
		t.Fatal(stderr)
	}
	return dir, db
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// No export, document or copy may be written over the database or its
// companions: the roster would be gone, exit 0.
func TestExportOntoTheDatabaseRefused(t *testing.T) {
	// The database under a workbook's name, as a slip of the hand makes it.
	dir, orig := newDB(t)
	db := filepath.Join(dir, "presences.xlsx")
	if err := os.Rename(orig, db); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "lien.xlsx")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, db)
	for _, args := range [][]string{
		{"export", "attendance", "-o", db},
		{"export", "roster", "-o", db},
		{"participant", "export", "--email", "karim@exemple.org", "-o", db + "-wal"},
		{"export", "attendance", "-o", link},
		{"backup", "-o", db},
		{"participant", "export", "--email", "karim@exemple.org", "-o", db},
	} {
		code, _, stderr, _ := run(t, append([]string{"--db", db}, args...)...)
		if code == ExitOK || !strings.Contains(stderr, "base de données ouverte") && !strings.Contains(stderr, "ne peut pas remplacer le fichier ouvert") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	if fileSum(t, db) != before {
		t.Fatal("the database changed")
	}
	if code, out, _, _ := run(t, "--db", db, "attendance", "summary"); code != ExitOK || !strings.Contains(out, "2 personnes attendues") {
		t.Errorf("roster after the refusals: %q", out)
	}
}

// A mistyped --db is refused by every command but the window and the
// imports, and no empty database is made in its place.
func TestMistypedDatabaseRefused(t *testing.T) {
	dir, _ := newDB(t)
	typo := filepath.Join(dir, "atelir.db")
	for _, args := range [][]string{
		{"export", "attendance", "-o", filepath.Join(dir, "p.xlsx")},
		{"export", "roster", "-o", filepath.Join(dir, "p.csv")},
		{"attendance", "summary"},
		{"attendance", "absent", "--session", "1"},
		{"library", "search", "coalition"},
		{"backup", "-o", filepath.Join(dir, "copie.db")},
		{"participant", "erase", "--email", "karim@exemple.org"},
	} {
		code, _, stderr, _ := run(t, append([]string{"--db", typo}, args...)...)
		if code != ExitError || !strings.Contains(stderr, "n’existe pas") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
		if _, err := os.Stat(typo); !os.IsNotExist(err) {
			t.Fatalf("%v made %s", args, typo)
		}
	}
	for _, name := range []string{"p.xlsx", "p.csv", "copie.db"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s written from no database", name)
		}
	}
}

// Exports only read: they run while another program holds the write lock,
// where opening for writing would wait, then fail.
func TestExportsDoNotTakeTheWriteLock(t *testing.T) {
	dir, db := newDB(t)
	// Another Atelier in the middle of a long write.
	other, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	list, _ := other.Cohorts(context.Background())
	holding, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- other.EditRoster(context.Background(), list[0].ID, "la liste", func(*store.Roster) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	defer func() {
		close(release)
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	for _, args := range [][]string{
		{"export", "roster", "-o", filepath.Join(dir, "liste.csv")},
		{"export", "signin", "--session", "1", "-o", filepath.Join(dir, "emargement.pdf")},
		{"attendance", "summary"},
		{"participant", "export", "--email", "karim@exemple.org", "-o", filepath.Join(dir, "karim.json")},
		{"backup", "-o", filepath.Join(dir, "copie.db")},
	} {
		if code, _, stderr, _ := run(t, append([]string{"--db", db}, args...)...); code != ExitOK {
			t.Errorf("%v while another holds the write lock: exit %d, %q", args, code, stderr)
		}
	}
}

// A person's request arrives by courriel: their data, then their erasure.
func TestParticipantExportAndErase(t *testing.T) {
	dir, db := newDB(t)
	out := filepath.Join(dir, "helene.json")
	code, stdout, stderr, _ := run(t, "--db", db, "participant", "export", "--email", "HELENE.ZQ@exemple.org", "-o", out)
	if code != ExitOK || !strings.Contains(stdout, "Données d’Hélène Tremblay-Ouellet") {
		t.Fatalf("export: exit %d, %q, %q", code, stdout, stderr)
	}
	var got map[string]any
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &got); err != nil || got["organisation"] != "Comité Œuvre-Rivière" || got["besoins_d_accessibilité"] != "Sous-titres en français" {
		t.Fatalf("exported %s (%v)", data, err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("export mode %v", fi.Mode().Perm())
	}
	code, stdout, stderr, _ = run(t, "--db", db, "participant", "erase", "--email", "helene.zq@exemple.org")
	if code != ExitOK || !strings.Contains(stdout, "sont effacées du fichier") {
		t.Fatalf("erase: exit %d, %q, %q", code, stdout, stderr)
	}
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, s := range []string{"Tremblay-Ouellet", "helene.zq", "Œuvre-Rivière", "Sous-titres en français"} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s still holds %q", filepath.Base(p), s)
			}
		}
	}
	if code, _, stderr, _ = run(t, "--db", db, "participant", "erase", "--email", "helene.zq@exemple.org"); code != ExitError || !strings.Contains(stderr, "Personne n’a le courriel") {
		t.Errorf("erasing again: exit %d, %q", code, stderr)
	}
	for _, bad := range [][]string{{"participant"}, {"participant", "erase"}, {"participant", "export", "--email", "a@b.ca"}, {"participant", "erase", "--email", "a@b.ca", "-o", "x.json"}} {
		if code, _, _, _ := run(t, append([]string{"--db", db}, bad...)...); code != ExitUsage {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
}

// A named pipe, a folder or a device given as a file to import is refused
// at once, and no database is made for it.
func TestImportOfWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "atelier.db")
	fifo := filepath.Join(dir, "tube.csv")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, args := range [][]string{
		{"import", "roster", fifo},
		{"import", "roster", dir},
		{"import", "roster", "/dev/zero"},
		{"attendance", "import", "--session", "1", fifo},
	} {
		done := make(chan struct{})
		var code int
		var stderr string
		go func() {
			code, _, stderr, _ = run(t, append([]string{"--db", db}, args...)...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%v still reading after 10 s", args)
		}
		if code != ExitError || !strings.Contains(stderr, "n’est pas un fichier ordinaire") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}
