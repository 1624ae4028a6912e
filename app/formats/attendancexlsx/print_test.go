package attendancexlsx

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/xlsxtext"
	"atelier/app/kit/officetest"
)

// printCohort is the test cohort under a name with « & », which a page
// header reads as the start of a code unless it is doubled.
func printCohort(t *testing.T) course.Cohort {
	c := testCohort(t)
	c.Name = "Cuisine & luttes, automne 2026"
	return c
}

// roster is n registered people, all marked present at session 1, so that
// « Séance 1 » is as long as « Présences ».
func roster(n int) ([]participants.Participant, []participants.Attendance) {
	people := make([]participants.Participant, n)
	marks := make([]participants.Attendance, n)
	for i := range people {
		people[i] = participants.Participant{
			ID: int64(i + 1), Name: fmt.Sprintf("Personne Bouchard-Saint-Amand %03d", i+1), Pronouns: "iel",
			Email: fmt.Sprintf("personne.%03d@exemple-de-comite.org", i+1), Organisation: "Comité logement du quartier",
			Status: participants.Inscrit,
		}
		marks[i] = participants.Attendance{ParticipantID: people[i].ID, SessionID: 101, Mark: participants.Present, Minutes: 85, Note: "Rapport vidéo"}
	}
	return people, marks
}

// printTitles is the rows each sheet repeats at the top of its pages.
func printTitles(sheet string) string {
	switch {
	case sheet == SheetAttendance:
		return "'Présences'!$1:$1"
	case strings.HasPrefix(sheet, "Séance "):
		return "'" + sheet + "'!$1:$3"
	}
	return "" // « Synthèse »: its figures and table fit on the first page
}

// TestPrintSetup reads back the print setup of every sheet: landscape on
// Letter, one page wide, the header rows repeated, and the cohort, the
// sheet and the export date in the page header.
func TestPrintSetup(t *testing.T) {
	c := printCohort(t)
	people, marks := roster(13)
	_, f := writeFileOpts(t, c, people, marks, testOptions)
	sheets := f.GetSheetList()
	if len(sheets) != 2+len(c.Sessions) {
		t.Fatalf("sheets %v", sheets)
	}
	names := f.GetDefinedName()
	for _, sheet := range sheets {
		lay, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if lay.Orientation == nil || *lay.Orientation != "landscape" || lay.Size == nil || *lay.Size != xlsxtext.PaperLetter ||
			lay.FitToWidth == nil || *lay.FitToWidth != 1 || lay.FitToHeight == nil || *lay.FitToHeight != 0 {
			t.Errorf("%s : mise en page %s", sheet, describeLayout(lay))
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s : sans fitToPage, Excel et LibreOffice ignorent l’ajustement à la largeur", sheet)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		wantHead := "&L&BCuisine && luttes, automne 2026&B&C&A&RExporté le 1er novembre 2026 à 7\u00a0h"
		if hf == nil {
			t.Errorf("%s : ni en-tête ni pied de page", sheet)
		} else if hf.OddHeader != wantHead || hf.OddFooter != "&CPage &P sur &N" {
			t.Errorf("%s : en-tête %q, pied de page %q", sheet, hf.OddHeader, hf.OddFooter)
		}
		titles := ""
		for _, n := range names {
			if n.Name == "_xlnm.Print_Titles" && n.Scope == sheet {
				titles = n.RefersTo
			}
		}
		if titles != printTitles(sheet) {
			t.Errorf("%s : lignes répétées %q, attendu %q", sheet, titles, printTitles(sheet))
		}
	}
}

func describeLayout(l excelize.PageLayoutOptions) string {
	s := func(p *int) string {
		if p == nil {
			return "absent"
		}
		return strconv.Itoa(*p)
	}
	o := "absente"
	if l.Orientation != nil {
		o = *l.Orientation
	}
	return fmt.Sprintf("orientation %s, papier %s, largeur %s, hauteur %s", o, s(l.Size), s(l.FitToWidth), s(l.FitToHeight))
}

// TestPageHeaderText: a long cohort name full of « & » still gives a
// header Excel accepts (255 UTF-16 units at most), and nothing the name
// holds starts a header code.
func TestPageHeaderText(t *testing.T) {
	c := printCohort(t)
	c.Name = strings.Repeat("A&B 😀 ", 60) + "\n&P"
	hf := xlsxtext.PageHeader(c.Name, testOptions.Created, c.Location())
	if n := len(utf16.Encode([]rune(hf.OddHeader))); n > 255 {
		t.Errorf("en-tête de %d unités UTF-16", n)
	}
	name, ok := strings.CutPrefix(hf.OddHeader, "&L&B")
	name, _, found := strings.Cut(name, "&B&C&A")
	if !ok || !found {
		t.Fatalf("en-tête %q", hf.OddHeader)
	}
	if strings.Contains(strings.ReplaceAll(name, "&&", ""), "&") || strings.Contains(name, "\n") {
		t.Errorf("nom non échappé : %q", name)
	}
	if !strings.HasSuffix(name, "…") {
		t.Errorf("nom long non coupé : %q", name)
	}
	if err := Write(new(strings.Builder), c, nil, nil, testOptions); err != nil {
		t.Errorf("Write : %v", err)
	}
	if hf := xlsxtext.PageHeader(c.Name, time.Time{}, c.Location()); strings.Contains(hf.OddHeader, "&R") {
		t.Errorf("sans date, l’en-tête en invente une : %q", hf.OddHeader)
	}
}

// TestPageHeaderDate: with no creation date, the header dates the workbook
// at the moment of the export.
func TestPageHeaderDate(t *testing.T) {
	c := printCohort(t)
	_, f := writeFileOpts(t, c, nil, nil, Options{Now: c.Sessions[1].StartsAt})
	hf, err := f.GetHeaderFooter(SheetAttendance)
	if err != nil || hf == nil {
		t.Fatalf("en-tête %v, %v", hf, err)
	}
	if want := "&RExporté le 11 novembre 2026 à 18\u00a0h\u00a030"; !strings.HasSuffix(hf.OddHeader, want) {
		t.Errorf("en-tête %q, attendu la fin %q", hf.OddHeader, want)
	}
}

// pdfPage is the text of one printed page.
type pdfPage struct {
	sheet string // the sheet the page header names
	text  string // its text, the no-break spaces made plain
}

// printPDF has LibreOffice print the workbook of people to PDF and returns
// its pages.
func printPDF(t *testing.T, soffice string, c course.Cohort, people []participants.Participant, marks []participants.Attendance) []pdfPage {
	t.Helper()
	path, f := writeFileOpts(t, c, people, marks, testOptions)
	sheets := f.GetSheetList()
	out := t.TempDir()
	officetest.Convert(t, soffice, officetest.Profile(t, false), "pdf", out, path)
	pdf := filepath.Join(out, "presences.pdf")
	info := poppler(t, "pdfinfo", pdf)
	if !strings.Contains(info, "(letter)") || !strings.Contains(info, "792 x 612") {
		t.Errorf("pas en Letter paysage :\n%s", info)
	}
	n := 0
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	if n == 0 {
		t.Fatalf("pdfinfo :\n%s", info)
	}
	plain := strings.NewReplacer("\u00a0", " ", "\u202f", " ")
	pages := make([]pdfPage, n)
	for i := range pages {
		p := strconv.Itoa(i + 1)
		text := plain.Replace(poppler(t, "pdftotext", "-layout", "-f", p, "-l", p, pdf, "-"))
		head, _, _ := strings.Cut(strings.TrimLeft(text, " \n"), "\n")
		// The page header's middle is the sheet's name; « Séance 1 » is
		// also in « Séance 10 », so the longest name found wins.
		for _, s := range sheets {
			if strings.Contains(head, s) && len(s) > len(pages[i].sheet) {
				pages[i].sheet = s
			}
		}
		pages[i].text = text
		for _, want := range []string{"Cuisine & luttes, automne 2026", "Exporté le 1er novembre 2026 à 7 h"} {
			if !strings.Contains(head, want) {
				t.Errorf("page %d : l’en-tête %q n’a pas %q", i+1, head, want)
			}
		}
		if want := fmt.Sprintf("Page %d sur %d", i+1, n); !strings.Contains(text, want) {
			t.Errorf("page %d : pas de pied de page %q", i+1, want)
		}
	}
	return pages
}

// perSheet counts the printed pages of each sheet.
func perSheet(pages []pdfPage) map[string]int {
	n := map[string]int{}
	for _, p := range pages {
		n[p.sheet]++
	}
	return n
}

// TestLibreOfficePrint prints workbooks to PDF with LibreOffice and counts
// the pages. Every sheet prints: « Présences », « Synthèse » and one
// « Séance N » per session. For 13 people each is one page (7 for the
// whole workbook, where 22 pages four wide came out without the print
// setup); for 200, every page is one page wide and repeats the header
// rows, and the cohort's name heads each.
func TestLibreOfficePrint(t *testing.T) {
	soffice := officetest.Soffice(t)
	t.Parallel()
	c := printCohort(t)

	t.Run("13 people", func(t *testing.T) {
		people, marks := roster(13)
		pages := printPDF(t, soffice, c, people, marks)
		counts := perSheet(pages)
		for _, sheet := range append([]string{SheetAttendance, SheetSummary}, sessionSheets(c)...) {
			if counts[sheet] != 1 {
				t.Errorf("%s : %d pages, attendu 1", sheet, counts[sheet])
			}
		}
		if len(pages) != 2+len(c.Sessions) {
			t.Errorf("%d pages en tout, attendu %d : %v", len(pages), 2+len(c.Sessions), counts)
		}
	})

	t.Run("200 people", func(t *testing.T) {
		people, marks := roster(200)
		pages := printPDF(t, soffice, c, people, marks)
		counts := perSheet(pages)
		if counts[SheetAttendance] < 2 || counts[sessionSheet(1)] < 2 {
			t.Fatalf("pages par feuille %v : trop peu pour voir les lignes répétées", counts)
		}
		// The header row's first and last columns on every page: one
		// page wide, the header repeated.
		heads := map[string][]string{
			SheetAttendance: {"Nom", "Courriel", "Statut", "Taux de présence"},
			sessionSheet(1): {"Séance 1 — Accueil et fondements", "Nom", "Courriel", "Présence", "Arrivée sans"},
		}
		seen := map[string]map[string]bool{SheetAttendance: {}, sessionSheet(1): {}}
		for i, p := range pages {
			for _, want := range heads[p.sheet] {
				if !strings.Contains(p.text, want) {
					t.Errorf("page %d (%s) sans %q", i+1, p.sheet, want)
				}
			}
			if seen[p.sheet] == nil {
				continue
			}
			for _, person := range people {
				if strings.Contains(p.text, person.Name) {
					seen[p.sheet][person.Name] = true
				}
			}
		}
		for sheet, names := range seen {
			if len(names) != len(people) {
				t.Errorf("%s : %d personnes imprimées sur %d", sheet, len(names), len(people))
			}
		}
	})
}

func sessionSheets(c course.Cohort) []string {
	var s []string
	for _, ses := range c.Sessions {
		s = append(s, sessionSheet(ses.Number))
	}
	return s
}

// poppler runs a poppler-utils tool; the test is skipped without it.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s absent (poppler-utils)", tool)
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("%s %v : %v", tool, args, err)
	}
	return string(out)
}
