package service

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/formats/attendancexlsx"
	"atelier/app/formats/callreport"
	"atelier/app/kit/usererr"
	"atelier/app/store"
)

// Mark records attendance marks as given, replacing earlier ones. On a
// team database out of reach, they wait on this machine (KeepOutbox).
func (s *Service) Mark(ctx context.Context, marks ...participants.Attendance) error {
	err := s.st.SetAttendance(ctx, marks)
	if err == nil {
		return nil
	}
	waiting := make([]waitingMark, len(marks))
	for i, m := range marks {
		waiting[i] = waitingMark{Mark: m}
	}
	if kept, err := s.keepOffline(err, waiting); !kept {
		return err
	}
	return nil
}

// ClearMark removes a person's mark for a session (a mark set by
// mistake); offline, the removal waits like a mark.
func (s *Service) ClearMark(ctx context.Context, personID, sessionID int64) error {
	err := s.st.ClearAttendance(ctx, personID, sessionID)
	if err == nil {
		return nil
	}
	if kept, err := s.keepOffline(err, []waitingMark{{Mark: participants.Attendance{ParticipantID: personID, SessionID: sessionID}, Clear: true}}); !kept {
		return err
	}
	return nil
}

// CheckIn marks a person présent·e at the desk, keeping the minutes and
// the note of an earlier mark (previous, zero when there is none).
func (s *Service) CheckIn(ctx context.Context, previous participants.Attendance) (participants.Attendance, error) {
	a := previous
	a.Mark = participants.Present
	return a, s.Mark(ctx, a)
}

// Tap is what a tap on a name at the check-in desk did, kept to undo it.
type Tap struct {
	Before participants.Attendance // the mark it replaced
	Had    bool                    // whether there was one
	After  participants.Attendance // the mark it left
	Marked bool                    // false: the tap took a présent·e mark back
}

// TapDesk is a tap on a person at the desk, whose mark for the session is
// current (had: there is one). It marks them présent·e, keeping the
// minutes and note of another mark; a présent·e mark, given by mistake,
// it takes back.
func (s *Service) TapDesk(ctx context.Context, current participants.Attendance, had bool) (Tap, error) {
	t := Tap{Before: current, Had: had}
	if had && current.Mark == participants.Present {
		return t, s.ClearMark(ctx, current.ParticipantID, current.SessionID)
	}
	var err error
	t.After, err = s.CheckIn(ctx, current)
	t.Marked = err == nil
	return t, err
}

// UndoTap puts back the mark a tap replaced, exactly as it was (minutes
// and note included), or none when there was none.
func (s *Service) UndoTap(ctx context.Context, t Tap) error {
	switch {
	case t.Had && t.Before.Mark == participants.Present:
		_, err := s.CheckIn(ctx, t.Before)
		return err
	case t.Had:
		return s.Mark(ctx, t.Before)
	}
	return s.ClearMark(ctx, t.After.ParticipantID, t.After.SessionID)
}

// AddWalkIn adds someone who came without registering and marks them
// présent·e at the session, in one transaction. They hold no seat and wait
// for none: nobody waiting is passed over, and the seats stay true.
func (s *Service) AddWalkIn(ctx context.Context, cohortID, sessionID int64, p participants.Participant) (participants.Participant, error) {
	err := s.st.EditRoster(ctx, cohortID, "la personne arrivée sans inscription", func(r *store.Roster) error {
		var err error
		if p, err = addWalkIn(r, p); err != nil {
			return err
		}
		return r.Mark(participants.Attendance{ParticipantID: p.ID, SessionID: sessionID, Mark: participants.Present, Note: participants.WalkInNote})
	})
	if err == nil {
		p.Attended = 1
	}
	return p, err
}

func addWalkIn(r *store.Roster, p participants.Participant) (participants.Participant, error) {
	p.ID, p.Status, p.RegisteredAt, p.QueuedAt = 0, participants.SansInscription, r.Now(), time.Time{}
	if p.Notes == "" {
		p.Notes = "Arrivée sans inscription"
	}
	return r.Add(p)
}

// MarkByEmail marks the person of cohort c with this courriel at session
// number n (the command line's « attendance mark »).
func (s *Service) MarkByEmail(ctx context.Context, c course.Cohort, n int, email string, a participants.Attendance) (participants.Participant, error) {
	ses, err := Session(c, n)
	if err != nil {
		return participants.Participant{}, err
	}
	p, err := s.PersonByEmail(ctx, c, email)
	if err != nil {
		return p, err
	}
	a.ParticipantID, a.SessionID = p.ID, ses.ID
	return p, s.st.SetAttendance(ctx, []participants.Attendance{a})
}

// Desk is what the check-in desk shows for one session.
type Desk struct {
	Session course.Session
	People  []participants.Participant // the cohort
	Marks   []participants.Attendance  // the session's
	Tally   attendance.Session
}

// Desk reads session sessionID of c for the check-in desk.
func (s *Service) Desk(ctx context.Context, c course.Cohort, sessionID int64) (Desk, error) {
	ses, err := sessionByID(c, sessionID)
	if err != nil {
		return Desk{}, err
	}
	people, err := s.st.Participants(ctx, c.ID)
	if err != nil {
		return Desk{}, err
	}
	marks, err := s.st.SessionAttendance(ctx, sessionID)
	if err != nil {
		return Desk{}, err
	}
	return Desk{Session: ses, People: people, Marks: marks, Tally: attendance.TallySession(ses, people, marks, s.now())}, nil
}

// RestAbsent is who « Marquer les autres absent·e·s » would mark: the
// people expected at the session (holding a seat) who have no mark yet.
func (s *Service) RestAbsent(ctx context.Context, c course.Cohort, sessionID int64) ([]participants.Participant, error) {
	d, err := s.Desk(ctx, c, sessionID)
	if err != nil {
		return nil, err
	}
	return attendance.Rest(d.People, d.Marks), nil
}

// MarkRestAbsent marks absent·e, in one transaction, the people expected at
// the session who have no mark, and returns them.
func (s *Service) MarkRestAbsent(ctx context.Context, cohortID, sessionID int64) ([]participants.Participant, error) {
	var rest []participants.Participant
	err := s.st.EditRoster(ctx, cohortID, "les absences", func(r *store.Roster) error {
		var err error
		rest, err = markRestAbsent(r, sessionID)
		return err
	})
	return rest, err
}

func markRestAbsent(r *store.Roster, sessionID int64) ([]participants.Participant, error) {
	people, err := r.People()
	if err != nil {
		return nil, err
	}
	marks, err := r.SessionMarks(sessionID)
	if err != nil {
		return nil, err
	}
	rest := attendance.Rest(people, marks)
	absent := make([]participants.Attendance, len(rest))
	for i, p := range rest {
		absent[i] = participants.Attendance{ParticipantID: p.ID, SessionID: sessionID, Mark: participants.Absent}
	}
	return rest, r.Mark(absent...)
}

// Tally counts cohort c's attendance now, with its people.
func (s *Service) Tally(ctx context.Context, c course.Cohort) (attendance.Report, []participants.Participant, error) {
	people, err := s.st.Participants(ctx, c.ID)
	if err != nil {
		return attendance.Report{}, nil, err
	}
	marks, err := s.st.Attendance(ctx, c.ID)
	if err != nil {
		return attendance.Report{}, nil, err
	}
	return attendance.Tally(c, people, marks, s.now()), people, nil
}

// ReportPlan is what importing a video call's report would do, shown
// before anything is written.
type ReportPlan struct {
	Session course.Session
	Report  *callreport.Report
	Options callreport.Options
	Result  callreport.Result
	// Absent are the people expected at the session whom the report does
	// not list and who have no mark yet: marked absent·e·s unless the
	// facilitator says not to.
	Absent []participants.Participant
	// Waiting are people of the waiting list the report found: marked
	// present, but not expected and holding no seat.
	Waiting []participants.Participant
	// DateWarning is set when the report is not from the session's day:
	// ApplyReport then writes nothing unless OtherDay says the
	// facilitator, asked, confirmed it is the right report.
	DateWarning *usererr.Error
	OtherDay    bool
}

// ErrOtherDay is a report from another day than its session's, applied
// without the facilitator's confirmation.
var ErrOtherDay = usererr.New("Ce rapport n’est pas du jour de la séance\u202f; rien n’a été enregistré.")

// PlanReport matches a parsed report against cohort c's roster for
// session sessionID; late after lateAfter from the start. The meeting's
// host and c's facilitators, when not on the roster, are the team
// (Result.Team): neither marked nor among the people to place.
func (s *Service) PlanReport(ctx context.Context, c course.Cohort, sessionID int64, rep *callreport.Report, lateAfter time.Duration) (ReportPlan, error) {
	d, err := s.Desk(ctx, c, sessionID)
	if err != nil {
		return ReportPlan{}, err
	}
	p := ReportPlan{Session: d.Session, Report: rep,
		Options:     callreport.Options{SessionID: sessionID, Start: d.Session.StartsAt, LateAfter: lateAfter, Team: c.Facilitators},
		DateWarning: callreport.DateWarning(rep, d.Session.StartsAt)}
	p.Result = callreport.MatchRoster(rep, d.People, p.Options)
	listed := append([]participants.Attendance(nil), d.Marks...)
	for _, m := range p.Result.Matched {
		listed = append(listed, m.Mark)
		if m.Participant.Status == participants.Attente {
			p.Waiting = append(p.Waiting, m.Participant)
		}
	}
	p.Absent = attendance.Rest(d.People, listed)
	participants.SortByName(p.Waiting)
	return p, nil
}

// Choice is what to do with one attendee the report did not recognise:
// nothing (zero), add them as someone who came without registering, or
// link them to a person of the roster.
type Choice struct {
	WalkIn bool
	LinkTo int64
}

// ReportOutcome is what applying a report wrote.
type ReportOutcome struct {
	Present, Late, WalkIns int
	Absent                 []participants.Participant
}

// ApplyReport writes plan in one transaction: the matched marks, the
// unknown attendees as chosen (one choice per plan.Result.Unmatched), and,
// when markAbsent, an absence for everyone expected still without a mark.
//
// The report is matched again inside the transaction, against the roster
// as it is then: what another window or command did since the preview (a
// person added, the same report applied) is taken into account, so that
// applying a report twice, or twice at once, writes what applying it once
// does. A choice follows its attendee, not its place in the list: one the
// roster now recognises needs none.
func (s *Service) ApplyReport(ctx context.Context, cohortID int64, plan ReportPlan, choices []Choice, markAbsent bool) (ReportOutcome, error) {
	if plan.DateWarning != nil && !plan.OtherDay {
		return ReportOutcome{}, usererr.New("%s Rien n’a été enregistré.", plan.DateWarning).Of(ErrOtherDay)
	}
	chosen := map[string]Choice{}
	for i, a := range plan.Result.Unmatched {
		if i < len(choices) {
			chosen[attendeeKey(a)] = choices[i]
		}
	}
	var out ReportOutcome
	err := s.st.EditRoster(ctx, cohortID, "les présences du rapport", func(r *store.Roster) error {
		out = ReportOutcome{}
		people, err := r.People()
		if err != nil {
			return err
		}
		res := callreport.MatchRoster(plan.Report, people, plan.Options)
		for i := len(res.Unmatched) - 1; i >= 0; i-- { // Attach removes entry i
			a := res.Unmatched[i]
			switch ch := chosen[attendeeKey(a)]; {
			case ch.WalkIn:
				p, err := addWalkIn(r, participants.Participant{Name: a.Name, Email: a.Email})
				if err != nil {
					return err
				}
				res.Attach(i, p, plan.Options)
				out.WalkIns++
			case ch.LinkTo != 0:
				p, err := r.Person(ch.LinkTo)
				if err != nil {
					return err
				}
				res.Attach(i, p, plan.Options)
			}
		}
		marks := res.Marks()
		for _, m := range marks {
			if m.Mark == participants.Retard {
				out.Late++
			} else {
				out.Present++
			}
		}
		if err := r.Mark(marks...); err != nil {
			return err
		}
		if markAbsent {
			out.Absent, err = markRestAbsent(r, plan.Session.ID)
			return err
		}
		return nil
	})
	return out, err
}

// attendeeKey tells an attendee of a report from the others: the lines
// it was read from, else its name and courriel.
func attendeeKey(a callreport.Attendee) string {
	if len(a.Lines) > 0 {
		return fmt.Sprint(a.Lines)
	}
	return a.Name + "\x00" + a.Email
}

// ReadCorrections reads a workbook corrected in Excel or LibreOffice and
// says which marks it changes, without writing anything.
func (s *Service) ReadCorrections(ctx context.Context, c course.Cohort, r io.Reader) ([]attendancexlsx.Change, []attendancexlsx.Problem, error) {
	people, err := s.st.Participants(ctx, c.ID)
	if err != nil {
		return nil, nil, err
	}
	current, err := s.st.Attendance(ctx, c.ID)
	if err != nil {
		return nil, nil, err
	}
	return attendancexlsx.ReadMarks(r, c, people, current)
}

// ApplyCorrections writes the changes read from a workbook, cleared marks
// included, in one transaction. A changed mark keeps its minutes and note.
//
// Each change is checked again inside the transaction against the mark as
// it is then: one already made (the same workbook applied twice, or twice
// at once) is skipped; one whose mark someone changed since the workbook
// was read refuses the whole import, naming who, so that nothing newer is
// overwritten by the older sheet.
func (s *Service) ApplyCorrections(ctx context.Context, cohortID int64, changes []attendancexlsx.Change) error {
	return s.st.EditRoster(ctx, cohortID, "les présences corrigées", func(r *store.Roster) error {
		current := map[int64]map[int64]participants.Attendance{}
		var moved []string
		for _, ch := range changes {
			if current[ch.SessionID] == nil {
				marks, err := r.SessionMarks(ch.SessionID)
				if err != nil {
					return err
				}
				current[ch.SessionID] = map[int64]participants.Attendance{}
				for _, m := range marks {
					current[ch.SessionID][m.ParticipantID] = m
				}
			}
			a := current[ch.SessionID][ch.ParticipantID]
			switch a.Mark {
			case ch.To:
				continue
			case ch.From:
			default:
				moved = append(moved, fmt.Sprintf("%s, séance %d", ch.Name, ch.Session))
				continue
			}
			if ch.To == "" {
				if err := r.Clear(ch.ParticipantID, ch.SessionID); err != nil {
					return err
				}
				continue
			}
			a.ParticipantID, a.SessionID, a.Mark = ch.ParticipantID, ch.SessionID, ch.To
			if err := r.Mark(a); err != nil {
				return err
			}
		}
		if len(moved) > 0 {
			return usererr.New("Depuis la lecture du classeur, ces présences ont changé dans Atelier\u00a0: %s. "+
				"Rien n’a été enregistré\u202f; importez le classeur de nouveau pour voir les différences à jour.", strings.Join(moved, "\u202f; "))
		}
		return nil
	})
}

// SaveMarks writes one person's marks (the marks form) in one
// transaction: marks set, and the marks of the sessions in cleared removed.
func (s *Service) SaveMarks(ctx context.Context, cohortID, personID int64, marks []participants.Attendance, cleared []int64) error {
	return s.st.EditRoster(ctx, cohortID, "les présences", func(r *store.Roster) error {
		if _, err := r.Person(personID); err != nil {
			return err
		}
		for _, sid := range cleared {
			if err := r.Clear(personID, sid); err != nil {
				return err
			}
		}
		return r.Mark(marks...)
	})
}
