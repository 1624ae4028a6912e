package ui

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// rowOf is the row (noteRow) whose controls hold the button labelled label.
func rowOf(t *testing.T, root fyne.CanvasObject, label string) *fyne.Container {
	t.Helper()
	var row *fyne.Container
	walk(root, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok {
			return
		}
		if _, ok := c.Layout.(*flow); !ok {
			return
		}
		walk(c.Objects[0], func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == label {
				row = c
			}
		})
	})
	if row == nil {
		t.Fatalf("no row with a button %q", label)
	}
	return row
}

// What an export wrote is said in the row of its button, by the file's
// name, with the folder to open; not at the foot of the page.
func TestExportSavedBesideTheButton(t *testing.T) {
	u, _ := newTestUI(t)
	e := newExportsScreen(u)
	// On screen, as after the system's file dialog: no dialog of the
	// window closes to lay the page out again.
	w := test.NewTempWindow(t, e.root)
	w.Resize(fyne.NewSize(1280, 720))
	dir := t.TempDir()
	cases := []struct {
		button string
		note   *savedNote
		run    func(path string)
		file   string
		want   string
	}{
		{"Sauvegarder la base…", e.backupNote, e.backup, "copie.db", "Sauvegarde écrite\u00a0: copie.db"},
		{"Exporter la liste…", e.rosterNote, e.exportRoster, "liste.csv", "Liste exportée\u00a0: liste.csv"},
		{"Exporter le classeur…", e.bookNote, func(path string) { e.workbookWritten(path, e.writeWorkbook(path)) }, "presences.xlsx", "Classeur écrit\u00a0: presences.xlsx"},
		{"Créer les attestations…", e.docNotes.cert, func(path string) { e.writePDF(e.docNotes.cert, path, []byte("%PDF-1.4")) }, "attestations.pdf", "Document enregistré\u00a0: attestations.pdf"},
		{"Créer le livret complet…", e.docNotes.booklet, func(path string) { e.writePDF(e.docNotes.booklet, path, []byte("%PDF-1.4")) }, "livret.pdf", "Document enregistré\u00a0: livret.pdf"},
	}
	for _, tc := range cases {
		row := rowOf(t, e.root, tc.button)
		if !slices.Contains(row.Objects, fyne.CanvasObject(tc.note.root)) {
			t.Errorf("%s: the note is not in the button's row", tc.button)
			continue
		}
		if tc.note.root.Visible() {
			t.Errorf("%s: a note before anything was saved", tc.button)
		}
		tc.run(filepath.Join(dir, tc.file))
		if !tc.note.root.Visible() || tc.note.label.Text != tc.want || !tc.note.open.Visible() || tc.note.dir != dir {
			t.Errorf("%s: note %v %q, folder %q", tc.button, tc.note.root.Visible(), tc.note.label.Text, tc.note.dir)
		}
		if got, need := tc.note.root.Size(), tc.note.root.MinSize(); got.Width < need.Width || got.Height < need.Height {
			t.Errorf("%s: the note is drawn %v, it needs %v", tc.button, got, need)
		}
	}
	// Only the row whose button was pressed speaks.
	if e.docNotes.session.root.Visible() || e.docNotes.team.root.Visible() {
		t.Error("a row that saved nothing says something")
	}
}

// A note goes beside its row's controls when the page has room, else on
// its own line just under them: it never widens the page.
func TestSavedNoteBesideOrUnder(t *testing.T) {
	u, _ := newTestUI(t)
	note := u.newSavedNote()
	button := widget.NewButton("Exporter la liste…", nil)
	row := noteRow(note, button)
	note.saved("Liste exportée\u00a0: liste.xlsx", filepath.Join(t.TempDir(), "liste.xlsx"))
	b, n := button.MinSize(), note.root.MinSize()
	wide := b.Width + n.Width + 50
	row.Resize(fyne.NewSize(wide, row.MinSize().Height))
	if got := row.MinSize(); got.Height >= b.Height+n.Height || note.root.Position().X < b.Width || note.root.Position().Y > b.Height/2 {
		t.Errorf("wide: min %v, note at %v", got, note.root.Position())
	}
	narrow := n.Width + 10
	row.Resize(fyne.NewSize(narrow, row.MinSize().Height))
	if got := row.MinSize(); got.Width > narrow || got.Height < b.Height+n.Height || note.root.Position().Y < b.Height || note.root.Position().X != 0 {
		t.Errorf("narrow: min %v, note at %v", got, note.root.Position())
	}
}
