package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/participants"
)

func TestWorkbookRoundTrip(t *testing.T) {
	u, st := rosterUI(t)
	ctx := context.Background()
	people, _ := st.Participants(ctx, u.cohort.ID)
	se := u.cohort.Sessions[0]
	if err := st.SetAttendance(ctx, []participants.Attendance{{ParticipantID: people[0].ID, SessionID: se.ID, Mark: participants.Present}}); err != nil {
		t.Fatal(err)
	}
	e := newExportsScreen(u)
	path := filepath.Join(t.TempDir(), "presences.xlsx")
	if err := e.writeWorkbook(path); err != nil {
		t.Fatal(err)
	}
	e.workbookWritten(path, nil)
	// Corrected in Excel: Zoë (row 5, alphabetical) was late at session 1.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	row := 0
	for r := 2; r <= 6; r++ {
		if v, _ := f.GetCellValue("Présences", "A"+itoa(r)); v == "Zoë Lin" {
			row = r
		}
	}
	if row == 0 {
		t.Fatal("Zoë not in the workbook")
	}
	if err := f.SetCellValue("Présences", "F"+itoa(row), "En retard"); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	f.Close()
	cr := e.previewCorrections(b.Bytes())
	if cr == nil || len(cr.changes) != 1 || cr.changes[0].To != participants.Retard {
		t.Fatalf("changes %+v", cr)
	}
	if !e.applyCorrections(cr) {
		t.Fatal("not applied")
	}
	marks, _ := st.SessionAttendance(ctx, se.ID)
	if len(marks) != 2 {
		t.Errorf("session 1 marks %+v", marks)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }
