package ui

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// scaledTheme is the app's theme with some of its sizes scaled.
type scaledTheme struct {
	scale float32
	sizes []fyne.ThemeSizeName
}

// bigTheme enlarges text and padding for views used at arm's length: the
// check-in desk, the participants' window.
func bigTheme(scale float32) scaledTheme {
	return scaledTheme{scale, []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNameInputBorder, theme.SizeNamePadding,
		theme.SizeNameInnerPadding, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon}}
}

// compactTheme halves the padding inside widgets, for a toolbar short of
// room.
var compactTheme = scaledTheme{0.5, []fyne.ThemeSizeName{theme.SizeNameInnerPadding}}

func (scaledTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t scaledTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}
func (t scaledTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t scaledTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t scaledTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base().Size(n)
	if slices.Contains(t.sizes, n) {
		return s * t.scale
	}
	return s
}
