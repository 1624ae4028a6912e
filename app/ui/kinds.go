package ui

import (
	"image/color"

	"fyne.io/fyne/v2/lang"

	"atelier/app/domain/agenda"
)

// kindColors gives each kind of block its colour, the same on every screen
// (and, later, in the PDFs). Chosen to stay apart for colour-blind readers
// and to read on both light and dark themes.
var kindColors = map[agenda.Kind]color.NRGBA{
	agenda.Accueil:      {R: 0x2E, G: 0x86, B: 0xAB, A: 0xFF}, // blue
	agenda.Presentation: {R: 0x6C, G: 0x4A, B: 0xB6, A: 0xFF}, // violet
	agenda.Exercice:     {R: 0xE0, G: 0x7A, B: 0x1F, A: 0xFF}, // orange
	agenda.SousGroupes:  {R: 0x1B, G: 0x9E, B: 0x77, A: 0xFF}, // green
	agenda.Discussion:   {R: 0xD4, G: 0x5D, B: 0x8C, A: 0xFF}, // pink
	agenda.Pause:        {R: 0x8A, G: 0x8A, B: 0x8A, A: 0xFF}, // grey
	agenda.Bilan:        {R: 0xB5, G: 0x8B, B: 0x00, A: 0xFF}, // ochre
}

// kindColor is the colour of k; an unknown kind is grey.
func kindColor(k agenda.Kind) color.Color {
	if c, ok := kindColors[k]; ok {
		return c
	}
	return kindColors[agenda.Pause]
}

// kindLabel is the kind's name in the interface language.
func kindLabel(k agenda.Kind) string {
	switch k {
	case agenda.Accueil:
		return lang.X("kind.accueil", "Accueil")
	case agenda.Presentation:
		return lang.X("kind.presentation", "Présentation")
	case agenda.Exercice:
		return lang.X("kind.exercice", "Exercice")
	case agenda.SousGroupes:
		return lang.X("kind.sousgroupes", "Sous-groupes")
	case agenda.Discussion:
		return lang.X("kind.discussion", "Discussion")
	case agenda.Pause:
		return lang.X("kind.pause", "Pause")
	case agenda.Bilan:
		return lang.X("kind.bilan", "Bilan")
	}
	return string(k)
}
