package registration

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the cohort's zone, whatever the machine has installed

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata/")

// montreal is the cohorts' usual time zone.
var montreal = mustZone("America/Toronto")

func mustZone(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// excelSemicolon is what Excel on a French Windows writes for « CSV
// (séparateur : point-virgule) »: Windows-1252, semicolons, CRLF. Written
// here in UTF-8, encoded into testdata/excel-fr.csv.
const excelSemicolon = "Prénom;Nom;Courriel;Téléphone;Organisme;Région;Date d'inscription;Commentaires\r\n" +
	"Hélène;Tremblay;helene.tremblay@example.org;418 555-0101;Œuvre collective du Plateau;Québec;04/11/2026 18:31;« Très hâte »\r\n" +
	"Noël;Bérubé;noel@example.org;;Cœur de quartier;Gaspésie–Îles-de-la-Madeleine;13/11/2026 09:05;\r\n" +
	"Zoé;Lefèvre;zoe.lefevre@example;;;Montréal;05/11/2026 10:00;courriel incomplet\r\n" +
	";;;;;;;\r\n" +
	"Émile;Ouellet;;+1 514 555-0199;Comité de quartier;Montréal;;Pas de courriel\r\n"

// TestExcelFixture keeps testdata/excel-fr.csv equal to excelSemicolon
// encoded in Windows-1252 (go test -run TestExcelFixture -update writes it).
func TestExcelFixture(t *testing.T) {
	want, err := charmap.Windows1252.NewEncoder().Bytes([]byte(excelSemicolon))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "excel-fr.csv")
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from excelSemicolon encoded in Windows-1252; run with -update", path)
	}
	if bytes.Contains(got, []byte("Ã")) || !bytes.Contains(got, []byte{0x8C}) {
		t.Errorf("%s is not Windows-1252 (Œ should be the byte 0x8C)", path)
	}
}

// xlsxFixture is a workbook as Google Sheets or Excel saves form answers:
// the registration time stored as a date serial with a date format, a
// boolean consent, a phone stored as a number, a blank row.
func xlsxFixture(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sh = "Réponses au formulaire 1"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Horodatage", "Nom", "Courriel", "Ville", "Consentement", "Téléphone", "Notes internes"},
		{time.Date(2026, 11, 4, 18, 31, 5, 0, time.UTC), "Hélène Tremblay", "helene@example.org", "Québec", true, 4185550101, "=1+1"},
		nil,
		{time.Date(2026, 11, 5, 9, 0, 0, 0, time.UTC), "Benoît Lœuvre", "pas@valide", "Lévis", false, nil, nil},
		{"2026-11-06 10:15", "Zoë Côté", "zoe@example.org", "Rimouski", false, nil, "Allergie aux arachides"},
	}
	for i, r := range rows {
		if r == nil {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fixture reads a fixture by name; "forms.xlsx" is generated.
func fixture(t testing.TB, name string) []byte {
	if name == "forms.xlsx" {
		return xlsxFixture(t)
	}
	return readFixture(t, name)
}

// mustParse parses a fixture and fails the test on error.
func mustParse(t testing.TB, name string) *Sheet {
	t.Helper()
	s, err := Parse(bytes.NewReader(fixture(t, name)), name, montreal)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return s
}

// noPlainSpaceBeforeColon catches French text typed with a plain space
// before « : » or inside « », which a line break may then split.
func noPlainSpaceBeforeColon(t *testing.T, what, s string) {
	t.Helper()
	for _, bad := range []string{" :", "« ", " »"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s has a plain space in %q (want U+00A0): %q", what, bad, s)
		}
	}
}
