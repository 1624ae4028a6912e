package tabular

import (
	"strings"
	"unicode/utf8"
)

// Formula characters: a cell whose text starts with one of them (after any
// spaces, which Excel and LibreOffice skip) is run as a formula when a
// spreadsheet opens a CSV file: « =HYPERLINK(…) » in a shared roster is a
// link to anywhere, « @SUM(…) » or « -2+3 » a calculation. The list is
// OWASP's (= + - @, and a tab or carriage return first) plus the
// fullwidth forms, which Excel in an East Asian locale takes for their
// ASCII twins.
const formulaRunes = "=+-@＝＋－＠"

// splitters are where a spreadsheet may start a new cell inside one of
// ours: a file written with commas is split at « ; » by Excel in French
// and at tabs when pasted, and a reader that does not honour a quote in
// the middle of a line splits it at a line break too. A comma is not
// one: whatever splits at commas reads our quotes, and guarding after it
// would put an apostrophe in every « Tremblay, -5 ».
const splitters = ";\t\r\n"

// startsFormula reports whether a spreadsheet would take a whole cell s
// for a formula.
func startsFormula(s string) bool {
	if s != "" && (s[0] == '\t' || s[0] == '\r') {
		return true
	}
	return formulaFirst(strings.TrimLeft(s, " \t"))
}

// segmentFormula reports whether the text after a splitter would start a
// formula in a cell that began there; quotes are skipped too, as a reader
// may take a doubled quote for an empty quoted prefix.
func segmentFormula(s string) bool {
	return formulaFirst(strings.TrimLeft(s, " \""))
}

func formulaFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && strings.ContainsRune(formulaRunes, r)
}

// Guard makes s text in any spreadsheet, whichever list separator it
// splits lines at: a value that would start a formula gets a leading
// apostrophe, the mark spreadsheets themselves use for « text, not a
// formula », and so does every part of it after a semicolon, tab or line
// break that would (« Jean;=1+2;x » becomes « Jean;'=1+2;x », which
// Excel in French, splitting at « ; », shows as text). An apostrophe that
// Unguard would take away gets one more, so that Unguard(Guard(s)) == s
// for every s.
//
// The convention, for every CSV file Atelier writes and reads: an
// apostrophe at the start of a cell, or right after one of ; tab CR LF
// inside it, is ours when the text after it starts like a formula (spaces
// aside) or with another apostrophe, and import drops it (Unguard). Any
// other apostrophe is the person's and stays: « 'Tit » is a nickname.
func Guard(s string) string {
	if strings.ContainsAny(s, splitters) {
		var b strings.Builder
		b.Grow(len(s) + 4)
		first := true
		for len(s) > 0 {
			i := strings.IndexAny(s, splitters)
			seg := s
			if i >= 0 {
				seg = s[:i]
			}
			if !first && guardSegment(seg) {
				b.WriteByte('\'')
			}
			b.WriteString(seg)
			if i < 0 {
				break
			}
			b.WriteByte(s[i])
			s = s[i+1:]
			first = false
		}
		s = b.String()
	}
	if startsFormula(s) || unguardStart(s) != s {
		return "'" + s
	}
	return s
}

// Unguard takes away the apostrophes Guard adds.
func Unguard(s string) string {
	s = unguardStart(s)
	if !strings.ContainsAny(s, splitters) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	first := true
	for {
		i := strings.IndexAny(s, splitters)
		seg := s
		if i >= 0 {
			seg = s[:i]
		}
		if !first && unguardSegment(seg) {
			seg = seg[1:]
		}
		b.WriteString(seg)
		if i < 0 {
			break
		}
		b.WriteByte(s[i])
		s = s[i+1:]
		first = false
	}
	return b.String()
}

// unguardStart takes away the apostrophe Guard puts at the start of a cell.
func unguardStart(s string) string {
	if len(s) >= 2 && s[0] == '\'' && (s[1] == '\'' || startsFormula(s[1:])) {
		return s[1:]
	}
	return s
}

// guardSegment reports whether the part of a cell after a splitter needs
// an apostrophe: it starts like a formula, or Unguard would shorten it.
func guardSegment(seg string) bool {
	return segmentFormula(seg) || unguardSegment(seg)
}

// unguardSegment reports whether seg starts with an apostrophe Guard put
// there.
func unguardSegment(seg string) bool {
	return len(seg) >= 2 && seg[0] == '\'' && (seg[1] == '\'' || segmentFormula(seg[1:]))
}
