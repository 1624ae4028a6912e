package pdfdoc

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"atelier/assets/fonts"
)

// UnreadableName is printed instead of a name none of whose letters the
// fonts draw (a name written only in Chinese, say): an empty cell would
// read as nobody.
const UnreadableName = "(nom illisible dans la police du document)"

// fontSet is DejaVu Sans Regular and Bold, parsed once: the coverage scan
// is the slow part, and a parsed font is safe to share.
type fontSet struct {
	regular, bold *sfnt.Font
	// covered has one bit per rune of the Basic Multilingual Plane that
	// both weights draw; runes above U+FFFF are never covered because
	// gofpdf panics on them.
	covered [1 << 16 / 64]uint64
}

var loadFonts = sync.OnceValues(func() (*fontSet, error) {
	reg, err := sfnt.Parse(fonts.Regular)
	if err != nil {
		return nil, err
	}
	bold, err := sfnt.Parse(fonts.Bold)
	if err != nil {
		return nil, err
	}
	fs := &fontSet{regular: reg, bold: bold}
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
		fs.covered[r/64] |= 1 << (r % 64)
	}
	return fs, nil
})

// Fonts returns DejaVu Sans Regular and Bold parsed, for what draws text
// outside gofpdf (the PNG diagrams) with the fonts of the documents.
func Fonts() (regular, bold *sfnt.Font, err error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, nil, err
	}
	return fs.regular, fs.bold, nil
}

// Has reports whether both weights of the document font draw r. Runes
// above U+FFFF are never drawn: gofpdf panics on them.
func Has(r rune) bool {
	if r < 0 || r >= 1<<16 {
		return false
	}
	fs, err := loadFonts()
	if err != nil {
		// The embedded fonts are part of the build; should they ever fail
		// to parse, keep what gofpdf accepts rather than drop everything.
		return !unicode.IsControl(r) && (r < 0xD800 || r > 0xDFFF)
	}
	return fs.covered[r/64]&(1<<(r%64)) != 0
}

// Clean makes s safe and tidy to print with the document font, in gofpdf
// or in a PNG. It composes s (NFC) so that « e + accent aigu » prints « é »;
// drops whatever the font lacks (an emoji, a script DejaVu lacks, invalid
// UTF-8), a whole emoji sequence at once with its joiners, variation
// selectors and skin tones, never leaving a « ? » or a box; turns control
// characters into spaces, keeping line feeds ("\r\n" is one); and tidies
// the spaces a drop leaves: one space where there were two, none at the
// start or end of a line. Non-breaking spaces (U+00A0, U+202F) are kept.
// Text with nothing to change is returned as is.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	return clean(s)
}

// Name is Clean for a person's name, on one line. When the font draws
// none of the name's letters it returns UnreadableName, so that a row or a
// certificate never shows an empty name for someone who has one; a blank
// name stays blank.
func Name(s string) string {
	c := oneLine(Clean(s))
	if c == "" && !hasFunc(s, printable) {
		return ""
	}
	if !hasFunc(c, isWordRune) && (c == "" || hasFunc(norm.NFC.String(s), isWordRune)) {
		return UnreadableName
	}
	return c
}

// isClean reports whether Clean would leave s as it is.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !Has(r) || invisible(r) || unicode.IsControl(r) ||
			unicode.IsMark(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	// The quick check answers for nearly all text without allocating.
	return norm.NFC.QuickSpanString(s) == len(s) || norm.NFC.IsNormalString(s)
}

// invisible runes print nothing and gofpdf cannot lay them out: format
// characters (joiners, bidirectional marks, soft hyphens, byte order
// marks, emoji tags) and variation selectors. They are dropped.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// extends reports whether r belongs to the character before it: an
// accent, a variation selector, a skin tone, an emoji tag.
func extends(r rune) bool {
	return unicode.IsMark(r) || unicode.Is(unicode.Variation_Selector, r) ||
		(r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F)
}

const zwj = '\u200D'

// clusterEnd is the end of the character starting at rs[i]: its accents
// and modifiers, and what zero-width joiners glue to it (👩🏽‍⚕️ is one).
func clusterEnd(rs []rune, i int) int {
	j := i + 1
	for j < len(rs) {
		switch r := rs[j]; {
		case extends(r):
			j++
		case r == zwj:
			j++
			if j < len(rs) && !unicode.IsControl(rs[j]) && !unicode.IsSpace(rs[j]) {
				j++
			}
		default:
			return j
		}
	}
	return j
}

// drawable reports whether the font draws every visible rune of cluster;
// a cluster made only of invisible runes, or whose accents sit on nothing
// (on no character, or on an invisible one), is not drawn.
func drawable(cluster []rune) bool {
	if unicode.IsMark(cluster[0]) || invisible(cluster[0]) {
		return false
	}
	seen := false
	for _, r := range cluster {
		if invisible(r) {
			continue
		}
		if r == utf8.RuneError || !Has(r) {
			return false
		}
		seen = true
	}
	return seen
}

// printable runes are those that would show if the font had them.
func printable(r rune) bool {
	return r != utf8.RuneError && !unicode.IsSpace(r) && !unicode.IsControl(r) && !invisible(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func hasFunc(s string, f func(rune) bool) bool { return strings.IndexFunc(s, f) >= 0 }

// cleaner writes the cleaned text line by line.
type cleaner struct {
	b         []byte
	lineStart int
	// dropped: something was dropped since the last character written on
	// this line, so the spaces around it are tidied.
	dropped bool
	// sep: an emoji or symbol was dropped right after a letter; a letter
	// coming next gets a space (« Léa💜Roy » prints « Léa Roy »).
	sep bool
}

func clean(s string) string {
	out := cleanOnce(s)
	// Dropping an invisible rune between a letter and its accent (an emoji
	// tag, a joiner) lets them compose: once more, to print « á » composed
	// or not at all. The second pass has nothing invisible left to drop.
	if !norm.NFC.IsNormalString(out) {
		out = cleanOnce(out)
	}
	return out
}

func cleanOnce(s string) string {
	// U+FFFD is dropped like any other undrawable character, so invalid
	// bytes and replacement characters already in s go the same way.
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	rs := []rune(s)
	c := cleaner{b: make([]byte, 0, len(s))}
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '\n':
			c.newline()
		case r == '\r':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				break // "\r\n" is one break
			}
			c.space()
		case r == '\u2028', r == '\u2029': // line and paragraph separators
			c.newline()
		case r == ' ', unicode.IsControl(r):
			c.space()
		case unicode.Is(unicode.Zs, r) && !Has(r):
			c.space() // an ideographic space, say
		default:
			j := clusterEnd(rs, i)
			c.cluster(rs[i:j])
			i = j
			continue
		}
		i++
	}
	c.endLine()
	return string(c.b)
}

func (c *cleaner) last() rune {
	if len(c.b) == c.lineStart {
		return 0
	}
	r, _ := utf8.DecodeLastRune(c.b[c.lineStart:])
	return r
}

func (c *cleaner) space() {
	c.sep = false
	if c.dropped && (len(c.b) == c.lineStart || c.b[len(c.b)-1] == ' ') {
		return
	}
	c.b = append(c.b, ' ')
}

func (c *cleaner) cluster(cl []rune) {
	if !drawable(cl) {
		c.drop(cl)
		return
	}
	if c.sep && isWordRune(cl[0]) {
		c.b = append(c.b, ' ')
	}
	c.sep = false
	c.dropped = false
	for _, r := range cl {
		if !invisible(r) {
			c.b = utf8.AppendRune(c.b, r)
		}
	}
}

// drop leaves cl out and tidies the spaces before it: a run becomes one
// space, none at the start of a line.
func (c *cleaner) drop(cl []rune) {
	visible := false
	for _, r := range cl {
		if !invisible(r) {
			visible = true
			break
		}
	}
	// An invalid byte is most often a lost letter (« Fr\xe9d\xe9ric »):
	// no space for it.
	if visible && !isWordRune(cl[0]) && cl[0] != '\uFFFD' && isWordRune(c.last()) {
		c.sep = true
	}
	c.dropped = true
	n := len(c.b)
	for n > c.lineStart && c.b[n-1] == ' ' {
		n--
	}
	if n < len(c.b) && n > c.lineStart {
		n++ // keep one
	}
	c.b = c.b[:n]
}

func (c *cleaner) endLine() {
	if c.dropped {
		n := len(c.b)
		for n > c.lineStart && c.b[n-1] == ' ' {
			n--
		}
		c.b = c.b[:n]
	}
	c.dropped, c.sep = false, false
}

func (c *cleaner) newline() {
	c.endLine()
	c.b = append(c.b, '\n')
	c.lineStart = len(c.b)
}

// oneLine joins the lines of s with single spaces, trimmed.
func oneLine(s string) string {
	if !strings.Contains(s, "\n") && !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' }), " ")
}
