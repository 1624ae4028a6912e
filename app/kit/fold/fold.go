// Package fold reduces text to a key for matching and searching the way a
// French speaker expects: case, accents and ligatures do not count
// (« Hélène » = « helene », « Œuvre » = « oeuvre »), typographic apostrophes
// equal the typewriter one, and runs of spaces count as one.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ligatures are letters that decomposition leaves alone but a reader spells
// with two.
var ligatures = map[rune]string{
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss", 'ﬁ': "fi", 'ﬂ': "fl",
}

// Key folds s. Keys of equal strings in this sense are equal; a key contains
// another's key when the text contains the other text.
func Key(s string) string {
	if isPlainASCII(s) {
		return collapse(strings.ToLower(s))
	}
	var b strings.Builder
	b.Grow(len(s))
	// Invalid bytes (a file read in the wrong encoding) become U+FFFD first:
	// the normaliser would otherwise stop decomposing at them.
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, "\uFFFD")) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent: drop it
		case r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´':
			b.WriteByte('\'')
		case r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r == '–' || r == '—' || r == '‑':
			b.WriteByte('-')
		default:
			if l, ok := ligatures[r]; ok {
				b.WriteString(l)
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return collapse(b.String())
}

// isPlainASCII reports whether s needs none of the Unicode work: ASCII with
// no apostrophe variants or tabs to rewrite.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '`' || c == '\t' || c == '\n' || c == '\r' {
			return false
		}
	}
	return true
}

// collapse trims s and turns runs of spaces into one.
func collapse(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
