package tabular_test

import (
	"bytes"
	"slices"
	"testing"

	"atelier/app/formats/tabular"
	"atelier/app/formats/tabular/tabulartest"
)

// hostile are cells a spreadsheet would split or run.
var hostile = []string{
	"Jean;=1+2;x", `=HYPERLINK("http://x")`, "@SUM(1)", "-5", "+1 514 555 0100", "😀 Zoë",
	"« guillemets »", "deux\nlignes\n=1+2", `"cité"`, "a,b", "tab\there", " espace ", "\t=1", "'=déjà", "＝1", "",
}

func TestWriterSurvivesAnySeparator(t *testing.T) {
	var b bytes.Buffer
	w := tabular.NewWriter(&b)
	head := []string{"Nom", "Note"}
	if err := w.Write(head); err != nil {
		t.Fatal(err)
	}
	for _, h := range hostile {
		if err := w.Write([]string{h, "fin;" + h}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	recs := tabulartest.CheckCSV(t, b.Bytes())
	if len(recs) != len(hostile)+1 {
		t.Fatalf("%d records, want %d", len(recs), len(hostile)+1)
	}
	for i, h := range hostile {
		got := []string{tabular.Unguard(recs[i+1][0]), tabular.Unguard(recs[i+1][1])}
		if want := []string{h, "fin;" + h}; !slices.Equal(got, want) {
			t.Errorf("record %d = %q, want %q", i+2, got, want)
		}
	}
}
