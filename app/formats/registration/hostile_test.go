package registration

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"atelier/app/formats/tabular"
)

// TestParseUnclosedQuote: a quote that opens a cell and never closes used
// to swallow every following line into one name. The line is set aside
// with its number, and the rows after it are read.
func TestParseUnclosedQuote(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"never closed", "Nom,Courriel\r\nAwa,awa@exemple.ca\r\n\"Jean,jean@exemple.ca\r\nMarie,marie@exemple.ca\r\nPaul,paul@exemple.ca\r\n"},
		{"closed by a later cell", "Nom;Ville\nAwa;Laval\n\"Jean;Montréal\nMarie;\"Lévis\"\nPaul;Québec\n"},
	}
	for _, tt := range tests {
		s, err := Parse(strings.NewReader(tt.data), "x.csv", montreal)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for _, r := range s.Rows {
			if r.Err != nil {
				if r.Line != 3 || !errors.Is(r.Err, tabular.ErrUnclosedQuote) {
					t.Errorf("%s: line %d rejected: %v", tt.name, r.Line, r.Err)
				}
				if !strings.HasPrefix(r.Err.Error(), "guillemet ouvrant sans guillemet fermant (") {
					t.Errorf("%s: message %q", tt.name, r.Err)
				}
				continue
			}
			got = append(got, r.Participant.Name)
		}
		if want := "Awa|Marie|Paul"; strings.Join(got, "|") != want || len(s.Rows) != 4 {
			t.Errorf("%s: read %q in %d rows, want %s and the bad line", tt.name, got, len(s.Rows), want)
		}
	}
}

// TestParseOneInvalidByte: one byte of Windows-1252 in a UTF-8 file used
// to turn the whole file into « HÃ©lÃ¨ne ». The file stays UTF-8, the
// other names intact, and the row with the bad byte says so.
func TestParseOneInvalidByte(t *testing.T) {
	data := "Nom;Ville\r\nHélène Côté;Québec\r\nJos\xe9 Roy;Lévis\r\nZoé Œuvray;Montréal\r\n"
	s, err := Parse(strings.NewReader(data), "x.csv", montreal)
	if err != nil {
		t.Fatal(err)
	}
	if s.Encoding != "UTF-8" {
		t.Errorf("encoding %q", s.Encoding)
	}
	want := []struct{ name, city string }{{"Hélène Côté", "Québec"}, {"Jos\ufffd Roy", "Lévis"}, {"Zoé Œuvray", "Montréal"}}
	if len(s.Rows) != len(want) {
		t.Fatalf("%d rows", len(s.Rows))
	}
	for i, w := range want {
		r := s.Rows[i]
		if r.Participant.Name != w.name || r.Participant.City != w.city {
			t.Errorf("row %d = %q, %q; want %q, %q", i, r.Participant.Name, r.Participant.City, w.name, w.city)
		}
		if bad := r.Line == 3; bad != strings.Contains(warning(r), "caractères illisibles") {
			t.Errorf("line %d warning %q", r.Line, warning(r))
		}
	}
	// Setting a field again keeps the warning.
	s.SetField(1, FieldOrganisation)
	if !strings.Contains(warning(s.Rows[1]), "illisibles") {
		t.Errorf("warning lost: %q", warning(s.Rows[1]))
	}

	s, err = Parse(strings.NewReader("Nom;Vill\xe9\r\nHélène;Québec\r\nZoé;Lévis\r\n"), "x.csv", montreal)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 1 || !strings.HasPrefix(s.Warnings[0].Error(), "Ligne 1\u00a0: ") {
		t.Errorf("sheet warnings %q", s.Warnings)
	}
}

// TestParseUnguards: the apostrophe Atelier's export puts before a value
// a spreadsheet would run is taken away; a person's own apostrophe stays.
func TestParseUnguards(t *testing.T) {
	data := "Nom,Téléphone,Organisation\n'=1+2,'+1 514 555 0100,'Tit groupe\n\"Jean;'=1+2;x\",'-5,''=x\n"
	s, err := Parse(bytes.NewReader([]byte(data)), "x.csv", montreal)
	if err != nil {
		t.Fatal(err)
	}
	want := [][3]string{{"=1+2", "+1 514 555 0100", "'Tit groupe"}, {"Jean;=1+2;x", "-5", "'=x"}}
	for i, w := range want {
		p := s.Rows[i].Participant
		if got := [3]string{p.Name, p.Phone, p.Organisation}; got != w {
			t.Errorf("row %d = %q, want %q", i, got, w)
		}
	}
}

// warning is r's warning in French, "" when it has none.
func warning(r Row) string {
	if r.Warning == nil {
		return ""
	}
	return r.Warning.Error()
}

// The warnings keep their French word for word (the command line prints
// them), and hold their format and arguments for the window's language.
func TestWarningsFrench(t *testing.T) {
	s, err := Parse(strings.NewReader("Nom;Vill\xe9;Horodateur\r\nHélène;Québec;hier\r\nJos\xe9;Lévis;plus tard\r\nZoé;Laval;\r\n"), "x.csv", montreal)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 1 {
		t.Fatalf("sheet warnings %q", s.Warnings)
	}
	if got, want := s.Warnings[0].Error(), "Ligne 1\u00a0: des caractères illisibles (qui ne sont pas de l’UTF-8) sont remplacés par «\u00a0\ufffd\u00a0»\u202f; vérifiez les titres de colonnes."; got != want {
		t.Errorf("sheet warning\n got %q\nwant %q", got, want)
	}
	if len(s.Rows) != 3 {
		t.Fatalf("%d rows", len(s.Rows))
	}
	date := "date d’inscription non reconnue («\u00a0hier\u00a0»)\u00a0: la personne passe après les inscriptions datées"
	if got := warning(s.Rows[0]); got != date {
		t.Errorf("row 1 warning\n got %q\nwant %q", got, date)
	}
	both := "date d’inscription non reconnue («\u00a0plus tard\u00a0»)\u00a0: la personne passe après les inscriptions datées\u202f; " +
		"caractères illisibles (qui ne sont pas de l’UTF-8) remplacés par «\u00a0\ufffd\u00a0»\u00a0: vérifiez l’orthographe avant d’importer, ou enregistrez le fichier de nouveau en CSV UTF-8"
	if got := warning(s.Rows[1]); got != both {
		t.Errorf("row 2 warning\n got %q\nwant %q", got, both)
	}
	if s.Rows[2].Warning != nil {
		t.Errorf("row 3 warned: %q", warning(s.Rows[2]))
	}
}
