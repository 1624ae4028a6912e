package attendancexlsx

import (
	"atelier/app/formats/xlsxtext"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
)

// Options are the details of a workbook that do not come from the cohort.
type Options struct {
	Author  string    // creator in the document properties
	Created time.Time // creation date in the document properties

	// ShortTitles names sessions in the column headers by session number
	// when the full title is too long; missing numbers use the title.
	ShortTitles map[int]string
}

// layout is where things are on the « Présences » sheet.
type layout struct {
	sessions  int // number of session columns
	firstRow  int // first participant row
	lastRow   int // last participant row (firstRow-1 when there is none)
	totalsRow int
}

func (l layout) firstSessionCol() int { return fixedCols + 1 }
func (l layout) lastSessionCol() int  { return fixedCols + l.sessions }
func (l layout) attendedCol() int     { return fixedCols + l.sessions + 1 }
func (l layout) rateCol() int         { return fixedCols + l.sessions + 2 }

// col is the letter of a 1-based column number.
func col(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// Write writes the attendance workbook of cohort c: the « Présences » sheet,
// one row per person sorted by name and one column per session, with
// formulas that recount when a mark is edited, and a « Synthèse » sheet with
// the counts per session and a chart. people is sorted in place.
func Write(w io.Writer, c course.Cohort, people []participants.Participant, marks []participants.Attendance, opt Options) error {
	participants.SortByName(people)
	f := excelize.NewFile()
	defer f.Close()

	if err := f.SetSheetName("Sheet1", SheetAttendance); err != nil {
		return err
	}
	lay := layout{sessions: len(c.Sessions), firstRow: 2, lastRow: 1 + len(people)}
	lay.totalsRow = lay.lastRow + 2 // one blank row keeps it out of sorting and filtering

	grid := markGrid(c, people, marks)
	if err := writeAttendance(f, c, people, grid, opt, lay); err != nil {
		return err
	}
	if err := writeSummary(f, c, grid, lay); err != nil {
		return err
	}
	if err := writeSessionSheets(f, c, people, marks); err != nil {
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
	_, err := f.WriteTo(w)
	return err
}

// styles are the cell styles of the « Présences » sheet.
type styles struct {
	header, percent, bold, boldPercent int
	present, absent, excused, late     int // conditional formats
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(st)
		}
	}
	add(&s.header, &excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
	})
	add(&s.percent, &excelize.Style{NumFmt: 9})
	add(&s.bold, &excelize.Style{Font: &excelize.Font{Bold: true}})
	add(&s.boldPercent, &excelize.Style{NumFmt: 9, Font: &excelize.Font{Bold: true}})
	cond := func(dst *int, fill, font string) {
		if err == nil {
			*dst, err = f.NewConditionalStyle(&excelize.Style{
				Font: &excelize.Font{Color: font},
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
			})
		}
	}
	cond(&s.present, "C6EFCE", "006100")
	cond(&s.absent, "FFC7CE", "9C0006")
	cond(&s.excused, "E7E6E6", "404040")
	cond(&s.late, "FFE0B2", "9C5700")
	return s, err
}

func writeAttendance(f *excelize.File, c course.Cohort, people []participants.Participant, byPerson map[int64][]participants.Mark, opt Options, lay layout) error {
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	loc := c.Location()
	header := []string{headName, headPronouns, headEmail, headOrg, headStatus}
	for _, s := range c.Sessions {
		header = append(header, sessionHeader(s, opt.ShortTitles[s.Number], loc))
	}
	header = append(header, headAttended, headRate)

	// Texts first: the widths must be set before the first row is streamed.
	texts := make([][fixedCols]string, len(people))
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = utf8.RuneCountInString(h)
		if i >= fixedCols {
			widths[i] = 14
		}
	}
	for i, p := range people {
		texts[i] = [fixedCols]string{
			xlsxtext.Clean(p.Name), xlsxtext.Clean(p.Pronouns), xlsxtext.Clean(p.Email), xlsxtext.Clean(p.Organisation),
			participants.StatusLabels[p.Status],
		}
		for j, t := range texts[i] {
			if n := utf8.RuneCountInString(t); n > widths[j] {
				widths[j] = n
			}
		}
	}

	sw, err := f.NewStreamWriter(SheetAttendance)
	if err != nil {
		return err
	}
	for i, wdt := range widths {
		if err := sw.SetColWidth(i+1, i+1, float64(min(max(wdt, 8), 50))+2); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomRight"}},
	}); err != nil {
		return err
	}

	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", row, excelize.RowOpts{Height: 64}); err != nil {
		return err
	}

	first, last := col(lay.firstSessionCol()), col(lay.lastSessionCol())
	attended := col(lay.attendedCol())
	present, late := markText[participants.Present], markText[participants.Retard]
	for i, p := range people {
		r := lay.firstRow + i
		for j, t := range texts[i] {
			row[j] = t
		}
		counted, marked := 0, 0
		pm := byPerson[p.ID]
		for j := range lay.sessions {
			row[fixedCols+j] = nil
			if pm != nil && pm[j] != "" {
				row[fixedCols+j] = markText[pm[j]]
				marked++
				if pm[j].Attended() {
					counted++
				}
			}
		}
		rate := 0.0
		if marked > 0 {
			rate = float64(counted) / float64(marked)
		}
		rng := fmt.Sprintf("%s%d:%s%d", first, r, last, r)
		row[lay.attendedCol()-1] = excelize.Cell{
			Formula: fmt.Sprintf(`COUNTIF(%s,"%s")+COUNTIF(%s,"%s")`, rng, present, rng, late),
			Value:   counted,
		}
		row[lay.rateCol()-1] = excelize.Cell{
			StyleID: st.percent,
			Formula: fmt.Sprintf(`IFERROR(%s%d/COUNTA(%s),0)`, attended, r, rng),
			Value:   rate,
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", r), row); err != nil {
			return err
		}
	}

	if err := writeTotals(sw, lay, st, byPerson, len(header)); err != nil {
		return err
	}

	// These live in the worksheet that the stream writer encodes at Flush.
	if lay.sessions > 0 && lay.lastRow >= lay.firstRow {
		sqref := fmt.Sprintf("%s%d:%s%d", first, lay.firstRow, last, lay.lastRow)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = sqref
		list := make([]string, len(markOrder))
		for i, m := range markOrder {
			list[i] = markText[m]
		}
		if err := dv.SetDropList(list); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Marque inconnue",
			"Choisir Présent·e, En retard, Absent·e ou Excusé·e dans la liste, ou laisser la case vide.")
		if err := f.AddDataValidation(SheetAttendance, dv); err != nil {
			return err
		}
		var cf []excelize.ConditionalFormatOptions
		for _, m := range []struct {
			mark  participants.Mark
			style int
		}{{participants.Present, st.present}, {participants.Absent, st.absent}, {participants.Excuse, st.excused}, {participants.Retard, st.late}} {
			style := m.style
			cf = append(cf, excelize.ConditionalFormatOptions{
				Type: "cell", Criteria: "==", Format: &style, Value: `"` + markText[m.mark] + `"`,
			})
		}
		if err := f.SetConditionalFormat(SheetAttendance, sqref, cf); err != nil {
			return err
		}
	}
	filterTo := max(lay.lastRow, 2)
	if err := f.AutoFilter(SheetAttendance, fmt.Sprintf("A1:%s%d", col(len(header)), filterTo), nil); err != nil {
		return err
	}
	return sw.Flush()
}

// writeTotals writes the row counting, per session, the people who came.
func writeTotals(sw *excelize.StreamWriter, lay layout, st styles, byPerson map[int64][]participants.Mark, width int) error {
	row := make([]any, width)
	row[0] = excelize.Cell{StyleID: st.bold, Value: totalsLabel}
	present, late := markText[participants.Present], markText[participants.Retard]
	allCounted, allMarked := 0, 0
	for j := range lay.sessions {
		counted := 0
		for _, pm := range byPerson {
			if pm != nil && pm[j] != "" {
				allMarked++
				if pm[j].Attended() {
					counted++
				}
			}
		}
		allCounted += counted
		c := col(lay.firstSessionCol() + j)
		rng := fmt.Sprintf("%s%d:%s%d", c, lay.firstRow, c, max(lay.lastRow, lay.firstRow))
		row[fixedCols+j] = excelize.Cell{
			StyleID: st.bold,
			Formula: fmt.Sprintf(`COUNTIF(%s,"%s")+COUNTIF(%s,"%s")`, rng, present, rng, late),
			Value:   counted,
		}
	}
	rate := 0.0
	if allMarked > 0 {
		rate = float64(allCounted) / float64(allMarked)
	}
	if lay.sessions > 0 {
		rng := fmt.Sprintf("%s%d:%s%d", col(lay.firstSessionCol()), lay.firstRow, col(lay.lastSessionCol()), max(lay.lastRow, lay.firstRow))
		row[lay.attendedCol()-1] = excelize.Cell{StyleID: st.bold, Formula: fmt.Sprintf("SUM(%s%d:%s%d)", col(lay.firstSessionCol()), lay.totalsRow, col(lay.lastSessionCol()), lay.totalsRow), Value: allCounted}
		row[lay.rateCol()-1] = excelize.Cell{StyleID: st.boldPercent, Formula: fmt.Sprintf("IFERROR(%s%d/COUNTA(%s),0)", col(lay.attendedCol()), lay.totalsRow, rng), Value: rate}
	}
	return sw.SetRow(fmt.Sprintf("A%d", lay.totalsRow), row)
}

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// markGrid gives each person's marks by session position; a person with no
// mark has a nil slice. Marks of unknown people or sessions are left out.
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
