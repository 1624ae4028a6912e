package attendancexlsx

import (
	"atelier/app/formats/xlsxtext"
	"fmt"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
)

// summaryFirstRow is the row of the first session on the « Synthèse » sheet.
const summaryFirstRow = 5

// writeSummary writes the « Synthèse » sheet: per session, the count of each
// mark and the rate, as formulas over « Présences » (with their current
// values cached for viewers that do not recalculate), and a bar chart.
func writeSummary(f *excelize.File, c course.Cohort, grid map[int64][]participants.Mark, lay layout) error {
	if _, err := f.NewSheet(SheetSummary); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(SheetSummary)
	if err != nil {
		return err
	}
	for i, w := range []float64{12, 40, 20, 10, 11, 11, 11, 11, 16, 16} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: title, Value: xlsxtext.Clean("Présences — " + c.Name)}}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{"Personnes", len(grid)}); err != nil {
		return err
	}
	header := []any{"Séance", "Titre", "Date", "Heure"}
	for _, m := range markOrder {
		header = append(header, markText[m])
	}
	header = append(header, headAttended, headRate)
	for i, h := range header {
		header[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A4", header); err != nil {
		return err
	}

	loc := c.Location()
	src := quoteSheet(SheetAttendance)
	last := max(lay.lastRow, lay.firstRow)
	for i, s := range c.Sessions {
		r := summaryFirstRow + i
		at := s.StartsAt.In(loc)
		date, clock := "", ""
		if !s.StartsAt.IsZero() {
			date, clock = textfmt.French.Date(at), textfmt.French.Clock(at)
		}
		row := []any{fmt.Sprintf("S%d", s.Number), xlsxtext.Clean(s.Title), date, clock}
		counts := map[participants.Mark]int{}
		for _, pm := range grid {
			if pm != nil && pm[i] != "" {
				counts[pm[i]]++
			}
		}
		sc := col(lay.firstSessionCol() + i)
		rng := fmt.Sprintf("%s!$%s$%d:$%s$%d", src, sc, lay.firstRow, sc, last)
		marked := 0
		for _, m := range markOrder {
			marked += counts[m]
			row = append(row, excelize.Cell{Formula: fmt.Sprintf(`COUNTIF(%s,"%s")`, rng, markText[m]), Value: counts[m]})
		}
		came := counts[participants.Present] + counts[participants.Retard]
		rate := 0.0
		if marked > 0 {
			rate = float64(came) / float64(marked)
		}
		row = append(row,
			excelize.Cell{Formula: fmt.Sprintf("E%d+F%d", r, r), Value: came},
			excelize.Cell{StyleID: pct, Formula: fmt.Sprintf("IFERROR(I%d/SUM(E%d:H%d),0)", r, r, r), Value: rate})
		if err := sw.SetRow(fmt.Sprintf("A%d", r), row); err != nil {
			return err
		}
	}
	if len(c.Sessions) == 0 {
		return sw.Flush()
	}
	lastRow := summaryFirstRow + len(c.Sessions) - 1
	sheet := quoteSheet(SheetSummary)
	// The drawing belongs to the worksheet that Flush encodes.
	if err := f.AddChart(SheetSummary, fmt.Sprintf("A%d", lastRow+3), &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$I$4", sheet),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sheet, summaryFirstRow, lastRow),
			Values:     fmt.Sprintf("%s!$I$%d:$I$%d", sheet, summaryFirstRow, lastRow),
		}},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Présences par séance"}}},
		Legend: excelize.ChartLegend{Position: "none"},
		Format: excelize.GraphicOptions{ScaleX: 1.2, ScaleY: 1.2},
	}); err != nil {
		return err
	}
	return sw.Flush()
}
