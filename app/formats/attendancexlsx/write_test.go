package attendancexlsx

import (
	"archive/zip"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestWriteAttendanceSheet(t *testing.T) {
	_, f := writeFile(t, testCohort(t), testPeople(), testMarks())
	const s = SheetAttendance

	wantHeader := []string{
		"Nom", "Pronoms", "Courriel", "Organisation", "Statut",
		"S1 — Accueil et fondements — 4 novembre 2026, 18\u00a0h\u00a030",
		"S2 — Pouvoir — 11 novembre 2026, 18\u00a0h\u00a030",
		"S3 — Organiser — 18 novembre 2026, 18\u00a0h\u00a030",
		"S4 — Communiquer — 25 novembre 2026, 18\u00a0h\u00a030",
		"S5 — Bilan — 2 décembre 2026, 18\u00a0h\u00a030",
		"Séances suivies", "Taux de présence",
	}
	for i, want := range wantHeader {
		if got := get(t, f, s, cellName(i+1, 1)); got != want {
			t.Errorf("en-tête %d = %q, attendu %q", i+1, got, want)
		}
	}

	// Sorted the French way: André, Élodie, Zoé.
	rows := map[string][]string{
		"A2": {"André Roy", "", "", "Syndicat", "liste d’attente", "", "", "", "", "", "0", "0%"},
		"A3": {"Élodie Gagnon", "iel", "elodie@example.org", "", "inscrit·e", "Excusé·e", "Présent·e", "", "", "", "1", "50%"},
		"A4": {"Zoé Tremblay", "elle", "zoe@example.org", "Comité logement", "confirmé·e", "Présent·e", "En retard", "Absent·e", "", "", "2", "67%"},
	}
	for start, want := range rows {
		r := int(start[1] - '0')
		for i, w := range want {
			if got := get(t, f, s, cellName(i+1, r)); got != w {
				t.Errorf("%s = %q, attendu %q", cellName(i+1, r), got, w)
			}
		}
		wantK := `COUNTIF(F` + start[1:] + `:J` + start[1:] + `,"Présent·e")+COUNTIF(F` + start[1:] + `:J` + start[1:] + `,"En retard")`
		if got := formula(t, f, s, "K"+start[1:]); got != wantK {
			t.Errorf("formule K%s = %q, attendu %q", start[1:], got, wantK)
		}
		wantL := `IFERROR(K` + start[1:] + `/COUNTA(F` + start[1:] + `:J` + start[1:] + `),0)`
		if got := formula(t, f, s, "L"+start[1:]); got != wantL {
			t.Errorf("formule L%s = %q, attendu %q", start[1:], got, wantL)
		}
	}
	for _, c := range []string{"A2", "F3", "E4"} {
		if got := formula(t, f, s, c); got != "" {
			t.Errorf("%s porte une formule %q", c, got)
		}
	}

	// Totals one blank row below the people.
	if got := get(t, f, s, "A6"); got != "Total des présences" {
		t.Errorf("A6 = %q", got)
	}
	if got, want := formula(t, f, s, "F6"), `COUNTIF(F2:F4,"Présent·e")+COUNTIF(F2:F4,"En retard")`; got != want {
		t.Errorf("F6 = %q, attendu %q", got, want)
	}
	if got := get(t, f, s, "G6"); got != "2" {
		t.Errorf("G6 = %q, attendu 2", got)
	}

	dvs, err := f.GetDataValidations(s)
	if err != nil || len(dvs) != 1 {
		t.Fatalf("validations = %v, %v", dvs, err)
	}
	if dvs[0].Sqref != "F2:J4" || dvs[0].Type != "list" || !strings.Contains(dvs[0].Formula1, "Présent·e,En retard,Absent·e,Excusé·e") {
		t.Errorf("validation = %+v", *dvs[0])
	}
	cfs, err := f.GetConditionalFormats(s)
	if err != nil || len(cfs["F2:J4"]) != 4 {
		t.Errorf("mises en forme conditionnelles = %v, %v", cfs, err)
	}
	panes, err := f.GetPanes(s)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 1 {
		t.Errorf("volets = %+v, %v", panes, err)
	}
	var filter bool
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && strings.Contains(dn.RefersTo, "$A$1:$L$4") {
			filter = true
		}
	}
	if !filter {
		t.Errorf("pas de filtre automatique sur A1:L4 : %+v", f.GetDefinedName())
	}
	if w, _ := f.GetColWidth(s, "A"); w < 15 {
		t.Errorf("largeur de A = %v", w)
	}

	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != "Présences — Cohorte automne 2026" || props.Creator != "Équipe d’animation" || !strings.HasPrefix(props.Created, "2026-11-01T12:00:00") {
		t.Errorf("propriétés = %+v", props)
	}
}

func TestWriteSummarySheet(t *testing.T) {
	path, f := writeFile(t, testCohort(t), testPeople(), testMarks())
	const s = SheetSummary
	if got := f.GetSheetList(); !slices.Equal(got[:2], []string{SheetAttendance, SheetSummary}) {
		t.Errorf("feuilles = %v", got)
	}
	checks := map[string]string{
		"A1": "Présences — Cohorte automne 2026", "B2": "3",
		"A5": "S1", "C5": "4 novembre 2026", "D5": "18\u00a0h\u00a030",
		"E5": "1", "H5": "1", "I5": "1", "J5": "50%",
		"E6": "1", "F6": "1", "I6": "2", "J6": "100%",
		"G7": "1", "I7": "0", "J7": "0%",
	}
	for c, want := range checks {
		if got := get(t, f, s, c); got != want {
			t.Errorf("%s = %q, attendu %q", c, got, want)
		}
	}
	if got, want := formula(t, f, s, "E5"), `COUNTIF('Présences'!$F$2:$F$4,"Présent·e")`; got != want {
		t.Errorf("E5 = %q, attendu %q", got, want)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var chart, drawn bool
	for _, file := range z.File {
		chart = chart || strings.HasPrefix(file.Name, "xl/charts/chart")
		if file.Name == "xl/worksheets/sheet2.xml" {
			r, err := file.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(r)
			r.Close()
			drawn = strings.Contains(string(b), "<drawing ")
		}
	}
	if !chart || !drawn {
		t.Errorf("graphique : fichier %v, lié à la feuille %v", chart, drawn)
	}
}

func TestWriteEmptyCohort(t *testing.T) {
	_, f := writeFile(t, testCohort(t), nil, nil)
	if got := get(t, f, SheetAttendance, "A1"); got != "Nom" {
		t.Errorf("A1 = %q", got)
	}
}

func TestWriteOpensOnAttendance(t *testing.T) {
	_, f := writeFile(t, testCohort(t), testPeople(), testMarks())
	if got := f.GetSheetName(f.GetActiveSheetIndex()); got != SheetAttendance {
		t.Errorf("feuille active = %q", got)
	}
}

func TestSessionSheets(t *testing.T) {
	c, people, marks := testCohort(t), testPeople(), testMarks()
	_, f := writeFile(t, c, people, marks)
	sheets := f.GetSheetList()
	if len(sheets) != 2+len(c.Sessions) || sheets[2] != "Séance 1" {
		t.Fatalf("sheets %v", sheets)
	}
	title, _ := f.GetCellValue("Séance 1", "A1")
	if !strings.HasPrefix(title, "Séance 1 — ") || !strings.Contains(title, "18\u00a0h\u00a030") {
		t.Errorf("title %q", title)
	}
	rows, _ := f.GetRows("Séance 2")
	var marked int
	for _, m := range marks {
		if m.SessionID == c.Sessions[1].ID {
			marked++
		}
	}
	if len(rows) != 3+marked {
		t.Errorf("session 2 lists %d rows for %d marks: %v", len(rows)-3, marked, rows)
	}
}
