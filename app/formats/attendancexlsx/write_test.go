package attendancexlsx

import (
	"archive/zip"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"atelier/app/domain/participants"
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

	// Sorted the French way: André, Élodie, Zoé. Exported on 1 November,
	// before any session started: sessions 1 to 3 are held as marked, and
	// rates are over those 3.
	rows := map[int][]string{
		2: {"André Roy", "", "", "Syndicat", "liste d’attente", "", "", "", "", "", "0", "0"},
		3: {"Élodie Gagnon", "iel", "elodie@example.org", "", "inscrit·e", "Excusé·e", "Présent·e", "", "", "", "1", frac(1, 3)},
		4: {"Zoé Tremblay", "elle", "zoe@example.org", "Comité logement", "confirmé·e", "Présent·e", "En retard", "Absent·e", "", "", "2", frac(2, 3)},
	}
	for r, want := range rows {
		for i, w := range want {
			if got := raw(t, f, s, cellName(i+1, r)); !sameValue(got, w) {
				t.Errorf("%s = %q, attendu %q", cellName(i+1, r), got, w)
			}
		}
		wantK := fmt.Sprintf(`COUNTIF(F%d:J%d,"Présent·e")+COUNTIF(F%d:J%d,"En retard")`, r, r, r, r)
		if got := formula(t, f, s, fmt.Sprintf("K%d", r)); got != wantK {
			t.Errorf("formule K%d = %q, attendu %q", r, got, wantK)
		}
		wantL := fmt.Sprintf(`IF($K$6=0,"",K%d/$K$6)`, r)
		if got := formula(t, f, s, fmt.Sprintf("L%d", r)); got != wantL {
			t.Errorf("formule L%d = %q, attendu %q", r, got, wantL)
		}
	}
	for _, c := range []string{"A2", "F3", "E4"} {
		if got := formula(t, f, s, c); got != "" {
			t.Errorf("%s porte une formule %q", c, got)
		}
	}

	// The footer, one blank row below the people.
	if got := get(t, f, s, "A5"); got != "" {
		t.Errorf("A5 = %q, attendu une ligne vide", got)
	}
	footer := map[string]string{"A6": "Séance tenue", "C6": "", "F6": "oui", "G6": "oui", "H6": "oui", "I6": "non", "J6": "non", "K6": "3"}
	for c, want := range footer {
		if got := raw(t, f, s, c); got != want {
			t.Errorf("%s = %q, attendu %q", c, got, want)
		}
	}
	if got, want := formula(t, f, s, "F6"), `IF(OR(FALSE,COUNTA(F2:F4)>0),"oui","non")`; got != want {
		t.Errorf("F6 = %q, attendu %q", got, want)
	}
	if got, want := formula(t, f, s, "K6"), `COUNTIF(F6:J6,"oui")`; got != want {
		t.Errorf("K6 = %q, attendu %q", got, want)
	}
	if st, _ := f.GetCellStyle(s, "L3"); st == 0 {
		t.Error("L3 sans format de pourcentage")
	} else if style, err := f.GetStyle(st); err != nil || style.CustomNumFmt == nil || *style.CustomNumFmt != "0\"\u00a0\"%" {
		t.Errorf("format de L3 = %+v, %v", style, err)
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
	// Zoé and Élodie hold a seat, André waits. Sessions 1 to 3 are held:
	// 1 of 2 came to session 1, 2 of 2 to session 2, 0 of 2 to session 3.
	checks := map[string]string{
		"A1": "Présences — Cohorte automne 2026", "A2": "État au dimanche 1er novembre 2026 à 7\u00a0h.",
		"A3": "Personnes", "C3": "3",
		"A4": "Attendu·e·s à chaque séance", "C4": "2",
		"A5": "Séances tenues", "C5": "3",
		"A6": "Taux de présence de la cohorte", "C6": "0.5",
		"A8": "Séance", "E8": "Tenue", "F8": "Attendu·e·s", "G8": "Présent·e", "H8": "En retard", "I8": "Absent·e",
		"J8": "Excusé·e", "K8": "Sans marque", "L8": "Taux de présence", "M8": "Présent·e·s sans place",
		"A9": "S1", "B9": "Accueil et fondements", "C9": "4 novembre 2026", "D9": "18\u00a0h\u00a030",
		"E9": "oui", "F9": "2", "G9": "1", "H9": "0", "I9": "0", "J9": "1", "K9": "0", "L9": "0.5", "M9": "0",
		"E10": "oui", "G10": "1", "H10": "1", "K10": "0", "L10": "1",
		"E11": "oui", "I11": "1", "K11": "1", "L11": "0",
		"E12": "non", "K12": "2", "L12": "",
	}
	for c, want := range checks {
		if got := raw(t, f, s, c); !sameValue(got, want) {
			t.Errorf("%s = %q, attendu %q", c, got, want)
		}
	}
	if got := get(t, f, s, "C6"); !strings.HasPrefix(got, "50") {
		t.Errorf("C6 affiché %q", got)
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

func TestSessionSheetWalkIns(t *testing.T) {
	c := testCohort(t)
	people := []participants.Participant{
		{ID: 1, Name: "Ana Sansinscription", Status: participants.SansInscription},
		{ID: 2, Name: "Bob Inscrit-Après", Status: participants.Confirme},
		{ID: 3, Name: "Cléo Vidéo", Status: participants.Inscrit, Notes: "Arrivée tardive"},
		{ID: 4, Name: "Dan Attente", Status: participants.Attente},
	}
	marks := []participants.Attendance{
		{ParticipantID: 1, SessionID: 101, Mark: participants.Present},
		{ParticipantID: 2, SessionID: 101, Mark: participants.Present, Note: participants.WalkInNote},
		{ParticipantID: 3, SessionID: 101, Mark: participants.Present, Minutes: 85, Note: "Rapport vidéo"},
		{ParticipantID: 4, SessionID: 101, Mark: participants.Retard},
	}
	_, f := writeFile(t, c, people, marks)
	rows, err := f.GetRows("Séance 1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 3 || rows[2][5] != "Arrivée sans inscription" {
		t.Fatalf("lignes %q", rows)
	}
	want := map[string]string{"Ana Sansinscription": "oui", "Bob Inscrit-Après": "oui", "Cléo Vidéo": "", "Dan Attente": ""}
	for _, r := range rows[3:] {
		got := ""
		if len(r) > 5 {
			got = r[5]
		}
		if w, ok := want[r[0]]; !ok || got != w {
			t.Errorf("%s : sans inscription = %q, attendu %q", r[0], got, w)
		}
		delete(want, r[0])
	}
	if len(want) > 0 {
		t.Errorf("absent·e·s de la feuille : %v", want)
	}
}
