package pdfdoc

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFontsCover(t *testing.T) {
	if _, _, err := Fonts(); err != nil {
		t.Fatal(err)
	}
	// French typography needs all of these, U+202F before ; ! ? included.
	for _, r := range "aéèêëàâîïôöùûüçœæÉÈÊÀÂÎÔÙÛÇŒÆ«»’‘“”…—–·•\u00a0\u202f\u2011" {
		if !Has(r) {
			t.Errorf("the fonts lack %q (U+%04X)", r, r)
		}
	}
	for _, r := range []rune{'中', 0x1F600, 0x1F3FD, 0x20E3, -1, 0x110000} {
		if Has(r) {
			t.Errorf("Has(U+%04X) = true", r)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"French as is", "Œuvre « Médias et messages » : l’être", "Œuvre « Médias et messages » : l’être"},
		{"empty", "", ""},
		{"emoji in the middle", "Aïcha 🌻 Benali", "Aïcha Benali"},
		{"emoji at the end", "Fête de fin 🎉", "Fête de fin"},
		{"emoji at the start", "🎉 Fête", "Fête"},
		{"emoji glued between words", "Léa💜Roy", "Léa Roy"},
		{"emoji glued before punctuation", "Bravo😀 !", "Bravo !"},
		{"emoji alone", "😀", ""},
		{"several emoji", "🎉🎉🎉", ""},
		{"flag", "Québec 🇨🇦 2026", "Québec 2026"},
		{"subdivision flag", "Écosse 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F fin", "Écosse fin"},
		{"ZWJ family", "Famille 👨‍👩‍👧‍👦 Roy", "Famille Roy"},
		{"ZWJ with a symbol the font has", "Dre 👩🏽‍⚕️ Roy", "Dre Roy"},
		{"rainbow flag", "Fierté 🏳️‍🌈 !", "Fierté !"},
		{"skin tone", "Salut 👋🏾 toi", "Salut toi"},
		{"lone skin tone", "a 🏾 b", "a b"},
		{"keycap", "Salle 1️⃣", "Salle"},
		{"symbol with variation selector kept", "J’❤️ Montréal", "J’❤ Montréal"},
		{"Chinese dropped", "Wang 王芳 Fang", "Wang Fang"},
		{"Chinese only", "王芳", ""},
		{"decomposed accents composed", "e\u0301le\u0300ve Zoe\u0308", "élève Zoë"},
		{"accent on nothing dropped", "\u0301a", "a"},
		{"accent on an invisible character dropped", "\u00ad\u0301a", "a"},
		{"accent composed once a tag between is dropped", "a\U000E0067\u0301", "á"},
		{"NBSP and narrow NBSP kept", "«\u00a0Arts\u00a0»\u202f!", "«\u00a0Arts\u00a0»\u202f!"},
		{"NBSP kept beside a drop", "«\u00a0🎉\u00a0»", "«\u00a0\u00a0»"},
		{"invalid bytes dropped", "a\xffb \xfe c", "ab c"},
		{"replacement character dropped", "Zo\uFFFD Roy", "Zo Roy"},
		{"tab is a space", "a\tb", "a b"},
		{"controls become spaces", "a\x00b\x1bc\u0085d", "a b c d"},
		{"newlines kept", "un\ndeux", "un\ndeux"},
		{"CRLF is one break", "un\r\ndeux\r\n", "un\ndeux\n"},
		{"lone CR is a space", "un\rdeux", "un deux"},
		{"line separator breaks", "un\u2028deux", "un\ndeux"},
		{"lines trimmed around drops", "🎉 un 🎉\n 🎉 deux", "un\ndeux"},
		{"spaces kept where nothing was dropped", "a  b\n  c", "a  b\n  c"},
		{"run around a drop collapses", "a   🎉   b", "a b"},
		{"invisible format characters", "\uFEFFAnti\u00adconstitution\u200bnel", "Anticonstitutionnel"},
		{"ideographic space", "a\u3000b", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in)
			if got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for _, r := range got {
				if r != '\n' && (!Has(r) || unicode.IsControl(r) || r == '\uFFFD') {
					t.Errorf("%q (U+%04X) left in %q", r, r, got)
				}
			}
			if again := Clean(got); again != got {
				t.Errorf("Clean is not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestName(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Élodie Gagnon", "Élodie Gagnon"},
		{"emoji in the middle", "Aïcha 🌻 Benali", "Aïcha Benali"},
		{"emoji at the end", "Noé Tremblay 🌱", "Noé Tremblay"},
		{"flag", "🇭🇹 Jean-Baptiste Pierre", "Jean-Baptiste Pierre"},
		{"ZWJ family", "Zoë 👩‍👩‍👧 Roy", "Zoë Roy"},
		{"skin tone", "Marc 👍🏿", "Marc"},
		{"U+1F600 alone", "😀", UnreadableName},
		{"Chinese only", "王芳", UnreadableName},
		{"Chinese and emoji", "王芳 🌸", UnreadableName},
		{"Chinese with punctuation left", "王芳 – 李华", UnreadableName},
		{"Chinese beside a Latin name", "Fang Wang 王芳", "Fang Wang"},
		{"decomposed accents", "Zoe\u0308 E\u0301lodie Nun\u0303ez", "Zoë Élodie Nuñez"},
		{"NBSP kept", "Marie\u00a0Roy", "Marie\u00a0Roy"},
		{"narrow NBSP kept", "Marie\u202fRoy", "Marie\u202fRoy"},
		{"one line", "Marie\r\n\tRoy ", "Marie Roy"},
		{"blank", "  ", ""},
		{"empty", "", ""},
		{"invalid bytes only", "\xff\xfe", ""},
		{"punctuation only kept", "—", "—"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Name(tt.in); got != tt.want {
				t.Errorf("Name(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanLeavesCleanTextAlone(t *testing.T) {
	s := strings.Repeat("Comment les mouvements décentralisés réussissent-ils\u202f? ", 20)
	if got := Clean(s); got != s {
		t.Fatalf("clean text changed: %q", got)
	}
	if n := testing.AllocsPerRun(100, func() { Clean(s) }); n != 0 {
		t.Errorf("Clean allocates %v times on clean text", n)
	}
}

func BenchmarkClean(b *testing.B) {
	clean := "Élodie Gagnon — « Médias et messages »\u00a0: l’être"
	dirty := "Aïcha 🌻 Benali 👩🏽‍⚕️ e\u0301le\u0300ve\tfin"
	b.Run("clean", func(b *testing.B) {
		for b.Loop() {
			Clean(clean)
		}
	})
	b.Run("dirty", func(b *testing.B) {
		for b.Loop() {
			Clean(dirty)
		}
	})
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"Aïcha 🌻 Benali", "👩🏽‍⚕️", "e\u0301", "a\xffb", "王芳", "«\u00a0x\u00a0»\u202f!", "\r\n\t", "1️⃣ 🇨🇦"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Clean(%q) = %q, not UTF-8", s, got)
		}
		for _, r := range got {
			if r != '\n' && (!Has(r) || unicode.IsControl(r) || r == '\uFFFD' || invisible(r)) {
				t.Fatalf("Clean(%q) left %q", s, r)
			}
		}
		if again := Clean(got); again != got {
			t.Fatalf("not idempotent on %q: %q then %q", s, got, again)
		}
		n := Name(s)
		if strings.Contains(n, "\n") || (n == "" && strings.IndexFunc(s, printable) >= 0) {
			t.Fatalf("Name(%q) = %q", s, n)
		}
	})
}
