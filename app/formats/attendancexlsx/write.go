package attendancexlsx

import (
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/xlsxtext"
)

// Options are the details of a workbook that do not come from the cohort.
type Options struct {
	Author  string    // creator in the document properties
	Created time.Time // creation date in the document properties

	// Now is the moment of the export: the sessions whose start has passed
	// by then are held even with no mark. Zero means Created (and with
	// Created zero too, only the sessions with a mark are held).
	Now time.Time

	// ShortTitles names sessions in the column headers by session number
	// when the full title is too long; missing numbers use the title.
	ShortTitles map[int]string
}

// layout is where things are on the « Présences » sheet.
type layout struct {
	sessions int // number of session columns
	firstRow int // first participant row
	lastRow  int // last participant row (firstRow-1 when there is none)
	heldRow  int // the « Séance tenue » footer
}

func newLayout(sessions, people int) layout {
	l := layout{sessions: sessions, firstRow: 2, lastRow: 1 + people}
	l.heldRow = l.lastRow + 2 // one blank row keeps it out of sorting and filtering
	return l
}

func (l layout) firstSessionCol() int { return fixedCols + 1 }
func (l layout) lastSessionCol() int  { return fixedCols + l.sessions }
func (l layout) attendedCol() int     { return fixedCols + l.sessions + 1 }
func (l layout) rateCol() int         { return fixedCols + l.sessions + 2 }

// rangeEnd is the last row the formulas over the people read: with nobody,
// the blank row, so that every range stays valid.
func (l layout) rangeEnd() int { return max(l.lastRow, l.firstRow) }

// heldCount is the absolute reference of the footer cell counting the held
// sessions, which every person's rate divides by.
func (l layout) heldCount() string {
	return "$" + col(l.attendedCol()) + "$" + strconv.Itoa(l.heldRow)
}

// Write writes the attendance workbook of cohort c: the « Présences » sheet,
// one row per person sorted by name and one column per session, with
// formulas that recount when a mark is edited; a « Synthèse » sheet with
// the cohort's figures, the counts per session and a chart; and one sheet
// per session with the detail of the marks. The figures follow
// attendance.Tally at opt.Now, as values cached for viewers that do not
// recalculate and as formulas giving the same. Each sheet prints one page
// wide, under a page header naming the cohort and the export (xlsxtext.PrintSetup).
// people is sorted in place.
func Write(w io.Writer, c course.Cohort, people []participants.Participant, marks []participants.Attendance, opt Options) error {
	participants.SortByName(people)
	now := opt.Now
	if now.IsZero() {
		now = opt.Created
	}
	rep := attendance.Tally(c, people, marks, now)

	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetAttendance); err != nil {
		return err
	}
	lay := newLayout(len(c.Sessions), len(people))
	grid := markGrid(c, people, marks)
	made := opt.Created
	if made.IsZero() {
		made = now
	}
	head := xlsxtext.PageHeader(c.Name, made, c.Location())
	if err := writeAttendance(f, c, people, grid, rep, opt, now, lay, head); err != nil {
		return err
	}
	if err := writeSummary(f, c, people, rep, now, lay, head); err != nil {
		return err
	}
	if err := writeSessionSheets(f, c, people, marks, head); err != nil {
		return err
	}
	// « Présences » stays the active sheet, as in a new file. Do not call
	// SetActiveSheet here: it would parse the streamed sheet back into memory.

	props := &excelize.DocProperties{
		Title:    xlsxtext.Clean("Présences — " + c.Name),
		Creator:  xlsxtext.Clean(opt.Author),
		Language: "fr-CA",
	}
	if !opt.Created.IsZero() {
		props.Created = opt.Created.UTC().Format("2006-01-02T15:04:05Z")
		props.Modified = props.Created
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	return xlsxtext.Write(w, f)
}

// markGrid gives each person's marks by session position; a person with no
// mark has a nil slice. Marks of unknown people or sessions are left out,
// as attendance.Tally leaves them out.
func markGrid(c course.Cohort, people []participants.Participant, marks []participants.Attendance) map[int64][]participants.Mark {
	pos := make(map[int64]int, len(c.Sessions))
	for i, s := range c.Sessions {
		pos[s.ID] = i
	}
	grid := make(map[int64][]participants.Mark, len(people))
	for _, p := range people {
		grid[p.ID] = nil
	}
	for _, m := range marks {
		i, ok := pos[m.SessionID]
		row, known := grid[m.ParticipantID]
		if !ok || !known || !m.Mark.Valid() {
			continue
		}
		if row == nil {
			row = make([]participants.Mark, len(c.Sessions))
			grid[m.ParticipantID] = row
		}
		row[i] = m.Mark
	}
	return grid
}

// ratio is a rate's cached value: the ratio, or "" (as the formulas give)
// when there is nothing to count yet.
func ratio(r attendance.Rate) any {
	if v, ok := r.Ratio(); ok {
		return v
	}
	return ""
}
