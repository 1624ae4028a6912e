package callreport

import (
	"fmt"
	"time"

	"atelier/app/kit/textfmt"
)

// DateWarning returns a French sentence when the report's first connection
// is not on the day of the session it is imported for (the wrong file, or
// the wrong session picked), else "".
func DateWarning(rep *Report, sessionStart time.Time) string {
	if rep == nil || len(rep.Attendees) == 0 {
		return ""
	}
	first := rep.Attendees[0].FirstJoin.In(sessionStart.Location())
	y1, m1, d1 := first.Date()
	y2, m2, d2 := sessionStart.Date()
	if first.IsZero() || (y1 == y2 && m1 == m2 && d1 == d2) {
		return ""
	}
	return fmt.Sprintf("Attention\u00a0: ce rapport date du %s, alors que la séance a lieu le %s. Vérifiez le fichier et la séance choisie.",
		textfmt.French.Date(first), textfmt.French.Date(sessionStart))
}
