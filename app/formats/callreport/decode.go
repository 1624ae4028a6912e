package callreport

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode turns the file into UTF-8 and names the encoding it found. Teams
// writes UTF-16 (usually with a byte-order mark, not always), Zoom and Meet
// UTF-8 with or without one, and a report re-saved by Excel on Windows ends
// up in Windows-1252.
func decode(b []byte) (string, string) {
	var (
		enc  encoding.Encoding
		name string
	)
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, name = b[3:], "UTF-8"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		b, enc, name = b[2:], unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		b, enc, name = b[2:], unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE"
	default:
		switch utf16Guess(b) {
		case 'L':
			enc, name = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE"
		case 'B':
			enc, name = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE"
		default:
			if utf8.Valid(b) {
				name = "UTF-8"
			} else {
				enc, name = charmap.Windows1252, "Windows-1252"
			}
		}
	}
	s := string(b)
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(b)
		if err == nil {
			s = string(out)
		}
	}
	// NULs left by a half-guessed encoding would only get in the way of
	// matching; invalid bytes become U+FFFD.
	s = strings.ReplaceAll(s, "\x00", "")
	return strings.ToValidUTF8(s, "\uFFFD"), name
}

// utf16Guess recognises UTF-16 without a byte-order mark by its NULs: text
// that is mostly ASCII has a zero in every high byte, the odd ones in
// little-endian order, the even ones in big-endian. It returns 'L', 'B' or 0.
func utf16Guess(b []byte) byte {
	n := min(len(b), 1024) &^ 1
	if n < 4 {
		return 0
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*4 && even*10 < half:
		return 'L'
	case even*10 >= half*4 && odd*10 < half:
		return 'B'
	}
	return 0
}
