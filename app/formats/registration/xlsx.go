package registration

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"atelier/app/kit/usererr"
)

// xlsxLimit bounds what a workbook may unpack to, against a zip bomb; it
// also keeps every sheet in memory, with no temporary file.
const xlsxLimit = 256 << 20

// parseXLSX reads the first sheet that has anything in it, as displayed
// (formatted numbers, dates as shown), keeping the raw cell values beside
// for the dates.
func parseXLSX(data []byte) (s *Sheet, err error) {
	// excelize reads a complex format written by many programs; whatever
	// it trips on in a damaged file must end as a message, not a crash.
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, usererr.Wrap(fmt.Errorf("excelize: %v", r), "%s", msgUnreadableXLSX)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: xlsxLimit, UnzipXMLSizeLimit: xlsxLimit})
	if err != nil {
		return nil, usererr.Wrap(err, "%s", msgUnreadableXLSX)
	}
	defer f.Close()
	s = &Sheet{Format: "XLSX"}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	for _, name := range f.GetSheetList() {
		shown, err := f.GetRows(name)
		if err != nil {
			return nil, usererr.Wrap(err, "%s", msgUnreadableXLSX)
		}
		raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, usererr.Wrap(err, "%s", msgUnreadableXLSX)
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
	return nil, usererr.New("Ce classeur ne contient aucune donnée%s: ses feuilles sont vides.", nbsp)
}

var msgUnreadableXLSX = fmt.Sprintf("Ce classeur Excel n’a pas pu être lu%s: il est peut-être endommagé ou protégé par un mot de passe. "+
	"Ouvrez-le dans votre tableur, enregistrez-le de nouveau au format .xlsx ou CSV, puis importez-le.", nbsp)
