// Package attendancexlsx writes a cohort's attendance sheet as an Excel
// workbook (.xlsx) that facilitators can correct in Excel or LibreOffice,
// and reads the corrected marks back as a list of changes to preview. It
// takes domain values and an io.Writer or io.Reader and knows nothing of the
// interface or the store.
package attendancexlsx

import (
	"fmt"
	"strings"
	"time"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/xlsxtext"
	"atelier/app/kit/fold"
	"atelier/app/kit/textfmt"
)

// Sheet names and fixed column headers of the workbook.
const (
	SheetAttendance = "Présences"
	SheetSummary    = "Synthèse"

	headName     = "Nom"
	headPronouns = "Pronoms"
	headEmail    = "Courriel"
	headOrg      = "Organisation"
	headStatus   = "Statut"
	headAttended = "Séances suivies"
	headRate     = "Taux de présence"

	// heldLabel heads the footer row that says, per session, whether it is
	// held (« oui » or « non »), and counts the held sessions.
	heldLabel = "Séance tenue"
	// legacyTotalsLabel is the footer row of workbooks written before
	// « Séance tenue »: reading still skips it.
	legacyTotalsLabel = "Total des présences"
	yes, no           = "oui", "non"

	// fixedCols is the number of columns before the first session, the
	// last of them being « Statut ».
	fixedCols = 5
	statusCol = fixedCols
)

// markOrder is the order of the drop-down list and of the summary columns.
var markOrder = []participants.Mark{participants.Present, participants.Retard, participants.Absent, participants.Excuse}

// markText is what a session cell holds for each mark. It starts with a
// capital, as a cell on its own reads like a heading; reading accepts the
// lower-case words of participants.MarkLabels too.
var markText = map[participants.Mark]string{
	participants.Present: "Présent·e",
	participants.Absent:  "Absent·e",
	participants.Excuse:  "Excusé·e",
	participants.Retard:  "En retard",
}

// markAliases maps the folded text of a cell to its mark: the written words,
// the lower-case labels and the forms people type by hand.
var markAliases = func() map[string]participants.Mark {
	m := map[string]participants.Mark{}
	for mark, s := range markText {
		m[fold.Key(s)] = mark
	}
	for mark, s := range participants.MarkLabels {
		m[fold.Key(s)] = mark
	}
	for s, mark := range map[string]participants.Mark{
		"présent": participants.Present, "présente": participants.Present, "present": participants.Present,
		"présent.e": participants.Present, "p": participants.Present,
		"absent": participants.Absent, "absente": participants.Absent, "absent.e": participants.Absent, "a": participants.Absent,
		"excusé": participants.Excuse, "excusée": participants.Excuse, "excusé.e": participants.Excuse, "excuse": participants.Excuse,
		"retard": participants.Retard,
	} {
		m[fold.Key(s)] = mark
	}
	return m
}()

// sessionHeader is « S1 — Titre — 4 novembre 2026, 18 h 30 », the date and
// time read in the cohort's time zone.
func sessionHeader(s course.Session, short string, loc *time.Location) string {
	title := strings.TrimSpace(short)
	if title == "" {
		title = strings.TrimSpace(s.Title)
	}
	at := s.StartsAt.In(loc)
	parts := []string{fmt.Sprintf("S%d", s.Number)}
	if title != "" {
		parts = append(parts, title)
	}
	if !s.StartsAt.IsZero() {
		parts = append(parts, textfmt.French.Date(at)+", "+textfmt.French.Clock(at))
	}
	return xlsxtext.Clean(strings.Join(parts, " — "))
}

// sessionNumber reads the number of a session column from its header
// (« S3 — … »); ok is false for any other header.
func sessionNumber(header string) (n int, ok bool) {
	h := strings.TrimSpace(header)
	if len(h) < 2 || (h[0] != 'S' && h[0] != 's') {
		return 0, false
	}
	i := 1
	for i < len(h) && h[i] >= '0' && h[i] <= '9' {
		n = n*10 + int(h[i]-'0')
		i++
	}
	if i == 1 || n == 0 || n > 1000 {
		return 0, false
	}
	rest := strings.TrimSpace(h[i:])
	if rest != "" && !strings.HasPrefix(rest, "—") && !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "–") {
		return 0, false
	}
	return n, true
}
