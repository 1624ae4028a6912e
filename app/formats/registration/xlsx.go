package registration

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"atelier/app/formats/tabular"
	"atelier/app/kit/usererr"
)

// xlsxLimits bound a workbook before it is read (see tabular.Limits): a
// registration export is a few hundred rows of a few dozen columns; these
// leave room for ten thousand and for a form of many questions, and keep
// every sheet in memory, with no temporary file.
var xlsxLimits = tabular.Limits{Rows: 20000, Columns: 200, Cells: 1_000_000, Unzipped: 128 << 20}

// maxText bounds the text of all the cells read from a workbook, as
// MaxSize bounds a CSV file: shared strings let a small file repeat a long
// text in every cell.
const maxText = MaxSize

// parseXLSX reads the first sheet that has anything in it, as displayed
// (formatted numbers, dates as shown), keeping the raw cell values beside
// for the dates.
func parseXLSX(data []byte) (s *Sheet, err error) {
	// excelize reads a complex format written by many programs; whatever
	// it trips on in a damaged file must end as a message, not a crash.
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, usererr.Wrap(fmt.Errorf("excelize: %v", r), "%s", tabular.MsgUnreadableXLSX)
		}
	}()
	f, err := tabular.OpenXLSX(data, xlsxLimits)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s = &Sheet{Format: "XLSX"}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	text := 0
	for _, name := range f.GetSheetList() {
		shown, err := sheetRows(f, name, false, &text)
		if err != nil {
			return nil, err
		}
		raw, err := sheetRows(f, name, true, &text)
		if err != nil {
			return nil, err
		}
		for i, rec := range shown {
			trimAll(rec)
			if blank(rec) {
				continue
			}
			r := Row{Line: i + 1, Values: rec}
			if i < len(raw) {
				r.raw = raw[i]
			}
			s.Rows = append(s.Rows, r)
		}
		if s.takeHeader() {
			return s, nil
		}
	}
	return nil, usererr.New("Ce classeur ne contient aucune donnée" + nbsp + ": ses feuilles sont vides.")
}

// sheetRows reads a sheet row by row (row n at index n-1; the limits
// checked by OpenXLSX bound their number and width), adding the length of
// the text read to *text and refusing the sheet past maxText.
func sheetRows(f *excelize.File, sheet string, raw bool, text *int) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, usererr.Wrap(err, "%s", tabular.MsgUnreadableXLSX)
	}
	defer rows.Close()
	var out [][]string
	for n := 1; rows.Next(); n++ {
		rec, err := rows.Columns(excelize.Options{RawCellValue: raw})
		if err != nil {
			return nil, usererr.Wrap(err, "%s", tabular.MsgUnreadableXLSX)
		}
		if len(rec) == 0 {
			continue
		}
		for _, v := range rec {
			*text += len(v)
		}
		if *text > maxText {
			return nil, usererr.New("Ce classeur contient trop de texte pour une liste d’inscriptions (plus de %d"+nbsp+"Mo une fois lu). "+
				"Vérifiez qu’il s’agit bien de l’export du formulaire.", maxText>>20)
		}
		for len(out) < n-1 {
			out = append(out, nil)
		}
		out = append(out, rec)
	}
	if err := rows.Error(); err != nil {
		return nil, usererr.Wrap(err, "%s", tabular.MsgUnreadableXLSX)
	}
	return out, nil
}
