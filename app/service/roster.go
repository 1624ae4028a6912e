package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"atelier/app/domain/attendance"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
	"atelier/app/store"
)

// RosterView is what the roster shows: the people, how the seats stand,
// and how many sessions have been held (what each person's rate is over).
type RosterView struct {
	People []participants.Participant
	Seats  participants.Seats
	Held   int
}

// Roster reads cohort c's people and seats.
func (s *Service) Roster(ctx context.Context, c course.Cohort) (RosterView, error) {
	people, err := s.st.Participants(ctx, c.ID)
	if err != nil {
		return RosterView{}, err
	}
	marked, err := s.st.MarkedSessions(ctx, c.ID)
	if err != nil {
		return RosterView{}, err
	}
	return RosterView{People: people, Seats: participants.SeatsOf(people, c.SeatLimit), Held: attendance.HeldCount(c, marked, s.now())}, nil
}

// AddPerson registers someone entered by hand: a seat while one is open to
// newcomers, else the end of the waiting list (nobody goes ahead of a
// person waiting).
func (s *Service) AddPerson(ctx context.Context, cohortID int64, p participants.Participant) (participants.Participant, error) {
	err := s.st.EditRoster(ctx, cohortID, "la personne", func(r *store.Roster) error {
		seats, err := r.Seats()
		if err != nil {
			return err
		}
		p.ID, p.RegisteredAt, p.QueuedAt = 0, r.Now(), time.Time{}
		p, err = r.Add(seats.Register(p, r.Now()))
		return err
	})
	return p, err
}

// UpdatePerson saves what the form edits (name, courriel, organisation…);
// the status changes only through the operations below.
func (s *Service) UpdatePerson(ctx context.Context, cohortID int64, p participants.Participant) error {
	return s.st.EditRoster(ctx, cohortID, "la fiche", func(r *store.Roster) error {
		cur, err := r.Person(p.ID)
		if err != nil {
			return err
		}
		p.Status, p.QueuedAt, p.RegisteredAt = cur.Status, cur.QueuedAt, cur.RegisteredAt
		return r.Save(p)
	})
}

// Withdrawal is a withdrawal recorded: the person as they were (to undo
// it) and, when it freed a seat owed to someone, the first person waiting,
// to offer it to.
type Withdrawal struct {
	Before participants.Participant
	Offer  *participants.Participant
}

// Withdraw records that a person withdrew (désisté·e).
func (s *Service) Withdraw(ctx context.Context, cohortID, id int64) (Withdrawal, error) {
	var w Withdrawal
	err := s.st.EditRoster(ctx, cohortID, "le désistement", func(r *store.Roster) error {
		p, err := r.Person(id)
		if err != nil {
			return err
		}
		if p.Status == participants.Desiste {
			return usererr.New("%s s’est déjà désisté·e.", p.Name)
		}
		w.Before = p
		p.Status = participants.Desiste
		if err := r.Save(p); err != nil {
			return err
		}
		seats, err := r.Seats()
		if err != nil {
			return err
		}
		if w.Before.Status.HoldsSeat() && seats.Free() > 0 && seats.First != nil {
			w.Offer = seats.First
		}
		return nil
	})
	return w, err
}

// UndoWithdraw puts a person back as they were before w. A seat they held
// must still be free: given to someone in between, it stays theirs.
func (s *Service) UndoWithdraw(ctx context.Context, cohortID int64, w Withdrawal) error {
	return s.st.EditRoster(ctx, cohortID, "l’annulation du désistement", func(r *store.Roster) error {
		p, err := r.Person(w.Before.ID)
		if err != nil {
			return err
		}
		if p.Status != participants.Desiste {
			return usererr.New("%s n’est plus désisté·e\u00a0: rien à annuler.", p.Name)
		}
		if w.Before.Status.HoldsSeat() {
			seats, err := r.Seats()
			if err != nil {
				return err
			}
			if seats.Free() == 0 {
				return usererr.New("La place %s a été donnée entre-temps\u00a0: le désistement ne peut plus être annulé. "+
					"Vous pouvez «\u00a0Réinscrire\u00a0» cette personne (en liste d’attente si la cohorte est complète).", usererr.Of(p.Name)).Of(participants.ErrNoSeat)
			}
		}
		p.Status, p.QueuedAt = w.Before.Status, w.Before.QueuedAt
		return r.Save(p)
	})
}

// GiveSeat gives a seat to a person on the waiting list (the first one),
// to someone who came without registering, or to someone who withdrew and
// registers again. The seat rule may refuse (participants.ErrNoSeat): the
// error says why and what to do, e.g. join the waiting list.
func (s *Service) GiveSeat(ctx context.Context, cohortID, id int64) (participants.Participant, error) {
	var p participants.Participant
	err := s.st.EditRoster(ctx, cohortID, "la place", func(r *store.Roster) error {
		var err error
		if p, err = r.Person(id); err != nil {
			return err
		}
		seats, err := r.Seats()
		if err != nil {
			return err
		}
		if p, err = seats.Seat(p); err != nil {
			return err
		}
		return r.Save(p)
	})
	return p, err
}

// JoinWaitingList puts someone without a seat (withdrawn, or come without
// registering) at the end of the waiting list.
func (s *Service) JoinWaitingList(ctx context.Context, cohortID, id int64) (participants.Participant, error) {
	var p participants.Participant
	err := s.st.EditRoster(ctx, cohortID, "l’inscription en liste d’attente", func(r *store.Roster) error {
		var err error
		if p, err = r.Person(id); err != nil {
			return err
		}
		switch {
		case p.Status == participants.Attente:
			return nil
		case p.Status.HoldsSeat():
			return usererr.New("%s a une place\u00a0: il n’y a pas lieu de l’inscrire en liste d’attente.", p.Name)
		}
		seats, err := r.Seats()
		if err != nil {
			return err
		}
		p = seats.Queue(p, r.Now())
		return r.Save(p)
	})
	return p, err
}

// Confirm records that a registered person confirmed their seat.
func (s *Service) Confirm(ctx context.Context, cohortID, id int64) error {
	return s.st.EditRoster(ctx, cohortID, "la confirmation", func(r *store.Roster) error {
		p, err := r.Person(id)
		if err != nil {
			return err
		}
		if p.Status != participants.Inscrit {
			return usererr.New("Seule une personne inscrite (sans confirmation) peut confirmer sa place\u202f; %s est «\u00a0%s\u00a0».", p.Name, statusWord(p.Status))
		}
		p.Status = participants.Confirme
		return r.Save(p)
	})
}

// FillSeats gives the free seats to the people waiting, first come first
// served, and returns who got one.
func (s *Service) FillSeats(ctx context.Context, cohortID int64) ([]participants.Participant, error) {
	var seated []participants.Participant
	err := s.st.EditRoster(ctx, cohortID, "les places offertes", func(r *store.Roster) error {
		seated = nil
		for {
			seats, err := r.Seats()
			if err != nil || seats.Free() == 0 || seats.First == nil {
				return err
			}
			p, err := seats.Seat(*seats.First)
			if err != nil {
				return err
			}
			if err := r.Save(p); err != nil {
				return err
			}
			seated = append(seated, p)
		}
	})
	return seated, err
}

// Remove takes a person out of the cohort with their marks; the result
// lets Restore undo it.
func (s *Service) Remove(ctx context.Context, cohortID, id int64) (store.Removed, error) {
	var rm store.Removed
	err := s.st.EditRoster(ctx, cohortID, "la suppression", func(r *store.Roster) error {
		var err error
		rm, err = r.Remove(id)
		return err
	})
	return rm, err
}

// Restore undoes Remove. Someone who held a seat gets it back if it is
// still free, else goes to the end of the waiting list; the person as
// restored is returned.
func (s *Service) Restore(ctx context.Context, cohortID int64, rm store.Removed) (participants.Participant, error) {
	p := rm.Participant
	err := s.st.EditRoster(ctx, cohortID, "l’annulation de la suppression", func(r *store.Roster) error {
		seats, err := r.Seats()
		if err != nil {
			return err
		}
		if p.Status.HoldsSeat() && seats.Free() == 0 {
			p = seats.Queue(p, r.Now())
		}
		return r.Restore(rm, p)
	})
	return p, err
}

// PersonByEmail finds the person of cohort c with this courriel (letter
// case aside: participants.EmailKey), as a request by courriel names them.
func (s *Service) PersonByEmail(ctx context.Context, c course.Cohort, email string) (participants.Participant, error) {
	key := participants.EmailKey(email)
	if key != "" {
		people, err := s.st.Participants(ctx, c.ID)
		if err != nil {
			return participants.Participant{}, err
		}
		for _, p := range people {
			if participants.EmailKey(p.Email) == key {
				return p, nil
			}
		}
	}
	return participants.Participant{}, usererr.New("Personne n’a le courriel «\u00a0%s\u00a0» dans la cohorte «\u00a0%s\u00a0». Vérifiez l’adresse, ou ajoutez la personne.", email, c.Name).Of(store.ErrNotFound)
}

// CohortsWithEmail names the cohorts, other than c, where someone has
// this courriel: a person asking for their data may be in several.
func (s *Service) CohortsWithEmail(ctx context.Context, c course.Cohort, email string) ([]string, error) {
	list, err := s.st.Cohorts(ctx)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, sum := range list {
		if sum.ID == c.ID {
			continue
		}
		other, err := s.st.Cohort(ctx, sum.ID)
		if err != nil {
			return nil, err
		}
		if _, err := s.PersonByEmail(ctx, other, email); err == nil {
			names = append(names, other.Name)
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	return names, nil
}

// Erase removes every trace of a person from the file.
func (s *Service) Erase(ctx context.Context, id int64) error { return s.st.EraseParticipant(ctx, id) }

// PersonalData writes all that is kept about a person, for them (JSON).
func (s *Service) PersonalData(ctx context.Context, w io.Writer, c course.Cohort, id int64) error {
	data, err := s.st.PersonalData(ctx, id)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, ses := range c.Sessions {
		names[ses.ID] = fmt.Sprintf("Séance %d — %s", ses.Number, textfmt.French.Date(ses.StartsAt.In(c.Location())))
	}
	return participants.WritePersonalData(w, data.Participant, data.Marks, names)
}

// ErrTooFewSeats is the kind of the refusal to lower a cohort's number of
// seats below the seats taken without saying who gives theirs up.
var ErrTooFewSeats = usererr.New("Il y a moins de places que de personnes qui en ont une.")

// SeatCut is who would go back to the waiting list if cohort c had limit
// seats: none when limit covers the seats taken.
func (s *Service) SeatCut(ctx context.Context, c course.Cohort, limit int) ([]participants.Participant, error) {
	people, err := s.st.Participants(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	return participants.LastSeated(people, participants.SeatsOf(people, limit).Over()), nil
}

// CohortChange is what saving a cohort did to its roster.
type CohortChange struct {
	// Demoted went back to the waiting list, head first, because the
	// number of seats was lowered below the seats taken.
	Demoted []participants.Participant
	// Free is the number of seats the waiting list could now take (the
	// number was raised while people wait): FillSeats gives them.
	Free int
}

// UpdateCohort saves a cohort's name, seats, certificate minimum, team and
// session dates. Lowering the seats below the seats taken is refused
// (ErrTooFewSeats, with who would lose theirs) unless demote is true: then
// those given by SeatCut go back to the head of the waiting list.
func (s *Service) UpdateCohort(ctx context.Context, c course.Cohort, demote bool) (CohortChange, error) {
	var ch CohortChange
	err := s.st.EditRoster(ctx, c.ID, "la cohorte", func(r *store.Roster) error {
		ch = CohortChange{}
		people, err := r.People()
		if err != nil {
			return err
		}
		seats := participants.SeatsOf(people, c.SeatLimit)
		if over := seats.Over(); over > 0 {
			cut := participants.LastSeated(people, over)
			if !demote {
				return usererr.New("%s\u00a0: la cohorte ne peut pas descendre à %s sans remettre en liste d’attente %s (%s). "+
					"Confirmez ce choix, ou gardez un nombre de places d’au moins %s.",
					seatsTaken(seats.Taken), places(c.SeatLimit), people1(over), joinNames(cut), usererr.Int(seats.Taken)).Of(ErrTooFewSeats)
			}
			for _, p := range cut {
				// Back to the head of the list: they registered before
				// anyone who waits now.
				p.Status, p.QueuedAt = participants.Attente, p.RegisteredAt
				if err := r.Save(p); err != nil {
					return err
				}
				ch.Demoted = append(ch.Demoted, p)
			}
			seats.Taken -= over
			seats.Waiting += over
		}
		if seats.Waiting > 0 {
			ch.Free = min(seats.Free(), seats.Waiting)
		}
		return r.SaveCohort(c)
	})
	return ch, err
}

// statusWord is how a status reads inside a sentence (« inscrit·e »).
func statusWord(s participants.Status) any {
	switch s {
	case participants.Inscrit:
		return usererr.Phrase("inscrit·e")
	case participants.Confirme:
		return usererr.Phrase("confirmé·e")
	case participants.Attente:
		return usererr.Phrase("liste d’attente")
	case participants.SansInscription:
		return usererr.Phrase("arrivée sans inscription")
	case participants.Desiste:
		return usererr.Phrase("désisté·e")
	}
	return string(s)
}

func seatsTaken(n int) usererr.Localized {
	return usererr.Plural(n, "%s place est prise", "%s places sont prises")
}

func places(n int) usererr.Localized { return usererr.Plural(n, "%s place", "%s places") }

func people1(n int) usererr.Localized { return usererr.Plural(n, "%s personne", "%s personnes") }

// joinNames is « A, B et C ».
func joinNames(list []participants.Participant) usererr.Localized {
	names := make([]string, len(list))
	for i, p := range list {
		names[i] = p.Name
	}
	return usererr.Join(names)
}
