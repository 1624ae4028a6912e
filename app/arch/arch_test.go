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
	all := imports(t)
	if len(all) < 10 {
		t.Fatalf("found only %d packages: is the walk at the module root?", len(all))
	}
	in := func(dir, group string) bool { return strings.HasPrefix(dir, group+"/") }
	frontEnd := func(p string) bool {
		for _, f := range []string{"atelier/app/ui", "atelier/app/cli", "atelier/app/store", "atelier/app/service"} {
			if p == f || strings.HasPrefix(p, f+"/") {
				return true
			}
		}
		return false
	}
	for dir, list := range all {
		for _, p := range list {
			gui := strings.HasPrefix(p, "fyne.io/")
			sql := p == "database/sql" || strings.HasPrefix(p, "modernc.org/") || strings.HasPrefix(p, "github.com/jackc/")
			switch {
			case p == "fyne.io/fyne/v2/app" && !strings.HasPrefix(dir, "cmd/"):
				t.Errorf("%s imports %s: only cmd/ may (it needs cgo)", dir, p)
			case (in(dir, "app/domain") || in(dir, "app/formats") || in(dir, "app/kit")) && (gui || sql || frontEnd(p)):
				t.Errorf("%s imports %s: the domain, the file formats and the kit know nothing of the window, SQL or the application layer", dir, p)
			case in(dir, "app/domain") && strings.HasPrefix(p, "atelier/app/formats/"):
				t.Errorf("domain package %s imports the file format %s", dir, p)
			case in(dir, "app/kit") && strings.HasPrefix(p, "atelier/app/") && !strings.HasPrefix(p, "atelier/app/kit/"):
				t.Errorf("helper %s imports %s: the kit depends on nothing of the app", dir, p)
			case dir == "app/service" && (gui || sql || p == "atelier/app/ui" || p == "atelier/app/cli"):
				t.Errorf("the application layer imports %s: it serves the window and the command line alike, without SQL", p)
			case sql && dir != "app/store" && !in(dir, "app/store"):
				t.Errorf("%s imports %s: SQL belongs to app/store", dir, p)
			}
		}
	}
}
