package tabular

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Text is a file turned into UTF-8 text.
type Text struct {
	Text string
	// Encoding is what the file was written in: "UTF-8", "UTF-16LE",
	// "UTF-16BE" or "Windows-1252".
	Encoding string
	BOM      bool // the file began with a byte order mark (taken away)
	// BadLines are the lines, from 1, holding bytes that are not UTF-8 in
	// a file read as UTF-8; each such byte became U+FFFD. A reader reports
	// them, so that a name is never silently garbled.
	BadLines []int
}

// Decode turns a file into text. An encoding is chosen for the whole file,
// and only when the file fits it:
//
//   - a byte order mark says UTF-8 or UTF-16 (Excel's « Texte Unicode »,
//     Teams' reports); UTF-16 without one is recognised by its zero bytes;
//   - valid UTF-8 is UTF-8;
//   - text that is mostly UTF-8 (more well-formed multi-byte characters
//     than stray bytes) stays UTF-8, its stray bytes replaced and their
//     lines listed in BadLines: one pasted Windows-1252 name must not turn
//     every « é » of the file into « Ã© »;
//   - anything else is Windows-1252, which Excel on Windows writes for
//     « CSV (séparateur : point-virgule) ». A Windows-1252 file of French
//     text has almost no byte pairs that happen to be UTF-8.
//
// NUL bytes are kept: a reader may take them for a sign of a binary file.
func Decode(b []byte) Text {
	var (
		enc encoding.Encoding
		t   Text
	)
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, t.Encoding, t.BOM = b[3:], "UTF-8", true
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		b, enc, t.Encoding, t.BOM = b[2:], unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE", true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		b, enc, t.Encoding, t.BOM = b[2:], unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE", true
	default:
		switch utf16Guess(b) {
		case 'L':
			enc, t.Encoding = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE"
		case 'B':
			enc, t.Encoding = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE"
		}
	}
	if enc != nil {
		if out, err := enc.NewDecoder().Bytes(b); err == nil {
			t.Text = strings.ToValidUTF8(string(out), "\uFFFD")
			return t
		}
		t.Encoding = "" // not UTF-16 after all: decide below
	}
	if t.Encoding == "UTF-8" || utf8.Valid(b) {
		t.Encoding = "UTF-8"
		t.Text, t.BadLines = utf8Lines(b)
		return t
	}
	if multi, stray := utf8Census(b); multi > stray {
		t.Encoding = "UTF-8"
		t.Text, t.BadLines = utf8Lines(b)
		return t
	}
	out, _ := charmap.Windows1252.NewDecoder().Bytes(b) // every byte has a meaning
	t.Encoding, t.Text = "Windows-1252", string(out)
	return t
}

// utf8Census counts the well-formed multi-byte characters of b and the
// bytes that are not part of any character.
func utf8Census(b []byte) (multi, stray int) {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			stray++
		case n > 1:
			multi++
		}
		b = b[n:]
	}
	return multi, stray
}

// utf8Lines is b as text, each invalid byte replaced by U+FFFD, and the
// lines where that happened. Lines end at « \n », or at a lone « \r » in a
// file that has no « \n » (old Excel for Mac), as the readers count them.
func utf8Lines(b []byte) (string, []int) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	brk := byte('\n')
	if bytes.IndexByte(b, '\n') < 0 {
		brk = '\r'
	}
	var (
		out  strings.Builder
		bad  []int
		line = 1
	)
	out.Grow(len(b) + 16)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			out.WriteRune(utf8.RuneError)
			if len(bad) == 0 || bad[len(bad)-1] != line {
				bad = append(bad, line)
			}
		default:
			out.Write(b[:n])
			if b[0] == brk {
				line++
			}
		}
		b = b[n:]
	}
	return out.String(), bad
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
