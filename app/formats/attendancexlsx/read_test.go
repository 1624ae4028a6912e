package attendancexlsx

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/participants"
	"atelier/app/kit/fold"
	"atelier/app/kit/usererr"
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
		// Row 6 is the « Séance tenue » footer: skipped.
		"A7": "ZOE TREMBLAY", "C7": "zoe@example.org", // duplicate of row 4
		"A8": "Total des présences", "F8": 2, // an older workbook's footer: skipped
		"M1": "S9 — Séance inconnue", // no such session
	})
	changes, problems, err := ReadMarks(bytes.NewReader(data), c, people, marks)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{{ParticipantID: 2, SessionID: 102, Name: "Élodie Gagnon", Session: 2, From: participants.Present, To: participants.Absent}}
	if !reflect.DeepEqual(changes, want) {
		t.Errorf("changements = %+v", changes)
	}
	wantRows := []int{1, 2, 5, 7}
	var rows []int
	for _, p := range problems {
		rows = append(rows, p.Row)
	}
	if !reflect.DeepEqual(rows, wantRows) {
		t.Fatalf("problèmes = %v", problems)
	}
	for i, frag := range []string{
		"La colonne «\u00a0S9 — Séance inconnue\u00a0» ne correspond à aucune séance",
		"Ligne 2\u00a0: La marque «\u00a0Peut-être\u00a0» de la séance 1 est inconnue",
		"Ligne 5\u00a0: Aucune personne de la cohorte ne s’appelle «\u00a0Inconnue\u00a0»",
		"Ligne 7\u00a0: La personne «\u00a0Zoé Tremblay\u00a0» figure déjà à la ligne 4",
	} {
		if !strings.Contains(problems[i].String(), frag) {
			t.Errorf("problème %d = %q, attendu %q", i, problems[i], frag)
		}
		checkSentence(t, problems[i].Message.Error())
	}
}

func TestMatchMessages(t *testing.T) {
	byEmail := map[string][]int{fold.Key("a@example.org"): {0, 1}}
	byName := map[string][]int{fold.Key("Léa Roy"): {0, 1}}
	for _, tt := range []struct{ name, email, says string }{
		{"Léa Roy", "a@example.org", "Plusieurs personnes ont le courriel"},
		{"Léa Roy", "", "Plusieurs personnes s’appellent «\u00a0Léa Roy\u00a0»"},
		{"Inconnue", "b@example.org", "ni n’a le courriel «\u00a0b@example.org\u00a0»"},
		{"Inconnue", "", "ne s’appelle «\u00a0Inconnue\u00a0»"},
	} {
		_, msg := match(byEmail, byName, tt.name, tt.email)
		if msg == nil || !strings.Contains(msg.Error(), tt.says) {
			t.Fatalf("%s, %s : %v, attendu %q", tt.name, tt.email, msg, tt.says)
		}
		checkSentence(t, msg.Error())
	}
}

// checkSentence checks a message for a person: a capital, a full stop, and
// French spacing (U+00A0 before « : » and inside guillemets, U+202F before
// ; ? !).
func checkSentence(t *testing.T, s string) {
	t.Helper()
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) || !strings.HasSuffix(s, ".") {
		t.Errorf("%q : pas une phrase (majuscule, point final)", s)
	}
	runes := []rune(s)
	for i, r := range runes {
		var before, after rune
		if i > 0 {
			before = runes[i-1]
		}
		if i+1 < len(runes) {
			after = runes[i+1]
		}
		switch {
		case r == ':' && before != '\u00a0',
			(r == ';' || r == '?' || r == '!') && before != '\u202f',
			r == '«' && after != '\u00a0',
			r == '»' && before != '\u00a0':
			t.Errorf("%q : espace avant ou dans %q à la position %d", s, r, i)
		}
	}
}

func TestReadMarksErrors(t *testing.T) {
	book := func(t *testing.T, cells map[string]string) []byte {
		f := excelize.NewFile()
		defer f.Close()
		if err := f.SetSheetName("Sheet1", SheetAttendance); err != nil {
			t.Fatal(err)
		}
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
	other := excelize.NewFile()
	var otherBuf bytes.Buffer
	if _, err := other.WriteTo(&otherBuf); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
		says string
	}{
		{"not a workbook", []byte("Nom,Courriel\n"), "n’est pas un classeur Excel (.xlsx) lisible"},
		{"no Présences sheet", otherBuf.Bytes(), "n’a pas de feuille «\u00a0Présences\u00a0»"},
		{"empty sheet", book(t, nil), "est vide"},
		{"no Nom column", book(t, map[string]string{"A1": "Courriel", "B1": "S1"}), "n’a pas de colonne «\u00a0Nom\u00a0»"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadMarks(bytes.NewReader(tt.data), testCohort(t), testPeople(), nil)
			if err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("err = %v, attendu %q", err, tt.says)
			}
			if !usererr.ForPerson(err) || usererr.Message(err) != err.Error() {
				t.Errorf("%q n’est pas une erreur pour la personne", err)
			}
			checkSentence(t, err.Error())
		})
	}
}
