package callreport

import (
	"strings"

	"atelier/app/formats/tabular"
)

// decode turns the file into UTF-8 and names the encoding it found (see
// tabular.Decode). Teams writes UTF-16 (usually with a byte-order mark, not
// always), Zoom and Meet UTF-8 with or without one, and a report re-saved
// by Excel on Windows ends up in Windows-1252. The lines of a UTF-8 report
// that held bytes that are not UTF-8 come back too, for a warning.
func decode(b []byte) (text, encoding string, bad []int) {
	t := tabular.Decode(b)
	// NULs left by a half-guessed encoding would only get in the way of
	// matching.
	return strings.ReplaceAll(t.Text, "\x00", ""), t.Encoding, t.BadLines
}
