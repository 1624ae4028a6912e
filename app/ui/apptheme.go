package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"atelier/app/config"
	"atelier/app/kit/contrast"
)

// appTheme is Fyne's theme with Atelier's palettes, in which every text
// colour reads at WCAG AA on every surface it is drawn on (apptheme_test.go
// checks each pair), and with the look chosen in « Réglages »: Grand texte,
// Contraste élevé.
type appTheme struct {
	base fyne.Theme // fonts, icons and the colours no text is drawn in
	look config.Look
}

// bigTextScale is how much Grand texte enlarges text and the room around it.
const bigTextScale = 1.25

// bigTextSizes are the sizes Grand texte enlarges: text, headings, the
// icons that sit in a line of text, and the padding around them so that
// the larger text is not cramped.
var bigTextSizes = map[fyne.ThemeSizeName]bool{
	theme.SizeNameText: true, theme.SizeNameHeadingText: true, theme.SizeNameSubHeadingText: true,
	theme.SizeNameCaptionText: true, theme.SizeNameInlineIcon: true, theme.SizeNameInnerPadding: true,
	theme.SizeNameLineSpacing: true,
}

// newAppTheme is the theme for look, over base (Fyne's default theme in
// the app, the test theme in tests). A base that is already an appTheme
// is unwrapped: the look replaces the old one.
func newAppTheme(base fyne.Theme, look config.Look) *appTheme {
	if t, ok := base.(*appTheme); ok {
		base = t.base
	}
	return &appTheme{base: base, look: look}
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := t.palette(v)[n]; ok {
		return c
	}
	return t.base.Color(n, v)
}

// palette is the colours Atelier sets for variant v in its look.
func (t *appTheme) palette(v fyne.ThemeVariant) map[fyne.ThemeColorName]color.Color {
	switch {
	case v == theme.VariantLight && t.look.HighContrast:
		return lightHigh
	case v == theme.VariantLight:
		return lightNormal
	case t.look.HighContrast:
		return darkHigh
	}
	return darkNormal
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base.Font(s) }
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	if t.look.BigText && bigTextSizes[n] {
		return s * bigTextScale
	}
	return s
}

func rgb(r, g, b uint8) color.NRGBA      { return color.NRGBA{R: r, G: g, B: b, A: 0xFF} }
func nrgba(r, g, b, a uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: a} }

// The four palettes. The normal ones keep Fyne's surfaces and darken (on
// light) or lighten (on dark) the text colours that fell short: the grey
// of secondary text (Fyne's « disabled », used by low-importance labels),
// the placeholder, the blue of links and primary text, the status colours.
// The high-contrast ones are black on white or white on black, with a
// strong selection.
var (
	lightNormal = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameForeground:          rgb(0x2B, 0x2B, 0x2B),
		theme.ColorNameDisabled:            rgb(0x54, 0x54, 0x54),
		theme.ColorNamePlaceHolder:         rgb(0x54, 0x54, 0x54),
		theme.ColorNamePrimary:             rgb(0x0D, 0x4F, 0xC4),
		theme.ColorNameHyperlink:           rgb(0x0D, 0x4F, 0xC4),
		theme.ColorNameForegroundOnPrimary: rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameSelection:           nrgba(0x00, 0x6C, 0xFF, 0x2C),
		theme.ColorNameFocus:               nrgba(0x00, 0x6C, 0xFF, 0x2A),
		theme.ColorNameError:               rgb(0xA5, 0x1A, 0x1A),
		theme.ColorNameWarning:             rgb(0x87, 0x43, 0x00),
		theme.ColorNameSuccess:             rgb(0x17, 0x5F, 0x22),
		theme.ColorNameForegroundOnError:   rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameForegroundOnWarning: rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameForegroundOnSuccess: rgb(0xFF, 0xFF, 0xFF),
	}
	darkNormal = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameForeground:          rgb(0xF3, 0xF3, 0xF3),
		theme.ColorNameDisabled:            rgb(0xB0, 0xB0, 0xB0),
		theme.ColorNamePlaceHolder:         rgb(0xB2, 0xB2, 0xB2),
		theme.ColorNamePrimary:             rgb(0x80, 0xB4, 0xFF),
		theme.ColorNameHyperlink:           rgb(0x80, 0xB4, 0xFF),
		theme.ColorNameForegroundOnPrimary: rgb(0x10, 0x10, 0x12),
		theme.ColorNameSelection:           nrgba(0x3D, 0x8B, 0xFF, 0x38),
		theme.ColorNameFocus:               nrgba(0x6E, 0xA8, 0xFF, 0x50),
		theme.ColorNameError:               rgb(0xFF, 0x8A, 0x80),
		theme.ColorNameWarning:             rgb(0xFF, 0xA6, 0x2B),
		theme.ColorNameSuccess:             rgb(0x5C, 0xD8, 0x62),
		theme.ColorNameForegroundOnError:   rgb(0x10, 0x10, 0x12),
		theme.ColorNameForegroundOnWarning: rgb(0x10, 0x10, 0x12),
		theme.ColorNameForegroundOnSuccess: rgb(0x10, 0x10, 0x12),
	}
	lightHigh = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameOverlayBackground:   rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameMenuBackground:      rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameHeaderBackground:    rgb(0xEE, 0xEE, 0xEE),
		theme.ColorNameInputBackground:     rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameInputBorder:         rgb(0x00, 0x00, 0x00),
		theme.ColorNameButton:              rgb(0xE6, 0xE6, 0xE6),
		theme.ColorNameDisabledButton:      rgb(0xF2, 0xF2, 0xF2),
		theme.ColorNameSeparator:           rgb(0x00, 0x00, 0x00),
		theme.ColorNameHover:               nrgba(0x00, 0x00, 0x00, 0x1F),
		theme.ColorNamePressed:             nrgba(0x00, 0x00, 0x00, 0x33),
		theme.ColorNameForeground:          rgb(0x00, 0x00, 0x00),
		theme.ColorNameDisabled:            rgb(0x44, 0x44, 0x44),
		theme.ColorNamePlaceHolder:         rgb(0x44, 0x44, 0x44),
		theme.ColorNamePrimary:             rgb(0x00, 0x32, 0xA0),
		theme.ColorNameHyperlink:           rgb(0x00, 0x32, 0xA0),
		theme.ColorNameForegroundOnPrimary: rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameSelection:           rgb(0xFF, 0xD8, 0x4D),
		theme.ColorNameFocus:               nrgba(0x00, 0x32, 0xA0, 0x60),
		theme.ColorNameError:               rgb(0x9E, 0x00, 0x00),
		theme.ColorNameWarning:             rgb(0x7A, 0x3A, 0x00),
		theme.ColorNameSuccess:             rgb(0x00, 0x57, 0x0F),
		theme.ColorNameForegroundOnError:   rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameForegroundOnWarning: rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameForegroundOnSuccess: rgb(0xFF, 0xFF, 0xFF),
	}
	darkHigh = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          rgb(0x00, 0x00, 0x00),
		theme.ColorNameOverlayBackground:   rgb(0x0A, 0x0A, 0x0A),
		theme.ColorNameMenuBackground:      rgb(0x0A, 0x0A, 0x0A),
		theme.ColorNameHeaderBackground:    rgb(0x14, 0x14, 0x14),
		theme.ColorNameInputBackground:     rgb(0x00, 0x00, 0x00),
		theme.ColorNameInputBorder:         rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameButton:              rgb(0x1E, 0x1E, 0x1E),
		theme.ColorNameDisabledButton:      rgb(0x10, 0x10, 0x10),
		theme.ColorNameSeparator:           rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameHover:               nrgba(0xFF, 0xFF, 0xFF, 0x20),
		theme.ColorNamePressed:             nrgba(0xFF, 0xFF, 0xFF, 0x40),
		theme.ColorNameForeground:          rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameDisabled:            rgb(0xC4, 0xC4, 0xC4),
		theme.ColorNamePlaceHolder:         rgb(0xC4, 0xC4, 0xC4),
		theme.ColorNamePrimary:             rgb(0x9C, 0xC6, 0xFF),
		theme.ColorNameHyperlink:           rgb(0x9C, 0xC6, 0xFF),
		theme.ColorNameForegroundOnPrimary: rgb(0x00, 0x00, 0x00),
		theme.ColorNameSelection:           rgb(0x00, 0x2E, 0x73),
		theme.ColorNameFocus:               nrgba(0x8F, 0xBF, 0xFF, 0x80),
		theme.ColorNameError:               rgb(0xFF, 0xA0, 0xA0),
		theme.ColorNameWarning:             rgb(0xFF, 0xC1, 0x4D),
		theme.ColorNameSuccess:             rgb(0x6E, 0xF0, 0x6E),
		theme.ColorNameForegroundOnError:   rgb(0x00, 0x00, 0x00),
		theme.ColorNameForegroundOnWarning: rgb(0x00, 0x00, 0x00),
		theme.ColorNameForegroundOnSuccess: rgb(0x00, 0x00, 0x00),
	}
)

// currentColors is the theme the window draws with and its variant, for
// the colours the app paints itself.
func currentColors() (fyne.Theme, fyne.ThemeVariant) {
	s := fyne.CurrentApp().Settings()
	return s.Theme(), s.ThemeVariant()
}

// rowSurfaces are what a line of a list or a table may be drawn on: the
// window, a hovered line, a selected line, a hovered selected cell.
func rowSurfaces(th fyne.Theme, v fyne.ThemeVariant) []color.Color {
	bg := th.Color(theme.ColorNameBackground, v)
	sel := contrast.Over(th.Color(theme.ColorNameSelection, v), bg)
	return []color.Color{bg, contrast.Over(th.Color(theme.ColorNameHover, v), bg), sel,
		contrast.Over(th.Color(theme.ColorNameHover, v), sel)}
}

// readableOn is c, darkened on light surfaces or lightened on dark ones
// just enough to read at AA on every one of on: a kind's colour keeps its
// hue as text.
func readableOn(c color.Color, on ...color.Color) color.Color {
	if len(on) == 0 {
		return c
	}
	target := rgb(0xFF, 0xFF, 0xFF) // lightened, on a dark surface
	if contrast.Luminance(on[0]) > 0.18 {
		target = rgb(0, 0, 0)
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = 0xFF
	for step := 0; step <= 20; step++ {
		mixed := contrast.Over(nrgba(target.R, target.G, target.B, uint8(step*255/20)), n)
		ok := true
		for _, bg := range on {
			if contrast.Ratio(mixed, bg) < contrast.AA {
				ok = false
				break
			}
		}
		if ok {
			return mixed
		}
	}
	return target
}

// inkOn is black or white, whichever reads better on fill: one of them
// always reaches AA (4.58:1 at the worst).
func inkOn(fill color.Color) color.Color {
	black, white := rgb(0, 0, 0), rgb(0xFF, 0xFF, 0xFF)
	if contrast.Ratio(black, fill) >= contrast.Ratio(white, fill) {
		return black
	}
	return white
}
