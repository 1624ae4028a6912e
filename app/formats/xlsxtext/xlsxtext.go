// Package xlsxtext holds what every workbook Atelier writes (attendance,
// roster) shares: text fit for a spreadsheet cell (Clean), and files that
// are the same bytes for the same data (Write).
package xlsxtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxCellUnits is Excel's limit on the text of a cell, counted in UTF-16
// code units.
const MaxCellUnits = 32767

// Clean prepares text for a cell: invalid UTF-8 becomes U+FFFD, control
// characters other than line feed and tab are dropped (XML cannot carry
// most of them and Excel shows none), and text beyond Excel's limit is cut
// with « … ». Callers write it as a string cell, so a value that starts
// with = + - or @ stays text and never runs as a formula.
func Clean(s string) string {
	if needsCleaning(s) {
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' {
				return r
			}
			if unicode.IsControl(r) || r == '\uFFFE' || r == '\uFFFF' {
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, "\uFFFD"))
	}
	if len(s) <= MaxCellUnits/2 {
		return s // even all astral runes could not exceed the limit
	}
	if utf16Len(s) <= MaxCellUnits {
		return s
	}
	units := 0
	for i, r := range s {
		n := 1
		if r > 0xFFFF {
			n = 2
		}
		if units+n > MaxCellUnits-1 { // keep one unit for the ellipsis
			return s[:i] + "…"
		}
		units += n
	}
	return s
}

// needsCleaning reports whether s holds a control character or invalid UTF-8.
func needsCleaning(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r == '\uFFFE' || r == '\uFFFF' || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7F && r <= 0x9F) {
			return true
		}
	}
	return false
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}
