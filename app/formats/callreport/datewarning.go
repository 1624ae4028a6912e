package callreport

import (
	"time"

	"atelier/app/kit/usererr"
)

// DateWarning warns when the report's first connection is not on the day
// of the session it is imported for (the wrong file, or the wrong session
// picked): a message the window shows in its language, French for the
// command line. It is nil when the days agree.
func DateWarning(rep *Report, sessionStart time.Time) *usererr.Error {
	if rep == nil || len(rep.Attendees) == 0 {
		return nil
	}
	first := rep.Attendees[0].FirstJoin.In(sessionStart.Location())
	y1, m1, d1 := first.Date()
	y2, m2, d2 := sessionStart.Date()
	if first.IsZero() || (y1 == y2 && m1 == m2 && d1 == d2) {
		return nil
	}
	return usererr.New("Attention\u00a0: ce rapport date du %s, alors que la séance a lieu le %s. Vérifiez le fichier et la séance choisie.",
		usererr.Date(first), usererr.Date(sessionStart))
}
