package attendancexlsx

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"atelier/app/formats/tabular"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/fold"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

// MaxSize bounds the workbook ReadMarks takes in: the presences of a
// cohort are a few kilobytes.
// A caller opening the file passes it to inputfile.Open or ReadLimited,
// so that a larger file is refused before it is read.
const MaxSize = 20 << 20

// limits bound a workbook before excelize reads it (see tabular.Limits):
// a cohort is tens of people, its sessions a few columns; these leave
// room for far more.
var limits = tabular.Limits{Rows: 5000, Columns: 200, Cells: 500_000, Unzipped: 64 << 20}

// Change is one mark that the workbook sets differently from the store.
type Change struct {
	ParticipantID, SessionID int64
	Name                     string // the person's name as held in the store
	Session                  int    // session number
	From, To                 participants.Mark
	// To is "" when the cell was emptied: the mark is to be cleared.
}

// Problem is a row of the workbook that could not be read in full, and
// why: a message the window shows in its language, French for the
// command line and the log.
type Problem struct {
	Row     int            // row number as Excel shows it; 0 for the whole sheet
	Message *usererr.Error // a sentence: what is wrong, what was done, what to do
}

// String is the problem in French, after its row number.
func (p Problem) String() string {
	if p.Row == 0 {
		return p.Message.Error()
	}
	return fmt.Sprintf("Ligne %d\u00a0: %s", p.Row, p.Message.Error())
}

// quoted puts s in French guillemets, with their unbreakable spaces.
func quoted(s string) usererr.Localized { return usererr.Quote(s) }

// reexport is what to do when the sheet is no longer Atelier's.
const reexport = "Exportez de nouveau les présences depuis Atelier, puis reportez-y vos corrections."

// footerLabels are the Nom cells of the rows below the people (with an
// empty Courriel): reading skips them.
var footerLabels = map[string]bool{fold.Key(heldLabel): true, fold.Key(legacyTotalsLabel): true}

// ReadMarks reads the « Présences » sheet of a workbook written by Write and
// corrected by hand, and returns the marks that differ from current, for a
// preview before saving. Rows are matched to people by courriel, then by
// name (ignoring case and accents). A row or cell that cannot be read is
// reported as a problem and left out; the rest still counts. A person
// missing from the sheet keeps their marks.
func ReadMarks(r io.Reader, c course.Cohort, people []participants.Participant, current []participants.Attendance) ([]Change, []Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, nil, usererr.Wrap(err, "Le classeur n’a pas pu être lu jusqu’au bout. Vérifiez qu’il est bien enregistré sur cet ordinateur, puis réessayez.")
	}
	if len(data) > MaxSize {
		return nil, nil, usererr.New("Ce fichier est trop gros pour un classeur de présences (plus de %d\u00a0Mo). Choisissez le classeur des présences exporté par Atelier.", MaxSize>>20)
	}
	f, err := tabular.OpenXLSX(data, limits)
	if errors.Is(err, tabular.ErrNotXLSX) {
		return nil, nil, usererr.Wrap(err, "Ce fichier n’est pas un classeur Excel (.xlsx) lisible. Choisissez le classeur des présences exporté par Atelier, enregistré au format .xlsx.")
	}
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sheet := quoted(SheetAttendance)
	if idx, _ := f.GetSheetIndex(SheetAttendance); idx < 0 {
		return nil, nil, usererr.New("Le classeur n’a pas de feuille %s. %s", sheet, reexport)
	}
	unreadable := func(err error) error {
		return usererr.Wrap(err, "La feuille %s ne peut pas être lue. Enregistrez de nouveau le classeur au format .xlsx, puis réessayez.", sheet)
	}
	rows, err := f.Rows(SheetAttendance)
	if err != nil {
		return nil, nil, unreadable(err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Error(); err != nil {
			return nil, nil, unreadable(err)
		}
		return nil, nil, usererr.New("La feuille %s est vide. %s", sheet, reexport)
	}
	head, err := rows.Columns()
	if err != nil {
		return nil, nil, unreadable(err)
	}

	var problems []Problem
	nameCol, emailCol := -1, -1
	sessionCols := map[int]course.Session{}
	byNumber := map[int]course.Session{}
	for _, s := range c.Sessions {
		byNumber[s.Number] = s
	}
	for i, h := range head {
		switch fold.Key(h) {
		case fold.Key(headName):
			nameCol = i
		case fold.Key(headEmail):
			emailCol = i
		default:
			n, ok := sessionNumber(h)
			if !ok {
				continue
			}
			s, known := byNumber[n]
			if !known {
				problems = append(problems, Problem{1, usererr.New("La colonne %s ne correspond à aucune séance de la cohorte\u202f; elle est ignorée. Vérifiez le numéro en tête de colonne (%s).", quoted(strings.TrimSpace(h)), sessionRange(c))})
				continue
			}
			sessionCols[i] = s
		}
	}
	if nameCol < 0 {
		return nil, problems, usererr.New("La feuille %s n’a pas de colonne %s. Rétablissez cet en-tête sur la première ligne, ou exportez de nouveau les présences depuis Atelier.", sheet, quoted(headName))
	}

	byEmail := map[string][]int{}
	byName := map[string][]int{}
	for i, p := range people {
		if e := strings.TrimSpace(p.Email); e != "" {
			byEmail[fold.Key(e)] = append(byEmail[fold.Key(e)], i)
		}
		byName[fold.Key(p.Name)] = append(byName[fold.Key(p.Name)], i)
	}
	type key struct{ p, s int64 }
	was := make(map[key]participants.Mark, len(current))
	for _, a := range current {
		was[key{a.ParticipantID, a.SessionID}] = a.Mark
	}

	var changes []Change
	seen := map[int64]int{}
	cell := func(row []string, i int) string {
		if i < 0 || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	for n := 2; rows.Next(); n++ {
		row, err := rows.Columns()
		if err != nil {
			return nil, nil, unreadable(err)
		}
		name, email := cell(row, nameCol), cell(row, emailCol)
		if strings.TrimSpace(strings.Join(row, "")) == "" || (email == "" && footerLabels[fold.Key(name)]) {
			continue
		}
		who, msg := match(byEmail, byName, name, email)
		if msg != nil {
			problems = append(problems, Problem{n, msg})
			continue
		}
		p := people[who]
		if first, dup := seen[p.ID]; dup {
			problems = append(problems, Problem{n, usererr.New("La personne %s figure déjà à la ligne %d\u202f; cette ligne-ci est ignorée. Gardez une seule ligne par personne.", quoted(p.Name), first)})
			continue
		}
		seen[p.ID] = n
		for i := range len(head) {
			s, ok := sessionCols[i]
			if !ok {
				continue
			}
			v := cell(row, i)
			var to participants.Mark
			if v != "" {
				m, known := markAliases[fold.Key(v)]
				if !known {
					problems = append(problems, Problem{n, usererr.New("La marque %s de la séance %d est inconnue\u202f; cette case est ignorée. Choisissez Présent·e, En retard, Absent·e ou Excusé·e, ou laissez la case vide.", quoted(v), s.Number)})
					continue
				}
				to = m
			}
			from := was[key{p.ID, s.ID}]
			if from != to {
				changes = append(changes, Change{ParticipantID: p.ID, SessionID: s.ID, Name: p.Name, Session: s.Number, From: from, To: to})
			}
		}
	}
	if err := rows.Error(); err != nil {
		return nil, nil, unreadable(err)
	}
	return changes, problems, nil
}

// sessionRange is « S1 à S5 », the session columns a workbook of c can have.
func sessionRange(c course.Cohort) usererr.Localized {
	switch len(c.Sessions) {
	case 0:
		return usererr.Phrase("cette cohorte n’a aucune séance")
	case 1:
		n := c.Sessions[0].Number
		return usererr.Text(func(textfmt.Lang) string { return fmt.Sprintf("S%d", n) })
	}
	return usererr.New("S%d à S%d", c.Sessions[0].Number, c.Sessions[len(c.Sessions)-1].Number)
}

// match finds the person of a row: by courriel first, then by name. msg
// says why no single person fits, nil when one does.
func match(byEmail, byName map[string][]int, name, email string) (who int, msg *usererr.Error) {
	if email != "" {
		switch l := byEmail[fold.Key(email)]; len(l) {
		case 1:
			return l[0], nil
		case 0:
		default:
			return 0, usererr.New("Plusieurs personnes ont le courriel %s\u202f; cette ligne est ignorée. Corrigez ces présences dans Atelier.", quoted(email))
		}
	}
	switch l := byName[fold.Key(name)]; len(l) {
	case 1:
		return l[0], nil
	case 0:
		if email != "" {
			return 0, usererr.New("Aucune personne de la cohorte ne s’appelle %s ni n’a le courriel %s\u202f; cette ligne est ignorée. Vérifiez le nom et le courriel, ou ajoutez la personne dans Atelier.", quoted(name), quoted(email))
		}
		return 0, usererr.New("Aucune personne de la cohorte ne s’appelle %s\u202f; cette ligne est ignorée. Vérifiez le nom, ou ajoutez la personne dans Atelier.", quoted(name))
	default:
		return 0, usererr.New("Plusieurs personnes s’appellent %s\u202f; cette ligne est ignorée. Indiquez le courriel de la personne dans la colonne %s pour les distinguer.", quoted(name), quoted(headEmail))
	}
}
