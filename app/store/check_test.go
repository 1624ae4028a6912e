package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// damagedFixture makes a real Atelier file with rows in it and some free
// pages, lets damage pick pages to overwrite while it is still open (its
// log folded into it), closes it and overwrites them with garbage. Nothing
// else opens the file after: it is left as Atelier leaves it, alone.
func damagedFixture(t *testing.T, damage func(t *testing.T, db *sql.DB, pageSize int64) []int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "atelier.db")
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	ids, err := s.AddParticipants(context.Background(), id, manyParticipants(300))
	if err != nil {
		t.Fatal(err)
	}
	// Some free pages, for the freelist cases.
	if _, err := s.db.Exec("DELETE FROM participants WHERE id > ?", ids[len(ids)/2]); err != nil {
		t.Fatal(err)
	}
	size := int64(pragmaInt(t, s.db, "page_size"))
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	pages := damage(t, s.db, size)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	garbage := make([]byte, size)
	for i := range garbage {
		garbage[i] = byte(i*7 + 13)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if p <= 1 {
			t.Fatalf("page %d: the header page is the other tests' business", p)
		}
		if _, err := f.WriteAt(garbage, (p-1)*size); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// middlePages are a few pages halfway through the file.
func middlePages(t *testing.T, db *sql.DB, _ int64) []int64 {
	n := int64(pragmaInt(t, db, "page_count"))
	return []int64{n / 2, n/2 + 1, n/2 + 2}
}

// indexPage is the root page of the roster's index, nothing else.
func indexPage(t *testing.T, db *sql.DB, _ int64) []int64 {
	var root int64
	if err := db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'participants_by_cohort'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	return []int64{root}
}

// freelist reads the file's first freelist trunk page (header offset 32)
// and the leaves it lists.
func freelist(t *testing.T, db *sql.DB, size int64) (trunk int64, leaves []int64) {
	t.Helper()
	var path string
	if err := db.QueryRow("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&path); err != nil {
		t.Fatal(err)
	}
	data := readAll(t, path)
	trunk = int64(binary.BigEndian.Uint32(data[32:]))
	if trunk == 0 {
		t.Fatal("the fixture has no free page")
	}
	page := data[(trunk-1)*size:]
	n := binary.BigEndian.Uint32(page[4:])
	for i := range n {
		leaves = append(leaves, int64(binary.BigEndian.Uint32(page[8+4*i:])))
	}
	if len(leaves) == 0 {
		t.Fatal("the fixture's freelist has no leaf")
	}
	return trunk, leaves
}

func freelistTrunk(t *testing.T, db *sql.DB, size int64) []int64 {
	trunk, _ := freelist(t, db, size)
	return []int64{trunk}
}

func freelistLeaf(t *testing.T, db *sql.DB, size int64) []int64 {
	_, leaves := freelist(t, db, size)
	return leaves[:1]
}

// fileState is what the check must not change: the file's bytes and the
// companions beside it.
type fileState struct {
	sum   [32]byte
	names []string
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return fileState{sum: sha256.Sum256(readAll(t, path)), names: names}
}

func TestOpenRefusesDamagedFile(t *testing.T) {
	tests := []struct {
		name   string
		damage func(*testing.T, *sql.DB, int64) []int64
		want   error // nil: the damage is harmless and the file opens
	}{
		{"pages du milieu", middlePages, ErrCorrupt},
		{"index seulement", indexPage, ErrCorrupt},
		{"page de tête de la liste des pages libres", freelistTrunk, ErrCorrupt},
		// A free page's content is never read: garbage there harms nothing.
		{"page libre", freelistLeaf, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := damagedFixture(t, tt.damage)
			before := stateOf(t, path)
			for _, opt := range []Options{{Now: testClock}, {Now: testClock, ReadOnly: true}} {
				s, err := Open(path, opt)
				if tt.want == nil {
					if err != nil {
						t.Fatalf("Open (read-only %v): %v", opt.ReadOnly, err)
					}
					if _, err := s.Cohorts(context.Background()); err != nil {
						t.Errorf("reading: %v", err)
					}
					s.Close()
					continue
				}
				if err == nil {
					s.Close()
					t.Fatalf("Open (read-only %v) accepted a damaged file", opt.ReadOnly)
				}
				checkExplained(t, err, ErrCorrupt, "Exports → Sauvegardes", "")
				for _, say := range []string{path, "atelier backup -o COPIE.db", "n’a pas été modifié"} {
					if !strings.Contains(err.Error(), say) {
						t.Errorf("message %q should say %q", err, say)
					}
				}
				if after := stateOf(t, path); after.sum != before.sum || !slices.Equal(after.names, before.names) {
					t.Errorf("the damaged file was touched: %v then %v", before.names, after.names)
				}
			}
		})
	}
}

func TestOpenRefusesWhatIsNoFile(t *testing.T) {
	tests := []struct {
		name string
		path func(t *testing.T) string
		says string
	}{
		{"dossier", func(t *testing.T) string { return t.TempDir() }, "un dossier"},
		{"périphérique", func(*testing.T) string { return os.DevNull }, "un périphérique"},
	}
	tests = append(tests, specialFiles...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path(t)
			for _, opt := range []Options{{}, {ReadOnly: true}, {MustExist: true}} {
				s, err := Open(path, opt)
				if err == nil {
					s.Close()
					t.Fatalf("Open(%s, %+v) succeeded", path, opt)
				}
				checkExplained(t, err, ErrNotFile, tt.says, "")
			}
		})
	}
}

func TestOpenMustExist(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sous-dossier")
	path := filepath.Join(dir, "atelier.db")
	for _, opt := range []Options{{MustExist: true}, {ReadOnly: true}} {
		s, err := Open(path, opt)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%+v) created %s", opt, path)
		}
		checkExplained(t, err, ErrMissing, "n’existe pas. Vérifiez le chemin donné à --db", "")
		if !strings.Contains(err.Error(), path) {
			t.Errorf("message %q should name the path", err)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the folder was made: %v", err)
		}
	}
	// Once the file is there, MustExist opens it as usual.
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path, Options{Now: testClock, MustExist: true})
	if err != nil {
		t.Fatalf("Open an existing file with MustExist: %v", err)
	}
	s.Close()
}

func TestOwns(t *testing.T) {
	s := openTest(t)
	dir := filepath.Dir(s.Path())
	// The WAL must exist for links to it to be made.
	if _, err := s.CreateCohort(context.Background(), testCohort(t, "Cohorte", date(2027, 1, 6, 18, 30))); err != nil {
		t.Fatal(err)
	}
	link := func(make func(string, string) error, target, name string) string {
		p := filepath.Join(dir, name)
		if err := make(target, p); err != nil {
			t.Skipf("cannot link: %v", err)
		}
		return p
	}
	rel, err := filepath.Rel(workDir(t), s.Path())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"le fichier", s.Path(), true},
		{"chemin relatif", rel, true},
		{"-wal", s.Path() + "-wal", true},
		{"-shm", s.Path() + "-shm", true},
		{"-journal", s.Path() + "-journal", true},
		{"lien symbolique", link(os.Symlink, s.Path(), "raccourci.db"), true},
		{"lien dur", link(os.Link, s.Path(), "autre-nom.db"), true},
		{"lien symbolique vers le -wal", link(os.Symlink, s.Path()+"-wal", "raccourci-wal.csv"), true},
		{"lien dur vers le -wal", link(os.Link, s.Path()+"-wal", "journal.csv"), true},
		{"autre fichier", filepath.Join(dir, "export.csv"), false},
		{"nom voisin", s.Path() + ".bak", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.Owns(tt.path); got != tt.want {
				t.Errorf("Owns(%s) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func workDir(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
