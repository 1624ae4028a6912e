// Package fonts embeds the TrueType fonts used for the files Atelier writes
// (PNG diagrams, PDF handouts): DejaVu Sans, which covers French fully
// (accents, œ, « », ’, non-breaking spaces). It imports nothing of Fyne so
// that exporters can use it. Licence: LICENSE-DejaVu.txt beside this file.
package fonts

import _ "embed"

// Regular is DejaVu Sans.
//
//go:embed DejaVuSans.ttf
var Regular []byte

// Bold is DejaVu Sans Bold.
//
//go:embed DejaVuSans-Bold.ttf
var Bold []byte
