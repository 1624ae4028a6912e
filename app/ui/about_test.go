package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestAboutFromSettings opens Réglages, then the About box, and checks that
// it tells the version, the database's path, its backups' folder and the
// licence.
func TestAboutFromSettings(t *testing.T) {
	for _, tt := range []struct{ version, want string }{
		{"1.2.3", "1.2.3"},
		{"", "version de développement"},
	} {
		u, st := newTestUI(t)
		u.opts.Version = tt.version
		u.onSettings()
		tapButton(t, u.win.Canvas().Overlays().Top(), "À propos d’Atelier…")
		var texts []string
		walk(u.win.Canvas().Overlays().Top(), func(c fyne.CanvasObject) {
			if l, ok := c.(*widget.Label); ok {
				texts = append(texts, l.Text)
			}
		})
		all := strings.Join(texts, "\n")
		for _, want := range []string{"À propos d’Atelier", tt.want, st.Path(), st.BackupDir(), "logiciels libres"} {
			if !strings.Contains(all, want) {
				t.Errorf("version %q: the About box lacks %q; it reads:\n%s", tt.version, want, all)
			}
		}
	}
}
