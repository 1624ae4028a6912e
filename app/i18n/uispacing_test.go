package i18n

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// frenchPunct is what a string written in the window's Go code must not
// hold outside a translation: it would show in English too.
var frenchPunct = regexp.MustCompile(`[«»]|[\x{a0}\x{202f}][:;?!]`)

// frenchOnScreen are the declarations of app/ui allowed French punctuation
// of their own: French content quoted as it is written (a slide's quote),
// and the texts that only size a widget, never shown.
var frenchOnScreen = map[string]bool{
	"presenter.go slideLines":     true,
	"callimport.go previewReport": true,
}

// uiFrench lists the string literals of the Go files of dir that carry
// French punctuation and are not the key or fallback of a lang call.
func uiFrench(t *testing.T, dir string, allowed map[string]bool) []string {
	fset := token.NewFileSet()
	var found []string
	for path, f := range parseFolder(t, fset, dir) {
		name := filepath.Base(path)
		for _, d := range f.Decls {
			if allowed[name+" "+declName(d)] {
				continue
			}
			translated := map[ast.Node]bool{}
			ast.Inspect(d, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "X" || sel.Sel.Name == "XN") {
						if id, ok := sel.X.(*ast.Ident); ok && id.Name == "lang" {
							for _, a := range call.Args[:min(2, len(call.Args))] {
								translated[a] = true
							}
						}
					}
				}
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING || translated[lit] {
					return true
				}
				if s, err := strconv.Unquote(lit.Value); err == nil && frenchPunct.MatchString(s) {
					found = append(found, fset.Position(lit.Pos()).String()+": "+lit.Value)
				}
				return true
			})
		}
	}
	return found
}

// The window's French punctuation comes from fr.json or from textfmt
// (Colon, Quote), which know the language: a « » or a « : » written in the
// code shows in the English window as well.
func TestNoFrenchPunctuationOutsideTranslations(t *testing.T) {
	for _, s := range uiFrench(t, filepath.Join("..", "ui"), frenchOnScreen) {
		t.Error(s)
	}
}

func TestNoFrenchPunctuationScan(t *testing.T) {
	dir := t.TempDir()
	src := `package demo

import "fyne.io/fyne/v2/lang"

func shown(name string) []string {
	return []string{
		"«\u00a0" + name + "\u00a0»",
		name + "\u00a0: ",
		lang.X("demo.title", "Lier «\u00a0{{.Title}}\u00a0»"),
		"Ctrl+:",
	}
}

func sizing() string { return "«\u00a0Tablette\u00a0»" }
`
	if err := writeFile(filepath.Join(dir, "demo.go"), src); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(uiFrench(t, dir, map[string]bool{"demo.go sizing": true}), "\n")
	for _, want := range []string{"demo.go:7:", "demo.go:8:"} {
		if !strings.Contains(got, want) {
			t.Errorf("want a slip at %s, got:\n%s", want, got)
		}
	}
	for _, not := range []string{"demo.go:9:", "demo.go:10:", "demo.go:14:"} {
		if strings.Contains(got, not) {
			t.Errorf("want no slip at %s, got:\n%s", not, got)
		}
	}
}

// rawCounts lists the values of the data of lang calls under dir that are
// a bare len(…): a count shown as « 10000 » where the CLI writes
// « 10 000 », since only textfmt's Int groups thousands.
func rawCounts(t *testing.T, dir string) []string {
	fset := token.NewFileSet()
	var found []string
	for _, f := range parseFolder(t, fset, dir) {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "X" && sel.Sel.Name != "XN") {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
				return true
			}
			for _, a := range call.Args {
				m, ok := a.(*ast.CompositeLit)
				if !ok {
					continue
				}
				for _, e := range m.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if c, ok := kv.Value.(*ast.CallExpr); ok {
						if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "len" {
							found = append(found, fset.Position(kv.Pos()).String()+": a count given to a template as a bare len(…): write it with textfmt's Int")
						}
					}
				}
			}
			return true
		})
	}
	return found
}

// countsLeft are the bare counts left to the helper rewriting that file's
// screen (issue 17, the import preview): remove the entry once it has merged.
var countsLeft = []string{}

func TestCountsThroughInt(t *testing.T) {
	for _, s := range rawCounts(t, filepath.Join("..", "ui")) {
		if !slices.ContainsFunc(countsLeft, func(f string) bool { return strings.HasPrefix(filepath.Base(s), f) }) {
			t.Error(s)
		}
	}
}

func TestRawCountsScan(t *testing.T) {
	dir := t.TempDir()
	src := `package demo

import "fyne.io/fyne/v2/lang"

func shown(l interface{ Int(int) string }, rs []string) []string {
	return []string{
		lang.XN("demo.count", "{{.N}} ressource", len(rs), map[string]any{"N": len(rs)}),
		lang.XN("demo.count", "{{.N}} ressource", len(rs), map[string]any{"N": l.Int(len(rs))}),
	}
}
`
	if err := writeFile(filepath.Join(dir, "demo.go"), src); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(rawCounts(t, dir), "\n")
	if !strings.Contains(got, "demo.go:7:") || strings.Contains(got, "demo.go:8:") {
		t.Errorf("want a refusal at line 7 only, got:\n%s", got)
	}
}
