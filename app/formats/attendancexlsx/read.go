package attendancexlsx

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/fold"
)

// Change is one mark that the workbook sets differently from the store.
type Change struct {
	ParticipantID, SessionID int64
	Name                     string // the person's name as held in the store
	Session                  int    // session number
	From, To                 participants.Mark
	// To is "" when the cell was emptied: the mark is to be cleared.
}

// Problem is a row of the workbook that could not be read in full, said in
// French for the person importing it.
type Problem struct {
	Row     int // row number as Excel shows it; 0 for the whole sheet
	Message string
}

func (p Problem) String() string {
	if p.Row == 0 {
		return p.Message
	}
	return fmt.Sprintf("Ligne %d : %s", p.Row, p.Message)
}

// ReadMarks reads the « Présences » sheet of a workbook written by Write and
// corrected by hand, and returns the marks that differ from current, for a
// preview before saving. Rows are matched to people by courriel, then by
// name (ignoring case and accents). A row or cell that cannot be read is
// reported as a problem and left out; the rest still counts. A person
// missing from the sheet keeps their marks.
func ReadMarks(r io.Reader, c course.Cohort, people []participants.Participant, current []participants.Attendance) ([]Change, []Problem, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("le fichier n’est pas un classeur Excel (.xlsx) lisible : %w", err)
	}
	defer f.Close()
	if idx, _ := f.GetSheetIndex(SheetAttendance); idx < 0 {
		return nil, nil, fmt.Errorf("le classeur n’a pas de feuille « %s » : exporter de nouveau les présences depuis Atelier", SheetAttendance)
	}
	rows, err := f.Rows(SheetAttendance)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, nil, errors.New("la feuille « Présences » est vide")
	}
	head, err := rows.Columns()
	if err != nil {
		return nil, nil, err
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
				problems = append(problems, Problem{1, fmt.Sprintf("la colonne « %s » ne correspond à aucune séance de la cohorte ; elle est ignorée.", h)})
				continue
			}
			sessionCols[i] = s
		}
	}
	if nameCol < 0 {
		return nil, problems, errors.New("la feuille « Présences » n’a pas de colonne « Nom » : exporter de nouveau les présences depuis Atelier")
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
	totals := fold.Key(totalsLabel)
	for n := 2; rows.Next(); n++ {
		row, err := rows.Columns()
		if err != nil {
			return nil, nil, err
		}
		name, email := cell(row, nameCol), cell(row, emailCol)
		if strings.TrimSpace(strings.Join(row, "")) == "" || (email == "" && fold.Key(name) == totals) {
			continue
		}
		who, msg := match(byEmail, byName, name, email)
		if msg != "" {
			problems = append(problems, Problem{n, msg})
			continue
		}
		p := people[who]
		if first, dup := seen[p.ID]; dup {
			problems = append(problems, Problem{n, fmt.Sprintf("« %s » figure déjà à la ligne %d ; cette ligne est ignorée.", p.Name, first)})
			continue
		}
		seen[p.ID] = n
		for i := range len(head) {
			s, ok := sessionCols[i]
			if !ok {
				continue
			}
			text := cell(row, i)
			var to participants.Mark
			if text != "" {
				m, known := markAliases[fold.Key(text)]
				if !known {
					problems = append(problems, Problem{n, fmt.Sprintf("séance %d : la marque « %s » est inconnue ; choisir Présent·e, En retard, Absent·e ou Excusé·e, ou laisser la case vide.", s.Number, text)})
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
	return changes, problems, rows.Error()
}

// match finds the person of a row: by courriel first, then by name. msg
// says in French why no single person fits.
func match(byEmail, byName map[string][]int, name, email string) (who int, msg string) {
	if email != "" {
		switch l := byEmail[fold.Key(email)]; len(l) {
		case 1:
			return l[0], ""
		case 0:
		default:
			return 0, fmt.Sprintf("plusieurs personnes ont le courriel « %s » ; corriger les présences dans Atelier.", email)
		}
	}
	switch l := byName[fold.Key(name)]; len(l) {
	case 1:
		return l[0], ""
	case 0:
		if email != "" {
			return 0, fmt.Sprintf("aucune personne inscrite ne s’appelle « %s » ni n’a le courriel « %s » ; cette ligne est ignorée.", name, email)
		}
		return 0, fmt.Sprintf("aucune personne inscrite ne s’appelle « %s » ; cette ligne est ignorée.", name)
	default:
		return 0, fmt.Sprintf("plusieurs personnes s’appellent « %s » ; indiquer le courriel pour les distinguer.", name)
	}
}
