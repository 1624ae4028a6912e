package registration

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"atelier/app/formats/tabular"
	"atelier/app/kit/usererr"
)

// parseCSV reads a delimited text export into a Sheet whose columns are
// not mapped yet.
func parseCSV(data []byte) (*Sheet, error) {
	dec := tabular.Decode(data)
	text := dec.Text
	if strings.TrimSpace(text) == "" {
		return nil, errEmpty
	}
	if looksBinary(text) {
		return nil, usererr.New("Ce fichier ne ressemble pas à un tableau CSV ou XLSX" + nbsp + ": il contient des données binaires. " +
			"Exportez les réponses du formulaire au format CSV ou XLSX, puis importez ce fichier.")
	}
	// Excel for Mac long wrote CSV with a carriage return alone at the end
	// of each line, which encoding/csv does not take for a line break.
	if !strings.Contains(text, "\n") {
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	delim := sniffDelimiter(text)

	s := &Sheet{Format: "CSV", Encoding: encodingName(dec), Delimiter: delim}
	for _, rec := range tabular.Records(text, delim) {
		if rec.Err != nil {
			s.Rows = append(s.Rows, Row{Line: rec.Line, Err: rec.Err})
			continue
		}
		for i, v := range rec.Fields {
			// A cell Atelier's own export guarded against spreadsheets
			// (« '+1 514… ») comes back as it was.
			rec.Fields[i] = trim(tabular.Unguard(trim(v)))
		}
		if !blank(rec.Fields) {
			s.Rows = append(s.Rows, Row{Line: rec.Line, Values: rec.Fields})
		}
	}
	if !s.takeHeader() {
		return nil, errEmpty
	}
	s.markBadLines(dec.BadLines)
	return s, nil
}

// encodingName is the encoding as the preview names it.
func encodingName(t tabular.Text) string {
	switch {
	case strings.HasPrefix(t.Encoding, "UTF-16"):
		return "UTF-16"
	case t.Encoding == "UTF-8" && t.BOM:
		return "UTF-8 (BOM)"
	}
	return t.Encoding
}

// markBadLines flags the rows whose lines held bytes that are not UTF-8 in
// a file read as UTF-8, so that a garbled name is seen before it is
// imported; a bad byte above the rows (in the titles) is said for the
// whole sheet.
func (s *Sheet) markBadLines(bad []int) {
	for _, line := range bad {
		i := sort.Search(len(s.Rows), func(i int) bool { return s.Rows[i].Line > line }) - 1
		if i < 0 {
			s.Warnings = append(s.Warnings, usererr.New("Ligne %d"+nbsp+": des caractères illisibles (qui ne sont pas de l’UTF-8) sont remplacés par «"+nbsp+"\ufffd"+nbsp+"»"+nnbsp+"; "+
				"vérifiez les titres de colonnes.", line))
			continue
		}
		s.Rows[i].badText = true
	}
}

// msgBadText is the warning of a row whose text held bytes that are not
// UTF-8.
const msgBadText = "caractères illisibles (qui ne sont pas de l’UTF-8) remplacés par «" + nbsp + "\ufffd" + nbsp + "»" + nbsp +
	": vérifiez l’orthographe avant d’importer, ou enregistrez le fichier de nouveau en CSV UTF-8"

// looksBinary reports whether text holds what no table export does: NUL
// bytes or control characters in any number.
func looksBinary(text string) bool {
	if strings.IndexByte(text, 0) >= 0 {
		return true
	}
	ctrl, n := 0, 0
	for _, r := range text {
		n++
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			ctrl++
		}
	}
	return ctrl > 0 && ctrl*100 > n
}

// sniffDelimiter counts the candidate delimiters on the first non-blank
// line, outside quotes, and takes the most frequent; a single column
// falls back to the comma. (A title line above the table does not get in
// the way: spreadsheets pad it with delimiters, « Titre;;;; ».)
func sniffDelimiter(text string) rune {
	var counts [3]int // tab, semicolon, comma: the order ties are broken in
	inQuote, seen := false, false
scan:
	for _, r := range text {
		switch {
		case r == '"':
			inQuote = !inQuote
			seen = true
		case inQuote:
		case r == '\n':
			if seen {
				break scan
			}
		case r == '\t':
			counts[0]++
			seen = true
		case r == ';':
			counts[1]++
			seen = true
		case r == ',':
			counts[2]++
			seen = true
		case !unicode.IsSpace(r):
			seen = true
		}
	}
	best, n := ',', 0
	for i, d := range []rune{'\t', ';', ','} {
		if counts[i] > n {
			best, n = d, counts[i]
		}
	}
	return best
}

// trimAll trims every value of spaces, no-break spaces included, and of
// the invisible characters spreadsheets leave around pasted text.
func trimAll(rec []string) {
	for i, v := range rec {
		rec[i] = trim(v)
	}
}

func trim(v string) string {
	return strings.TrimFunc(v, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
	})
}

func blank(rec []string) bool {
	for _, v := range rec {
		if v != "" {
			return false
		}
	}
	return true
}

// takeHeader takes the titles of the columns out of the rows: the first
// record that names a name column, so that a title line above the table
// is skipped along with it; failing that, the first record. It reports
// false when there is no record at all.
func (s *Sheet) takeHeader() bool {
	h := -1
	for i := 0; i < len(s.Rows) && i < 10; i++ {
		if s.Rows[i].Values == nil {
			continue
		}
		if h < 0 {
			h = i
		}
		if namesAName(s.Rows[i].Values) {
			h = i
			break
		}
	}
	if h < 0 {
		return false
	}
	header := s.Rows[h].Values
	s.Rows = s.Rows[h+1:]
	s.setHeader(header)
	return true
}

func namesAName(rec []string) bool {
	for _, v := range rec {
		switch f, _ := classify(v); f {
		case FieldName, FieldFirstName, FieldLastName:
			return true
		}
	}
	return false
}

// setHeader names the columns from the header record and widens them to
// the longest row, so that a value past the last title is kept as a note
// rather than dropped. Trailing untitled columns with nothing in them are
// left out.
func (s *Sheet) setHeader(header []string) {
	width := len(header)
	for _, r := range s.Rows {
		for i := len(r.Values) - 1; i >= width; i-- {
			if r.Values[i] != "" {
				width = i + 1
				break
			}
		}
	}
	for width > 0 && (width > len(header) || header[width-1] == "") && !columnUsed(s.Rows, width-1) {
		width--
	}
	s.Columns = make([]Column, width)
	for i := range s.Columns {
		h := ""
		if i < len(header) {
			h = header[i]
		}
		if h == "" {
			h = "Colonne " + strconv.Itoa(i+1)
		}
		s.Columns[i] = Column{Header: h}
	}
}

func columnUsed(rows []Row, col int) bool {
	for _, r := range rows {
		if col < len(r.Values) && r.Values[col] != "" {
			return true
		}
	}
	return false
}
