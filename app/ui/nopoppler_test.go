package ui

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestPreviewWithoutPoppler is Windows as installed: no pdftoppm on the
// PATH. The document is still made, the preview says plainly why it is
// missing, and the save button is there.
func TestPreviewWithoutPoppler(t *testing.T) {
	u, _ := newTestUI(t)
	t.Setenv("PATH", t.TempDir())
	e := newExportsScreen(u)
	var b bytes.Buffer
	if err := e.writeHandout(&b, 1); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("%PDF")) {
		t.Fatalf("handout without poppler: %v", err)
	}
	png, err := firstPage(b.Bytes())
	if err == nil || png != nil {
		t.Fatalf("a preview of %d bytes without pdftoppm", len(png))
	}
	e.showPreview(u.newSavedNote(), "seance-1.pdf", b.Bytes(), png)
	if text := dialogText(u); !strings.Contains(text, "Aperçu indisponible (l’outil pdftoppm n’est pas installé). Le document est prêt à être enregistré.") {
		t.Errorf("preview dialog reads %q", text)
	}
	save := false
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if bt, ok := o.(*widget.Button); ok && bt.Text == "Enregistrer" && !bt.Disabled() {
			save = true
		}
	})
	if !save {
		t.Error("no save button in the preview without pdftoppm")
	}
}
