package xlsxtext

import (
	"strings"
	"testing"
	"unicode/utf16"
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
