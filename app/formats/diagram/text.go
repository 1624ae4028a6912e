package diagram

import "atelier/app/domain/structure"

// wrap breaks text into lines no wider than maxW as measured by width; see
// structure.Wrap, which the labels of the nodes go through too.
func wrap(text string, maxW float64, maxLines int, width func(string) float64) []string {
	return structure.Wrap(text, maxW, maxLines, width)
}

// singleLine cuts text to one line of at most maxW, with an ellipsis when cut.
func singleLine(text string, maxW float64, width func(string) float64) string {
	return structure.SingleLine(text, maxW, width)
}
