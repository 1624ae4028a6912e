package tabular

import (
	"testing"
)

func TestGuard(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Awa", "Awa"},
		{"=1+1", "'=1+1"},
		{"+1 514 555 0100", "'+1 514 555 0100"},
		{"-5", "'-5"},
		{"@SUM(1)", "'@SUM(1)"},
		{"  =1", "'  =1"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"＝1", "'＝1"},
		{"＠x", "'＠x"},
		{"Jean;=1+2;x", "Jean;'=1+2;x"},
		{"Jean; =1+2", "Jean;' =1+2"},
		{"Tremblay, -5", "Tremblay, -5"},
		{"a\n@b", "a\n'@b"},
		{"a\t-b", "a\t'-b"},
		{"'Tit", "'Tit"},
		{"'=déjà", "''=déjà"},
		{"''", "'''"},
		{"a;'=x", "a;''=x"},
		{"a=b", "a=b"},
		{"« guillemets » 😀", "« guillemets » 😀"},
	}
	for _, tt := range tests {
		if got := Guard(tt.in); got != tt.want {
			t.Errorf("Guard(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Unguard(Guard(tt.in)); got != tt.in {
			t.Errorf("Unguard(Guard(%q)) = %q", tt.in, got)
		}
	}
}

// FuzzGuard: whatever a cell holds, Guard's result starts no formula at
// its start nor after any splitter, and Unguard gives the value back.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{"", "=1", "Jean;=1+2;x", "'", "''=x", "\t=x", "a\n'@b", " \t=1", "\"=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := Guard(s)
		if startsFormula(g) {
			t.Fatalf("Guard(%q) = %q starts a formula", s, g)
		}
		for i := 0; i < len(g); i++ {
			if i > 0 && containsByte(splitters, g[i-1]) && segmentFormula(g[i:]) {
				t.Fatalf("Guard(%q) = %q has a formula at %d", s, g, i)
			}
		}
		if u := Unguard(g); u != s {
			t.Fatalf("Unguard(Guard(%q)) = %q", s, u)
		}
	})
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}
