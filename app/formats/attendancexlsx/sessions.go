package attendancexlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/xlsxtext"
	"atelier/app/kit/textfmt"
)

// sessionSheet names the detail sheet of session n.
func sessionSheet(n int) string { return fmt.Sprintf("Séance %d", n) }

// writeSessionSheets adds one sheet per session with the detail the
// « Présences » grid leaves out: minutes present, the note, and whether the
// person came without registering. Only people with a mark are listed.
func writeSessionSheets(f *excelize.File, c course.Cohort, people []participants.Participant, marks []participants.Attendance, page *excelize.HeaderFooterOptions) error {
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
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"}})
	if err != nil {
		return err
	}
	header := []string{"Nom", "Courriel", "Présence", "Minutes de présence", "Note", "Arrivée sans inscription"}
	for _, s := range c.Sessions {
		name := sessionSheet(s.Number)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		// The session's title, the blank row and the header row repeat.
		if err := xlsxtext.PrintSetup(f, name, 3, page); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		for i, w := range []float64{30, 30, 14, 13, 36, 14} {
			if err := sw.SetColWidth(i+1, i+1, w); err != nil {
				return err
			}
		}
		parts := []string{sessionSheet(s.Number)}
		if t := strings.TrimSpace(s.Title); t != "" {
			parts = append(parts, t)
		}
		if !s.StartsAt.IsZero() {
			when := s.StartsAt.In(c.Location())
			parts = append(parts, textfmt.French.Date(when)+", "+textfmt.French.Clock(when))
		}
		title := xlsxtext.Clean(strings.Join(parts, " — "))
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: bold, Value: title}}); err != nil {
			return err
		}
		row := make([]any, len(header))
		for i, h := range header {
			row[i] = excelize.Cell{StyleID: head, Value: h}
		}
		if err := sw.SetRow("A3", row, excelize.RowOpts{Height: 32}); err != nil {
			return err
		}
		n := 4
		line := make([]any, len(header)) // reused: SetRow encodes at once
		for _, p := range people {
			m, ok := bySession[s.ID][p.ID]
			if !ok || !m.Mark.Valid() {
				continue
			}
			walkIn := ""
			if walkedIn(p, m) {
				walkIn = yes
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

// walkedIn reports whether p came to the session of mark m without
// registering: their status says so, or the mark was made on their arrival.
func walkedIn(p participants.Participant, m participants.Attendance) bool {
	return p.Status == participants.SansInscription || strings.TrimSpace(m.Note) == participants.WalkInNote
}
