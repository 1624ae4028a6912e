package i18n

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"atelier/assets"
)

// missingOut, when set, receives the formats the English catalogue lacks,
// as a JSON object ready to be translated and merged into it.
var missingOut = flag.String("errors.missing", "", "write the formats missing from assets/errors/en.json to this file")

const usererrPath = "atelier/app/kit/usererr"

// constructors are usererr's own calls taking a format: every other
// argument of theirs goes into the message.
var constructors = map[string]bool{
	usererrPath + ".New":               true,
	usererrPath + ".Wrap":              true,
	usererrPath + ".Phrase":            true,
	usererrPath + ".Plural":            true,
	usererrPath + ".(method).List.Add": true,
}

// errorFormat is one French format given to usererr, and where.
type errorFormat struct {
	text string
	at   string
}

// formatScan finds the formats of usererr's messages in the sources: the
// literal (or constant) given to New, Wrap, List.Add or Phrase, or to a
// function that passes one of its parameters on to them (store's
// notFound, wrapWrite…), however many such steps there are.
type formatScan struct {
	fset *token.FileSet
	g    *goStrings
	// sinks are the functions that take a format, by import path and
	// name (a method as path.(method).Name), to the indexes of their
	// format parameters.
	sinks map[string][]int
	// argSinks are the functions that pass a parameter on as an
	// argument of a message, which must not be French text.
	argSinks map[string][]int
	formats  []errorFormat
	problems []string
}

func newFormatScan() *formatScan {
	return &formatScan{fset: token.NewFileSet(), g: &goStrings{consts: map[string]string{}}, argSinks: map[string][]int{}, sinks: map[string][]int{
		usererrPath + ".New":               {0},
		usererrPath + ".Wrap":              {1},
		usererrPath + ".Phrase":            {0},
		usererrPath + ".Plural":            {1, 2},
		usererrPath + ".(method).List.Add": {1},
	}}
}

// scanFolders parses every non-test Go file under the roots (relative to
// module, the module's folder).
func (s *formatScan) scanFolders(t *testing.T, module string, roots []string) {
	type folder struct {
		path  string // import path
		files map[string]*ast.File
	}
	var folders []folder
	for _, root := range roots {
		err := filepath.WalkDir(filepath.Join(module, root), func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			rel, _ := filepath.Rel(module, path)
			folders = append(folders, folder{"atelier/" + filepath.ToSlash(rel), parseFolder(t, s.fset, path)})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Twice: a constant may be made of another package's (textfmt.NBSP).
	for range 2 {
		for _, f := range folders {
			s.g.collect(values(f.files))
		}
	}
	// Each pass may find new functions that pass a format on; the last
	// one, which finds none, reads every call with all of them known.
	for {
		before := len(s.sinks) + len(s.argSinks)
		s.formats, s.problems = nil, nil
		for _, f := range folders {
			for path, file := range f.files {
				rel, _ := filepath.Rel(module, path)
				s.scanFile(f.path, filepath.ToSlash(rel), file)
			}
		}
		if len(s.sinks)+len(s.argSinks) == before {
			break
		}
	}
	sort.Slice(s.formats, func(i, j int) bool { return s.formats[i].at < s.formats[j].at })
	sort.Strings(s.problems)
}

func (s *formatScan) scanFile(pkgPath, rel string, f *ast.File) {
	imports := map[string]string{}
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		name := p[strings.LastIndex(p, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		imports[name] = p
	}
	listType := func(e ast.Expr) bool {
		switch e := e.(type) {
		case *ast.SelectorExpr:
			x, ok := e.X.(*ast.Ident)
			return ok && imports[x.Name] == usererrPath && e.Sel.Name == "List"
		case *ast.Ident:
			return pkgPath == usererrPath && e.Name == "List"
		}
		return false
	}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			// The sentinels: var ErrX = usererr.New("…").
			ast.Inspect(gd, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					s.call(pkgPath, rel, f.Name.Name, "", nil, nil, imports, call)
				}
				return true
			})
			continue
		}
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		key := pkgPath + "." + fd.Name.Name
		if fd.Recv != nil {
			key = pkgPath + ".(method)." + fd.Name.Name
		}
		params := map[string]int{}
		lists := map[string]bool{}
		i := 0
		for _, field := range fd.Type.Params.List {
			for _, n := range field.Names {
				params[n.Name] = i
				lists[n.Name] = listType(field.Type)
				i++
			}
			if len(field.Names) == 0 {
				i++
			}
		}
		if fd.Type.Results != nil {
			for _, field := range fd.Type.Results.List {
				for _, n := range field.Names {
					lists[n.Name] = listType(field.Type)
				}
			}
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for _, name := range n.Names {
					lists[name.Name] = lists[name.Name] || listType(n.Type)
				}
			case *ast.CallExpr:
				s.call(pkgPath, rel, f.Name.Name, key, params, lists, imports, n)
			}
			return true
		})
	}
}

// callee names what call calls the way sinks does.
func callee(pkgPath string, lists map[string]bool, imports map[string]string, call *ast.CallExpr) string {
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		return pkgPath + "." + fun.Name
	case *ast.SelectorExpr:
		if x, ok := fun.X.(*ast.Ident); ok {
			if p, ok := imports[x.Name]; ok {
				return p + "." + fun.Sel.Name
			}
			if lists[x.Name] && fun.Sel.Name == "Add" {
				return usererrPath + ".(method).List.Add"
			}
		}
		return pkgPath + ".(method)." + fun.Sel.Name
	}
	return ""
}

func (s *formatScan) call(pkgPath, rel, pkg, in string, params map[string]int, lists map[string]bool, imports map[string]string, call *ast.CallExpr) {
	key := callee(pkgPath, lists, imports, call)
	formatAt, argAt := s.sinks[key], s.argSinks[key]
	if len(formatAt) == 0 && len(argAt) == 0 {
		return
	}
	for j, arg := range call.Args {
		if !slices.Contains(formatAt, j) && (constructors[key] || slices.Contains(argAt, j)) {
			s.frenchArg(rel, pkg, in, params, imports, arg)
		}
	}
	for _, i := range formatAt {
		if i >= len(call.Args) {
			continue
		}
		arg := call.Args[i]
		at := rel + ":" + strconv.Itoa(s.fset.Position(arg.Pos()).Line)
		if v, ok := s.g.value(pkg, arg); ok {
			s.formats = append(s.formats, errorFormat{v, at})
			continue
		}
		if id, ok := arg.(*ast.Ident); ok {
			if p, ok := params[id.Name]; ok {
				if !slices.Contains(s.sinks[in], p) {
					s.sinks[in] = append(s.sinks[in], p)
				}
				continue
			}
		}
		s.problems = append(s.problems, at+": the format is not a constant, so it cannot be found in the catalogue: give the French format and its arguments apart")
	}
}

// frenchArg reports an argument that is French text made in French: a
// literal, a piece of one, a Sprintf, a Message, which no catalogue can
// put into English. Such an argument is a usererr.Phrase, a Reason, or a
// message of its own.
func (s *formatScan) frenchArg(rel, pkg, in string, params map[string]int, imports map[string]string, arg ast.Expr) {
	at := rel + ":" + strconv.Itoa(s.fset.Position(arg.Pos()).Line)
	if id, ok := arg.(*ast.Ident); ok {
		if p, ok := params[id.Name]; ok && !slices.Contains(s.argSinks[in], p) {
			s.argSinks[in] = append(s.argSinks[in], p)
		}
		return
	}
	if call, ok := arg.(*ast.CallExpr); ok {
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok {
				switch imports[x.Name] + "." + sel.Sel.Name {
				case "fmt.Sprintf", usererrPath + ".Message":
					s.problems = append(s.problems, at+": "+x.Name+"."+sel.Sel.Name+" as an argument stays French: give a message, a usererr.Phrase or a usererr.Reason")
				}
			}
		}
		return
	}
	if text, lit := s.g.text(pkg, arg, map[ast.Node]bool{}); lit && frenchMark.MatchString(strings.ReplaceAll(text, unknown, "")) {
		s.problems = append(s.problems, at+": French text "+strconv.Quote(text)+" as an argument stays French: make it a usererr.Phrase")
	}
}

// verbRE is one verb of a fmt format.
var verbRE = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?([a-zA-Z%])`)

// verbs lists what format does with each argument, as « 1:s », in the
// order of the arguments: an English format may reorder them only with
// explicit indexes, and must use each as the French does.
func verbs(format string) []string {
	var out []string
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		}
		out = append(out, strconv.Itoa(next)+":"+m[2])
		next++
	}
	sort.Strings(out)
	return out
}

// wordless is a format with nothing to translate: verbs and plain
// punctuation (« %s. %s »).
var wordless = regexp.MustCompile(`^(?:%[a-z]|[\s.,()/\-+])*$`)

func errorCatalogue(t *testing.T) map[string]string {
	t.Helper()
	data, err := assets.Errors.ReadFile("errors/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// Every message a person may read has its English in the catalogue,
// written the English way with the French one's arguments, and the
// catalogue holds nothing else.
func TestErrorCatalogue(t *testing.T) {
	s := newFormatScan()
	s.scanFolders(t, filepath.Join("..", ".."), []string{"app", "workshops"})
	for _, p := range s.problems {
		t.Error(p)
	}
	if len(s.formats) < 200 {
		t.Fatalf("found only %d formats: is the scan looking at the right folders?", len(s.formats))
	}
	en := errorCatalogue(t)
	used := map[string]bool{}
	missing := map[string]string{}
	for _, f := range s.formats {
		if wordless.MatchString(f.text) {
			continue
		}
		used[f.text] = true
		e, ok := en[f.text]
		if !ok {
			missing[f.text] = ""
			t.Errorf("%s: no English for %q", f.at, f.text)
			continue
		}
		for _, slip := range englishSlips(e) {
			t.Errorf("%s: English %q: %s", f.at, e, slip)
		}
		if fr, got := verbs(f.text), verbs(e); !slices.Equal(fr, got) {
			t.Errorf("%s: English %q takes its arguments as %v, the French %q as %v", f.at, e, got, f.text, fr)
		}
	}
	for fr := range en {
		if !used[fr] {
			t.Errorf("assets/errors/en.json: %q is no longer a message of the code", fr)
		}
	}
	if *missingOut != "" && len(missing) > 0 {
		data, _ := json.MarshalIndent(missing, "", "\t")
		if err := os.WriteFile(*missingOut, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The scan follows formats through the functions that pass them on, reads
// constants, and refuses a format or an argument made in French beforehand.
func TestErrorCatalogueScan(t *testing.T) {
	dir := t.TempDir()
	src := `package demo

import (
	"fmt"

	"atelier/app/kit/usererr"
)

const msgEmpty = "Le fichier est vide."

var ErrGone = usererr.New("Élément disparu.")

func notFound(format string, args ...any) error { return usererr.New(format, args...) }

func failed(what string) error { return usererr.New("Impossible d’enregistrer %s", usererr.Phrase(what)) }

func explain(failed string) error { return usererr.New("%s\u00a0: disque plein.", failed) }

func uses(n int, name string) error {
	var l usererr.List
	l.Add(n < 0, "Le nombre %d est négatif.", n)
	_ = notFound("La séance %d est introuvable.", n)
	_ = failed("les présences")
	_ = usererr.New(msgEmpty)
	_ = usererr.New(fmt.Sprintf("Le bloc %s manque.", name))
	_ = usererr.New("Ligne %d\u00a0: %s", n, "la date manque")
	_ = explain("Impossible d’ouvrir la base")
	_ = usererr.New("%s", name)
	return l.Err()
}
`
	if err := writeFile(filepath.Join(dir, "app", "demo", "demo.go"), src); err != nil {
		t.Fatal(err)
	}
	s := newFormatScan()
	s.scanFolders(t, dir, []string{"app"})
	var got []string
	for _, f := range s.formats {
		got = append(got, f.text)
	}
	for _, want := range []string{"Élément disparu.", "Le nombre %d est négatif.", "La séance %d est introuvable.", "Impossible d’enregistrer %s",
		"les présences", "Le fichier est vide.", "Ligne %d\u00a0: %s", "%s\u00a0: disque plein."} {
		if !slices.Contains(got, want) {
			t.Errorf("the scan missed %q; found %q", want, got)
		}
	}
	problems := strings.Join(s.problems, "\n")
	for _, want := range []string{"demo.go:25: the format is not a constant", "demo.go:26: French text \"la date manque\"", "demo.go:27: French text"} {
		if !strings.Contains(problems, want) {
			t.Errorf("want a problem %q, got:\n%s", want, problems)
		}
	}
	if strings.Contains(problems, "demo.go:28") || strings.Contains(problems, "demo.go:24") || len(s.problems) != 3 {
		t.Errorf("a problem where there is none:\n%s", problems)
	}
}

func TestVerbs(t *testing.T) {
	for _, c := range []struct {
		fr, en string
		same   bool
	}{
		{"La séance %d de «\u00a0%s\u00a0»", "Session %d of “%s”", true},
		{"La séance %d de «\u00a0%s\u00a0»", "“%s” session %d", false},
		{"La séance %d de «\u00a0%s\u00a0»", "“%[2]s” session %[1]d", true},
		{"%s et %s", "%s", false},
		{"85\u00a0%% de %s", "85%% of %s", true},
		{"%d personnes", "%s people", false},
	} {
		if same := slices.Equal(verbs(c.fr), verbs(c.en)); same != c.same {
			t.Errorf("%q and %q: same verbs %v, want %v (%v, %v)", c.fr, c.en, same, c.same, verbs(c.fr), verbs(c.en))
		}
	}
}
