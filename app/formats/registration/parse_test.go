package registration

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
)

const nb = "\u00a0"

// samePerson compares two participants, times by instant.
func samePerson(got, want participants.Participant) bool {
	if !got.RegisteredAt.Equal(want.RegisteredAt) {
		return false
	}
	got.RegisteredAt, want.RegisteredAt = time.Time{}, time.Time{}
	return got == want
}

func TestParseFixtures(t *testing.T) {
	utc5 := time.FixedZone("", -5*3600)
	tests := []struct {
		file      string
		format    string
		encoding  string
		delimiter rune
		fields    []Field
		good      map[int]participants.Participant // by line
		rejected  map[int]string                   // line: part of the reason
		warned    []int
	}{
		{
			file: "google-forms-fr.csv", format: "CSV", encoding: "UTF-8 (BOM)", delimiter: ',',
			fields: []Field{FieldTimestamp, FieldEmail, FieldFirstName, FieldLastName, FieldPronouns,
				FieldOrganisation, FieldCity, FieldAccessibility, FieldConsent, FieldNote},
			good: map[int]participants.Participant{
				2: {Name: "Hélène Tremblay", Email: "helene.tremblay@example.org", Pronouns: "elle",
					Organisation: "Œuvre collective du Plateau", City: "Québec", Consent: true,
					Notes:        "Pourquoi vous inscrivez-vous ?" + nb + ": Pour apprendre\nà organiser ma communauté.",
					RegisteredAt: time.Date(2026, 11, 4, 18, 31, 5, 0, utc5)},
				4: {Name: "Marc N’Diaye", Email: "marc.ndiaye@example.org", Pronouns: "il",
					Organisation: "Comité logement", City: "Montréal", Accessibility: "Rampe d’accès",
					Notes:        "Pourquoi vous inscrivez-vous ?" + nb + `: =HYPERLINK("http://exemple.org")`,
					RegisteredAt: time.Date(2026, 11, 4, 19, 2, 40, 0, utc5)},
				7: {Name: "Hélène Tremblay", Email: "HELENE.TREMBLAY@example.org", Pronouns: "elle",
					City: "Québec", Accessibility: "Sous-titres", Consent: true,
					Notes:        "Pourquoi vous inscrivez-vous ?" + nb + ": Je renvoie le formulaire",
					RegisteredAt: time.Date(2026, 11, 5, 11, 30, 0, 0, utc5)},
				8: {Name: "Zoë Côté-Lévesque", Email: "zoe@example.org", Pronouns: "iel",
					Organisation: "Œuvre collective du Plateau", City: "Rimouski",
					Notes:        "Pourquoi vous inscrivez-vous ?" + nb + ": Ligne 1\nLigne 2\nLigne 3",
					RegisteredAt: time.Date(2026, 11, 6, 20, 0, 0, 0, utc5)},
				12: {Name: "François Bélanger", Email: "francois.belanger@example.org",
					Organisation: "Syndicat des cols bleus", City: "Trois-Rivières", Consent: true,
					RegisteredAt: time.Date(2026, 11, 7, 12, 5, 0, 0, utc5)},
			},
			rejected: map[int]string{5: "le courriel «" + nb + "pas-un-courriel" + nb + "» n’est pas valide", 6: "nom manquant"},
		},
		{
			file: "excel-fr.csv", format: "CSV", encoding: "Windows-1252", delimiter: ';',
			fields: []Field{FieldFirstName, FieldLastName, FieldEmail, FieldPhone, FieldOrganisation,
				FieldCity, FieldTimestamp, FieldNote},
			good: map[int]participants.Participant{
				2: {Name: "Hélène Tremblay", Email: "helene.tremblay@example.org", Phone: "418 555-0101",
					Organisation: "Œuvre collective du Plateau", City: "Québec",
					Notes:        "Commentaires" + nb + ": « Très hâte »",
					RegisteredAt: time.Date(2026, 11, 4, 18, 31, 0, 0, montreal)},
				3: {Name: "Noël Bérubé", Email: "noel@example.org", Organisation: "Cœur de quartier",
					City:         "Gaspésie–Îles-de-la-Madeleine",
					RegisteredAt: time.Date(2026, 11, 13, 9, 5, 0, 0, montreal)},
				6: {Name: "Émile Ouellet", Phone: "+1 514 555-0199", Organisation: "Comité de quartier",
					City: "Montréal", Notes: "Commentaires" + nb + ": Pas de courriel"},
			},
			rejected: map[int]string{4: "zoe.lefevre@example"},
		},
		{
			file: "forms-en.csv", format: "CSV", encoding: "UTF-8", delimiter: ',',
			fields: []Field{FieldName, FieldEmail, FieldOrganisation, FieldCity, FieldTimestamp, FieldNote},
			good: map[int]participants.Participant{
				2: {Name: "Hélène Tremblay", Email: "helene.tremblay@example.org",
					Organisation: "Œuvre collective du Plateau", City: "Québec",
					Notes:        "How did you hear about us?" + nb + ": Friend",
					RegisteredAt: time.Date(2026, 11, 4, 18, 31, 5, 0, montreal)},
				3: {Name: "Sam Okafor", Email: "sam@example.org", Organisation: "Tenants United", City: "Montréal",
					RegisteredAt: time.Date(2026, 11, 13, 9, 5, 0, 0, montreal)},
				4: {Name: "Alex Martin", Email: "alex@example.org", City: "Gatineau",
					Notes: "Timestamp" + nb + ": sometime last week\nHow did you hear about us?" + nb + ": Poster"},
				5: {Name: "Sam Okafor", Organisation: "Tenants United",
					Notes:        "How did you hear about us?" + nb + ": Sent twice",
					RegisteredAt: time.Date(2026, 11, 14, 10, 0, 0, 0, montreal)},
			},
			warned: []int{4},
		},
		{
			file: "tab.tsv", format: "CSV", encoding: "UTF-8", delimiter: '\t',
			fields: []Field{FieldName, FieldEmail, FieldPronouns, FieldCity, FieldTimestamp, FieldNote},
			good: map[int]participants.Participant{
				2: {Name: "Hélène Tremblay", Email: "helene@example.org", Pronouns: "elle", City: "Québec",
					RegisteredAt: time.Date(2026, 11, 4, 18, 31, 0, 0, montreal)},
				3: {Name: "Léa Gagnon", Email: "lea@example.org", Pronouns: "elle", City: "Montréal",
					Notes:        "Commentaire" + nb + ": Végétarienne",
					RegisteredAt: time.Date(2026, 11, 4, 17, 0, 0, 0, time.UTC)},
			},
			rejected: map[int]string{4: "nom manquant"},
		},
		{
			file: "forms.xlsx", format: "XLSX",
			fields: []Field{FieldTimestamp, FieldName, FieldEmail, FieldCity, FieldConsent, FieldPhone, FieldNote},
			good: map[int]participants.Participant{
				// The serial is read as the cohort's wall clock, not as the
				// "11/4/26 18:31" the cell shows (which, French, would be April).
				2: {Name: "Hélène Tremblay", Email: "helene@example.org", City: "Québec", Consent: true,
					Phone: "4185550101", Notes: "Notes internes" + nb + ": =1+1",
					RegisteredAt: time.Date(2026, 11, 4, 18, 31, 5, 0, montreal)},
				5: {Name: "Zoë Côté", Email: "zoe@example.org", City: "Rimouski",
					Notes:        "Notes internes" + nb + ": Allergie aux arachides",
					RegisteredAt: time.Date(2026, 11, 6, 10, 15, 0, 0, montreal)},
			},
			rejected: map[int]string{4: "pas@valide"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := mustParse(t, tt.file)
			if s.Format != tt.format || s.Encoding != tt.encoding || s.Delimiter != tt.delimiter {
				t.Errorf("format %q encoding %q delimiter %q, want %q %q %q",
					s.Format, s.Encoding, s.Delimiter, tt.format, tt.encoding, tt.delimiter)
			}
			var fields []Field
			for _, c := range s.Columns {
				fields = append(fields, c.Field)
			}
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("fields %v, want %v", fields, tt.fields)
			}
			var lines, wantLines []int
			for _, r := range s.Rows {
				lines = append(lines, r.Line)
				if (r.Warning != nil) != slices.Contains(tt.warned, r.Line) {
					t.Errorf("line %d: warning %q", r.Line, warning(r))
				}
				if want, ok := tt.good[r.Line]; ok {
					if r.Err != nil {
						t.Errorf("line %d rejected: %v", r.Line, r.Err)
					} else if !samePerson(r.Participant, want) {
						t.Errorf("line %d:\n got %+v\nwant %+v", r.Line, r.Participant, want)
					}
				}
				if reason, ok := tt.rejected[r.Line]; ok {
					if r.Err == nil || !strings.Contains(r.Err.Error(), reason) {
						t.Errorf("line %d: error %v, want one with %q", r.Line, r.Err, reason)
					} else {
						noPlainSpaceBeforeColon(t, "row error", r.Err.Error())
					}
				}
			}
			for l := range tt.good {
				wantLines = append(wantLines, l)
			}
			for l := range tt.rejected {
				wantLines = append(wantLines, l)
			}
			slices.Sort(wantLines)
			if !slices.Equal(lines, wantLines) {
				t.Errorf("rows at lines %v, want %v", lines, wantLines)
			}
		})
	}
}

func TestParseEncodings(t *testing.T) {
	const text = "Nom;Organisation\r\nHélène Côté;Œuvre « commune »\r\n"
	cp1252 := []byte("Nom;Organisation\r\nH\xe9l\xe8ne C\xf4t\xe9;\x8cuvre \xab commune \xbb\r\n")
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range text {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	tests := []struct {
		name string
		in   []byte
		enc  string
	}{
		{"utf-8", []byte(text), "UTF-8"},
		{"utf-8 bom", append([]byte("\xef\xbb\xbf"), text...), "UTF-8 (BOM)"},
		{"windows-1252", cp1252, "Windows-1252"},
		{"utf-16 bom", utf16, "UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(bytes.NewReader(tt.in), "inscriptions.csv", montreal)
			if err != nil {
				t.Fatal(err)
			}
			if s.Encoding != tt.enc {
				t.Errorf("encoding %q, want %q", s.Encoding, tt.enc)
			}
			if len(s.Rows) != 1 {
				t.Fatalf("%d rows", len(s.Rows))
			}
			p := s.Rows[0].Participant
			if p.Name != "Hélène Côté" || p.Organisation != "Œuvre « commune »" {
				t.Errorf("read %q / %q", p.Name, p.Organisation)
			}
		})
	}
}

// TestParseShapes covers the ways a file can be laid out: line endings,
// quoting, delimiters, blank and ragged rows.
func TestParseShapes(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		delim rune
		lines []int
		names []string
		notes []string // of the first row
	}{
		{"crlf", "Nom,Ville\r\nA,B\r\nC,D\r\n", ',', []int{2, 3}, []string{"A", "C"}, []string{""}},
		{"cr only (old Excel for Mac)", "Nom,Ville\rA,B\rC,D\r", ',', []int{2, 3}, []string{"A", "C"}, nil},
		{"no final newline", "Nom,Ville\nA,B", ',', []int{2}, []string{"A"}, nil},
		{"quoted newline moves the next line", "Nom,Note\n\"A\",\"x\r\ny\r\nz\"\nB,w\n", ',', []int{2, 5}, []string{"A", "B"},
			[]string{"Note" + nb + ": x\ny\nz"}},
		{"semicolon wins over commas in a header", "Nom, prénom;Courriel;Ville\nRoy, Julie;j@example.org;Laval\n", ';', []int{2},
			[]string{"Roy, Julie"}, nil},
		{"comma inside quotes is not a delimiter", "\"Nom;complet\",Ville\nA,B\n", ',', []int{2}, []string{"A"}, nil},
		{"blank and delimiter-only rows skipped", "\n\nNom;Ville\n;;\n\nA;B\n ; \n", ';', []int{6}, []string{"A"}, nil},
		{"spaces and no-break spaces trimmed", "Nom , Remarque\n\u00a0 A\u00a0 ,\u200b B \n", ',', []int{2}, []string{"A"},
			[]string{"Remarque" + nb + ": B"}},
		{"value past the last header kept", "Nom,Remarque\nA,B,en trop\n", ',', []int{2}, []string{"A"},
			[]string{"Remarque" + nb + ": B\nColonne 3" + nb + ": en trop"}},
		{"short row", "Nom,Ville,Pronoms\nA\n", ',', []int{2}, []string{"A"}, []string{""}},
		{"stray quote", "Nom,Ville\nA \"le grand\" B,Laval\n", ',', []int{2}, []string{"A \"le grand\" B"}, nil},
		{"one column", "Nom\nA\nB\n", ',', []int{2, 3}, []string{"A", "B"}, nil},
		{"title line above the table", "Inscriptions automne 2026;;;\n\nPrénom;Nom;Courriel\nA;B;a@example.org\n", ';', []int{4},
			[]string{"A B"}, []string{""}},
		{"mailto and spaces around the email", "Nom,Courriel\nA, mailto:a@example.org \n", ',', []int{2}, []string{"A"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(strings.NewReader(tt.in), "x.csv", montreal)
			if err != nil {
				t.Fatal(err)
			}
			if s.Delimiter != tt.delim {
				t.Errorf("delimiter %q, want %q", s.Delimiter, tt.delim)
			}
			var lines []int
			var names []string
			for _, r := range s.Rows {
				lines = append(lines, r.Line)
				names = append(names, r.Participant.Name)
				if r.Err != nil {
					t.Errorf("line %d rejected: %v", r.Line, r.Err)
				}
			}
			if !slices.Equal(lines, tt.lines) || !slices.Equal(names, tt.names) {
				t.Errorf("lines %v names %q, want %v %q", lines, names, tt.lines, tt.names)
			}
			for i, n := range tt.notes {
				if got := s.Rows[i].Participant.Notes; got != n {
					t.Errorf("row %d notes %q, want %q", i, got, n)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	tests := []struct {
		name string
		file string
		in   []byte
		want string
	}{
		{"empty", "x.csv", nil, "Ce fichier est vide."},
		{"bom only", "x.csv", []byte("\xef\xbb\xbf"), "Ce fichier est vide."},
		{"blank lines", "x.csv", []byte("\r\n \r\n\t\n"), "Ce fichier est vide."},
		{"delimiters only", "x.csv", []byte(";;;\n;;\n"), "Ce fichier est vide."},
		{"binary", "photo.csv", png, "données binaires"},
		{"control characters", "x.csv", []byte("Nom\x01\x02\x03\x04\nA\x05\x06"), "données binaires"},
		{"no name column", "x.csv", []byte("Courriel,Ville\na@example.org,Laval\n"), "Aucune colonne ne ressemble à un nom"},
		{"garbage text", "x.csv", []byte("lorem ipsum dolor\nsit amet\n"), "Aucune colonne ne ressemble à un nom"},
		{"header only", "x.csv", []byte("Nom,Courriel\r\n"), "aucune inscription"},
		{"old xls", "x.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ".xls"},
		{"xlsx that is not", "x.xlsx", []byte("Nom,Courriel\nA,a@example.org\n"), "n’est pas un classeur Excel lisible"},
		{"broken zip", "x.xlsx", []byte("PK\x03\x04garbage garbage garbage"), "n’a pas pu être lu"},
		{"ods", "x.ods", []byte("PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), ".ods"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(bytes.NewReader(tt.in), tt.file, montreal)
			if err == nil {
				t.Fatalf("no error; sheet %+v", s)
			}
			if s != nil {
				t.Error("a sheet came back with the error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want one with %q", err, tt.want)
			}
			noPlainSpaceBeforeColon(t, "error", err.Error())
		})
	}
}

func TestParseTooBig(t *testing.T) {
	r := ioRepeat{b: []byte("Nom\nA\n")}
	_, err := Parse(&r, "x.csv", montreal)
	if err == nil || !strings.Contains(err.Error(), "trop gros") {
		t.Errorf("error %v", err)
	}
}

// ioRepeat repeats b forever.
type ioRepeat struct {
	b []byte
	i int
}

func (r *ioRepeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.b[r.i%len(r.b)]
		r.i++
	}
	return len(p), nil
}

func TestSetField(t *testing.T) {
	tests := []struct {
		name   string
		col    int
		field  Field
		fields []Field
		row    int // index of the row checked
		check  func(Row) bool
	}{
		{"note becomes accessibility", 5, FieldAccessibility,
			[]Field{FieldName, FieldEmail, FieldPronouns, FieldCity, FieldTimestamp, FieldAccessibility}, 1,
			func(r Row) bool { return r.Participant.Accessibility == "Végétarienne" && r.Participant.Notes == "" }},
		{"a field moves: the old column becomes a note", 3, FieldName,
			[]Field{FieldNote, FieldEmail, FieldPronouns, FieldName, FieldTimestamp, FieldNote}, 0,
			func(r Row) bool {
				return r.Participant.Name == "Québec" && r.Participant.Notes == "Nom complet"+nb+": Hélène Tremblay"
			}},
		{"dropping the timestamp keeps it as a note", 4, FieldNote,
			[]Field{FieldName, FieldEmail, FieldPronouns, FieldCity, FieldNote, FieldNote}, 0,
			func(r Row) bool {
				return r.Participant.RegisteredAt.IsZero() && strings.HasPrefix(r.Participant.Notes, "Horodateur"+nb+": 4 nov.")
			}},
		{"email on a column of names rejects the rows", 0, FieldEmail,
			[]Field{FieldEmail, FieldNote, FieldPronouns, FieldCity, FieldTimestamp, FieldNote}, 0,
			func(r Row) bool { return r.Err != nil && strings.Contains(r.Err.Error(), "nom manquant") }},
		{"an ignored note is not imported", 5, FieldIgnore,
			[]Field{FieldName, FieldEmail, FieldPronouns, FieldCity, FieldTimestamp, FieldIgnore}, 1,
			func(r Row) bool {
				return r.Participant.Notes == "" && r.Participant.Accessibility == "" && r.Err == nil
			}},
		{"an ignored field is neither read nor kept as a note", 3, FieldIgnore,
			[]Field{FieldName, FieldEmail, FieldPronouns, FieldIgnore, FieldTimestamp, FieldNote}, 0,
			func(r Row) bool {
				return r.Participant.City == "" && r.Participant.Notes == "" && r.Participant.Name == "Hélène Tremblay"
			}},
		{"ignoring the name column rejects the rows", 0, FieldIgnore,
			[]Field{FieldIgnore, FieldEmail, FieldPronouns, FieldCity, FieldTimestamp, FieldNote}, 0,
			func(r Row) bool { return r.Err != nil && strings.Contains(r.Err.Error(), "nom manquant") }},
		{"column out of range changes nothing", 9, FieldName,
			[]Field{FieldName, FieldEmail, FieldPronouns, FieldCity, FieldTimestamp, FieldNote}, 0,
			func(r Row) bool { return r.Participant.Name == "Hélène Tremblay" }},
		{"unknown field changes nothing", 0, Field(99),
			[]Field{FieldName, FieldEmail, FieldPronouns, FieldCity, FieldTimestamp, FieldNote}, 0,
			func(r Row) bool { return r.Participant.Name == "Hélène Tremblay" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, "tab.tsv")
			s.SetField(tt.col, tt.field)
			var fields []Field
			for _, c := range s.Columns {
				fields = append(fields, c.Field)
			}
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("fields %v, want %v", fields, tt.fields)
			}
			if r := s.Rows[tt.row]; !tt.check(r) {
				t.Errorf("row %+v", r)
			}
		})
	}
}

// An ignored column reaches nobody's details, whatever the import does
// with the rows: a new person and an existing one the file completes.
func TestIgnoredColumnIsNotImported(t *testing.T) {
	s := mustParse(t, "tab.tsv")
	existing := []participants.Participant{{ID: 1, Name: "Léa Gagnon", Email: "lea@example.org", Pronouns: "elle", Status: participants.Inscrit}}
	before := Plan(s, existing, 10, time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC))
	if len(before.Update) != 1 || before.Update[0].City != "Montréal" || !strings.Contains(before.Update[0].Notes, "Végétarienne") {
		t.Fatalf("before ignoring: %+v", before.Update)
	}
	s.SetField(3, FieldIgnore) // Ville
	s.SetField(5, FieldIgnore) // Commentaire
	res := Plan(s, existing, 10, time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC))
	if len(res.Add) != 1 || res.Add[0].Name != "Hélène Tremblay" || res.Add[0].City != "" || res.Add[0].Notes != "" {
		t.Errorf("added %+v", res.Add)
	}
	if len(res.Update) != 0 || res.Unchanged != 1 {
		t.Errorf("updated %+v, %d unchanged: the ignored columns filled someone in", res.Update, res.Unchanged)
	}
}

func TestFieldLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Fields() {
		l := f.Label()
		if l == "" || seen[l] || strings.Contains(l, "inconnu") {
			t.Errorf("field %d: label %q", f, l)
		}
		seen[l] = true
	}
	if fs := Fields(); len(fs) != int(fieldCount) || fs[0] != FieldNote || fs[1] != FieldIgnore {
		t.Errorf("Fields() = %v", fs)
	}
	if FieldIgnore.Label() != "Ignorer cette colonne" {
		t.Errorf("ignore reads %q", FieldIgnore.Label())
	}
	if FieldEmail.Label() != "Courriel" || FieldFirstName.Label() != "Prénom" || FieldNote.Label() != "Note (colonne conservée)" {
		t.Error("labels changed")
	}
}
