package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// Each rune is 1 wide: the breaks are then plain to read.
func runes(s string) float32 { return float32(utf8.RuneCountInString(s)) }

func TestBreakLinesLikeAPersonWould(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float32
		want  string
	}{
		// Never at a no-break space: « 90 min », inside « », before « : ».
		{"La séance dure 90\u00a0min en tout", 17, "La séance dure\n90\u00a0min en tout"},
		{"Le bloc «\u00a0Tour de table\u00a0» commence", 12, "Le bloc\n«\u00a0Tour de\ntable\u00a0»\ncommence"},
		{"Qui décide\u202f? Nous\u00a0: toutes", 12, "Qui décide\u202f?\nNous\u00a0:\ntoutes"},
		// A courriel breaks before the @ or after a dot, a name after a hyphen.
		{"marie-eve.bouchard@exemple.org", 14, "marie-eve.\nbouchard\n@exemple.org"},
		{"Bouchard-Saint-Amand", 10, "Bouchard-\nSaint-\nAmand"},
		// Nothing to break at: the widest that fits.
		{"Anticonstitutionnellement", 10, "Anticonsti\ntutionnell\nement"},
		{"Un\n\nDeux trois", 20, "Un\n\nDeux trois"},
	} {
		if got := breakLines(tt.text, tt.width, runes); got != tt.want {
			t.Errorf("breakLines(%q, %g) =\n%q, want\n%q", tt.text, tt.width, got, tt.want)
		}
	}
}

// On screen, a wrapped label keeps its whole text in Text and draws lines
// that fit, broken where clipped (clipping_test.go) accepts.
func TestWrappedLabelOnScreen(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("wrap")
	l := wrapped("Le bloc «\u00a0Tour de table\u00a0» commence à 18\u00a0h\u00a030 : écrivez à marie-eve.bouchard-saint-amand@exemple.org")
	w.SetContent(l)
	w.Resize(fyne.NewSize(150, 400))
	if problems := clipped(w.Canvas()); len(problems) > 0 {
		t.Errorf("a wrapped label reads badly:\n%s", strings.Join(problems, "\n"))
	}
	if !strings.HasPrefix(l.Text, "Le bloc «\u00a0Tour") || strings.Contains(l.Text, "\n") {
		t.Errorf("Text changed: %q", l.Text)
	}
	if got := l.drawn.Segments[0].Textual(); strings.Count(got, "\n") < 4 {
		t.Errorf("drawn in too few lines at 150 px: %q", got)
	}
	if m := l.MinSize(); m.Height < 5*fyne.MeasureText("X", textSize(), fyne.TextStyle{}).Height {
		t.Errorf("min height %g for the lines drawn", m.Height)
	}
}

// A cut cell shows its whole text in a tip while the pointer is over it.
func TestTipShowsTheWholeText(t *testing.T) {
	u, _ := rosterUI(t)
	u.win.Resize(fyne.NewSize(1024, 600))
	long := newTipLabel(u, "Regroupement des comités logement et associations de locataires du Québec")
	short := newTipLabel(u, "Awa")
	box := u.tips // the layer is above the content
	long.Resize(fyne.NewSize(120, 36))
	short.Resize(fyne.NewSize(120, 36))
	long.MouseIn(&desktop.MouseEvent{})
	if got := u.tipText(); got != long.Text {
		t.Errorf("tip %q over a cut label", got)
	}
	tip := box.Objects[0]
	if p, s := tip.Position(), tip.Size(); p.X < 0 || p.Y < 0 || p.X+s.Width > box.Size().Width || p.Y+s.Height > box.Size().Height {
		t.Errorf("tip at %v, %v leaves the window %v", p, s, box.Size())
	}
	long.MouseOut()
	if got := u.tipText(); got != "" {
		t.Errorf("tip %q after the pointer left", got)
	}
	short.MouseIn(&desktop.MouseEvent{})
	if got := u.tipText(); got != "" {
		t.Errorf("tip %q over a label that is not cut", got)
	}
}
