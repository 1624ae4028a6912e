// Package tabulartest checks, for the tests of every CSV writer, that a
// file reads the same columns in any spreadsheet and runs no formula in
// any of them.
package tabulartest

import (
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// formula reports whether a spreadsheet would run cell: it starts (after
// spaces) with = + - @ or their fullwidth forms, or with a tab or a
// carriage return. Written out here rather than taken from tabular, so
// that a mistake there does not hide itself.
func formula(cell string) bool {
	if cell != "" && (cell[0] == '\t' || cell[0] == '\r') {
		return true
	}
	return formulaTrimmed(cell)
}

// formulaTrimmed is formula for a piece of a line that a reader split
// where the writer did not mean a cell to start: a tab or carriage return
// there is the separator's neighbour, not a cell's start, and what counts
// is what follows it.
func formulaTrimmed(cell string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(cell, " \t\r"))
	return strings.ContainsRune("=+-@＝＋－＠", r)
}

// CheckCSV reads data (a comma-separated file, a UTF-8 byte order mark
// first or not) as a strict reader would, and as Excel in French (« ; »)
// and a paste (tab) would: it fails t when a line has not the header's
// number of cells under the comma, or when any cell of any reading starts
// a formula. It returns the records of the comma reading.
func CheckCSV(t testing.TB, data []byte) [][]string {
	t.Helper()
	text := strings.TrimPrefix(string(data), "\ufeff")
	cr := csv.NewReader(strings.NewReader(text))
	recs, err := cr.ReadAll() // strict, and every line as wide as the first
	if err != nil {
		t.Fatalf("the file does not read back with commas: %v", err)
	}
	check := func(sep string, recs [][]string, formula func(string) bool) {
		for i, rec := range recs {
			for j, cell := range rec {
				if formula(cell) {
					t.Errorf("read with %s, record %d cell %d starts a formula: %q", sep, i+1, j+1, cell)
				}
			}
		}
	}
	check("commas", recs, formula)
	for _, sep := range []rune{';', '\t'} {
		or := csv.NewReader(strings.NewReader(text))
		or.Comma, or.LazyQuotes, or.FieldsPerRecord = sep, true, -1
		other, err := or.ReadAll()
		if err != nil {
			t.Fatalf("the file does not read with %q: %v", sep, err)
		}
		check(fmt.Sprintf("%q", sep), other, formulaTrimmed)
		// A reader that honours no quote at all (a text editor's column
		// split): each physical line split at sep.
		var bare [][]string
		for line := range strings.Lines(text) {
			bare = append(bare, strings.Split(strings.TrimRight(line, "\r\n"), string(sep)))
		}
		for i, rec := range bare {
			for j, cell := range rec {
				if formulaTrimmed(cell) {
					t.Errorf("split at %q ignoring quotes, line %d piece %d starts a formula: %q", sep, i+1, j+1, cell)
				}
			}
		}
	}
	return recs
}
