package xlsxtext

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/kit/textfmt"
)

// PaperLetter is the paper size code of US Letter in the workbook. Québec
// prints on Letter; the sheet names it rather than leave it to whatever a
// spreadsheet assumes, often A4 where French is spoken (LibreOffice prints
// a sheet with no page setup on its locale's paper).
const PaperLetter = 1

// maxHeaderName bounds the cohort's name in the page header: Excel refuses
// a header longer than 255 UTF-16 units, and escaping doubles each « & ».
const maxHeaderName = 80

// PageHeader is what every printed page of a workbook says: title (the
// cohort's name) on the left, the sheet in the middle and when the
// workbook was made, in loc, on the right; « Page 2 sur 3 » below.
func PageHeader(title string, made time.Time, loc *time.Location) *excelize.HeaderFooterOptions {
	head := "&L&B" + headerText(title) + "&B&C&A"
	if !made.IsZero() {
		at := made.In(loc)
		head += "&R" + headerText("Exporté le "+textfmt.French.Date(at)+" à "+textfmt.French.Clock(at))
	}
	return &excelize.HeaderFooterOptions{OddHeader: head, OddFooter: "&CPage &P sur &N"}
}

// headerText makes s literal text of a page header: on one line, cut to
// maxHeaderName characters, and with « & », which starts a code there
// (&P is the page number), doubled.
func headerText(s string) string {
	// Not strings.Fields: it would also turn the no-break spaces of
	// « 7 h » and « : » into ordinary ones.
	s = strings.Join(strings.FieldsFunc(Clean(s), func(r rune) bool { return r == '\n' || r == '\t' || r == ' ' }), " ")
	if r := []rune(s); len(r) > maxHeaderName {
		s = string(r[:maxHeaderName-1]) + "…"
	}
	return strings.ReplaceAll(s, "&", "&&")
}

// PrintSetup has sheet print in landscape on Letter, scaled to one page
// wide and as many tall as its rows need, with head on every page and,
// when titleRows is more than zero, its first titleRows rows repeated at
// the top of each page. It must come before the sheet's stream writer,
// which writes the sheet's properties first.
func PrintSetup(f *excelize.File, sheet string, titleRows int, head *excelize.HeaderFooterOptions) error {
	// FitToWidth and FitToHeight count only when the sheet says it fits to
	// pages; FitToHeight 0 leaves the height free.
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	size, orientation, wide, tall := PaperLetter, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, head); err != nil {
		return err
	}
	if titleRows <= 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: QuoteSheet(sheet) + "!$1:$" + strconv.Itoa(titleRows), Scope: sheet,
	})
}

// QuoteSheet quotes a sheet name for a reference (a formula, the print
// titles).
func QuoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
