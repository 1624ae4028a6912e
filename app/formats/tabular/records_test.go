package tabular

import (
	"errors"
	"slices"
	"testing"
)

func TestRecords(t *testing.T) {
	type rec struct {
		line   int
		fields []string // nil for a record set aside
	}
	tests := []struct {
		name string
		text string
		want []rec
	}{
		{"plain", "Nom;Courriel\nA;a@x\n", []rec{{1, []string{"Nom", "Courriel"}}, {2, []string{"A", "a@x"}}}},
		{"multi-line cell", "Nom,Note\n\"A\",\"deux\nlignes\"\nB,b\n",
			[]rec{{1, []string{"Nom", "Note"}}, {2, []string{"A", "deux\nlignes"}}, {4, []string{"B", "b"}}}},
		{"bare quote kept", "Nom\nJean \"Jo\" Roy\n\"abc\" def\",x\n", []rec{{1, []string{"Nom"}}, {2, []string{`Jean "Jo" Roy`}}, {3, []string{`abc" def`, "x"}}}},
		{"quote closed too early", "Nom\n\"abc\" def\nB\n", []rec{{1, []string{"Nom"}}, {2, nil}, {3, []string{"B"}}}},
		{"unclosed to the end", "Nom,Courriel\n\"Jean,j@x\nMarie,m@x\nPaul,p@x\n",
			[]rec{{1, []string{"Nom", "Courriel"}}, {2, nil}, {3, []string{"Marie", "m@x"}}, {4, []string{"Paul", "p@x"}}}},
		{"unclosed up to a later quote", "Nom,Ville\nJean,\"Montréal\nMarie,\"Laval\"\nPaul,Québec\n",
			[]rec{{1, []string{"Nom", "Ville"}}, {2, nil}, {3, []string{"Marie", "Laval"}}, {4, []string{"Paul", "Québec"}}}},
		{"unclosed on the last line", "Nom,Ville\r\nJean,\"Montréal\r\n",
			[]rec{{1, []string{"Nom", "Ville"}}, {2, nil}}},
		{"doubled quotes", "Nom\n\"Le \"\"Jo\"\"\"\n", []rec{{1, []string{"Nom"}}, {2, []string{`Le "Jo"`}}}},
		{"blank lines keep their numbers", "Nom\n\n\"A\nB\nC\n\nD\n", []rec{{1, []string{"Nom"}}, {3, nil}, {4, []string{"B"}}, {5, []string{"C"}}, {7, []string{"D"}}}},
	}
	for _, tt := range tests {
		sep := ','
		if tt.name == "plain" {
			sep = ';'
		}
		got := Records(tt.text, sep)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d records %+v, want %d", tt.name, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Line != w.line || !slices.Equal(g.Fields, w.fields) || (w.fields == nil) != errors.Is(g.Err, ErrUnclosedQuote) {
				t.Errorf("%s: record %d = line %d %q (%v), want line %d %q", tt.name, i, g.Line, g.Fields, g.Err, w.line, w.fields)
			}
		}
	}
}
