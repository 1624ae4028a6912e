// Package assets embeds what the binary ships besides code: the icon, the
// interface translations and, as later parts need them, the PDF fonts.
package assets

import (
	"embed"
	_ "embed" // for the icon bytes

	"fyne.io/fyne/v2"
)

// Translations holds translations/fr.json and translations/en.json, in the
// format of Fyne's lang package.
//
//go:embed translations/*.json
var Translations embed.FS

//go:embed icon.png
var iconPNG []byte

// Icon is the application's icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// Errors holds errors/en.json, the English of the messages usererr builds,
// keyed by their French format.
//
//go:embed errors/*.json
var Errors embed.FS
