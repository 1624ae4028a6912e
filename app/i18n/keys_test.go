package i18n

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// langPath is the import path of Fyne's translation package.
const langPath = "fyne.io/fyne/v2/lang"

// langCall is one key the code asks lang for.
type langCall struct {
	fallback string
	plural   bool
	at       string
}

// langKeys reads every lang.X and lang.XN call of the Go sources under
// root, tests left out (they may ask with a fallback of their own). A call
// whose key or fallback is not written out as a literal cannot be checked
// against the files, so it is refused: that is how person.registered went
// missing, its key handed to a helper that called lang.X(key, fallback).
// The calls that take the text as the key (lang.L, lang.N, Localize…) are
// refused for the same reason.
func langKeys(t *testing.T, root string) (used map[string]langCall, unread []string) {
	used = map[string]langCall{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if filepath.Ext(path) != ".go" || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		name := ""
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == langPath {
				name = "lang"
				if imp.Name != nil {
					name = imp.Name.Name
				}
			}
		}
		if name == "" {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != name {
				return true
			}
			at := fset.Position(call.Pos()).String()
			switch sel.Sel.Name {
			case "X", "XN":
			case "L", "N", "Localize", "LocalizeKey", "LocalizePlural", "LocalizePluralKey":
				unread = append(unread, at+": lang."+sel.Sel.Name+" has no key the files can be checked against: use lang.X or lang.XN")
				return true
			default:
				return true
			}
			key, ok1 := literal(call, 0)
			fallback, ok2 := literal(call, 1)
			if !ok1 || !ok2 {
				unread = append(unread, at+": lang."+sel.Sel.Name+" with a key or fallback that is not a literal: the test cannot check it is translated")
				return true
			}
			if prev, seen := used[key]; seen && prev.fallback != fallback {
				unread = append(unread, at+": "+strconv.Quote(key)+" falls back to "+strconv.Quote(fallback)+", but to "+strconv.Quote(prev.fallback)+" at "+prev.at)
			}
			used[key] = langCall{fallback: fallback, plural: sel.Sel.Name == "XN", at: at}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return used, unread
}

// literal is the i-th argument of call when it is a string literal.
func literal(call *ast.CallExpr, i int) (string, bool) {
	if i >= len(call.Args) {
		return "", false
	}
	lit, ok := call.Args[i].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// The scan finds the keys however lang is imported, and refuses a key it
// cannot read, as the helper that hid person.registered did.
func TestLangKeysScan(t *testing.T) {
	dir := t.TempDir()
	src := `package demo

import (
	fl "fyne.io/fyne/v2/lang"
)

func pane(value string) []string {
	var lines []string
	field := func(key, fallback, value string) {
		lines = append(lines, fl.X(key, fallback)+": "+value)
	}
	field("person.registered", "Inscription", value)
	lines = append(lines, fl.X("person.email", ` + "`Courriel`" + `))
	lines = append(lines, fl.XN("person.count",
		"{{.N}} personne", 2, map[string]any{"N": 2}))
	lines = append(lines, fl.L("Séances"))
	return lines
}
`
	if err := writeFile(filepath.Join(dir, "demo", "demo.go"), src); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, "demo", "demo_test.go"), "package demo\n\nimport \"fyne.io/fyne/v2/lang\"\n\nvar _ = lang.X(\"person.test\", \"?\")\n"); err != nil {
		t.Fatal(err)
	}
	used, unread := langKeys(t, dir)
	if got := used["person.email"]; got.fallback != "Courriel" || got.plural {
		t.Errorf("person.email: %+v", got)
	}
	if got := used["person.count"]; got.fallback != "{{.N}} personne" || !got.plural {
		t.Errorf("person.count: %+v", got)
	}
	if _, ok := used["person.test"]; ok {
		t.Error("a test's own fallback is read as the code's")
	}
	all := strings.Join(unread, "\n")
	for _, want := range []string{"demo.go:10:", "demo.go:16:"} {
		if !strings.Contains(all, want) {
			t.Errorf("want a refusal at %s, got:\n%s", want, all)
		}
	}
	if len(unread) != 2 {
		t.Errorf("want 2 refusals, got:\n%s", all)
	}
}

// Fyne resolves every key the code uses, in both languages and for the
// counts a plural meets, without a « Translation failure » in the log: a
// key missing from a file, or a plural without the form a count needs,
// logs one and shows the French fallback in English.
func TestEveryKeyResolves(t *testing.T) {
	used, _ := langKeys(t, "..")
	var logged bytes.Buffer
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr); _ = Apply("fr") })
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "C.UTF-8")
	for _, language := range Supported {
		if err := Apply(language); err != nil {
			t.Fatal(err)
		}
		for key, c := range used {
			counts := []int{-1}
			if c.plural {
				counts = []int{0, 1, 2, 5}
			}
			for _, n := range counts {
				logged.Reset()
				if n < 0 {
					lang.X(key, c.fallback)
				} else {
					lang.XN(key, c.fallback, n)
				}
				if logged.Len() > 0 {
					t.Errorf("%s, %q (count %d, used at %s): %s", language, key, n, c.at, logged.String())
				}
			}
		}
	}
}
