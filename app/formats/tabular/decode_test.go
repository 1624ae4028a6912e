package tabular

import (
	"bytes"
	"slices"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	const text = "Nom;Ville\r\nHélène Côté;Québec\r\nŒuvre « ici »;Lévis\r\n"
	cp1252, _ := charmap.Windows1252.NewEncoder().String(text)
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(text)
	// One name pasted from a Windows-1252 file into a UTF-8 one.
	oneBad := "Nom;Ville\r\nHélène Côté;Québec\r\nJos\xe9 Roy;Lévis\r\nZoé;Montréal\r\n"
	tests := []struct {
		name, data, enc string
		bom             bool
		want            string
		bad             []int
	}{
		{"UTF-8", text, "UTF-8", false, text, nil},
		{"UTF-8 with BOM", "\ufeff" + text, "UTF-8", true, text, nil},
		{"UTF-16LE with BOM", utf16le, "UTF-16LE", true, text, nil},
		{"UTF-16BE without BOM", utf16be, "UTF-16BE", false, text, nil},
		{"Windows-1252", cp1252, "Windows-1252", false, text, nil},
		{"Windows-1252 of plain text and one accent", "Nom\nJos\xe9\n", "Windows-1252", false, "Nom\nJosé\n", nil},
		{"UTF-8 with one invalid byte", oneBad, "UTF-8", false, "Nom;Ville\r\nHélène Côté;Québec\r\nJos\ufffd Roy;Lévis\r\nZoé;Montréal\r\n", []int{3}},
		{"old Mac line ends", "A\rB\xe9é\rCé\r", "UTF-8", false, "A\rB\ufffdé\rCé\r", []int{2}},
	}
	for _, tt := range tests {
		got := Decode([]byte(tt.data))
		if got.Encoding != tt.enc || got.BOM != tt.bom || got.Text != tt.want || !slices.Equal(got.BadLines, tt.bad) {
			t.Errorf("%s: %q %v %q lines %v; want %q %v %q lines %v", tt.name, got.Encoding, got.BOM, got.Text, got.BadLines, tt.enc, tt.bom, tt.want, tt.bad)
		}
	}
}

// FuzzDecode: the text is always valid UTF-8, valid UTF-8 without NULs
// comes back as it was, and bad lines are in order, on lines of the file.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"Hélène", "Jos\xe9\nZoé\nRéal", "\xff\xfeA\x00", "\xef\xbb\xbfa", "A\rB\xe9é\rCé\r"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got := Decode(b)
		if !utf8.ValidString(got.Text) {
			t.Fatalf("invalid UTF-8 out of %q", b)
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) && bytes.IndexByte(b, 0) < 0 && got.Text != string(b) {
			t.Fatalf("valid UTF-8 %q read as %s %q", b, got.Encoding, got.Text)
		}
		lines := bytes.Count(b, []byte("\n")) + bytes.Count(b, []byte("\r")) + 1
		last := 0
		for _, l := range got.BadLines {
			if l <= last || l > lines {
				t.Fatalf("bad lines %v of %d", got.BadLines, lines)
			}
			last = l
		}
	})
}
