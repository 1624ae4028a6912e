package diagram

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	pf, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
	}{
		{"French stays as is", "Œuvre « Médias et messages » : l’être", "Œuvre « Médias et messages » : l’être"},
		{"non-breaking spaces kept", "«\u00a0Arts\u00a0»\u202f!", "«\u00a0Arts\u00a0»\u202f!"},
		{"decomposed accents composed", "e\u0301le\u0300ve", "élève"},
		{"emoji replaced", "Fête 🎉", "Fête \uFFFD"},
		{"emoji sequence is one placeholder", "👩🏽‍🤝‍👩🏻 équipe", "\uFFFD équipe"},
		{"missing script replaced", "中文", "\uFFFD"},
		{"invalid bytes replaced", "a\xffb", "a\uFFFDb"},
		{"controls become spaces", "a\tb\x00c", "a b c"},
		{"newlines kept", "un\r\ndeux\ntrois", "un\ndeux\ntrois"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pf.sanitize(tt.in)
			if got != tt.want {
				t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for _, r := range got {
				if r > 0xFFFF || (r != '\n' && !pf.has(r)) {
					t.Errorf("%q left in the result", r)
				}
			}
		})
	}
}

// runes measures text one unit per character.
func runes(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestWrap(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		maxW     float64
		maxLines int
		want     []string
	}{
		{"fits", "Arts", 10, 3, []string{"Arts"}},
		{"breaks at spaces", "Médias et messages", 10, 3, []string{"Médias et", "messages"}},
		{"keeps guillemets with their word", "le «\u00a0volet\u00a0» arts", 10, 0, []string{"le", "«\u00a0volet\u00a0»", "arts"}},
		{"breaks after a hyphen", "Marie-Ève Tremblay", 8, 3, []string{"Marie-", "Ève", "Tremblay"}},
		{"cuts a word too long", "Anticonstitutionnellement", 10, 0, []string{"Anticonsti", "tutionnell", "ement"}},
		{"ellipsis past the last line", "un deux trois quatre cinq six", 6, 2, []string{"un", "deux…"}},
		{"ellipsis inside a line", "aaaa bbbbbb", 6, 1, []string{"aaaa…"}},
		{"newlines break", "un\ndeux", 20, 0, []string{"un", "deux"}},
		{"blank lines at the ends dropped", "\n\nun\n\ndeux\n", 20, 0, []string{"un", "", "deux"}},
		{"empty", "", 10, 3, nil},
		{"narrower than a letter", "abc", 0.5, 0, []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.text, tt.maxW, tt.maxLines, runes)
			if !slices.Equal(got, tt.want) {
				t.Errorf("wrap(%q, %v, %d) = %q, want %q", tt.text, tt.maxW, tt.maxLines, got, tt.want)
			}
			for _, l := range got {
				if runes(l) > max(tt.maxW, 1) {
					t.Errorf("line %q wider than %v", l, tt.maxW)
				}
			}
		})
	}
}

func TestSingleLine(t *testing.T) {
	if got := singleLine("Séance 3\n— Structure", 30, runes); got != "Séance 3 — Structure" {
		t.Errorf("got %q", got)
	}
	if got := singleLine("Séance 3 — Structure", 10, runes); got != "Séance 3…" {
		t.Errorf("got %q", got)
	}
}
