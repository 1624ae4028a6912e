package structure

import (
	"strings"
	"unicode/utf8"
)

// TextWidth measures text as it is written, in the unit the caller wraps in
// (canvas units for labels, millimetres in a PDF table). It must measure
// the real font: the canvas, the PNG and the PDF break lines where it says.
type TextWidth func(text string) float64

// ellipsis ends a text cut to fit.
const ellipsis = "…"

// How a line was broken, from best to worst: the layouts prefer the
// shapes whose label needs no cut inside a word.
const (
	breakAtSpaces = iota
	breakAtHyphen
	breakInWord
)

// breakable reports whether a line may break at r. Non-breaking spaces
// (inside « guillemets », before « : ») are not breakable.
func breakable(r rune) bool {
	return r == ' ' || r == '\t'
}

// Wrap breaks text into lines no wider than maxW as measured by width, at
// spaces first, then after hyphens, then anywhere inside a word too long
// for a line. Newlines force a break. With maxLines > 0 the text is cut to
// that many lines, the last one ending with an ellipsis.
func Wrap(text string, maxW float64, maxLines int, width TextWidth) []string {
	lines, _ := wrap(text, maxW, maxLines, width)
	return lines
}

// wrap is Wrap that also tells the worst break it had to make.
func wrap(text string, maxW float64, maxLines int, width TextWidth) ([]string, int) {
	var lines []string
	worst := breakAtSpaces
	for para := range strings.SplitSeq(text, "\n") {
		var w int
		lines, w = wrapParagraph(lines, para, maxW, width)
		worst = max(worst, w)
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
		worst = breakInWord
	}
	return lines, worst
}

func wrapParagraph(lines []string, para string, maxW float64, width TextWidth) ([]string, int) {
	words := strings.FieldsFunc(para, breakable)
	if len(words) == 0 {
		return append(lines, ""), breakAtSpaces
	}
	worst := breakAtSpaces
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
			head, tail, how := splitWord(w, maxW, width)
			worst = max(worst, how)
			lines = append(lines, head)
			w = tail
		}
		line = w
	}
	return append(lines, line), worst
}

// splitWord cuts w into a head that fits maxW and the rest, after a hyphen
// when one fits, otherwise between letters. The head holds at least one
// character so that the loop in wrapParagraph ends.
func splitWord(w string, maxW float64, width TextWidth) (head, tail string, how int) {
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
	how = breakInWord
	if hyphen > 0 && hyphen < len(w) {
		fit, how = hyphen, breakAtHyphen
	}
	return w[:fit], w[fit:], how
}

// withEllipsis ends line with « … », dropping characters until it fits.
func withEllipsis(line string, maxW float64, width TextWidth) string {
	line = strings.TrimRight(line, " ")
	for line != "" && width(line+ellipsis) > maxW {
		_, size := utf8.DecodeLastRuneInString(line)
		line = strings.TrimRight(line[:len(line)-size], " ")
	}
	return line + ellipsis
}

// SingleLine cuts text to one line of at most maxW, with an ellipsis when
// cut.
func SingleLine(text string, maxW float64, width TextWidth) string {
	text = strings.Join(strings.FieldsFunc(strings.ReplaceAll(text, "\n", " "), breakable), " ")
	if width(text) <= maxW {
		return text
	}
	return withEllipsis(text, maxW, width)
}
