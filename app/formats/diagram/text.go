package diagram

import (
	"strings"
	"unicode/utf8"
)

// ellipsis ends a text cut to fit.
const ellipsis = "…"

// breakable reports whether a line may break at r. Non-breaking spaces
// (inside « guillemets », before « : ») are not breakable.
func breakable(r rune) bool {
	return r == ' ' || r == '\t'
}

// wrap breaks text into lines no wider than maxW as measured by width,
// at spaces first, then after hyphens, then anywhere inside a word too long
// for a line. Newlines force a break. With maxLines > 0 the text is cut to
// that many lines, the last one ending with an ellipsis.
func wrap(text string, maxW float64, maxLines int, width func(string) float64) []string {
	var lines []string
	for para := range strings.SplitSeq(text, "\n") {
		lines = append(lines, wrapParagraph(para, maxW, width)...)
	}
	// Drop empty lines at either end; keep the ones in between.
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = withEllipsis(lines[maxLines-1], maxW, width)
	}
	return lines
}

func wrapParagraph(para string, maxW float64, width func(string) float64) []string {
	words := strings.FieldsFunc(para, breakable)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := ""
	for _, w := range words {
		if line != "" {
			if cand := line + " " + w; width(cand) <= maxW {
				line = cand
				continue
			}
			lines = append(lines, line)
			line = ""
		}
		// w starts a line: split it while it is too long.
		for width(w) > maxW {
			head, tail := splitWord(w, maxW, width)
			lines = append(lines, head)
			w = tail
		}
		line = w
	}
	return append(lines, line)
}

// splitWord cuts w into a head that fits maxW and the rest, after a hyphen
// when one fits, otherwise between letters. The head holds at least one
// character so that the loop in wrapParagraph ends.
func splitWord(w string, maxW float64, width func(string) float64) (head, tail string) {
	fit := 0 // bytes of w that fit
	hyphen := 0
	for i, r := range w {
		end := i + utf8.RuneLen(r)
		if width(w[:end]) > maxW {
			break
		}
		fit = end
		if r == '-' || r == '\u2011' || r == '/' {
			hyphen = end
		}
	}
	if fit == 0 {
		_, size := utf8.DecodeRuneInString(w)
		fit = size
	}
	if hyphen > 0 && hyphen < len(w) {
		fit = hyphen
	}
	return w[:fit], w[fit:]
}

// withEllipsis ends line with « … », dropping characters until it fits.
func withEllipsis(line string, maxW float64, width func(string) float64) string {
	line = strings.TrimRight(line, " ")
	for line != "" && width(line+ellipsis) > maxW {
		_, size := utf8.DecodeLastRuneInString(line)
		line = strings.TrimRight(line[:len(line)-size], " ")
	}
	return line + ellipsis
}

// singleLine cuts text to one line of at most maxW, with an ellipsis when cut.
func singleLine(text string, maxW float64, width func(string) float64) string {
	text = strings.Join(strings.FieldsFunc(strings.ReplaceAll(text, "\n", " "), breakable), " ")
	if width(text) <= maxW {
		return text
	}
	return withEllipsis(text, maxW, width)
}
