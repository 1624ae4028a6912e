package rosterexport

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/participants"
)

var people = []participants.Participant{
	{Name: "Zoë Lin", Email: "zoe@exemple.ca", Status: participants.Attente},
	{Name: "=HYPERLINK(\"http://x\",\"clic\")", Organisation: "+33 6 12", Notes: "@bob\x07", Status: participants.Inscrit},
	{Name: "Élodie Œuvray", Pronouns: "elle", City: "Québec", Consent: true, Status: participants.Confirme, Attended: 3,
		RegisteredAt: time.Date(2026, 11, 4, 23, 30, 0, 0, time.UTC)},
}

func TestCSV(t *testing.T) {
	loc, _ := time.LoadLocation("America/Toronto")
	var b bytes.Buffer
	if err := CSV(&b, people, loc); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\ufeff")) {
		t.Error("no BOM")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || recs[0][6] != "Besoins d’accessibilité" {
		t.Fatalf("records %v", recs)
	}
	// Alphabetical, the French way: the formula-like name sorts first, then É with E.
	if recs[1][0] != "'=HYPERLINK(\"http://x\",\"clic\")" || recs[1][4] != "'+33 6 12" || recs[1][11] != "'@bob" {
		t.Errorf("formula-like text not neutralised: %q", recs[1])
	}
	if recs[2][0] != "Élodie Œuvray" || recs[2][7] != "oui" || recs[2][8] != "confirmé·e" || recs[2][9] != "4 novembre 2026, 18\u00a0h\u00a030" || recs[2][10] != "3" {
		t.Errorf("row %q", recs[2])
	}
}

func TestXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inscriptions.xlsx")
	var b bytes.Buffer
	if err := XLSX(&b, people, "Cohorte & co", time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC), time.UTC); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, _ := f.GetCellValue("Inscriptions", "A2")
	formula, _ := f.GetCellFormula("Inscriptions", "A2")
	if v != "=HYPERLINK(\"http://x\",\"clic\")" || formula != "" {
		t.Errorf("A2 = %q, formula %q", v, formula)
	}
	if v, _ := f.GetCellValue("Inscriptions", "L2"); v != "@bob" {
		t.Errorf("control character kept: %q", v)
	}
	if v, _ := f.GetCellValue("Inscriptions", "A3"); v != "Élodie Œuvray" {
		t.Errorf("A3 = %q", v)
	}
	// Printed like the attendance workbook: one page wide, landscape, the
	// header row on every page, the cohort in the page header.
	lay, err := f.GetPageLayout("Inscriptions")
	if err != nil || lay.Orientation == nil || *lay.Orientation != "landscape" || lay.FitToWidth == nil || *lay.FitToWidth != 1 {
		t.Errorf("page layout %+v, %v", lay, err)
	}
	if hf, err := f.GetHeaderFooter("Inscriptions"); err != nil || !strings.Contains(hf.OddHeader, "Cohorte && co") {
		t.Errorf("page header %+v, %v", hf, err)
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm.Print_Titles" || names[0].RefersTo != "'Inscriptions'!$1:$1" {
		t.Errorf("print titles %+v", names)
	}
}

func TestSafe(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "-2": "'-2", "Awa": "Awa", "a\x00b": "ab", "": ""} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
}
