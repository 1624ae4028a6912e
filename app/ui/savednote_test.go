package ui

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// rowOf is the container that holds the button labelled label among its
// own objects.
func rowOf(t *testing.T, root fyne.CanvasObject, label string) *fyne.Container {
	t.Helper()
	var row *fyne.Container
	walk(root, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok {
			return
		}
		for _, child := range c.Objects {
			if b, ok := child.(*widget.Button); ok && b.Text == label {
				row = c
			}
		}
	})
	if row == nil {
		t.Fatalf("no button %q", label)
	}
	return row
}

// What an export wrote is said in the row of its button, by the file's
// name, with the folder to open; not at the foot of the page.
func TestExportSavedBesideTheButton(t *testing.T) {
	u, _ := newTestUI(t)
	e := newExportsScreen(u)
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
	}
	// Only the row whose button was pressed speaks.
	if e.docNotes.session.root.Visible() || e.docNotes.team.root.Visible() {
		t.Error("a row that saved nothing says something")
	}
}
