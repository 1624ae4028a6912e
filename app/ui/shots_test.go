package ui

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"atelier/app/config"
	"atelier/app/domain/participants"
)

// variantTheme draws th in one variant whatever the settings say: the test
// app has no light or dark preference.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// TestScreenshots writes PNGs of the check-in desk, the library with a
// row selected, the structure canvas, live mode and Réglages, in light and
// dark, usual and high contrast, to the folder named by ATELIER_SHOTS, to
// look at them; without it the test is skipped.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("ATELIER_SHOTS")
	if dir == "" {
		t.Skip("ATELIER_SHOTS names no folder")
	}
	for _, c := range []struct {
		name string
		v    fyne.ThemeVariant
		look config.Look
	}{
		{"clair", theme.VariantLight, config.Look{}},
		{"sombre", theme.VariantDark, config.Look{}},
		{"clair-contraste", theme.VariantLight, config.Look{HighContrast: true}},
		{"sombre-contraste", theme.VariantDark, config.Look{HighContrast: true}},
		{"clair-grand", theme.VariantLight, config.Look{BigText: true}},
	} {
		u, _ := rosterUI(t)
		u.app.Settings().SetTheme(variantTheme{newAppTheme(theme.DefaultTheme(), c.look), c.v})
		u.win.Resize(fyne.NewSize(1180, 760))
		shot := func(what string) {
			t.Helper()
			// Laid out twice: a wrapped text knows its height once it
			// knows its width, as the next frame does on screen.
			for _, w := range []float32{1181, 1180} {
				u.win.Resize(fyne.NewSize(w, 760))
			}
			f, err := os.Create(filepath.Join(dir, what+"-"+c.name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		u.people.SelectIndex(1)
		ch := u.checkin
		for i, m := range participants.Marks() {
			p := ch.people[ch.shown[i]]
			ch.marks[p.ID] = participants.Attendance{ParticipantID: p.ID, SessionID: ch.session.ID, Mark: m, Minutes: 10 * i}
		}
		ch.list.Refresh()
		shot("accueil")
		u.nav.Select(areaLibrary)
		u.library.list.Select(1)
		shot("bibliotheque")
		u.nav.Select(areaStructures)
		u.structures.create("xr-groupe-local", "Groupe Rive-Sud")
		u.win.Resize(fyne.NewSize(1181, 760))
		u.structures.canvas.Fit()
		shot("structure")
		u.nav.Select(areaSessions)
		u.openLive(u.cohort.Sessions[0])
		shot("direct")
		u.onSettings()
		shot("reglages")
	}
}
