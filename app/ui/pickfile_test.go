package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/kit/filepick"
)

// fakePicker stands for the system's dialog: it answers path or err and
// keeps what it was asked.
type fakePicker struct {
	path  string
	err   error
	asked []filepick.Request
	saves int
}

func (f *fakePicker) Open(_ context.Context, r filepick.Request) (string, error) {
	f.asked = append(f.asked, r)
	return f.path, f.err
}

func (f *fakePicker) Save(_ context.Context, r filepick.Request) (string, error) {
	f.asked = append(f.asked, r)
	f.saves++
	return f.path, f.err
}

// folderUI is a window whose dialogs start in a folder of the test's.
func folderUI(t *testing.T) (*UI, string) {
	t.Helper()
	u, _ := newTestUI(t)
	dir := filepath.Join(t.TempDir(), "Mes documents")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	u.rememberFolder(dir)
	return u, dir
}

// pathField is the path entry of the dialog on top.
func pathField(t *testing.T, u *UI) (fyne.CanvasObject, *widget.Entry) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog on screen")
	}
	var e *widget.Entry
	walk(top, func(o fyne.CanvasObject) {
		if x, ok := o.(*widget.Entry); ok && e == nil {
			e = x
		}
	})
	if e == nil {
		t.Fatal("the dialog has no path field")
	}
	return top, e
}

func typePath(e *widget.Entry, s string) {
	e.SetText("")
	test.Type(e, s)
}

// Without a system dialog, a path typed in the field is what the import
// reads; the button stays off while the path names no file.
func TestPathFieldOpens(t *testing.T) {
	u, dir := folderUI(t)
	path := filepath.Join(dir, "présences été.csv")
	if err := os.WriteFile(path, []byte("nom\nZoë\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var gotName string
	var gotData []byte
	u.openData([]string{".csv"}, func(name string, data []byte) { gotName, gotData = name, data })
	u.pickWait.Wait()
	top, e := pathField(t, u)
	if f := findForm(t, top); !dialogHas(top, "Ouvrir un fichier") || f.Items[0].Text != "Chemin du fichier" {
		t.Errorf("the dialog reads %q, its field %q", dialogTextOf(top), f.Items[0].Text)
	}
	if e.Text != dir+string(filepath.Separator) {
		t.Errorf("the field starts with %q, want the folder last used %q", e.Text, dir)
	}
	open := button(t, top, "Ouvrir")
	typePath(e, filepath.Join(dir, "absent.csv"))
	if !open.Disabled() {
		t.Error("« Ouvrir » is on for a file that does not exist")
	}
	typePath(e, path)
	if open.Disabled() {
		t.Fatalf("« Ouvrir » is off for %s: %v", path, e.Validate())
	}
	test.Tap(open)
	if gotName != "présences été.csv" || string(gotData) != "nom\nZoë\n" {
		t.Errorf("the import got %q %q", gotName, gotData)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog is still open")
	}
}

// A name typed without folder or extension is saved in the folder shown,
// with the extension of the export; a file there is replaced only once the
// person has said so.
func TestPathFieldSaves(t *testing.T) {
	u, dir := folderUI(t)
	var got []string
	save := func() {
		u.saveAs("Présences Automne.xlsx", []string{".xlsx"}, func(p string) { got = append(got, p) })
	}
	save()
	u.pickWait.Wait()
	_, e := pathField(t, u)
	if want := filepath.Join(dir, "Présences Automne.xlsx"); e.Text != want {
		t.Errorf("the field proposes %q, want %q", e.Text, want)
	}
	typePath(e, "rapport")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Entrée, as « Enregistrer »
	want := filepath.Join(dir, "rapport.xlsx")
	if len(got) != 1 || got[0] != want {
		t.Fatalf("saved to %v, want %s", got, want)
	}
	if err := os.WriteFile(want, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	save()
	u.pickWait.Wait()
	top, e := pathField(t, u)
	typePath(e, want)
	tapButton(t, top, "Enregistrer")
	if len(got) != 1 {
		t.Fatalf("an existing file was replaced without asking: %v", got)
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Remplacer")
	if len(got) != 2 || got[1] != want {
		t.Errorf("after « Remplacer »: %v", got)
	}
}

// « Parcourir… » opens Fyne's browser at nearly the window's size, titled
// in our words.
func TestPathFieldBrowses(t *testing.T) {
	u, _ := folderUI(t)
	u.pickOpen([]string{".pdf"}, func(string) { t.Error("nothing was chosen") })
	u.pickWait.Wait()
	top, _ := pathField(t, u)
	tapButton(t, top, "Parcourir…")
	browser := u.win.Canvas().Overlays().Top()
	if browser == top {
		t.Fatal("no file browser opened")
	}
	win := u.win.Canvas().Size()
	var inner fyne.CanvasObject
	walk(browser, func(o fyne.CanvasObject) {
		if inner == nil && dialogHas(o, "Ouvrir un fichier") && o.Size().Width < win.Width {
			inner = o
		}
	})
	if inner == nil {
		t.Fatalf("the browser reads %q", dialogTextOf(browser))
	}
	if s := inner.Size(); s.Width < win.Width*0.85 || s.Height < win.Height*0.85 {
		t.Errorf("the browser is %v in a window of %v", s, win)
	}
}

// The system's dialog, when there is one, is asked with the folder last
// used, the name, the types; what it answers is used and remembered, and
// a cancel does nothing.
func TestSystemDialogUsed(t *testing.T) {
	u, dir := folderUI(t)
	other := t.TempDir()
	fake := &fakePicker{path: filepath.Join(other, "liste.xlsx")}
	if err := os.WriteFile(fake.path, []byte("PK"), 0o600); err != nil {
		t.Fatal(err)
	}
	u.files = fake
	var got string
	u.saveAs("Présences.xlsx", []string{".xlsx"}, func(p string) { got = p })
	u.pickWait.Wait()
	if got != fake.path {
		t.Errorf("saved to %q, want %q", got, fake.path)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog of the window's own opened too")
	}
	r := fake.asked[0]
	if fake.saves != 1 || r.Folder != dir || r.Name != "Présences.xlsx" || r.Title != "Enregistrer le fichier" ||
		len(r.Filters) != 1 || r.Filters[0].Name != "Fichiers XLSX" || r.Filters[0].Extensions[0] != ".xlsx" {
		t.Errorf("the system was asked %+v", r)
	}
	u.openData([]string{".csv"}, func(string, []byte) {})
	u.pickWait.Wait()
	if f := fake.asked[1].Folder; f != other {
		t.Errorf("the next dialog starts in %q, want the folder just used %q", f, other)
	}
	if uri, _ := storage.ParseURI(u.app.Preferences().String(lastFolderKey)); uri == nil || uri.Path() != filepath.ToSlash(other) {
		t.Errorf("Fyne's dialog would start in %v", uri)
	}

	fake.err = filepick.ErrCancelled
	u.saveAs("x.pdf", nil, func(string) { t.Error("a cancelled dialog saved") })
	u.pickWait.Wait()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("a cancelled dialog left a dialog open")
	}
	fake.err = errors.New("the portal crashed")
	u.saveAs("x.pdf", nil, func(string) {})
	u.pickWait.Wait()
	pathField(t, u) // a failing system dialog gives way to the window's
}

func TestResolvePath(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home")
	}
	start := filepath.FromSlash("/srv/docs")
	tests := []struct{ in, want string }{
		{"", ""},
		{"  rapport.pdf ", filepath.Join(start, "rapport.pdf")},
		{`"/tmp/a b.csv"`, filepath.FromSlash("/tmp/a b.csv")},
		{"~/x.csv", filepath.Join(home, "x.csv")},
		{"~other", filepath.Join(start, "~other")},
	}
	if filepath.Separator == '/' {
		tests = append(tests, struct{ in, want string }{"file:///tmp/%C3%A9t%C3%A9.csv", "/tmp/été.csv"})
	}
	for _, tt := range tests {
		if got := resolvePath(tt.in, start); got != tt.want {
			t.Errorf("resolvePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// dialogHas says whether a text of o (a label, a button…) is s.
func dialogHas(o fyne.CanvasObject, s string) bool {
	found := false
	walk(o, func(c fyne.CanvasObject) {
		if textOf(c) == s {
			found = true
		}
	})
	return found
}

// Every file the window opens or saves is chosen through pickfile.go: a
// Fyne file dialog opened anywhere else would skip the system's dialog.
func TestFileDialogsOnlyThroughPickfile(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	calls := regexp.MustCompile(`dialog\.(?:New|Show)(?:FileOpen|FileSave|FolderOpen)\b`)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n := len(calls.FindAll(src, -1))
		if f == "pickfile.go" {
			seen = n
			continue
		}
		if n > 0 {
			t.Errorf("%s opens Fyne's file dialog itself; use u.pickOpen or u.saveAs", f)
		}
	}
	if seen != 2 {
		t.Errorf("pickfile.go opens Fyne's file dialog %d times, want 2 (open, save): is the scan right?", seen)
	}
}

// « Joindre un PDF… » goes through the same picker: the PDF chosen is
// copied next to the base and the form names it.
func TestLibraryAttachesThePickedPDF(t *testing.T) {
	u, _ := newTestUI(t)
	u.nav.Select(3)
	src := filepath.Join(t.TempDir(), "Guide été.pdf")
	if err := os.WriteFile(src, []byte("%PDF-1.4 test"), 0o600); err != nil {
		t.Fatal(err)
	}
	fake := &fakePicker{path: src}
	u.files = fake
	items, result := u.library.resourceForm(resourceForTest())
	var pick *widget.Button
	for _, it := range items {
		walk(it.Widget, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Joindre un PDF…" {
				pick = b
			}
		})
	}
	if pick == nil {
		t.Fatal("no « Joindre un PDF… » in the form")
	}
	test.Tap(pick)
	u.pickWait.Wait()
	if len(fake.asked) != 1 || fake.asked[0].Filters[0].Extensions[0] != ".pdf" {
		t.Fatalf("the system was asked %+v", fake.asked)
	}
	got := result().FilePath
	if filepath.Dir(got) != filepath.Join(filepath.Dir(u.store.Path()), "fichiers") {
		t.Errorf("the PDF was kept at %q", got)
	}
	if data, err := os.ReadFile(got); err != nil || string(data) != "%PDF-1.4 test" {
		t.Errorf("the copy reads %q, %v", data, err)
	}
}

// With no folder used yet and no Documents folder, the path field starts
// in the home folder: a name typed alone is never saved, out of sight, in
// the folder Atelier happened to be started from.
func TestPathFieldStartsAtHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	u, _ := newTestUI(t)
	u.app.Preferences().SetString(lastFolderKey, "")
	var got []string
	u.saveAs("atelier-sauvegarde.db", []string{".db"}, func(p string) { got = append(got, p) })
	u.pickWait.Wait()
	_, e := pathField(t, u)
	if want := filepath.Join(home, "atelier-sauvegarde.db"); e.Text != want {
		t.Errorf("the field proposes %q, want %q", e.Text, want)
	}
	typePath(e, "copie")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := filepath.Join(home, "copie.db"); len(got) != 1 || got[0] != want {
		t.Errorf("saved to %v, want %s", got, want)
	}
}
