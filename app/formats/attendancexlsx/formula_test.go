package attendancexlsx

import (
	"strings"
	"testing"

	"atelier/app/domain/participants"
	"atelier/app/formats/xlsxtext"
)

// TestFormulaInjection checks that text that looks like a formula is
// written as text: a spreadsheet opening the file never runs it.
func TestFormulaInjection(t *testing.T) {
	names := []string{
		`=HYPERLINK("http://x","clic")`,
		"+33 6 12 34 56 78",
		"@bob",
		"-2+3",
		"\t=1+1",
		"\r=1+1",
		"=cmd|' /C calc'!A0",
	}
	var people []participants.Participant
	for i, n := range names {
		people = append(people, participants.Participant{ID: int64(i + 1), Name: n, Organisation: n, Pronouns: "=1+2", Status: participants.Inscrit})
	}
	long := strings.Repeat("x", 40000)
	people = append(people, participants.Participant{ID: 100, Name: "zz long", Notes: "", Organisation: long, Status: participants.Inscrit})
	_, f := writeFile(t, testCohort(t), people, nil)
	rows, err := f.GetRows(SheetAttendance)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for r := 2; r <= len(people)+1; r++ {
		for _, c := range []int{1, 2, 4} {
			cell := cellName(c, r)
			if got := formula(t, f, SheetAttendance, cell); got != "" {
				t.Errorf("%s porte la formule %q", cell, got)
			}
		}
		if len(rows[r-1]) == 0 {
			t.Fatalf("ligne %d vide : %q", r, rows)
		}
		found[rows[r-1][0]] = true
	}
	for _, n := range names {
		if !found[xlsxtext.Clean(n)] {
			t.Errorf("nom %q absent ou modifié ; lignes : %q", n, rows)
		}
	}
	var sawLong bool
	for _, row := range rows {
		if len(row) > 3 && row[0] == "zz long" {
			sawLong = true
			if n := len([]rune(row[3])); n != xlsxtext.MaxCellUnits || !strings.HasSuffix(row[3], "…") {
				t.Errorf("texte long : %d caractères", n)
			}
		}
	}
	if !sawLong {
		t.Error("ligne au texte long absente")
	}
}
