package ui

import (
	"strings"
	"testing"
)

// A roster cell asks for the ellipsis only where its text does not fit,
// and never grows wider than its column: the table's cells stay cheap to
// redraw at each keystroke without a text spilling into the next column.
func TestRosterCellsFitTheirColumn(t *testing.T) {
	u, _ := rosterUI(t)
	r := u.roster
	l := r.table.CreateCell().(*tipLabel)
	for _, tt := range []struct {
		text     string
		col      int
		ellipsis bool
	}{
		{"Awa Diallo", 0, false},
		{"Marie-Ève Bouchard-Saint-Amand de la Vallée-du-Richelieu", 0, true},
		{"Liste d’attente · n°\u00a0999", statusCol, false},
		{"elle", 2, false},
		{"marie-eve.bouchard-saint-amand@exemple.org", 3, true},
		{"3 / 5", 6, false},
	} {
		setCell(l, tt.text, r.widths[tt.col])
		if got := strings.HasSuffix(l.Text, "…"); got != tt.ellipsis {
			t.Errorf("%q shows %q: ellipsis %v, want %v", tt.text, l.Text, got, tt.ellipsis)
		}
		if tt.ellipsis && !strings.HasPrefix(tt.text, strings.TrimSuffix(l.Text, "…")) {
			t.Errorf("%q is shown as %q", tt.text, l.Text)
		}
		if l.wholeText() != tt.text || l.cut() != tt.ellipsis {
			t.Errorf("%q: the tip would show %q (cut %v)", tt.text, l.wholeText(), l.cut())
		}
		if w := l.MinSize().Width; w > r.widths[tt.col] {
			t.Errorf("%q needs %.0f px in a column of %.0f", tt.text, w, r.widths[tt.col])
		}
	}
}
