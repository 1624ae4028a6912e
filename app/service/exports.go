package service

import (
	"context"
	"io"
	"strings"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/library"
	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
	"atelier/app/formats/attendancexlsx"
	"atelier/app/formats/deck"
	"atelier/app/formats/diagram"
	"atelier/app/formats/handout"
	"atelier/app/formats/rosterexport"
	"atelier/app/kit/fold"
	"atelier/app/kit/usererr"
)

// Written says what an export put in its file, for the message after it.
type Written struct {
	Cohort string
	People int // people listed
	Marks  int // attendance marks
}

// Author is the creator written in the files' properties.
const Author = "Atelier"

// Workbook writes cohort cohortID's attendance workbook to w.
func (s *Service) Workbook(ctx context.Context, w io.Writer, cohortID int64) (Written, error) {
	c, people, err := s.cohortPeople(ctx, cohortID)
	if err != nil {
		return Written{}, err
	}
	marks, err := s.st.Attendance(ctx, c.ID)
	if err != nil {
		return Written{}, err
	}
	now := s.now()
	err = attendancexlsx.Write(w, c, people, marks, attendancexlsx.Options{
		Author: Author, Created: now, Now: now, ShortTitles: course.ShortTitles(s.plans)})
	return Written{Cohort: c.Name, People: len(people), Marks: len(marks)}, err
}

// RosterFile writes cohort cohortID's roster to w, as CSV (UTF-8 with a
// byte order mark, for Excel) when csv is true, else as XLSX.
func (s *Service) RosterFile(ctx context.Context, w io.Writer, cohortID int64, csv bool) (Written, error) {
	c, people, err := s.cohortPeople(ctx, cohortID)
	if err != nil {
		return Written{}, err
	}
	if csv {
		err = rosterexport.CSV(w, people, c.Location())
	} else {
		err = rosterexport.XLSX(w, people, c.Name, s.now(), c.Location())
	}
	return Written{Cohort: c.Name, People: len(people)}, err
}

// cohortPeople reads a cohort and its people.
func (s *Service) cohortPeople(ctx context.Context, cohortID int64) (course.Cohort, []participants.Participant, error) {
	c, err := s.st.Cohort(ctx, cohortID)
	if err != nil {
		return c, nil, err
	}
	people, err := s.st.Participants(ctx, c.ID)
	return c, people, err
}

// cohortSession reads a cohort and its session number n.
func (s *Service) cohortSession(ctx context.Context, cohortID int64, n int) (course.Cohort, course.Session, error) {
	c, err := s.st.Cohort(ctx, cohortID)
	if err != nil {
		return c, course.Session{}, err
	}
	ses, err := Session(c, n)
	return c, ses, err
}

// planOf is the curriculum's plan of session n, for the documents that
// print nothing without it (the deck, the guide).
func (s *Service) planOf(n int) (course.Plan, error) {
	plan, ok := course.PlanFor(s.plans, n)
	if !ok {
		return plan, usererr.New("La séance %d n’a pas de plan dans le programme.", n)
	}
	return plan, nil
}

// documentOptions are the options every PDF of cohort c shares: dated the
// cohort's last session, so that the same data gives the same bytes
// whoever writes them and whenever.
func documentOptions(c course.Cohort) handout.Options {
	var opt handout.Options
	if n := len(c.Sessions); n > 0 {
		opt.Created = c.Sessions[n-1].StartsAt
	}
	return opt
}

// Handout writes the participants' document of session number n.
func (s *Service) Handout(ctx context.Context, w io.Writer, cohortID int64, n int) error {
	c, ses, err := s.cohortSession(ctx, cohortID, n)
	if err != nil {
		return err
	}
	rs, err := s.st.SessionResources(ctx, ses.ID)
	if err != nil {
		return err
	}
	opt := documentOptions(c)
	if opt.Structures, err = s.st.CohortStructures(ctx, c.ID); err != nil {
		return err
	}
	plan, _ := course.PlanFor(s.plans, n)
	return handout.Handout(w, c, ses, plan, rs, opt)
}

// Slides writes the slide deck of session number n as a 16:9 PDF, dated
// like the cohort's other documents so that its bytes do not change.
func (s *Service) Slides(ctx context.Context, w io.Writer, cohortID int64, n int) error {
	c, _, err := s.cohortSession(ctx, cohortID, n)
	if err != nil {
		return err
	}
	plan, err := s.planOf(n)
	if err != nil {
		return err
	}
	return deck.PDF(w, plan, deck.Options{Created: documentOptions(c).Created})
}

// Guide writes the facilitator guide of session number n: for the team,
// with the cohort's people in the roles, dated like the other documents.
func (s *Service) Guide(ctx context.Context, w io.Writer, cohortID int64, n int) error {
	c, ses, err := s.cohortSession(ctx, cohortID, n)
	if err != nil {
		return err
	}
	plan, err := s.planOf(n)
	if err != nil {
		return err
	}
	return handout.Guide(w, c, ses, plan, documentOptions(c))
}

// SignIn writes the sign-in sheet of session number n: the people
// expected at it (holding a seat), then blank rows for whoever comes
// without registering.
func (s *Service) SignIn(ctx context.Context, w io.Writer, cohortID int64, n int) (Written, error) {
	c, people, err := s.cohortPeople(ctx, cohortID)
	if err != nil {
		return Written{}, err
	}
	ses, err := Session(c, n)
	if err != nil {
		return Written{}, err
	}
	expected := people[:0:0]
	for _, p := range people {
		if attendance.Expected(p) {
			expected = append(expected, p)
		}
	}
	return Written{Cohort: c.Name, People: len(expected)}, handout.SignIn(w, c, ses, expected, documentOptions(c))
}

// Certificates writes a certificate of participation for everyone who
// attended at least minimum sessions; 0 means the cohort's own minimum
// (course.Cohort.CertificateMin). When nobody qualifies yet, the error
// says so plainly.
func (s *Service) Certificates(ctx context.Context, w io.Writer, cohortID int64, minimum int) (Written, error) {
	c, err := s.st.Cohort(ctx, cohortID)
	if err != nil {
		return Written{}, err
	}
	if minimum <= 0 {
		minimum = c.CertificateMin
	}
	report, people, err := s.Tally(ctx, c)
	if err != nil {
		return Written{}, err
	}
	qualified := attendance.Qualified(report, people, minimum)
	if len(qualified) == 0 {
		return Written{Cohort: c.Name}, usererr.New("Aucune attestation à produire\u00a0: personne n’a encore suivi %s de la cohorte «\u00a0%s\u00a0». "+
			"Le nombre de séances demandé se règle dans «\u00a0Modifier la cohorte…\u00a0».", sessionsAtLeast(minimum), c.Name)
	}
	return Written{Cohort: c.Name, People: len(qualified)}, handout.Certificates(w, c, qualified, report, documentOptions(c))
}

func sessionsAtLeast(n int) usererr.Localized {
	return usererr.Plural(n, "une séance", "au moins %s séances")
}

// Booklet writes the five handouts in one document with a table of contents.
func (s *Service) Booklet(ctx context.Context, w io.Writer, cohortID int64) error {
	c, err := s.st.Cohort(ctx, cohortID)
	if err != nil {
		return err
	}
	bySession := map[int][]library.Resource{}
	for _, ses := range c.Sessions {
		rs, err := s.st.SessionResources(ctx, ses.ID)
		if err != nil {
			return err
		}
		bySession[ses.Number] = rs
	}
	opt := documentOptions(c)
	if opt.Structures, err = s.st.CohortStructures(ctx, c.ID); err != nil {
		return err
	}
	return handout.Booklet(w, c, s.plans, bySession, opt)
}

// FindStructure finds cohort c's diagram named name (accents and case
// aside).
func (s *Service) FindStructure(ctx context.Context, c course.Cohort, name string) (structure.Structure, error) {
	list, err := s.st.Structures(ctx, c.ID)
	if err != nil {
		return structure.Structure{}, err
	}
	var names []string
	for _, x := range list {
		if fold.Key(x.Name) == fold.Key(name) {
			return s.st.Structure(ctx, x.ID)
		}
		names = append(names, "«\u00a0"+x.Name+"\u00a0»")
	}
	if len(names) == 0 {
		return structure.Structure{}, usererr.New("La cohorte «\u00a0%s\u00a0» n’a encore aucune structure\u202f; créez-en une dans «\u00a0Atelier structure\u00a0».", c.Name)
	}
	return structure.Structure{}, usererr.New("Aucune structure ne s’appelle «\u00a0%s\u00a0». Structures de la cohorte\u00a0: %s.", name, strings.Join(names, ", "))
}

// StructurePNG draws a diagram as a picture, at twice the screen's scale.
func (s *Service) StructurePNG(w io.Writer, st structure.Structure) error {
	return diagram.PNG(w, st, diagram.Options{Scale: 2, Title: st.Name})
}

// StructurePDF writes a diagram and its mandates as a PDF.
func (s *Service) StructurePDF(ctx context.Context, w io.Writer, st structure.Structure) error {
	c, err := s.st.Cohort(ctx, st.CohortID)
	if err != nil {
		return err
	}
	return diagram.PDF(w, st, diagram.PDFOptions{Subtitle: c.Name, Created: s.now()})
}

// SaveFile writes an export, a document or a person's data to path, the
// way every file Atelier saves is written: through a temp file beside it,
// synced and renamed, readable by its owner only. The database itself and
// its companions (-wal, -shm), under any name, are refused: a workbook
// saved over them would destroy the roster.
func (s *Service) SaveFile(path string, write func(io.Writer) error) error {
	if s.st.Owns(path) {
		return usererr.New("«\u00a0%s\u00a0» est la base de données ouverte (ou l’un de ses fichiers)\u00a0: Atelier ne l’écrase pas. Choisissez un autre nom de fichier.", path)
	}
	return s.files.Write(path, 0o600, write)
}

// Backup writes a consistent copy of the whole database to path.
func (s *Service) Backup(ctx context.Context, path string) error {
	return s.st.BackupTracked(ctx, path, s.files.Track)
}
