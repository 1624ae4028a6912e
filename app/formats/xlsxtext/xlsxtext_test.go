package xlsxtext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

func TestClean(t *testing.T) {
	long := strings.Repeat("é", MaxCellUnits+10)
	astral := strings.Repeat("😀", MaxCellUnits/2+5)
	exact := strings.Repeat("a", MaxCellUnits)
	tests := []struct{ name, in, want string }{
		{"plain", "Zoé", "Zoé"},
		{"keeps line feed and tab", "a\nb\tc", "a\nb\tc"},
		{"drops other controls", "a\x00b\x07c\r\nd\u0085e", "abc\nde"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"formula stays as is", "=1+1", "=1+1"},
		{"exactly the limit", exact, exact},
		{"long", long, strings.Repeat("é", MaxCellUnits-1) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%.40q) = %.40q…, attendu %.40q…", tt.in, got, tt.want)
			}
		})
	}
	got := Clean(astral)
	if n := len(utf16.Encode([]rune(got))); n > MaxCellUnits || !strings.HasSuffix(got, "…") {
		t.Errorf("astral: %d unités", n)
	}
}

// TestWriteIsReproducible writes a workbook with a chart (which makes
// excelize list image types in map order) many times: always the same bytes.
func TestWriteIsReproducible(t *testing.T) {
	write := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		for i, s := range []string{"A", "B", "C", "D", "E", "F"} {
			if _, err := f.NewSheet(s); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellValue(s, "A1", i); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.AddChart("A", "C3", &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{Name: "A!$A$1", Values: "A!$A$1:$A$1"}}}); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := Write(&b, f); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	first := write()
	for range 20 {
		if !bytes.Equal(write(), first) {
			t.Fatal("two writes of the same workbook differ")
		}
	}
	if _, err := excelize.OpenReader(bytes.NewReader(first)); err != nil {
		t.Fatalf("the rewritten archive does not open: %v", err)
	}
}
