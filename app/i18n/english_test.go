package i18n

import (
	"regexp"
	"strings"
	"testing"
)

// englishRules are what French typography leaves in a translation that
// English does not write: a space before « : ; ? ! », a no-break space
// of any width, guillemets, « 1 h 30 ».
var englishRules = []slipRule{
	{"no space before : ; ? ! in English", regexp.MustCompile(`[ \x{a0}\x{202f}][:;?!](?:\s|$)`)},
	{"no French no-break space in English", regexp.MustCompile(`[\x{a0}\x{202f}]`)},
	{"“quotes”, not « guillemets », in English", regexp.MustCompile(`[«»]`)},
	{"an English duration (1 hr 30 min), not « 1 h 30 »", regexp.MustCompile(`\d\s?h\s?\d`)},
}

// englishSlips lists what s keeps of French typography, one line each.
func englishSlips(s string) []string {
	var slips []string
	for _, r := range englishRules {
		if m := r.re.FindString(s); m != "" {
			slips = append(slips, r.name+": "+m)
		}
	}
	return slips
}

// Each rule refuses the French habit and lets English through.
func TestEnglishSlips(t *testing.T) {
	bad := []struct{ rule, text string }{
		{"before", "Email : a@b.org"},
		{"before", "Email\u00a0: a@b.org"},
		{"before", "Restore ?"},
		{"before", "Restore\u202f?"},
		{"before", "Saved !"},
		{"before", "late ; the rest"},
		{"no-break", "85\u00a0%"},
		{"no-break", "10\u202f000"},
		{"quotes", "Link «\u00a0x\u00a0»"},
		{"quotes", "Link «x»"},
		{"duration", "1 h 30 planned"},
		{"duration", "written 19 h 30"},
	}
	for _, tt := range bad {
		if slips := englishSlips(tt.text); !strings.Contains(strings.Join(slips, "\n"), tt.rule) {
			t.Errorf("%q: want a slip about %q, got %q", tt.text, tt.rule, slips)
		}
	}
	for _, s := range []string{"Email: a@b.org", "Restore?", "late; the rest", "at 19:30", "85%", "10,000",
		"Link “x”", "1 hr 30 min planned", "https://example.org/?q=1", "Ctrl+Z", "{{.N}} min"} {
		if slips := englishSlips(s); len(slips) > 0 {
			t.Errorf("%q: want no slip, got %q", s, slips)
		}
	}
}

// en.json reads as English: none of the French spacing that fr.json must
// have.
func TestEnglishSpacing(t *testing.T) {
	for key, texts := range translationTexts(t, "en") {
		for _, s := range texts {
			for _, slip := range englishSlips(s) {
				t.Errorf("en.json %q: %s, in %q", key, slip, s)
			}
		}
	}
}
