package attendancexlsx

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/xlsxtext"
	"atelier/app/kit/textfmt"
)

// Where the figures are on the « Synthèse » sheet: the cohort's in column
// C of rows 3 to 6, then a table with one row per session.
const (
	summaryPeopleRow   = 3 // Personnes
	summaryExpectedRow = 4 // Attendu·e·s à chaque séance
	summaryHeldRow     = 5 // Séances tenues
	summaryRateRow     = 6 // Taux de présence de la cohorte
	summaryValueCol    = "C"
	summaryHeadRow     = 8
	summaryFirstRow    = 9 // the first session
)

// The columns of the per-session table.
const (
	sumSession  = "A"
	sumTitle    = "B"
	sumDate     = "C"
	sumClock    = "D"
	sumHeld     = "E"
	sumExpected = "F"
	sumPresent  = "G" // the four marks, in markOrder
	sumLate     = "H"
	sumExcused  = "J"
	sumUnmarked = "K"
	sumRate     = "L"
	sumOthers   = "M"
)

var summaryHeader = []string{
	"Séance", "Titre", "Date", "Heure", "Tenue", "Attendu·e·s",
	markText[markOrder[0]], markText[markOrder[1]], markText[markOrder[2]], markText[markOrder[3]],
	"Sans marque", "Taux de présence", "Présent·e·s sans place",
}

// summaryStyles are the cell styles of the « Synthèse » sheet.
type summaryStyles struct {
	title, note, label, value, valuePercent, header, percent, center int
}

func newSummaryStyles(f *excelize.File) (summaryStyles, error) {
	var s summaryStyles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(st)
		}
	}
	percent := percentFormat
	left := &excelize.Alignment{Horizontal: "left"}
	add(&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	add(&s.note, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}})
	add(&s.label, &excelize.Style{Font: &excelize.Font{Bold: true}})
	add(&s.value, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: left})
	add(&s.valuePercent, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: left, CustomNumFmt: &percent})
	add(&s.header, &excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
	})
	add(&s.percent, &excelize.Style{CustomNumFmt: &percent})
	add(&s.center, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
	return s, err
}

// writeSummary writes the « Synthèse » sheet: the cohort's figures and, per
// session, whether it is held, who was expected and how they were marked,
// the rate and the others who came. Every figure is a formula over
// « Présences », its value from rep cached for viewers that do not
// recalculate.
func writeSummary(f *excelize.File, c course.Cohort, people []participants.Participant, rep attendance.Report, now time.Time, lay layout, head *excelize.HeaderFooterOptions) error {
	if _, err := f.NewSheet(SheetSummary); err != nil {
		return err
	}
	st, err := newSummaryStyles(f)
	if err != nil {
		return err
	}
	// No row repeats: the figures and the table of sessions fit on the
	// first page, the chart below them goes on alone.
	if err := xlsxtext.PrintSetup(f, SheetSummary, 0, head); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(SheetSummary)
	if err != nil {
		return err
	}
	for i, w := range []float64{9, 36, 18, 10, 8, 12, 11, 11, 11, 11, 11, 12, 14} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	loc := c.Location()
	src := quoteSheet(SheetAttendance)
	end := lay.rangeEnd()
	column := func(n int) string { // a column of the people rows of « Présences »
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", src, col(n), lay.firstRow, col(n), end)
	}
	status := column(statusCol)

	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: xlsxtext.Clean("Présences — " + c.Name)}}); err != nil {
		return err
	}
	if !now.IsZero() {
		at := now.In(loc)
		state := fmt.Sprintf("État au %s à %s.", textfmt.French.LongDate(at), textfmt.French.Clock(at))
		if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: st.note, Value: state}}); err != nil {
			return err
		}
	}

	named := 0
	for _, p := range people {
		if xlsxtext.Clean(p.Name) != "" {
			named++
		}
	}
	first, last := summaryFirstRow, summaryFirstRow+len(c.Sessions)-1
	over := func(c string) string { return fmt.Sprintf("$%s$%d:$%s$%d", c, first, c, last) }
	sumHeldOf := func(c string) string {
		return fmt.Sprintf("SUMIF(%s,%s,%s)", over(sumHeld), criterion(yes), over(c))
	}
	rate := excelize.Cell{StyleID: st.valuePercent, Value: ratio(rep.Cohort)}
	if len(c.Sessions) > 0 {
		expected := sumHeldOf(sumExpected)
		rate.Formula = fmt.Sprintf(`IF(%s=0,"",(%s+%s)/%s)`, expected, sumHeldOf(sumPresent), sumHeldOf(sumLate), expected)
	}
	figures := []struct {
		row   int
		label string
		value excelize.Cell
		note  string
	}{
		{summaryPeopleRow, "Personnes",
			excelize.Cell{StyleID: st.value, Formula: fmt.Sprintf("COUNTA(%s)", column(1)), Value: named},
			"toutes les lignes de la feuille «\u00a0" + SheetAttendance + "\u00a0»"},
		{summaryExpectedRow, "Attendu·e·s à chaque séance",
			excelize.Cell{StyleID: st.value, Formula: sumOverSeats(func(crit string) string {
				return fmt.Sprintf("COUNTIF(%s,%s)", status, crit)
			}), Value: rep.Expected},
			"les personnes qui ont une place\u00a0: statut " + strings.Join(seatLabels, " ou ")},
		{summaryHeldRow, "Séances tenues",
			excelize.Cell{StyleID: st.value, Formula: fmt.Sprintf("%s!%s", src, lay.heldCount()), Value: rep.Held},
			"commencées, ou avec au moins une marque"},
		{summaryRateRow, "Taux de présence de la cohorte", rate,
			"personnes attendues venues (présentes ou en retard), sur les séances tenues"},
	}
	for _, fig := range figures {
		if err := sw.SetRow(fmt.Sprintf("A%d", fig.row), []any{
			excelize.Cell{StyleID: st.label, Value: fig.label}, nil, fig.value,
			excelize.Cell{StyleID: st.note, Value: fig.note},
		}); err != nil {
			return err
		}
	}

	header := make([]any, len(summaryHeader))
	for i, h := range summaryHeader {
		header[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", summaryHeadRow), header, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	expectedRef := fmt.Sprintf("$%s$%d", summaryValueCol, summaryExpectedRow)
	for i, s := range c.Sessions {
		r := summaryFirstRow + i
		t := rep.Sessions[i]
		marks := column(lay.firstSessionCol() + i)
		date, clock := "", ""
		if !s.StartsAt.IsZero() {
			at := s.StartsAt.In(loc)
			date, clock = textfmt.French.Date(at), textfmt.French.Clock(at)
		}
		held := no
		if t.Held {
			held = yes
		}
		row := []any{
			fmt.Sprintf("S%d", s.Number), xlsxtext.Clean(s.Title), date, clock,
			excelize.Cell{StyleID: st.center, Formula: fmt.Sprintf("%s!%s%d", src, col(lay.firstSessionCol()+i), lay.heldRow), Value: held},
			excelize.Cell{Formula: expectedRef, Value: t.Expected},
		}
		counts := map[participants.Mark]int{
			participants.Present: t.Present, participants.Retard: t.Late,
			participants.Absent: t.Absent, participants.Excuse: t.Excused,
		}
		for _, m := range markOrder {
			row = append(row, excelize.Cell{
				Formula: sumOverSeats(func(crit string) string {
					return fmt.Sprintf("COUNTIFS(%s,%s,%s,%s)", status, crit, marks, criterion(markText[m]))
				}),
				Value: counts[m],
			})
		}
		present, late := fmt.Sprintf("%s%d", sumPresent, r), fmt.Sprintf("%s%d", sumLate, r)
		row = append(row,
			excelize.Cell{Formula: fmt.Sprintf("%s%d-SUM(%s:%s%d)", sumExpected, r, present, sumExcused, r), Value: t.Unmarked},
			excelize.Cell{StyleID: st.percent,
				Formula: fmt.Sprintf(`IF(AND(%s%d=%s,%s%d>0),(%s+%s)/%s%d,"")`, sumHeld, r, text(yes), sumExpected, r, present, late, sumExpected, r),
				Value:   ratio(t.Rate())},
			excelize.Cell{Formula: fmt.Sprintf("%s-%s-%s", countCame(marks), present, late), Value: t.Others},
		)
		if err := sw.SetRow(fmt.Sprintf("A%d", r), row); err != nil {
			return err
		}
	}
	if len(c.Sessions) > 0 {
		if err := addRateChart(f, last); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// addRateChart draws the rate of each session, from the table that ends at
// row last. The drawing belongs to the worksheet that Flush encodes.
func addRateChart(f *excelize.File, last int) error {
	sheet := quoteSheet(SheetSummary)
	zero, one := 0.0, 1.0
	axisFont := excelize.Font{Color: "404040", Size: 10}
	return f.AddChart(SheetSummary, fmt.Sprintf("A%d", last+3), &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$%s$%d", sheet, sumRate, summaryHeadRow),
			Categories: fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, sumSession, summaryFirstRow, sumSession, last),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, sumRate, summaryFirstRow, sumRate, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:    excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Taux de présence par séance (séances tenues)"}}},
		Legend:   excelize.ChartLegend{Position: "none"},
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: percentFormat}},
		XAxis:    excelize.ChartAxis{Font: axisFont},
		YAxis: excelize.ChartAxis{Minimum: &zero, Maximum: &one, MajorUnit: 0.2, MajorGridLines: true, Font: axisFont,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: percentFormat}},
		Format: excelize.GraphicOptions{ScaleX: 1.4, ScaleY: 1.2},
	})
}
