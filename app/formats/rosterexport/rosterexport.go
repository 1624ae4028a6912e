// Package rosterexport writes a cohort's roster as a spreadsheet: CSV in
// UTF-8 with a BOM (so that Excel on Windows shows the accents) or XLSX.
// Text that a spreadsheet would take for a formula is written as text.
package rosterexport

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/participants"
	"atelier/app/formats/tabular"
	"atelier/app/formats/xlsxtext"
	"atelier/app/kit/textfmt"
)

// header is the first row, in French.
var header = []string{"Nom", "Pronoms", "Courriel", "Téléphone", "Organisation", "Ville",
	"Besoins d’accessibilité", "Accepte d’être contacté·e", "Statut", "Inscription", "Séances suivies", "Notes"}

// rows turns the roster into text cells, people in alphabetical order.
func rows(people []participants.Participant, loc *time.Location) [][]string {
	list := append([]participants.Participant(nil), people...)
	participants.SortByName(list)
	out := make([][]string, 0, len(list))
	for _, p := range list {
		consent := "non"
		if p.Consent {
			consent = "oui"
		}
		registered := ""
		if !p.RegisteredAt.IsZero() {
			t := p.RegisteredAt.In(loc)
			registered = textfmt.French.Date(t) + ", " + textfmt.French.Clock(t)
		}
		out = append(out, []string{p.Name, p.Pronouns, p.Email, p.Phone, p.Organisation, p.City,
			p.Accessibility, consent, participants.StatusLabels[p.Status], registered, fmt.Sprint(p.Attended), p.Notes})
	}
	return out
}

// Safe makes one value harmless in a spreadsheet: control characters go,
// and text that starts like a formula is guarded (tabular.Guard).
func Safe(s string) string {
	return tabular.Guard(dropControls(s))
}

// dropControls takes away control characters other than line feed and
// tab, which no spreadsheet shows.
func dropControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// CSV writes the roster as CSV, UTF-8 with a BOM, comma-separated, through
// tabular.Writer: no cell starts a formula and every cell that holds a
// comma, a semicolon, a tab, a quote or a line break is quoted, so that
// Excel reads the same columns whether it splits at « , » or, in French,
// at « ; ». registration.Parse reads the file back to the same roster.
func CSV(w io.Writer, people []participants.Participant, loc *time.Location) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := tabular.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows(people, loc) {
		for i := range r {
			r[i] = dropControls(r[i])
		}
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// XLSX writes the roster as a workbook with one sheet, « Inscriptions ».
// Every cell is a string cell cleaned by xlsxtext, so nothing in it can run
// as a formula and no text exceeds what a cell holds. It prints as the
// attendance workbook does: landscape, one page wide, the header row on
// every page, under a header naming cohort and the moment made.
func XLSX(w io.Writer, people []participants.Participant, cohort string, made time.Time, loc *time.Location) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Inscriptions"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := xlsxtext.PrintSetup(f, sheet, 1, xlsxtext.PageHeader(cohort, made, loc)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for n, r := range rows(people, loc) {
		cells := make([]any, len(r))
		for i, v := range r {
			cells[i] = xlsxtext.Clean(v)
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return xlsxtext.Write(w, f)
}
