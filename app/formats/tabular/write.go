package tabular

import (
	"bufio"
	"io"
	"strings"
)

// Writer writes CSV that reads back the same in a spreadsheet whichever
// list separator its locale uses: Excel in French (fr-CA, fr-FR) splits
// lines at « ; », in English at « , », and both at a tab when pasting. So
// a cell is quoted whenever it holds any of them, not only the separator
// this file uses (encoding/csv quotes only that one: « Jean;=1+2;x » came
// out bare and Excel in French ran « =1+2 »), and every cell goes through
// Guard. Lines end in CRLF, as spreadsheets write them.
type Writer struct {
	w   *bufio.Writer
	err error
}

// NewWriter writes comma-separated lines to w; call Flush at the end.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w)}
}

// Write writes one line, each cell guarded and quoted when needed.
func (cw *Writer) Write(cells []string) error {
	for i, c := range cells {
		if i > 0 {
			cw.put(",")
		}
		c = Guard(c)
		if !needsQuotes(c) {
			cw.put(c)
			continue
		}
		cw.put(`"`)
		cw.put(strings.ReplaceAll(c, `"`, `""`))
		cw.put(`"`)
	}
	cw.put("\r\n")
	return cw.err
}

// Flush writes what is buffered and returns the first error met.
func (cw *Writer) Flush() error {
	if cw.err == nil {
		cw.err = cw.w.Flush()
	}
	return cw.err
}

func (cw *Writer) put(s string) {
	if cw.err == nil {
		_, cw.err = cw.w.WriteString(s)
	}
}

// needsQuotes reports whether c would be split, joined or trimmed by a
// reader with any of the usual separators. Leading and trailing spaces are
// quoted too, as spreadsheets may trim them otherwise; so is « \. », which
// some tools take for an end of data.
func needsQuotes(c string) bool {
	return strings.ContainsAny(c, ",;\t\"\r\n") || c == `\.` ||
		c != "" && (c[0] == ' ' || c[len(c)-1] == ' ')
}
