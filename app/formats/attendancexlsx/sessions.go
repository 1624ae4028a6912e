package attendancexlsx

import (
	"atelier/app/formats/xlsxtext"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
)

// sessionSheet names the detail sheet of session n.
func sessionSheet(n int) string { return fmt.Sprintf("Séance %d", n) }

// writeSessionSheets adds one sheet per session with the detail the
// « Présences » grid leaves out: minutes present, the note, and whether the
// person came without registering. Only people with a mark are listed.
func writeSessionSheets(f *excelize.File, c course.Cohort, people []participants.Participant, marks []participants.Attendance) error {
	bySession := map[int64]map[int64]participants.Attendance{}
	for _, m := range marks {
		if bySession[m.SessionID] == nil {
			bySession[m.SessionID] = map[int64]participants.Attendance{}
		}
		bySession[m.SessionID][m.ParticipantID] = m
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	header := []string{"Nom", "Courriel", "Présence", "Minutes de présence", "Note", "Arrivée sans inscription"}
	for _, s := range c.Sessions {
		name := sessionSheet(s.Number)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		if err := sw.SetColWidth(1, 1, 30); err != nil {
			return err
		}
		if err := sw.SetColWidth(2, 2, 30); err != nil {
			return err
		}
		if err := sw.SetColWidth(3, 6, 18); err != nil {
			return err
		}
		when := s.StartsAt.In(c.Location())
		title := xlsxtext.Clean(fmt.Sprintf("Séance %d — %s — %s, %s", s.Number, s.Title, textfmt.French.Date(when), textfmt.French.Clock(when)))
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: bold, Value: title}}); err != nil {
			return err
		}
		row := make([]any, len(header))
		for i, h := range header {
			row[i] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A3", row); err != nil {
			return err
		}
		n := 4
		line := make([]any, len(header)) // reused: SetRow encodes at once
		for _, p := range people {
			m, ok := bySession[s.ID][p.ID]
			if !ok {
				continue
			}
			walkIn := ""
			if strings.Contains(m.Note, "Sans inscription") || strings.Contains(p.Notes, "Arrivée sans inscription") {
				walkIn = "oui"
			}
			line[0], line[1], line[2], line[3], line[4], line[5] = xlsxtext.Clean(p.Name), xlsxtext.Clean(p.Email), markText[m.Mark], nil, xlsxtext.Clean(m.Note), walkIn
			if m.Minutes > 0 {
				line[3] = m.Minutes
			}
			cell, _ := excelize.CoordinatesToCellName(1, n)
			if err := sw.SetRow(cell, line); err != nil {
				return err
			}
			n++
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
