package librarycsv

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzRead feeds Read anything: it must never panic; what it keeps must be
// valid resources, each problem on a line of the file, errors French
// sentences; and a list it reads must write and read back the same.
func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	if err := Write(&b, sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("sep=;\r\nTitre;Source;Langue;Séances\r\n\"Mettre en Œuvre\";Momentum;FR;\"2; 4\"\r\n"))
	f.Add([]byte("titre,source,langue\n\"Deuxième,Momentum,fr\nTroisième,Momentum,fr\n"))
	f.Add([]byte("titre,source,langue\nCaf\xe9,Momentum,fr\nRéseau,Momentum,fr\n"))
	f.Add([]byte("\xff\xfet\x00i\x00t\x00r\x00e\x00\n\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, problems, err := Read(bytes.NewReader(data))
		if err != nil {
			msg := err.Error()
			if first, _ := utf8.DecodeRuneInString(msg); !unicode.IsUpper(first) || !strings.HasSuffix(msg, ".") {
				t.Fatalf("error is not a sentence: %q", msg)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
		if len(rs) > lines {
			t.Fatalf("%d resources from %d lines", len(rs), lines)
		}
		for _, p := range problems {
			if p.Line < 1 || p.Line > lines || p.Reason == nil {
				t.Fatalf("problem %+v in %d lines", p, lines)
			}
		}
		for _, r := range rs {
			if err := r.Validate(); err != nil {
				t.Fatalf("kept an invalid resource %+v: %v", r, err)
			}
		}
		if len(rs) == 0 {
			return
		}
		var out bytes.Buffer
		if err := Write(&out, rs); err != nil {
			t.Fatal(err)
		}
		again, problems, err := Read(&out)
		if err != nil || len(problems) != 0 || len(again) != len(rs) {
			t.Fatalf("written again, read %d of %d, problems %v, error %v", len(again), len(rs), problems, err)
		}
		for i := range rs {
			if !equal(again[i], rs[i]) {
				t.Fatalf("resource %d:\n got %+v\nwant %+v", i, again[i], csvFields(rs[i]))
			}
		}
	})
}
