package arch

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// imports maps each package folder (relative to the module root) to the
// import paths its files use, tests included.
func imports(t *testing.T) map[string][]string {
	t.Helper()
	root := filepath.Join("..", "..")
	out := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || filepath.Ext(path) != ".go" {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(path))
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			out[filepath.ToSlash(dir)] = append(out[filepath.ToSlash(dir)], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBoundaries(t *testing.T) {
	domain := map[string]bool{
		"app/agenda": true, "app/course": true, "app/participants": true,
		"app/library": true, "app/structure": true, "app/verr": true, "app/textfmt": true,
	}
	all := imports(t)
	if len(all) < 10 {
		t.Fatalf("found only %d packages: is the walk at the module root?", len(all))
	}
	for dir, list := range all {
		for _, p := range list {
			switch {
			case p == "fyne.io/fyne/v2/app" && !strings.HasPrefix(dir, "cmd/"):
				t.Errorf("%s imports %s: only cmd/ may (it needs cgo)", dir, p)
			case domain[dir] && (strings.HasPrefix(p, "fyne.io/") || p == "database/sql" || strings.HasPrefix(p, "modernc.org/")):
				t.Errorf("domain package %s imports %s", dir, p)
			case (p == "database/sql" || strings.HasPrefix(p, "modernc.org/sqlite")) && dir != "app/store":
				t.Errorf("%s imports %s: SQL belongs to app/store", dir, p)
			}
		}
	}
}
