package diagram

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"atelier/assets/fonts"
)

// placeholder stands for a character the fonts cannot draw (an emoji, a
// script DejaVu lacks); fallback is used if even that one is missing.
const (
	placeholder = '\uFFFD'
	fallback    = '?'
	ellipsis    = "…"
)

// faces are DejaVu Sans Regular and Bold, parsed once: parsing is the slow
// part, and a parsed font is safe to share (faces are not; see faceCache).
type parsedFonts struct {
	regular, bold *opentype.Font
	// covered has one bit per rune of the Basic Multilingual Plane that both
	// faces draw; runes above U+FFFF are never covered because gofpdf panics
	// on them.
	covered *[1 << 16 / 64]uint64
}

var loadFonts = sync.OnceValues(func() (*parsedFonts, error) {
	reg, err := opentype.Parse(fonts.Regular)
	if err != nil {
		return nil, err
	}
	bold, err := opentype.Parse(fonts.Bold)
	if err != nil {
		return nil, err
	}
	var covered [1 << 16 / 64]uint64
	var buf sfnt.Buffer
	for r := rune(0); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not characters
		}
		a, err := reg.GlyphIndex(&buf, r)
		if err != nil || a == 0 {
			continue
		}
		b, err := bold.GlyphIndex(&buf, r)
		if err != nil || b == 0 {
			continue
		}
		covered[r/64] |= 1 << (r % 64)
	}
	return &parsedFonts{regular: reg, bold: bold, covered: &covered}, nil
})

func (p *parsedFonts) has(r rune) bool {
	return r >= 0 && r < 1<<16 && p.covered[r/64]&(1<<(r%64)) != 0
}

// sanitize makes s safe to draw with DejaVu in both the PNG and the PDF:
// composed (NFC) so that « e + accent aigu » becomes « é », invalid UTF-8 and
// characters the fonts lack replaced by a placeholder, control characters
// turned into spaces, newlines kept as line breaks.
func (p *parsedFonts) sanitize(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (r != '\n' && !p.has(r)) || unicode.IsControl(r) && r != '\n' {
			clean = false
			break
		}
	}
	if clean && norm.NFC.IsNormalString(s) {
		return s
	}
	s = strings.ToValidUTF8(s, string(placeholder))
	s = norm.NFC.String(s)
	repl := placeholder
	if !p.has(repl) {
		repl = fallback
	}
	var b strings.Builder
	b.Grow(len(s))
	prevRepl := false
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
			continue // "\r\n" is one break
		case unicode.IsControl(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Variation_Selector, r) || r == '\u200D':
			// The selectors and joiners inside an emoji sequence would
			// otherwise each add a placeholder of their own.
			continue
		case !p.has(r):
			if prevRepl {
				continue // one placeholder for a whole emoji sequence
			}
			b.WriteRune(repl)
			prevRepl = true
			continue
		default:
			b.WriteRune(r)
		}
		prevRepl = false
	}
	return b.String()
}

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
