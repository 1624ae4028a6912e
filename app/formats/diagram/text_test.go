package diagram

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"atelier/app/domain/structure"
	"atelier/app/formats/pdfdoc"
)

// What the fonts lack is dropped by pdfdoc.Clean, in the PNG as in the PDF:
// a label with an emoji draws exactly as the label without it.
func TestPNGDropsWhatTheFontLacks(t *testing.T) {
	tests := []struct{ in, same string }{
		{"Fête 🎉", "Fête"},
		{"👩🏽‍🤝‍👩🏻 équipe", "équipe"},
		{"Arts 🇨🇦 et culture", "Arts et culture"},
		{"e\u0301quipe", "équipe"},
	}
	for _, tt := range tests {
		t.Run(tt.same, func(t *testing.T) {
			render := func(label string) []byte {
				s := twoNodes(structure.Coordination)
				s.Nodes[0].Label = label
				s.Links[0].Label = label
				var b bytes.Buffer
				if err := PNG(&b, s, Options{Title: label}); err != nil {
					t.Fatal(err)
				}
				return b.Bytes()
			}
			if !bytes.Equal(render(tt.in), render(tt.same)) {
				t.Errorf("%q does not draw as %q", tt.in, tt.same)
			}
		})
	}
}

func TestPDFDropsWhatTheFontLacks(t *testing.T) {
	s := sample()
	s.Nodes[0].Label = "Fête 🎉 équipe"
	s.Nodes[0].Members = []string{"Aïcha 🌻 Benali", "王芳"}
	path, _ := renderPDF(t, s, PDFOptions{Title: "Structure 🌱 Rive-Sud", Created: fixedDate})
	text := oneLine(poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, want := range []string{"Structure Rive-Sud", "Fête équipe", "Aïcha Benali", pdfdoc.UnreadableName} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q in %q", want, text)
		}
	}
	if strings.ContainsAny(text, "?\uFFFD") {
		t.Errorf("a placeholder is printed: %q", text)
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
