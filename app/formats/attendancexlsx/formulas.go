package attendancexlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/participants"
	"atelier/app/formats/xlsxtext"
)

// col is the letter of a 1-based column number.
func col(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(name string) string { return xlsxtext.QuoteSheet(name) }

// text is s as a string literal in a formula.
func text(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// criterionEscaper keeps COUNTIF from reading * ? ~ as wildcards.
var criterionEscaper = strings.NewReplacer("~", "~~", "*", "~*", "?", "~?")

// criterion is a COUNTIF criterion matching exactly the cells holding s.
func criterion(s string) string { return text(criterionEscaper.Replace(s)) }

// seatLabels are the « Statut » texts of the statuses that hold a seat,
// from participants.Status.HoldsSeat: the people expected at a session.
// The formulas count them so that the rule is written in one place.
var seatLabels = func() []string {
	var l []string
	for _, s := range participants.Statuses() {
		if s.HoldsSeat() {
			l = append(l, participants.StatusLabels[s])
		}
	}
	return l
}()

// sumOverSeats adds term(criterion) for each status holding a seat:
// COUNTIF(…,"inscrit·e")+COUNTIF(…,"confirmé·e").
func sumOverSeats(term func(criterion string) string) string {
	if len(seatLabels) == 0 {
		return "0"
	}
	terms := make([]string, len(seatLabels))
	for i, l := range seatLabels {
		terms[i] = term(criterion(l))
	}
	return strings.Join(terms, "+")
}

// countCame counts the cells of rng marked présent·e or en retard.
func countCame(rng string) string {
	return fmt.Sprintf("COUNTIF(%s,%s)+COUNTIF(%s,%s)",
		rng, criterion(markText[participants.Present]), rng, criterion(markText[participants.Retard]))
}

// formulaBool is how a formula writes b.
func formulaBool(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}
