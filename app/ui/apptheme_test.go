package ui

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/config"
	"atelier/app/domain/agenda"
	"atelier/app/domain/live"
	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
	"atelier/app/kit/contrast"
)

// palettes are the four looks in both variants, over Fyne's own theme as
// the app runs it.
func palettes() []struct {
	name string
	th   *appTheme
	v    fyne.ThemeVariant
} {
	var out []struct {
		name string
		th   *appTheme
		v    fyne.ThemeVariant
	}
	for _, look := range []config.Look{{}, {HighContrast: true}, {BigText: true}, {BigText: true, HighContrast: true}} {
		for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			name := map[fyne.ThemeVariant]string{theme.VariantLight: "clair", theme.VariantDark: "sombre"}[v]
			if look.HighContrast {
				name += ", contraste élevé"
			}
			if look.BigText {
				name += ", grand texte"
			}
			out = append(out, struct {
				name string
				th   *appTheme
				v    fyne.ThemeVariant
			}{name, newAppTheme(theme.DefaultTheme(), look), v})
		}
	}
	return out
}

type surface struct {
	name string
	c    color.Color
}

// surfaces are what text is drawn on in the window: the plain surfaces,
// and the translucent hover and selection blended as the renderer blends
// them over what lies under (a list or a table on the window or a dialog).
func surfaces(th fyne.Theme, v fyne.ThemeVariant) []surface {
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	bg, overlay := c(theme.ColorNameBackground), c(theme.ColorNameOverlayBackground)
	hover, sel := c(theme.ColorNameHover), c(theme.ColorNameSelection)
	out := []surface{
		{"background", bg}, {"inputBackground", c(theme.ColorNameInputBackground)},
		{"headerBackground", c(theme.ColorNameHeaderBackground)}, {"overlayBackground", overlay},
		{"menuBackground", c(theme.ColorNameMenuBackground)}, {"button", c(theme.ColorNameButton)},
		{"hover on button", contrast.Over(hover, c(theme.ColorNameButton))},
		{"hover on input", contrast.Over(hover, c(theme.ColorNameInputBackground))},
		{"hover on menu", contrast.Over(hover, c(theme.ColorNameMenuBackground))},
	}
	for _, under := range []surface{{"background", bg}, {"overlay", overlay}, {"header", c(theme.ColorNameHeaderBackground)}} {
		s := contrast.Over(sel, under.c)
		out = append(out,
			surface{"hover on " + under.name, contrast.Over(hover, under.c)},
			surface{"selection on " + under.name, s},
			surface{"hover on selection on " + under.name, contrast.Over(hover, s)})
	}
	return out
}

// textColors are the theme's colours text is written in.
var textColors = []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder,
	theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess}

// TestEveryTextReadsOnEverySurface is WCAG AA (4.5:1, the body-text
// level: no pair relies on the large-text 3:1) for each text colour on
// each surface, in the four looks and both variants, and for the text of
// the coloured buttons on their fill, hovered or not.
func TestEveryTextReadsOnEverySurface(t *testing.T) {
	test.NewTempApp(t)
	for _, p := range palettes() {
		for _, s := range surfaces(p.th, p.v) {
			for _, n := range textColors {
				if r := contrast.Ratio(p.th.Color(n, p.v), s.c); r < contrast.AA {
					t.Errorf("%s: %s on %s is %.2f:1", p.name, n, s.name, r)
				}
			}
		}
		for fill, text := range map[fyne.ThemeColorName]fyne.ThemeColorName{
			theme.ColorNamePrimary: theme.ColorNameForegroundOnPrimary, theme.ColorNameError: theme.ColorNameForegroundOnError,
			theme.ColorNameWarning: theme.ColorNameForegroundOnWarning, theme.ColorNameSuccess: theme.ColorNameForegroundOnSuccess,
		} {
			f := p.th.Color(fill, p.v)
			for _, under := range []color.Color{f, contrast.Over(p.th.Color(theme.ColorNameHover, p.v), f)} {
				if r := contrast.Ratio(p.th.Color(text, p.v), under); r < contrast.AA {
					t.Errorf("%s: %s on %s is %.2f:1", p.name, text, fill, r)
				}
			}
		}
	}
}

// TestColoursTheAppPaints checks the colours Atelier draws itself against
// what they are drawn on: the kind of an agenda block on its row, the
// labels of the structure's nodes and links, the live countdown.
func TestColoursTheAppPaints(t *testing.T) {
	a := test.NewTempApp(t)
	for _, p := range palettes() {
		rows := rowSurfaces(p.th, p.v)
		for k := range kindColors {
			ink := readableOn(kindColor(k), rows...)
			for i, s := range rows {
				if r := contrast.Ratio(ink, s); r < contrast.AA {
					t.Errorf("%s: kind %s on row surface %d is %.2f:1", p.name, k, i, r)
				}
			}
		}
		input := p.th.Color(theme.ColorNameInputBackground, p.v)
		for _, k := range structure.LinkKinds() {
			if r := contrast.Ratio(readableOn(k.Color(), input), input); r < contrast.AA {
				t.Errorf("%s: label of a %s link is %.2f:1", p.name, k, r)
			}
		}
		a.Settings().SetTheme(p.th)
		v := a.Settings().ThemeVariant()
		for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground} {
			for _, c := range []color.Color{levelColor(live.Normal), levelColor(live.Warning), levelColor(live.Critical), pausedColor()} {
				if r := contrast.Ratio(c, p.th.Color(bg, v)); r < contrast.AA {
					t.Errorf("%s: countdown %v on %s is %.2f:1", p.name, c, bg, r)
				}
			}
		}
	}
	for _, k := range structure.NodeKinds() {
		for _, members := range [][]string{nil, {"Ana"}} {
			n := structure.Node{Kind: k, Members: members}
			fill, ink, _ := nodeColors(n)
			if r := contrast.Ratio(ink, fill); r < contrast.AA {
				t.Errorf("label of a %s node (vacant %v) is %.2f:1", k, vacant(n), r)
			}
		}
	}
}

// TestReadableOnKeepsWhatReads checks the helper the painted colours rest
// on: a colour that reads is left alone, one that does not is moved just
// enough, toward black on white and toward white on black.
func TestReadableOnKeepsWhatReads(t *testing.T) {
	white, black := rgb(0xFF, 0xFF, 0xFF), rgb(0, 0, 0)
	if got := readableOn(rgb(0x20, 0x20, 0x80), white); got != rgb(0x20, 0x20, 0x80) {
		t.Errorf("a dark blue on white became %v", got)
	}
	orange := kindColors[agenda.Exercice]
	got := readableOn(orange, white)
	if contrast.Ratio(got, white) < contrast.AA || contrast.Luminance(got) >= contrast.Luminance(orange) {
		t.Errorf("orange on white became %v", got)
	}
	if got == black {
		t.Errorf("orange on white lost its hue")
	}
	violet := kindColors[agenda.Presentation]
	got = readableOn(violet, black)
	if contrast.Ratio(got, black) < contrast.AA || contrast.Luminance(got) <= contrast.Luminance(violet) {
		t.Errorf("violet on black became %v", got)
	}
	for _, fill := range []color.Color{rgb(0x76, 0x76, 0x76), rgb(0x77, 0x77, 0x77), rgb(0xE0, 0x7A, 0x1F), rgb(0, 0, 0xFF)} {
		if r := contrast.Ratio(inkOn(fill), fill); r < contrast.AA {
			t.Errorf("ink on %v is %.2f:1", fill, r)
		}
	}
}

// TestMarksAreToldApart: each mark has a colour of its own, far from the
// others (CIE76 ΔE ≥ 20, where 2.3 is the least an eye notices) and
// readable on a row, and a symbol of its own.
func TestMarksAreToldApart(t *testing.T) {
	test.NewTempApp(t)
	marks := participants.Marks()
	symbols := map[string]participants.Mark{}
	for _, m := range marks {
		s := styleOf(m)
		if s.symbol == nil {
			t.Fatalf("%s has no symbol", m)
		}
		if other, ok := symbols[s.symbol().Name()]; ok {
			t.Errorf("%s and %s share the symbol %s", m, other, s.symbol().Name())
		}
		symbols[s.symbol().Name()] = m
	}
	for _, p := range palettes() {
		for i, m := range marks {
			c := p.th.Color(styleOf(m).color, p.v)
			for j, s := range rowSurfaces(p.th, p.v) {
				if r := contrast.Ratio(c, s); r < contrast.AA {
					t.Errorf("%s: %s on row surface %d is %.2f:1", p.name, m, j, r)
				}
			}
			for _, o := range marks[i+1:] {
				if d := contrast.DeltaE(c, p.th.Color(styleOf(o).color, p.v)); d < 20 {
					t.Errorf("%s: %s and %s are ΔE %.1f apart", p.name, m, o, d)
				}
			}
		}
	}
}

// TestBigTextEnlargesText checks Grand texte's sizes, and that the usual
// look leaves Fyne's alone.
func TestBigTextEnlargesText(t *testing.T) {
	test.NewTempApp(t)
	base := theme.DefaultTheme()
	big, usual := newAppTheme(base, config.Look{BigText: true}), newAppTheme(base, config.Look{})
	for _, n := range []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameInnerPadding} {
		if got, want := big.Size(n), base.Size(n)*bigTextScale; got != want {
			t.Errorf("grand texte: %s is %v, want %v", n, got, want)
		}
		if got := usual.Size(n); got != base.Size(n) {
			t.Errorf("usual look: %s is %v, want %v", n, got, base.Size(n))
		}
	}
	if got := big.Size(theme.SizeNameScrollBar); got != base.Size(theme.SizeNameScrollBar) {
		t.Errorf("grand texte changed the scroll bar: %v", got)
	}
	// A new look replaces the old one instead of stacking on it.
	if again := newAppTheme(big, config.Look{BigText: true}); again.Size(theme.SizeNameText) != big.Size(theme.SizeNameText) {
		t.Errorf("grand texte twice is %v", again.Size(theme.SizeNameText))
	}
}

// TestLookIsChosenAppliedAndRemembered goes through Réglages: a tick shows
// at once, « Annuler » puts the old look back, « Enregistrer » keeps it
// for the next start.
func TestLookIsChosenAppliedAndRemembered(t *testing.T) {
	u, _ := newTestUI(t)
	if got := currentLook(u.app); got != (config.Look{}) {
		t.Fatalf("first start in %+v", got)
	}
	text := u.app.Settings().Theme().Size(theme.SizeNameText)
	item, chosen, undo := u.lookItem()
	box := item.Widget.(*fyne.Container)
	big, high := box.Objects[0].(*widget.Check), box.Objects[1].(*widget.Check)
	if big.Text != "Grand texte" || high.Text != "Contraste élevé" || big.Checked || high.Checked {
		t.Fatalf("Réglages offers %q %v, %q %v", big.Text, big.Checked, high.Text, high.Checked)
	}
	test.Tap(big)
	if got := u.app.Settings().Theme().Size(theme.SizeNameText); got != text*bigTextScale {
		t.Errorf("after Grand texte the text is %v, want %v", got, text*bigTextScale)
	}
	test.Tap(high)
	if got := currentLook(u.app); got != (config.Look{BigText: true, HighContrast: true}) {
		t.Errorf("look now %+v", got)
	}
	undo()
	if got := currentLook(u.app); got != (config.Look{}) {
		t.Errorf("after Annuler: %+v", got)
	}
	u.keepLook(chosen())
	if got := config.LoadPrefs(u.opts.PrefsPath).Look; got != (config.Look{BigText: true, HighContrast: true}) {
		t.Errorf("remembered %+v", got)
	}
	// The next start draws with it.
	applyLook(u.app, config.Look{})
	New(u.app, u.svc, u.opts)
	if got := currentLook(u.app); got != (config.Look{BigText: true, HighContrast: true}) {
		t.Errorf("next start in %+v", got)
	}
	if got := fmt.Sprint(u.app.Settings().Theme().Size(theme.SizeNameText)); got != fmt.Sprint(text*bigTextScale) {
		t.Errorf("next start's text is %s", got)
	}
}
