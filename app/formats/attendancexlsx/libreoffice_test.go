package attendancexlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/officetest"
)

// These tests run LibreOffice when it is installed (soffice, e.g. the
// libreoffice-calc-nogui package), as a second spreadsheet that must read
// the workbook as Atelier meant it.

// sameGrid checks that LibreOffice's recomputed sheet holds the values that
// the workbook caches, cell by cell.
func sameGrid(t *testing.T, f *excelize.File, sheet string, lo [][]string) {
	t.Helper()
	cached, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	height, width := max(len(cached), len(lo)), 0
	for _, r := range append(cached, lo...) {
		width = max(width, len(r))
	}
	bad := 0
	for r := 1; r <= height; r++ {
		for c := 1; c <= width; c++ {
			want, got := officetest.At(cached, r, c), officetest.Value(officetest.At(lo, r, c))
			if !sameValue(got, want) {
				bad++
				if bad <= 20 {
					t.Errorf("%s!%s : LibreOffice calcule %q, le classeur garde %q", sheet, cellName(c, r), officetest.At(lo, r, c), want)
				}
			}
		}
	}
}

type book struct {
	name   string
	c      course.Cohort
	people []participants.Participant
	marks  []participants.Attendance
	opt    Options
}

// TestLibreOfficeRecalc has LibreOffice recompute every formula and checks
// that both sheets then say what the workbook cached, which is what
// attendance.Tally says: for the scenarios of TestWriteFigures, a cohort
// with nobody and one with no session.
func TestLibreOfficeRecalc(t *testing.T) {
	soffice := officetest.Soffice(t)
	t.Parallel()
	c := testCohort(t)
	books := []book{{name: "exemple", c: c, people: testPeople(), marks: testMarks(), opt: testOptions}}
	for i, sc := range scenarios() {
		opt := testOptions
		opt.Now = sc.now(c)
		books = append(books, book{"scenario" + strconv.Itoa(i), c, sc.people, sc.marks, opt})
	}
	noSession := c
	noSession.Sessions = nil
	books = append(books,
		book{name: "personne", c: c, opt: Options{Now: after(2)(c)}},
		book{name: "aucune-seance", c: noSession, people: seatHolders(2), opt: testOptions},
	)
	dir := t.TempDir()
	var paths []string
	files := map[string]*excelize.File{}
	for _, b := range books {
		var buf bytes.Buffer
		if err := Write(&buf, b.c, b.people, b.marks, b.opt); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, b.name+".xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		paths, files[b.name] = append(paths, path), f
	}

	// The example, then Benoît Côté (row 3) marked présent at
	// session 1 by hand: the cached figures are stale, LibreOffice must
	// recount 4 of 11.
	edited := filepath.Join(dir, "corrige.xlsx")
	{
		f, err := excelize.OpenFile(filepath.Join(dir, "scenario0.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := f.GetCellValue(SheetAttendance, "A3"); v != "Benoît Côté" {
			t.Fatalf("A3 = %q", v)
		}
		if err := f.SetCellValue(SheetAttendance, "F3", "Présent·e"); err != nil {
			t.Fatal(err)
		}
		if err := f.SaveAs(edited); err != nil {
			t.Fatal(err)
		}
		f.Close()
		paths = append(paths, edited)
	}

	out := filepath.Join(dir, "csv")
	officetest.Convert(t, soffice, officetest.Profile(t, true), officetest.AllSheetsCSV, out, paths...)

	for _, b := range books {
		t.Run(b.name, func(t *testing.T) {
			for _, sheet := range []string{SheetAttendance, SheetSummary} {
				sameGrid(t, files[b.name], sheet, officetest.ReadCSV(t, out, b.name, sheet))
			}
		})
	}

	t.Run("texts", func(t *testing.T) {
		rows := officetest.ReadCSV(t, out, "exemple", SheetAttendance)
		if got := officetest.At(rows, 1, 6); got != "S1 — Accueil et fondements — 4 novembre 2026, 18\u00a0h\u00a030" {
			t.Errorf("F1 = %q", got)
		}
		if got := officetest.At(rows, 4, 1); got != "Zoé Tremblay" {
			t.Errorf("A4 = %q", got)
		}
	})

	t.Run("recomputed after an edit", func(t *testing.T) {
		stale, err := excelize.OpenFile(edited)
		if err != nil {
			t.Fatal(err)
		}
		defer stale.Close()
		if got := raw(t, stale, SheetSummary, "G9"); got != "3" {
			t.Fatalf("valeur gardée de G9 = %q : le test ne prouverait rien", got)
		}
		sum, pres := officetest.ReadCSV(t, out, "corrige", SheetSummary), officetest.ReadCSV(t, out, "corrige", SheetAttendance)
		for _, tt := range []struct {
			rows       [][]string
			cell, want string
		}{
			{sum, "G9", "4"}, {sum, "K9", "7"}, {sum, "L9", frac(4, 11)}, {sum, "C6", frac(4, 11)},
			{pres, "K3", "1"}, {pres, "L3", "1"},
		} {
			c, r, _ := excelize.CellNameToCoordinates(tt.cell)
			if got := officetest.Value(officetest.At(tt.rows, r, c)); !sameValue(got, tt.want) {
				t.Errorf("%s = %q, attendu %q", tt.cell, officetest.At(tt.rows, r, c), tt.want)
			}
		}
	})
}

// TestLibreOfficeRoundTrip edits a mark, lets LibreOffice save the workbook
// in its own way (xlsx to xlsx), and reads the change back from that file.
func TestLibreOfficeRoundTrip(t *testing.T) {
	soffice := officetest.Soffice(t)
	t.Parallel()
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
	officetest.Convert(t, soffice, officetest.Profile(t, false), "xlsx:Calc MS Excel 2007 XML", out, path)
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

// TestRenderPages prints the example to PDF and PNG pages with
// LibreOffice, to look at: set ATELIER_RENDER to the folder to write them
// to.
func TestRenderPages(t *testing.T) {
	dir := os.Getenv("ATELIER_RENDER")
	if dir == "" {
		t.Skip("set ATELIER_RENDER=folder to render the workbook")
	}
	soffice := officetest.Soffice(t)
	c := testCohort(t)
	sc := scenarios()[0]
	people := append(sc.people,
		participants.Participant{ID: 20, Name: "Walter Sans-Place", Status: participants.SansInscription},
		participants.Participant{ID: 21, Name: "Wanda Attente", Status: participants.Attente})
	marks := append(sc.marks,
		participants.Attendance{ParticipantID: 20, SessionID: 101, Mark: participants.Present, Note: participants.WalkInNote},
		participants.Attendance{ParticipantID: 21, SessionID: 101, Mark: participants.Retard})
	opt := testOptions
	opt.Now = c.Sessions[0].StartsAt.Add(2 * time.Hour)
	var buf bytes.Buffer
	if err := Write(&buf, c, people, marks, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "presences.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	officetest.Convert(t, soffice, officetest.Profile(t, true), "pdf", dir, path)
	if pdftoppm, err := exec.LookPath("pdftoppm"); err == nil {
		if out, err := exec.Command(pdftoppm, "-png", "-r", "70", filepath.Join(dir, "presences.pdf"), filepath.Join(dir, "page")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm : %v\n%s", err, out)
		}
	}
}
