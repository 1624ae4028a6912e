package registration

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"atelier/app/domain/participants"
	"atelier/app/formats/tabular/tabulartest"
)

// FuzzParse feeds Parse anything: it must never panic, and what it
// accepts must plan consistently (importing it twice adds nobody).
func FuzzParse(f *testing.F) {
	for _, name := range []string{"google-forms-fr.csv", "excel-fr.csv", "forms-en.csv", "tab.tsv", "forms.xlsx"} {
		f.Add(fixture(f, name), name)
	}
	f.Add([]byte("Nom;Courriel\r\n\"A\r\nB\";a@example.org\r\n"), "x.csv")
	f.Add([]byte("Prénom,Nom,Horodateur\nA,B,4 nov. 2026 18 h 31\nC,D,11/13/2026 9:05 PM GMT-5\n"), "x.csv")
	f.Add([]byte("\xef\xbb\xbfNom\tCourriel\n\"=1+1\"\t@x\n"), "x.tsv")
	f.Add([]byte("\xff\xfeN\x00o\x00m\x00\n\x00A\x00"), "x.txt")
	f.Add([]byte("PK\x03\x04"), "x.xlsx")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		s, err := Parse(bytes.NewReader(data), name, time.UTC)
		if err != nil {
			if s != nil {
				t.Fatal("a sheet with an error")
			}
			msg := err.Error()
			if first, _ := utf8.DecodeRuneInString(msg); !unicode.IsUpper(first) || !strings.HasSuffix(msg, ".") {
				t.Fatalf("error is not a sentence: %q", msg)
			}
			return
		}
		if len(s.Rows) == 0 || !s.hasName() {
			t.Fatalf("accepted a sheet with %d rows, columns %+v", len(s.Rows), s.Columns)
		}
		last := 0
		for _, r := range s.Rows {
			if r.Line < last || r.Line < 1 {
				t.Fatalf("line %d after %d", r.Line, last)
			}
			last = r.Line
			if r.Err == nil {
				p := r.Participant
				p.Status = participants.Inscrit
				if err := p.Validate(); err != nil {
					t.Fatalf("line %d accepted but invalid: %v", r.Line, err)
				}
			}
		}
		first := Plan(s, nil, 3, planNow)
		if len(first.Add) > len(s.Rows) || len(first.Rejected) > len(s.Rows) {
			t.Fatalf("plan %+v for %d rows", first, len(s.Rows))
		}
		for _, p := range first.Add {
			if err := p.Validate(); err != nil {
				t.Fatalf("would add an invalid person: %v", err)
			}
		}
		existing := saved(first.Add, 1)
		if again := Plan(s, existing, 3, planNow); len(again.Add) != 0 || len(again.Update) != 0 {
			t.Fatalf("second import adds %d, updates %d (first %s)", len(again.Add), len(again.Update), first.Summary())
		}
		_ = first.Summary()
		for col := range s.Columns {
			s.SetField(col, Field(col%int(fieldCount)))
		}
		_ = Plan(s, existing, 0, planNow)
	})
}

// FuzzParseXLSX feeds Parse a real registration workbook whose sheet says
// anything: excelize must never crash Parse, the limits must hold for
// what it accepts, and a refusal must be a French sentence.
func FuzzParseXLSX(f *testing.F) {
	workbook := xlsxFixture(f)
	const part = "xl/worksheets/sheet1.xml"
	sheet := tabulartest.Part(workbook, part)
	if sheet == nil {
		f.Fatalf("no %s in the fixture", part)
	}
	f.Add(sheet)
	f.Add(bytes.Replace(sheet, []byte(`r="B2"`), []byte(`r="XFD2"`), 1))
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row>` +
		`<row r="20000"><c r="A20000" t="s"><v>999</v></c><c r="GR20000" t="n"><v>45000.5</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row><c t="inlineStr"><is><t>Prénom</t></is></c><c t="inlineStr"><is><t>Nom</t></is></c></row>` +
		`<row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		data := tabulartest.ReplacePart(workbook, part, body)
		s, err := Parse(bytes.NewReader(data), "inscriptions.xlsx", time.UTC)
		if err != nil {
			if s != nil {
				t.Fatal("a sheet with an error")
			}
			msg := err.Error()
			if first, _ := utf8.DecodeRuneInString(msg); !unicode.IsUpper(first) || !strings.HasSuffix(msg, ".") {
				t.Fatalf("error is not a sentence: %q", msg)
			}
			return
		}
		if s.Format != "XLSX" || len(s.Rows) == 0 || !s.hasName() {
			t.Fatalf("accepted %s with %d rows", s.Format, len(s.Rows))
		}
		if len(s.Columns) > xlsxLimits.Columns || len(s.Rows) > xlsxLimits.Rows {
			t.Fatalf("%d columns, %d rows: past the limits", len(s.Columns), len(s.Rows))
		}
		last := 0
		for _, r := range s.Rows {
			if r.Line <= last || r.Line > xlsxLimits.Rows {
				t.Fatalf("row %d after %d", r.Line, last)
			}
			last = r.Line
		}
		_ = Plan(s, nil, 3, planNow).Summary()
	})
}

// csv10k is a 10 000-row export as Google Forms writes it.
func csv10k() []byte {
	var b bytes.Buffer
	b.WriteString("\xef\xbb\xbfHorodateur,Adresse courriel,Prénom,Nom de famille,Pronoms,Groupe ou organisation,Ville,Besoins d’accessibilité,J’accepte d’être contacté·e,Pourquoi vous inscrivez-vous ?\r\n")
	for i := range 10000 {
		fmt.Fprintf(&b, "2026/11/%02d %d:%02d:05 PM UTC−5,personne%d@example.org,Hélène%d,Tremblay-Œuvre,elle,Comité %d,Québec,,J’accepte d’être contacté·e,\"Pour apprendre,\r\nensemble\"\r\n",
			1+i%28, 1+i%12, i%60, i, i, i%50)
	}
	return b.Bytes()
}

// BenchmarkImport10k parses and plans a 10 000-row CSV against an empty
// roster.
func BenchmarkImport10k(b *testing.B) {
	data := csv10k()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s, err := Parse(bytes.NewReader(data), "inscriptions.csv", time.UTC)
		if err != nil {
			b.Fatal(err)
		}
		if r := Plan(s, nil, 25, planNow); len(r.Add) != 10000 || r.Waitlisted != 10000-25 {
			b.Fatalf("plan: %s", r.Summary())
		}
	}
}

// TestImport10kTwice imports 10 000 rows, then the same file again: the
// second time adds nobody (matching must stay a map lookup, not a scan;
// BenchmarkImport10k measures the time).
func TestImport10kTwice(t *testing.T) {
	s, err := Parse(bytes.NewReader(csv10k()), "inscriptions.csv", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	first := Plan(s, nil, 25, planNow)
	r := Plan(s, saved(first.Add, 1), 25, planNow)
	if len(first.Add) != 10000 || len(r.Add) != 0 || r.Unchanged != 10000 {
		t.Errorf("first %s; again %s", first.Summary(), r.Summary())
	}
}
