package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// shownBy are the packages whose strings reach the person: the window,
// the command line, the messages of the service and the store, the files
// Atelier writes.
var shownBy = []string{"ui", "cli", "service", "store", "formats"}

// notShown are the declarations whose strings are read, never shown: what
// other tools and people write (a form's headers, the columns of Zoom and
// Teams, a mark typed by hand), matched after folding, in their spelling.
var notShown = map[string]bool{
	"formats/registration/headers.go init":         true,
	"formats/registration/headers.go rules":        true,
	"formats/registration/headers.go headerKey":    true,
	"formats/registration/rows.go consents":        true,
	"formats/callreport/table.go words":            true,
	"formats/callreport/table.go summaryWords":     true,
	"formats/callreport/table.go sectionTitles":    true,
	"formats/callreport/match.go tags":             true,
	"formats/callreport/host.go summaryHostKeys":   true,
	"formats/callreport/host.go hostRoles":         true,
	"formats/attendancexlsx/labels.go markAliases": true,
	"cli/attendance.go statusWords":                true,
	// The tags of a resource, one cell of the CSV, are a list « a; b »
	// that the import splits again, not a sentence.
	"formats/librarycsv/write.go Write": true,
}

var (
	// French: a French letter or word, « 20 h 30 », « 5 min », a space
	// before « : » or « ; », which English never puts there, or a piece
	// that starts with one, whose space must then be somewhere else.
	frenchMark = regexp.MustCompile(`[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŒ«»’\x{a0}\x{202f}·]|(?i)\b(?:le|la|les|des|du|une|est|sont|pas|aucune?|dans|pour|avec|sur|et|ne|[nldsjc]'|qu')\b|\d h\b|\d[ \x{a0}]min\b|^[:;] | [:;](?: |\x00|$)`)
	// The spaces French needs, written as themselves in a "…" literal:
	// invisible, so that three kinds of space passed for one.
	invisible = regexp.MustCompile(`[\x{a0}\x{202f}]`)
	sqlMark   = regexp.MustCompile(`\b(?:SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|PRAGMA|AND|ORDER BY|LIMIT|JOIN)\b`)
)

// goStrings holds what a package's constants are worth, to read a string
// put together from pieces (« "Séance" + nbsp + ": " ») as it is shown.
type goStrings struct {
	consts map[string]string // name, or package.name, to value
}

// value is e's string when it is a constant the scan knows.
func (g *goStrings) value(pkg string, e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		}
	case *ast.Ident:
		s, ok := g.consts[pkg+"."+e.Name]
		return s, ok
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			s, ok := g.consts[x.Name+"."+e.Sel.Name]
			return s, ok
		}
	case *ast.ParenExpr:
		return g.value(pkg, e.X)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			x, ok1 := g.value(pkg, e.X)
			y, ok2 := g.value(pkg, e.Y)
			return x + y, ok1 && ok2
		}
	}
	return "", false
}

// text is e as shown, what the scan cannot know replaced by unknown; it
// marks the pieces it read as done.
func (g *goStrings) text(pkg string, e ast.Expr, done map[ast.Node]bool) (s string, hasLit bool) {
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			done[x] = true
			a, l1 := g.text(pkg, x.X, done)
			b, l2 := g.text(pkg, x.Y, done)
			return a + b, l1 || l2
		}
	case *ast.ParenExpr:
		return g.text(pkg, x.X, done)
	case *ast.BasicLit:
		done[x] = true
	}
	if v, ok := g.value(pkg, e); ok {
		_, lit := e.(*ast.BasicLit)
		return v, lit
	}
	return unknown, false
}

// collect reads the string constants of the files of one folder.
func (g *goStrings) collect(files []*ast.File) {
	for changed := true; changed; {
		changed = false
		for _, f := range files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.CONST {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						key := f.Name.Name + "." + name.Name
						if _, seen := g.consts[key]; seen || i >= len(vs.Values) {
							continue
						}
						if v, ok := g.value(f.Name.Name, vs.Values[i]); ok {
							g.consts[key] = v
							changed = true
						}
					}
				}
			}
		}
	}
}

func parseFolder(t *testing.T, fset *token.FileSet, dir string) map[string]*ast.File {
	files := map[string]*ast.File{}
	entries, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range entries {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[path] = f
	}
	return files
}

// frenchInGo lists the slips of the French strings of the Go files under
// root (relative to app/), one line each, as « file:line: slip ».
func frenchInGo(t *testing.T, app string, roots []string) []string {
	fset := token.NewFileSet()
	g := &goStrings{consts: map[string]string{}}
	folders := map[string]map[string]*ast.File{}
	// textfmt.NBSP is the no-break space many messages are built with.
	g.collect(values(parseFolder(t, fset, filepath.Join(app, "kit", "textfmt"))))
	for _, root := range roots {
		err := filepath.WalkDir(filepath.Join(app, root), func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			folders[path] = parseFolder(t, fset, path)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, files := range folders {
		g.collect(values(files))
	}
	var slips []string
	for path, f := range allFiles(folders) {
		rel, _ := filepath.Rel(app, path)
		rel = filepath.ToSlash(rel)
		pkg := f.Name.Name
		for _, d := range f.Decls {
			if notShown[rel+" "+declName(d)] {
				continue
			}
			done := map[ast.Node]bool{}
			ast.Inspect(d, func(n ast.Node) bool {
				if x, ok := n.(*ast.BasicLit); ok && x.Kind == token.STRING && x.Value[0] == '"' && invisible.MatchString(x.Value) {
					slips = append(slips, fset.Position(n.Pos()).String()+": espace insécable écrite telle quelle, à écrire \\u00a0 ou \\u202f, in "+x.Value)
				}
				if _, ok := n.(*ast.ImportSpec); ok || n == nil || done[n] {
					return n != nil
				}
				var s string
				switch x := n.(type) {
				case *ast.CallExpr:
					// A pattern is read, not shown.
					if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
						if id, ok := sel.X.(*ast.Ident); ok && id.Name == "regexp" {
							return false
						}
					}
					return true
				case *ast.BinaryExpr:
					if x.Op != token.ADD {
						return true
					}
					var lit bool
					if s, lit = g.text(pkg, x, done); !lit {
						return true
					}
				case *ast.BasicLit:
					if x.Kind != token.STRING {
						return true
					}
					s, _ = g.value(pkg, x)
				default:
					return true
				}
				if !frenchMark.MatchString(s) || sqlMark.MatchString(s) {
					return true
				}
				for _, slip := range frenchSlips(s) {
					slips = append(slips, fset.Position(n.Pos()).String()+": "+slip+", in "+strconv.Quote(s))
				}
				return true
			})
		}
	}
	sort.Strings(slips)
	return slips
}

func values(m map[string]*ast.File) []*ast.File {
	var fs []*ast.File
	for _, f := range m {
		fs = append(fs, f)
	}
	return fs
}

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}

func allFiles(folders map[string]map[string]*ast.File) map[string]*ast.File {
	all := map[string]*ast.File{}
	for _, files := range folders {
		for path, f := range files {
			all[path] = f
		}
	}
	return all
}

// declName names a top-level declaration: a function, or the first name
// a var, const or type declares.
func declName(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Name.Name
	case *ast.GenDecl:
		if len(d.Specs) > 0 {
			switch s := d.Specs[0].(type) {
			case *ast.ValueSpec:
				return s.Names[0].Name
			case *ast.TypeSpec:
				return s.Name.Name
			}
		}
	}
	return ""
}

// The strings written in Go that the person sees or finds in a file keep
// the rules of fr.json: a new slip in the code fails here.
func TestFrenchInGoStrings(t *testing.T) {
	slips := frenchInGo(t, "..", shownBy)
	for _, s := range slips {
		t.Error(s)
	}
}

// The scan reads strings put together from pieces and constants, and
// judges only French text.
func TestFrenchInGoStringsScan(t *testing.T) {
	dir := t.TempDir()
	src := `package demo

import (
	"regexp"

	"atelier/app/kit/textfmt"
)

const nbsp = "\u00a0"

func shown(title, name string) []string {
	return []string{
		"Sauvegarde écrite : " + name,
		"Séance" + nbsp + ": " + name,
		"Séance" + textfmt.NBSP + ": " + name,
		"Le fichier «" + nbsp + name + " » est vide.",
		title + " : " + name,
		"Séance : " + name,
		"live state of session %d: %s",
		"SELECT id FROM cohorts WHERE status = 'attente' AND id = ?",
		label("Exporter la liste..."),
		regexp.MustCompile("^(.*?) est$").String(),
	}
}

func label(s string) string { return s }
`
	if err := writeFile(filepath.Join(dir, "demo", "demo.go"), src); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, "kit", "textfmt", "textfmt.go"), "package textfmt\n\nconst NBSP = \"\\u00a0\"\n"); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(frenchInGo(t, dir, []string{"demo"}), "\n")
	for _, want := range []string{"demo.go:13:", "demo.go:16:", "demo.go:17:", "demo.go:18:", "demo.go:21:"} {
		if !strings.Contains(got, want) {
			t.Errorf("want a slip at %s, got:\n%s", want, got)
		}
	}
	for _, not := range []string{"demo.go:14:", "demo.go:15:", "demo.go:19:", "demo.go:20:", "demo.go:22:"} {
		if strings.Contains(got, not) {
			t.Errorf("want no slip at %s, got:\n%s", not, got)
		}
	}
}
