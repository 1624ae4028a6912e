package tabular

import (
	"encoding/csv"
	"errors"
	"slices"
	"strings"
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

// FuzzRecords: records come in line order, on lines of the text; text
// without quotes reads as encoding/csv reads it; and no record set aside
// hides more than its own line (the next record starts on the next line
// at the latest).
func FuzzRecords(f *testing.F) {
	for _, s := range []string{"a,b\nc,d\n", "\"a\nb\",c\nd\n", "\"a,b\nc,d\ne,f\n", "a;\"b\nc;\"d\"\ne\n", "\"\"\"\n\"\n", "\n\n\"x"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, comma bool) {
		sep := ';'
		if comma {
			sep = ','
		}
		lines := strings.Count(text, "\n") + 1
		last := 0
		recs := Records(text, sep)
		for i, r := range recs {
			if r.Line <= last || r.Line > lines {
				t.Fatalf("record %d on line %d after %d (%d lines)", i, r.Line, last, lines)
			}
			if r.Err != nil && i+1 < len(recs) && recs[i+1].Line > r.Line+1 && strings.TrimSpace(lineOf(text, r.Line+1)) != "" {
				t.Fatalf("the line after %d is lost: next record on %d", r.Line, recs[i+1].Line)
			}
			last = r.Line
		}
		if !strings.Contains(text, `"`) && !strings.Contains(text, "\r") {
			cr := csv.NewReader(strings.NewReader(text))
			cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = sep, true, -1
			want, err := cr.ReadAll()
			if err != nil {
				return
			}
			if len(want) != len(recs) {
				t.Fatalf("%d records, encoding/csv %d", len(recs), len(want))
			}
			for i := range want {
				if !slices.Equal(want[i], recs[i].Fields) {
					t.Fatalf("record %d = %q, encoding/csv %q", i, recs[i].Fields, want[i])
				}
			}
		}
	})
}

// lineOf is the n-th line of text, from 1.
func lineOf(text string, n int) string {
	for l := range strings.Lines(text) {
		if n--; n == 0 {
			return l
		}
	}
	return ""
}
