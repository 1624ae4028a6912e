package attendancexlsx

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
)

func testCohort(t testing.TB) course.Cohort {
	t.Helper()
	loc, err := time.LoadLocation("America/Toronto")
	if err != nil {
		t.Skip("fuseau America/Toronto absent de cette machine")
	}
	c := course.Cohort{ID: 1, Name: "Cohorte automne 2026", TimeZone: "America/Toronto", SeatLimit: 25}
	titles := []string{"Accueil et fondements", "Analyse du pouvoir et des alliances", "Organiser", "Communiquer", "Bilan"}
	for i, title := range titles {
		c.Sessions = append(c.Sessions, course.Session{
			ID: int64(100 + i + 1), Number: i + 1, Title: title,
			StartsAt: time.Date(2026, 11, 4+7*i, 18, 30, 0, 0, loc),
		})
	}
	return c
}

func testPeople() []participants.Participant {
	return []participants.Participant{
		{ID: 1, Name: "Zoé Tremblay", Pronouns: "elle", Email: "zoe@example.org", Organisation: "Comité logement", Status: participants.Confirme},
		{ID: 2, Name: "Élodie Gagnon", Pronouns: "iel", Email: "elodie@example.org", Status: participants.Inscrit},
		{ID: 3, Name: "André Roy", Email: "", Organisation: "Syndicat", Status: participants.Attente},
	}
}

func testMarks() []participants.Attendance {
	return []participants.Attendance{
		{ParticipantID: 1, SessionID: 101, Mark: participants.Present},
		{ParticipantID: 1, SessionID: 102, Mark: participants.Retard},
		{ParticipantID: 1, SessionID: 103, Mark: participants.Absent},
		{ParticipantID: 2, SessionID: 101, Mark: participants.Excuse},
		{ParticipantID: 2, SessionID: 102, Mark: participants.Present},
		{ParticipantID: 99, SessionID: 101, Mark: participants.Present}, // unknown person: ignored
	}
}

var testOptions = Options{
	Author:      "Équipe d’animation",
	Created:     time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC),
	ShortTitles: map[int]string{2: "Pouvoir"},
}

// writeFile writes a workbook to a temporary file and opens it again.
func writeFile(t *testing.T, c course.Cohort, people []participants.Participant, marks []participants.Attendance) (string, *excelize.File) {
	t.Helper()
	return writeFileOpts(t, c, people, marks, testOptions)
}

// writeFileOpts is writeFile with other options.
func writeFileOpts(t *testing.T, c course.Cohort, people []participants.Participant, marks []participants.Attendance, opt Options) (string, *excelize.File) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, c, people, marks, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "presences.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("OpenFile: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return path, f
}

func get(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

// raw is the value stored in a cell: for a formula, the cached result.
func raw(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

// sameValue compares two stored values, numbers to within rounding.
func sameValue(a, b string) bool {
	if a == b {
		return true
	}
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && math.Abs(x-y) < 1e-9
}

func formula(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellFormula(sheet, cell)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

func cellName(c, r int) string { return fmt.Sprintf("%s%d", col(c), r) }
