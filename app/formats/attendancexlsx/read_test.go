package attendancexlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/participants"
)

// edit opens the workbook at path, sets cells as a person would in Excel,
// saves it and returns its bytes.
func edit(t *testing.T, path string, cells map[string]any) []byte {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for c, v := range cells {
		if err := f.SetCellValue(SheetAttendance, c, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadMarksRoundTrip(t *testing.T) {
	c, people, marks := testCohort(t), testPeople(), testMarks()
	path, _ := writeFile(t, c, people, marks)

	unchanged, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	changes, problems, err := ReadMarks(bytes.NewReader(unchanged), c, people, marks)
	if err != nil || len(changes) != 0 || len(problems) != 0 {
		t.Fatalf("fichier non modifié : %v, %v, %v", changes, problems, err)
	}

	tests := []struct {
		name  string
		cells map[string]any
		want  []Change
	}{
		{"one mark set", map[string]any{"H3": "Absent·e"}, []Change{
			{ParticipantID: 2, SessionID: 103, Name: "Élodie Gagnon", Session: 3, From: "", To: participants.Absent},
		}},
		{"changed and cleared", map[string]any{"F4": "en retard", "H4": ""}, []Change{
			{ParticipantID: 1, SessionID: 101, Name: "Zoé Tremblay", Session: 1, From: participants.Present, To: participants.Retard},
			{ParticipantID: 1, SessionID: 103, Name: "Zoé Tremblay", Session: 3, From: participants.Absent, To: ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := edit(t, path, tt.cells)
			changes, problems, err := ReadMarks(bytes.NewReader(data), c, people, marks)
			if err != nil || len(problems) != 0 {
				t.Fatalf("err %v, problèmes %v", err, problems)
			}
			if !reflect.DeepEqual(changes, tt.want) {
				t.Errorf("changements = %+v\nattendus %+v", changes, tt.want)
			}
		})
	}
}

func TestReadMarksProblems(t *testing.T) {
	c, people, marks := testCohort(t), testPeople(), testMarks()
	path, _ := writeFile(t, c, people, marks)
	data := edit(t, path, map[string]any{
		"F2": "Peut-être",                   // unknown mark
		"C3": "nouveau@example.org",         // changed courriel: matched by name
		"G3": "Absent·e",                    //
		"A5": "Inconnue", "F5": "Présent·e", // unknown person in the blank row
		"A7": "ZOE TREMBLAY", "C7": "zoe@example.org", // duplicate of row 4
	})
	changes, problems, err := ReadMarks(bytes.NewReader(data), c, people, marks)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{{ParticipantID: 2, SessionID: 102, Name: "Élodie Gagnon", Session: 2, From: participants.Present, To: participants.Absent}}
	if !reflect.DeepEqual(changes, want) {
		t.Errorf("changements = %+v", changes)
	}
	wantRows := []int{2, 5, 7}
	var rows []int
	for _, p := range problems {
		rows = append(rows, p.Row)
	}
	if !reflect.DeepEqual(rows, wantRows) {
		t.Fatalf("problèmes = %v", problems)
	}
	for i, frag := range []string{"« Peut-être » est inconnue", "« Inconnue »", "figure déjà à la ligne 4"} {
		if !strings.Contains(problems[i].String(), frag) {
			t.Errorf("problème %d = %q, attendu %q", i, problems[i], frag)
		}
	}
}

func TestReadMarksNotAWorkbook(t *testing.T) {
	_, _, err := ReadMarks(strings.NewReader("Nom,Courriel\n"), testCohort(t), testPeople(), nil)
	if err == nil || !strings.Contains(err.Error(), "classeur") {
		t.Errorf("err = %v", err)
	}
	f := excelize.NewFile()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	_, _, err = ReadMarks(&buf, testCohort(t), testPeople(), nil)
	if err == nil || !strings.Contains(err.Error(), "« Présences »") {
		t.Errorf("err = %v", err)
	}
}

// TestLibreOfficeCSV converts the workbook with LibreOffice, when installed,
// to check that another spreadsheet reads the same texts.
func TestLibreOfficeCSV(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) absent")
	}
	path, _ := writeFile(t, testCohort(t), testPeople(), testMarks())
	dir := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "presences.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// LibreOffice recomputes the formulas: Zoé came twice out of three
	// marked sessions, and the totals row adds up.
	for _, want := range []string{"S1 — Accueil et fondements — 4 novembre 2026, 18\u00a0h\u00a030", "Zoé Tremblay", "En retard",
		"Présent·e,En retard,Absent·e,,,2,67%", "Total des présences,,,,,1,2,0,0,0,3,60%"} {
		if !strings.Contains(string(csv), want) {
			t.Errorf("CSV sans %q :\n%s", want, csv)
		}
	}
}

// TestLibreOfficeRoundTrip edits a mark, lets LibreOffice save the workbook
// in its own way (xlsx to xlsx), and reads the change back from that file.
func TestLibreOfficeRoundTrip(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) absent")
	}
	c, people, marks := testCohort(t), testPeople(), testMarks()
	path, f := writeFile(t, c, people, marks)
	// Élodie (row 3) was excused at session 1: mark her present.
	if v, _ := f.GetCellValue(SheetAttendance, "A3"); v != "Élodie Gagnon" {
		t.Fatalf("A3 = %q", v)
	}
	if err := f.SetCellValue(SheetAttendance, "F3", "Présent·e"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(out, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved, err := os.Open(filepath.Join(out, "presences.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer saved.Close()
	changes, problems, err := ReadMarks(saved, c, people, marks)
	if err != nil || len(problems) > 0 {
		t.Fatalf("ReadMarks: %v, %v", err, problems)
	}
	if len(changes) != 1 || changes[0].Name != "Élodie Gagnon" || changes[0].From != participants.Excuse || changes[0].To != participants.Present {
		t.Errorf("changes %+v", changes)
	}
}
