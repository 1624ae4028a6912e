package attendancexlsx

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/xlsxtext"
)

// percentFormat writes a ratio as « 27 % », the space unbreakable, in any
// locale.
const percentFormat = "0\"\u00a0\"%"

// styles are the cell styles of the « Présences » sheet.
type styles struct {
	header, percent                int
	footer, footerMark, footerHint int
	present, absent, excused, late int // conditional formats
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(st)
		}
	}
	percent := percentFormat
	band := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	top := []excelize.Border{{Type: "top", Color: "808080", Style: 1}}
	add(&s.header, &excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
	})
	add(&s.percent, &excelize.Style{CustomNumFmt: &percent})
	add(&s.footer, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: band, Border: top})
	add(&s.footerMark, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: band, Border: top,
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	add(&s.footerHint, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Fill: band, Border: top})
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

// writeAttendance writes the « Présences » sheet: a row per person, their
// marks, the sessions they attended and their rate over the sessions held,
// then the « Séance tenue » footer that counts those sessions.
func writeAttendance(f *excelize.File, c course.Cohort, people []participants.Participant, byPerson map[int64][]participants.Mark, rep attendance.Report, opt Options, now time.Time, lay layout, head *excelize.HeaderFooterOptions) error {
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
	widths[0] = max(widths[0], utf8.RuneCountInString(heldLabel))

	// The header row is printed again on every page.
	if err := xlsxtext.PrintSetup(f, SheetAttendance, 1, head); err != nil {
		return err
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
	attended, held := col(lay.attendedCol()), lay.heldCount()
	for i, p := range people {
		r := lay.firstRow + i
		for j, t := range texts[i] {
			row[j] = t
		}
		pm := byPerson[p.ID]
		for j := range lay.sessions {
			row[fixedCols+j] = nil
			if pm != nil && pm[j] != "" {
				row[fixedCols+j] = markText[pm[j]]
			}
		}
		pr := rep.People[p.ID]
		count := excelize.Cell{Value: pr.Attended}
		if lay.sessions > 0 {
			count.Formula = countCame(fmt.Sprintf("%s%d:%s%d", first, r, last, r))
		}
		row[lay.attendedCol()-1] = count
		row[lay.rateCol()-1] = excelize.Cell{
			StyleID: st.percent,
			Formula: fmt.Sprintf(`IF(%s=0,"",%s%d/%s)`, held, attended, r, held),
			Value:   ratio(pr.Rate),
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", r), row); err != nil {
			return err
		}
	}

	if err := writeFooter(sw, c, rep, now, lay, st, len(header)); err != nil {
		return err
	}

	// These live in the worksheet that the stream writer encodes at Flush.
	if lay.sessions > 0 && lay.lastRow >= lay.firstRow {
		if err := addMarkRules(f, st, fmt.Sprintf("%s%d:%s%d", first, lay.firstRow, last, lay.lastRow)); err != nil {
			return err
		}
	}
	filterTo := max(lay.lastRow, 2)
	if err := f.AutoFilter(SheetAttendance, fmt.Sprintf("A1:%s%d", col(len(header)), filterTo), nil); err != nil {
		return err
	}
	return sw.Flush()
}

// writeFooter writes the « Séance tenue » row: per session « oui » once its
// start had passed at the export or anyone is marked at it (what
// attendance.IsHeld says), and in « Séances suivies » the number of
// sessions held.
func writeFooter(sw *excelize.StreamWriter, c course.Cohort, rep attendance.Report, now time.Time, lay layout, st styles, width int) error {
	row := make([]any, width)
	for i := range row {
		row[i] = excelize.Cell{StyleID: st.footer}
	}
	row[0] = excelize.Cell{StyleID: st.footer, Value: heldLabel}
	row[1] = excelize.Cell{StyleID: st.footerHint, Value: "oui\u00a0: la séance avait commencé à l’export, ou quelqu’un y est marqué"}
	for j, s := range c.Sessions {
		sc := col(lay.firstSessionCol() + j)
		v := no
		if rep.Sessions[j].Held {
			v = yes
		}
		row[fixedCols+j] = excelize.Cell{
			StyleID: st.footerMark,
			Formula: fmt.Sprintf(`IF(OR(%s,COUNTA(%s%d:%s%d)>0),%s,%s)`,
				formulaBool(attendance.IsHeld(s, false, now)), sc, lay.firstRow, sc, lay.rangeEnd(), text(yes), text(no)),
			Value: v,
		}
	}
	count := excelize.Cell{StyleID: st.footer, Value: rep.Held}
	if lay.sessions > 0 {
		count.Formula = fmt.Sprintf("COUNTIF(%s%d:%s%d,%s)",
			col(lay.firstSessionCol()), lay.heldRow, col(lay.lastSessionCol()), lay.heldRow, criterion(yes))
	}
	row[lay.attendedCol()-1] = count
	return sw.SetRow(fmt.Sprintf("A%d", lay.heldRow), row)
}

// addMarkRules gives the session cells of sqref their drop-down list and
// their colour per mark.
func addMarkRules(f *excelize.File, st styles, sqref string) error {
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
		"Choisissez Présent·e, En retard, Absent·e ou Excusé·e dans la liste, ou laissez la case vide.")
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
			Type: "cell", Criteria: "==", Format: &style, Value: text(markText[m.mark]),
		})
	}
	return f.SetConditionalFormat(SheetAttendance, sqref, cf)
}
