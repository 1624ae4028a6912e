package tabular

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"atelier/app/kit/usererr"
)

// Record is one record of a delimited file.
type Record struct {
	Line   int // line of the file where the record starts, from 1
	Fields []string
	// Err, when set, says in French why the record was not read (Fields
	// is then nil); it is a clause, without capital or full stop, to
	// follow « Ligne N : » or « rejetée : ».
	Err error
}

// ErrUnclosedQuote is the Err of a record whose quote never closes.
var ErrUnclosedQuote = usererr.New("guillemet ouvrant sans guillemet fermant (les lignes suivantes auraient été lues comme une seule case)" +
	nnbsp + "; cette ligne est mise de côté et la lecture reprend à la suivante. Corrigez ce guillemet dans le fichier, puis importez-le de nouveau")

// Records splits text into records separated by comma, quotes as
// spreadsheets write them, leniently (a quote inside an unquoted cell, as
// in « Jean "Jo" Tremblay », is kept as a character).
//
// A quote that opens a cell and never properly closes would make a lenient
// reader take every following line, up to the next quote, for one giant
// cell: the rows after it would vanish into one name. Refusing the whole
// file for one stray quote would be harsh; importing the giant cell would
// lose rows silently. So such a record comes back with ErrUnclosedQuote and
// its line, to be shown, and reading starts again on the next line: one
// line is set aside, said so, and nothing else is lost.
func Records(text string, comma rune) []Record {
	var out []Record
	base := 0 // lines of the file before text
	for text != "" {
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = comma, true, -1
		var prev int64
		resume := -1
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			end := cr.InputOffset()
			span := text[prev:end]
			prev = end
			if err != nil {
				// A lenient reader has no parse error left to give but
				// this is said rather than assumed.
				line := 0
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					line = pe.StartLine
				}
				out = append(out, Record{Line: base + line, Err: ErrUnclosedQuote})
				continue
			}
			line, _ := cr.FieldPos(0)
			if strings.IndexByte(span, '"') >= 0 && unclosed(span, comma, multiline(rec)) {
				out = append(out, Record{Line: base + line, Err: ErrUnclosedQuote})
				resume = lineEnd(text, line)
				break
			}
			out = append(out, Record{Line: base + line, Fields: rec})
		}
		if resume < 0 {
			break
		}
		base += strings.Count(text[:resume], "\n")
		text = text[resume:]
	}
	return out
}

// multiline reports whether a record holds a cell of several lines.
func multiline(rec []string) bool {
	for _, f := range rec {
		if strings.IndexByte(f, '\n') >= 0 {
			return true
		}
	}
	return false
}

// lineEnd is the offset just past the line-th line of text (from 1).
func lineEnd(text string, line int) int {
	off := 0
	for range line {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	return off
}

// unclosed reports whether a record's raw text has a quoted cell that
// does not close as it should: it reaches the end of the text still open,
// or, when the record spans several lines, a quote inside it is followed by
// something other than the separator, the end of the line or a second
// quote (the lenient reader went on to a later quote, past line breaks).
// A one-line record with such a quote (« "abc" def ») is only untidy: the
// lenient reading of it is kept.
func unclosed(span string, comma rune, multi bool) bool {
	span = strings.TrimRight(span, "\r\n")
	sep := string(comma)
	atStart := true
	for i := 0; i < len(span); {
		if !atStart {
			// Skip to the end of an unquoted cell.
			j := strings.IndexAny(span[i:], sep+"\n")
			if j < 0 {
				return false
			}
			if i += j; span[i] == '\n' {
				i++
			} else {
				i += len(sep)
			}
			atStart = true
			continue
		}
		atStart = false
		if span[i] != '"' {
			continue
		}
		i++
	quoted:
		for {
			j := strings.IndexByte(span[i:], '"')
			if j < 0 {
				return true // still open at the end
			}
			i += j + 1
			switch {
			case i == len(span):
				return false
			case span[i] == '"':
				i++
				continue
			case strings.HasPrefix(span[i:], sep), span[i] == '\r', span[i] == '\n':
			default:
				if multi {
					return true
				}
				continue // lenient: the quote is a character
			}
			break quoted
		}
		// i is at the separator or line end after a closed cell.
		if strings.HasPrefix(span[i:], sep) {
			i += len(sep)
		} else {
			i++
		}
		atStart = true
	}
	return false
}
