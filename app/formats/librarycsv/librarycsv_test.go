package librarycsv

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"atelier/app/domain/library"
	"atelier/app/formats/tabular/tabulartest"
	"atelier/app/kit/usererr"
)

func sample() []library.Resource {
	return []library.Resource{
		{Title: "Mettre en Œuvre une campagne", OriginalTitle: "Running a Campaign", Source: "Momentum",
			Author: "Hélène Tremblay", Language: "en", HasFrench: true, URL: "https://exemple.org/campagne?a=1&b=2",
			Summary: "Planifier, « pas à pas », une campagne.\nDeuxième ligne, avec des \"guillemets\" droits.",
			Tags:    []string{"campagne", "organisation distribuée"}, Sessions: []int{2, 4}},
		{Title: "Penser l’organisation", Source: "Blueprints for Change", Language: "fr"},
		// What a spreadsheet would run as a formula, and an apostrophe
		// that must survive.
		{Title: "=HYPERLINK(\"https://mal.example\";\"Cliquez\")", Source: "+Source", Author: "@autrice",
			Language: "fr", Summary: "-10 % de participation", Tags: []string{"-moins", "'citée"}, Sessions: []int{1}},
		{Title: "'=déjà protégé", Source: "''", Language: "fr", Summary: "'ordinaire"},
	}
}

// csvFields are the fields the CSV holds: the ones Write and Read keep.
func csvFields(r library.Resource) library.Resource {
	return library.Resource{Title: r.Title, OriginalTitle: r.OriginalTitle, Source: r.Source, Author: r.Author,
		Language: r.Language, HasFrench: r.HasFrench, URL: r.URL, Summary: r.Summary,
		Tags: r.Tags, Sessions: r.Sessions}
}

func equal(a, b library.Resource) bool {
	a, b = csvFields(a), csvFields(b)
	return a.Title == b.Title && a.OriginalTitle == b.OriginalTitle && a.Source == b.Source &&
		a.Author == b.Author && a.Language == b.Language && a.HasFrench == b.HasFrench &&
		a.URL == b.URL && a.Summary == b.Summary && slices.Equal(a.Tags, b.Tags) &&
		slices.Equal(a.Sessions, b.Sessions)
}

func TestRoundTrip(t *testing.T) {
	want := sample()
	var buf bytes.Buffer
	if err := Write(&buf, want); err != nil {
		t.Fatal(err)
	}
	head := "\uFEFFtitre,titre_original,source,auteur,langue,traduction_francaise,url,resume,etiquettes,seances\r\n"
	if !strings.HasPrefix(buf.String(), head) {
		t.Errorf("file starts %q, want %q", buf.String()[:min(len(head), buf.Len())], head)
	}
	got, problems, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d resources, want %d", len(got), len(want))
	}
	for i := range want {
		if !equal(got[i], want[i]) {
			t.Errorf("resource %d:\n got %+v\nwant %+v", i, got[i], csvFields(want[i]))
		}
	}
}

func TestWriteGuardsFormulas(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	recs := tabulartest.CheckCSV(t, buf.Bytes())
	third := recs[3]
	for col, want := range map[int]string{
		0: `'=HYPERLINK("https://mal.example";"Cliquez")`,
		2: "'+Source",
		3: "'@autrice",
		7: "'-10 % de participation",
		8: "'-moins; 'citée",
	} {
		if third[col] != want {
			t.Errorf("%s = %q, want %q", header[col], third[col], want)
		}
	}
}

// TestWriteHostileCells writes what a person could type in a title or a
// summary and checks that every reading of the file (commas, « ; » as
// Excel in French, tabs) runs no formula and shifts no column, and that
// Read gives it all back.
func TestWriteHostileCells(t *testing.T) {
	var want []library.Resource
	for i, s := range []string{"Jean;=1+2;x", `=HYPERLINK("http://x")`, "@SUM(1)", "-5", "+1 514 555 0100",
		"😀 émoji", "« guillemets »", "deux\nlignes\n=1+2", `"cité"`, "a,b;c\td", "＝1+1", "'=déjà"} {
		want = append(want, library.Resource{Title: fmt.Sprintf("Fiche %d %s", i, s), Source: s, Author: s, Language: "fr", Summary: s,
			Tags: []string{"a", "b"}})
	}
	var buf bytes.Buffer
	if err := Write(&buf, want); err != nil {
		t.Fatal(err)
	}
	tabulartest.CheckCSV(t, buf.Bytes())
	got, problems, err := Read(&buf)
	if err != nil || len(problems) != 0 || len(got) != len(want) {
		t.Fatalf("read %d of %d, problems %v, error %v", len(got), len(want), problems, err)
	}
	for i := range want {
		if !equal(got[i], want[i]) {
			t.Errorf("resource %d:\n got %+v\nwant %+v", i, got[i], csvFields(want[i]))
		}
	}
}

func TestReadSpreadsheetExports(t *testing.T) {
	want := library.Resource{Title: "Mettre en Œuvre", OriginalTitle: "Getting it done", Source: "Momentum",
		Author: "Zoé Côté", Language: "fr", HasFrench: true, Summary: "Penser l’organisation, « vraiment ».",
		Tags: []string{"stratégie", "récit"}, Sessions: []int{2, 4}}
	// As Excel writes it: headers retitled, cells quoted only when they
	// hold the delimiter.
	table := func(delim string) string {
		return strings.Join([]string{"Titre", "Titre original", "Source", "Auteur", "Langue",
			"Traduction française", "URL", "Résumé", "Étiquettes", "Séances"}, delim) + "\r\n" +
			strings.Join([]string{"Mettre en Œuvre", "Getting it done", "Momentum", "Zoé Côté", "FR", "Oui", "",
				"Penser l’organisation, « vraiment ».", `"stratégie ; récit"`, `"2; 4"`}, delim) + "\r\n"
	}
	semicolons := table(";")
	win1252, err := charmap.Windows1252.NewEncoder().String(semicolons)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String(
		table("\t"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
	}{
		{"semicolons, UTF-8", semicolons},
		{"semicolons, Windows-1252", win1252},
		{"sep line", "sep=;\r\n" + semicolons},
		{"tabs, UTF-16", utf16},
		{"old Mac line ends", strings.ReplaceAll(semicolons, "\r\n", "\r")},
		{"columns reordered, one unknown", "Séances,Notes,Langue,Source,Titre,Étiquettes,Auteur,Titre original,Résumé,Traduction française\n" +
			"\"2;4\",à revoir,fr,Momentum,Mettre en Œuvre,stratégie;récit,Zoé Côté,Getting it done,\"Penser l’organisation, « vraiment ».\",oui\n"},
	}
	for _, tt := range tests {
		got, problems, err := Read(strings.NewReader(tt.data))
		if err != nil || len(problems) != 0 || len(got) != 1 {
			t.Errorf("%s: %d resources, problems %v, error %v", tt.name, len(got), problems, err)
			continue
		}
		if !equal(got[0], want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got[0], want)
		}
	}
}

func TestReadBadRows(t *testing.T) {
	data := "titre,source,langue,url,seances,traduction_francaise\n" +
		"Bonne fiche,Momentum,fr,https://exemple.org,1,non\n" + // 2
		"\"Résumé sur\ndeux lignes\",Momentum,fr,,2,\n" + // 3–4
		"Séance sept,Momentum,fr,,7,\n" + // 5
		"Séance en lettres,Momentum,fr,,deux,\n" + // 6
		"Lien piégé,Momentum,fr,javascript:alert(1),,\n" + // 7
		"Lien sans schéma,Momentum,fr,www.exemple.org,,\n" + // 8
		",Momentum,fr,,,\n" + // 9
		"Langue longue,Momentum,français,,,\n" + // 10
		"Peut-être,Momentum,fr,,,peut-être\n" + // 11
		"bonne fiche,MOMENTUM,fr,,3,\n" + // 12: same as line 2
		",,,,,\n" + // 13: blank, skipped silently
		"Dernière,Atelier,en,http://exemple.org/x,5,oui\n" // 14
	got, problems, err := Read(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Bonne fiche", "Résumé sur\ndeux lignes", "Dernière"}; !slices.Equal(titlesOf(got), want) {
		t.Errorf("kept %q, want %q", titlesOf(got), want)
	}
	wantProblems := []struct {
		line int
		says string
	}{
		{5, "séance 7"},
		{6, "«\u00a0deux\u00a0» n’est pas un numéro de séance"},
		{7, "lien web"},
		{8, "lien web"},
		{9, "titre"},
		{10, "deux lettres"},
		{11, "«\u00a0oui\u00a0» ou «\u00a0non\u00a0»"},
		{12, "figure déjà à la ligne 2"},
	}
	if len(problems) != len(wantProblems) {
		t.Errorf("%d problems, want %d: %v", len(problems), len(wantProblems), problems)
	}
	for i, w := range wantProblems {
		if i >= len(problems) {
			break
		}
		if p := problems[i]; p.Line != w.line || !strings.Contains(p.Reason.Error(), w.says) {
			t.Errorf("problem %d = %v, want line %d saying %q", i, p, w.line, w.says)
		}
	}
	if s := problems[0].String(); !strings.HasPrefix(s, "Ligne 5\u00a0: ") {
		t.Errorf("Problem.String() = %q", s)
	}
}

func TestReadUnusable(t *testing.T) {
	tests := []struct {
		name string
		data string
		says string
	}{
		{"empty", "", "vide"},
		{"blank", " \r\n\r\n", "vide"},
		{"BOM only", bom, "vide"},
		{"header only", "titre,source,langue\r\n", "aucune ressource"},
		{"binary", "titre,source\x00\x01\x02", "binaires"},
		{"not a library", "nom,prénom,courriel\nRoy,Léa,lea@exemple.ca\n", "ne ressemble pas"},
		{"no source", "titre,langue,url\nX,fr,\n", "la colonne «\u00a0source\u00a0»"},
		{"no source nor language", "titre;auteur\nX;Y\n", "les colonnes «\u00a0source\u00a0» et «\u00a0langue\u00a0»"},
	}
	for _, tt := range tests {
		got, _, err := Read(strings.NewReader(tt.data))
		var e *usererr.Error
		if !errors.As(err, &e) || !strings.Contains(e.Error(), tt.says) {
			t.Errorf("%s: %d resources, error %v; want an *Error saying %q", tt.name, len(got), err, tt.says)
		}
	}
}

func TestWriteError(t *testing.T) {
	err := Write(failingWriter{}, sample())
	var e *usererr.Error
	if !errors.As(err, &e) || !errors.Is(err, errDiskFull) {
		t.Errorf("Write to a full disk: %v", err)
	}
}

var errDiskFull = errors.New("disque plein")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func titlesOf(rs []library.Resource) []string {
	ts := make([]string, len(rs))
	for i, r := range rs {
		ts[i] = r.Title
	}
	return ts
}
