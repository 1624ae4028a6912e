package fold

import (
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hélène", "helene"},
		{"HÉLÈNE", "helene"},
		{"Œuvre", "oeuvre"},
		{"cœur", "coeur"},
		{"Lætitia", "laetitia"},
		{"l’organisation", "l'organisation"},
		{"l'organisation", "l'organisation"},
		{"  Marie-Ève\u00a0 Côté ", "marie-eve cote"},
		{"François\tNguyễn", "francois nguyen"},
		{"Zoë 🌱", "zoe 🌱"},
		{"Straße", "strasse"},
		{"plain ascii", "plain ascii"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if !strings.Contains(Key("La Grande Œuvre collective"), Key("oeuvre")) {
		t.Error("search for oeuvre misses Œuvre")
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Hélène", "Œuvre", "l’", "\xff\xfe", "é\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key is not idempotent on %q: %q then %q", s, k, Key(k))
		}
	})
}

func BenchmarkKey(b *testing.B) {
	for b.Loop() {
		Key("Hélène Œuvre-Tremblay, Regroupement des militant·e·s de Montréal")
	}
}
