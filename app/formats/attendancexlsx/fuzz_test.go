package attendancexlsx

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"atelier/app/formats/tabular/tabulartest"
)

// presencesPart is the part of Write's workbook that holds « Présences »,
// its first sheet.
const presencesPart = "xl/worksheets/sheet1.xml"

// FuzzReadMarks feeds ReadMarks a real workbook of Write's whose
// « Présences » sheet says anything, and whole files of any bytes: it must
// never panic, and what it returns must make sense (changes only for the
// cohort's people and sessions, problems on real rows, errors as French
// sentences).
func FuzzReadMarks(f *testing.F) {
	c, people, marks := testCohort(f), testPeople(), testMarks()
	var buf bytes.Buffer
	if err := Write(&buf, c, people, marks, testOptions); err != nil {
		f.Fatal(err)
	}
	workbook := buf.Bytes()
	sheet := tabulartest.Part(workbook, presencesPart)
	if !bytes.Contains(sheet, []byte("Courriel")) {
		f.Fatalf("%s is not the « Présences » sheet", presencesPart)
	}
	f.Add(sheet, false)
	f.Add(bytes.Replace(sheet, []byte(`r="A2"`), []byte(`r="XFD2"`), 1), false)
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row><row r="3"><c t="s"><v>99</v></c></row></sheetData></worksheet>`), false)
	f.Add(workbook, true)
	f.Add([]byte("PK\x03\x04"), true)
	persons := map[int64]bool{}
	for _, p := range people {
		persons[p.ID] = true
	}
	sessions := map[int64]bool{}
	for _, s := range c.Sessions {
		sessions[s.ID] = true
	}
	f.Fuzz(func(t *testing.T, data []byte, whole bool) {
		if !whole {
			data = tabulartest.ReplacePart(workbook, presencesPart, data)
		}
		changes, problems, err := ReadMarks(bytes.NewReader(data), c, people, marks)
		if err != nil {
			msg := err.Error()
			if first, _ := utf8.DecodeRuneInString(msg); !unicode.IsUpper(first) || !strings.HasSuffix(msg, ".") {
				t.Fatalf("error is not a sentence: %q", msg)
			}
			return
		}
		for _, ch := range changes {
			if !persons[ch.ParticipantID] || !sessions[ch.SessionID] || ch.From == ch.To {
				t.Fatalf("change %+v", ch)
			}
		}
		if len(changes) > len(people)*len(c.Sessions) {
			t.Fatalf("%d changes for %d people", len(changes), len(people))
		}
		for _, p := range problems {
			if p.Row < 0 || p.Row > limits.Rows || p.Message == nil {
				t.Fatalf("problem %+v", p)
			}
		}
	})
}
