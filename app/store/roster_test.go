package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

// smallCohort makes a cohort of seats seats and returns the store, the
// cohort's id and its sessions' ids.
func smallCohort(t *testing.T, seats int) (*Store, int64, []int64) {
	t.Helper()
	s := openTest(t)
	id, sessions := smallCohortOn(t, s, seats)
	return s, id, sessions
}

// smallCohortOn is smallCohort in the store s (of either engine).
func smallCohortOn(t *testing.T, s *Store, seats int) (int64, []int64) {
	t.Helper()
	ctx := context.Background()
	c := testCohort(t, "Cohorte", date(2027, 1, 6, 18, 30))
	c.SeatLimit = seats
	id, err := s.CreateCohort(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	return id, sessionIDs(t, s, id)
}

func sessionIDs(t *testing.T, s *Store, cohortID int64) []int64 {
	t.Helper()
	c, err := s.Cohort(context.Background(), cohortID)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(c.Sessions))
	for i, se := range c.Sessions {
		ids[i] = se.ID
	}
	return ids
}

// errStop is what a function given to EditRoster returns to give up.
var errStop = errors.New("abandon voulu par le test")

// rosterScene is a cohort with three people and marks, and another cohort
// with one person.
type rosterScene struct {
	s                *Store
	id, otherID      int64
	sessions, others []int64
	awa, bo, cy, zoe participants.Participant
}

func newRosterScene(t *testing.T, s *Store) rosterScene {
	t.Helper()
	id, sessions := smallCohortOn(t, s, 5)
	otherID := createTest(t, s, "Autre", date(2027, 4, 7, 18, 30))
	sc := rosterScene{s: s, id: id, otherID: otherID, sessions: sessions, others: sessionIDs(t, s, otherID)}
	ps := addPeople(t, s, id,
		participants.Participant{Name: "Awa Diallo", Email: "awa@exemple.ca", RegisteredAt: date(2026, 11, 1, 9, 0)},
		participants.Participant{Name: "Bo", Status: participants.Attente, RegisteredAt: date(2026, 11, 2, 9, 0)},
		participants.Participant{Name: "Cy", Status: participants.Confirme, RegisteredAt: date(2026, 11, 3, 9, 0)})
	sc.awa, sc.bo, sc.cy = ps[0], ps[1], ps[2]
	sc.zoe = addPeople(t, s, otherID, participants.Participant{Name: "Zoé", Status: participants.Confirme})[0]
	if err := s.SetAttendance(context.Background(), []participants.Attendance{
		{ParticipantID: sc.awa.ID, SessionID: sessions[0], Mark: participants.Present, Minutes: 90},
		{ParticipantID: sc.cy.ID, SessionID: sessions[0], Mark: participants.Retard, Minutes: 60},
		{ParticipantID: sc.cy.ID, SessionID: sessions[1], Mark: participants.Excuse, Note: "malade"},
		{ParticipantID: sc.zoe.ID, SessionID: sc.others[0], Mark: participants.Present},
	}); err != nil {
		t.Fatal(err)
	}
	return sc
}

// everyWrite changes the scene's cohort through r with each primitive that
// writes.
func (sc rosterScene) everyWrite(r *Roster) error {
	if _, err := r.Add(participants.Participant{Name: "Nouvelle", Status: participants.SansInscription}); err != nil {
		return err
	}
	bo := sc.bo
	bo.Status, bo.Notes = participants.Inscrit, "Place offerte"
	if err := r.Save(bo); err != nil {
		return err
	}
	if err := r.Mark(participants.Attendance{ParticipantID: sc.bo.ID, SessionID: sc.sessions[1], Mark: participants.Present}); err != nil {
		return err
	}
	if err := r.Clear(sc.awa.ID, sc.sessions[0]); err != nil {
		return err
	}
	c, err := r.Cohort()
	if err != nil {
		return err
	}
	c.Name, c.SeatLimit, c.CertificateMin = "Renommée", 9, 3
	c.Facilitators = []string{"Zoé"}
	if err := r.SaveCohort(c); err != nil {
		return err
	}
	_, err = r.Remove(sc.cy.ID)
	return err
}

func TestEditRosterCommitsTogether(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		sc := newRosterScene(t, s)
		ctx := context.Background()
		if err := sc.s.EditRoster(ctx, sc.id, "les changements", sc.everyWrite); err != nil {
			t.Fatal(err)
		}
		ps, err := sc.s.Participants(ctx, sc.id)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]participants.Participant{}
		for _, p := range ps {
			got[p.Name] = p
		}
		if len(ps) != 3 || got["Nouvelle"].Status != participants.SansInscription ||
			got["Bo"].Status != participants.Inscrit || got["Bo"].Notes != "Place offerte" || got["Bo"].Attended != 1 ||
			got["Awa Diallo"].Attended != 0 {
			t.Errorf("roster after the edit: %+v", ps)
		}
		if _, ok := got["Cy"]; ok {
			t.Error("Cy was not removed")
		}
		c, _ := sc.s.Cohort(ctx, sc.id)
		if c.Name != "Renommée" || c.SeatLimit != 9 || c.CertificateMin != 3 || !slices.Equal(c.Facilitators, []string{"Zoé"}) {
			t.Errorf("cohort after the edit: %+v", c)
		}
		if marks, _ := sc.s.Attendance(ctx, sc.id); len(marks) != 1 || marks[0].ParticipantID != sc.bo.ID {
			t.Errorf("marks after the edit: %+v", marks)
		}
	})
}

func TestEditRosterRollsBackEverything(t *testing.T) {
	tests := []struct {
		name    string
		last    func(sc rosterScene, r *Roster) error
		is      error
		message string
	}{
		{"la fonction renonce", func(rosterScene, *Roster) error { return errStop }, errStop,
			"Impossible d’enregistrer les changements du test\u00a0: une erreur inattendue est survenue."},
		{"une personne invalide", func(_ rosterScene, r *Roster) error {
			_, err := r.Add(participants.Participant{Name: " ", Status: participants.Inscrit})
			return err
		}, nil, "Le nom est obligatoire."},
		{"une marque pour une autre cohorte", func(sc rosterScene, r *Roster) error {
			return r.Mark(participants.Attendance{ParticipantID: sc.zoe.ID, SessionID: sc.others[1], Mark: participants.Present})
		}, ErrNotFound, "Présence n°\u00a01"},
		{"un nom de cohorte déjà pris", func(_ rosterScene, r *Roster) error {
			c, err := r.Cohort()
			if err != nil {
				return err
			}
			c.Name = "Autre"
			return r.SaveCohort(c)
		}, ErrDuplicateName, "Une cohorte porte déjà le nom"},
		// The driver refuses (UNIQUE): Awa is still there.
		{"une personne rétablie deux fois", func(sc rosterScene, r *Roster) error {
			return r.Restore(Removed{Participant: sc.awa}, sc.awa)
		}, nil, "Impossible d’enregistrer les changements du test\u00a0: une erreur inattendue est survenue."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			onEngines(t, func(t *testing.T, s *Store) {
				sc := newRosterScene(t, s)
				before := dump(t, sc.s.db)
				err := sc.s.EditRoster(context.Background(), sc.id, "les changements du test", func(r *Roster) error {
					if err := sc.everyWrite(r); err != nil {
						t.Fatalf("a write before the failure: %v", err)
					}
					return tt.last(sc, r)
				})
				if err == nil {
					t.Fatal("EditRoster succeeded, want an error")
				}
				if tt.is != nil && !errors.Is(err, tt.is) {
					t.Errorf("error %v is not %v", err, tt.is)
				}
				msg := usererr.Message(err)
				if !strings.Contains(msg, tt.message) {
					t.Errorf("message %q, want it to contain %q", msg, tt.message)
				}
				noDriverText(t, msg)
				if changed := diffDumps(before, dump(t, sc.s.db)); len(changed) > 0 {
					t.Errorf("a failed EditRoster changed %v", changed)
				}
			})
		})
	}
}

func TestEditRosterUnknownCohort(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		called := false
		err := s.EditRoster(context.Background(), 404, "la personne", func(*Roster) error {
			called = true
			return nil
		})
		if !errors.Is(err, ErrNotFound) || called {
			t.Errorf("EditRoster(404) = %v, fn called %v; want ErrNotFound without a call", err, called)
		}
	})
}

func TestRosterSeatsCountsStatuses(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		id, _ := smallCohortOn(t, s, 5)
		other := createTest(t, s, "Autre", date(2027, 4, 7, 18, 30))
		var ps []participants.Participant
		for i, st := range []participants.Status{
			participants.Inscrit, participants.Inscrit, participants.Confirme,
			participants.Attente, participants.Attente, participants.Attente,
			participants.SansInscription, participants.SansInscription, participants.Desiste,
		} {
			ps = append(ps, participants.Participant{Name: fmt.Sprintf("Personne %d", i), Status: st})
		}
		addPeople(t, s, id, ps...)
		// Another cohort's people count for it alone.
		addPeople(t, s, other, participants.Participant{Name: "Ailleurs", Status: participants.Inscrit},
			participants.Participant{Name: "Ailleurs aussi", Status: participants.Attente})

		var got participants.Seats
		if err := s.EditRoster(context.Background(), id, "les places", func(r *Roster) error {
			var err error
			got, err = r.Seats()
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if got.Limit != 5 || got.Taken != 3 || got.Waiting != 3 || got.WalkIns != 2 {
			t.Errorf("seats %+v, want limit 5, 3 taken, 3 waiting, 2 walk-ins", got)
		}
		if got.First == nil || got.First.Name != "Personne 3" || got.First.CohortID != id {
			t.Errorf("first waiting %+v, want Personne 3", got.First)
		}
	})
}

func TestRosterSeatsFirstWaiting(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		id, _ := smallCohortOn(t, s, 1)
		at := func(h, m int) time.Time { return time.Date(2026, 11, 2, h, m, 0, 0, time.UTC) }
		people := addPeople(t, s, id,
			participants.Participant{Name: "Awa", Status: participants.Attente, RegisteredAt: at(9, 0), QueuedAt: at(10, 0)},
			participants.Participant{Name: "Bo", Status: participants.Attente, RegisteredAt: at(9, 50), QueuedAt: at(9, 30)},
			// Chloé and Dominique joined and registered at the same instant:
			// the first entered (the lower id) comes first.
			participants.Participant{Name: "Chloé", Status: participants.Attente, RegisteredAt: at(9, 40), QueuedAt: at(9, 30)},
			participants.Participant{Name: "Dominique", Status: participants.Attente, RegisteredAt: at(9, 40), QueuedAt: at(9, 30)},
			// Queued earliest of all, but no longer waiting.
			participants.Participant{Name: "Eli", Status: participants.Confirme, RegisteredAt: at(8, 0), QueuedAt: at(8, 0)},
			participants.Participant{Name: "Fanny", Status: participants.SansInscription, RegisteredAt: at(8, 0)},
		)
		byName := map[string]participants.Participant{}
		for _, p := range people {
			byName[p.Name] = p
		}
		first := func() string {
			t.Helper()
			var name string
			if err := s.EditRoster(context.Background(), id, "les places", func(r *Roster) error {
				seats, err := r.Seats()
				if seats.First != nil {
					name = seats.First.Name
				}
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return name
		}
		seat := func(name string) {
			t.Helper()
			p := byName[name]
			p.Status = participants.Inscrit
			if err := s.EditRoster(context.Background(), id, "la place", func(r *Roster) error { return r.Save(p) }); err != nil {
				t.Fatal(err)
			}
		}
		for _, want := range []string{"Chloé", "Dominique", "Bo", "Awa"} {
			if got := first(); got != want {
				t.Fatalf("first waiting %q, want %q", got, want)
			}
			seat(want)
		}
		if got := first(); got != "" {
			t.Errorf("first waiting %q, want nobody", got)
		}
		// Back on the list, Bo is served by the place saved: ahead of nobody
		// when queued last, ahead of everyone when queued first.
		for _, tt := range []struct {
			queued time.Time
			want   string
		}{{at(11, 0), "Awa"}, {at(7, 0), "Bo"}} {
			for _, name := range []string{"Awa", "Bo"} {
				p := byName[name]
				if name == "Bo" {
					p.QueuedAt = tt.queued
				}
				if err := s.EditRoster(context.Background(), id, "la liste d’attente", func(r *Roster) error { return r.Save(p) }); err != nil {
					t.Fatal(err)
				}
			}
			if got := first(); got != tt.want {
				t.Errorf("Bo queued at %s: first waiting %q, want %q", tt.queued.Format("15:04"), got, tt.want)
			}
		}
	})
}

func TestRosterKeepsQueueTimes(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		id, _ := smallCohortOn(t, s, 5)
		ctx := context.Background()
		registered := time.Date(2026, 11, 2, 14, 3, 27, 123456789, time.UTC)
		queued := registered.Add(36*time.Hour + 987654321)
		ps := addPeople(t, s, id,
			participants.Participant{Name: "En attente", Status: participants.Attente, RegisteredAt: registered, QueuedAt: queued},
			participants.Participant{Name: "Jamais en attente", RegisteredAt: registered},
			participants.Participant{Name: "Sans date"})
		read := func(pid int64) participants.Participant {
			t.Helper()
			var p participants.Participant
			if err := s.EditRoster(ctx, id, "la personne", func(r *Roster) error {
				var err error
				p, err = r.Person(pid)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return p
		}
		save := func(p participants.Participant) {
			t.Helper()
			if err := s.EditRoster(ctx, id, "la personne", func(r *Roster) error { return r.Save(p) }); err != nil {
				t.Fatal(err)
			}
		}

		waiting := read(ps[0].ID)
		if !waiting.QueuedAt.Equal(queued) || !waiting.RegisteredAt.Equal(registered) {
			t.Errorf("queued %v registered %v, want %v %v", waiting.QueuedAt, waiting.RegisteredAt, queued, registered)
		}
		// Saving what was read (a new e-mail) keeps the place in the list.
		waiting.Email = "attente@exemple.ca"
		save(waiting)
		if got := read(ps[0].ID); !got.QueuedAt.Equal(queued) || got.Email != "attente@exemple.ca" {
			t.Errorf("after saving: queued %v, e-mail %q", got.QueuedAt, got.Email)
		}
		later := queued.Add(time.Nanosecond)
		waiting.QueuedAt = later
		save(waiting)
		if got := read(ps[0].ID); !got.QueuedAt.Equal(later) {
			t.Errorf("queued %v, want %v", got.QueuedAt, later)
		}
		// Never queued: the registration time stands for it.
		if got := read(ps[1].ID); !got.QueuedAt.Equal(registered) {
			t.Errorf("never queued: queued %v, want %v", got.QueuedAt, registered)
		}
		waiting.QueuedAt = time.Time{}
		save(waiting)
		if got := read(ps[0].ID); !got.QueuedAt.Equal(registered) {
			t.Errorf("saved without a queue time: queued %v, want %v", got.QueuedAt, registered)
		}
		// No registration time: the store's clock.
		if got := read(ps[2].ID); !got.RegisteredAt.Equal(testClock()) || !got.QueuedAt.Equal(testClock()) {
			t.Errorf("registered %v queued %v, want the clock's %v", got.RegisteredAt, got.QueuedAt, testClock())
		}
	})
}

func TestRosterOtherCohortOutOfReach(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		sc := newRosterScene(t, s)
		ctx := context.Background()
		changed := sc.zoe
		changed.Name, changed.Status = "Zoé modifiée", participants.Desiste
		tests := []struct {
			name string
			op   func(r *Roster) error
		}{
			{"Person", func(r *Roster) error { _, err := r.Person(sc.zoe.ID); return err }},
			{"Save", func(r *Roster) error { return r.Save(changed) }},
			{"Remove", func(r *Roster) error { _, err := r.Remove(sc.zoe.ID); return err }},
			{"Mark", func(r *Roster) error {
				return r.Mark(participants.Attendance{ParticipantID: sc.zoe.ID, SessionID: sc.others[1], Mark: participants.Absent})
			}},
			{"Mark d’une séance de l’autre cohorte", func(r *Roster) error {
				return r.Mark(participants.Attendance{ParticipantID: sc.awa.ID, SessionID: sc.others[1], Mark: participants.Absent})
			}},
			{"SessionMarks", func(r *Roster) error { _, err := r.SessionMarks(sc.others[0]); return err }},
			{"SaveCohort", func(r *Roster) error {
				c, err := sc.s.Cohort(ctx, sc.otherID)
				if err != nil {
					return err
				}
				c.Name = "Détournée"
				return r.SaveCohort(c)
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := dump(t, sc.s.db)
				var opErr error
				// The function swallows the error and commits: what is tested
				// is that the primitive itself wrote nothing.
				if err := sc.s.EditRoster(ctx, sc.id, "la personne", func(r *Roster) error {
					opErr = tt.op(r)
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				if !errors.Is(opErr, ErrNotFound) {
					t.Errorf("%s on the other cohort: %v, want ErrNotFound", tt.name, opErr)
				}
				if changed := diffDumps(before, dump(t, sc.s.db)); len(changed) > 0 {
					t.Errorf("%s on the other cohort changed %v", tt.name, changed)
				}
			})
		}
		// Clearing a mark that is not the cohort's is nothing to do.
		if err := sc.s.EditRoster(ctx, sc.id, "la présence", func(r *Roster) error { return r.Clear(sc.zoe.ID, sc.others[0]) }); err != nil {
			t.Fatal(err)
		}
		if marks, _ := sc.s.SessionAttendance(ctx, sc.others[0]); len(marks) != 1 {
			t.Errorf("another cohort's mark cleared: %+v", marks)
		}
		if err := sc.s.EditRoster(ctx, sc.id, "la liste", func(r *Roster) error {
			ps, err := r.People()
			for _, p := range ps {
				if p.CohortID != sc.id {
					t.Errorf("People lists %+v of another cohort", p)
				}
			}
			if len(ps) != 3 {
				t.Errorf("People lists %d people, want 3", len(ps))
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestRosterRemoveThenRestore(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		sc := newRosterScene(t, s)
		ctx := context.Background()
		var rm Removed
		if err := sc.s.EditRoster(ctx, sc.id, "la suppression", func(r *Roster) error {
			var err error
			rm, err = r.Remove(sc.cy.ID)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if rm.Participant.ID != sc.cy.ID || rm.Participant.Attended != 1 || len(rm.Marks) != 2 {
			t.Fatalf("removed %+v", rm)
		}
		if _, err := sc.s.PersonalData(ctx, sc.cy.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("removed person still there: %v", err)
		}
		if marks, _ := sc.s.Attendance(ctx, sc.id); len(marks) != 1 {
			t.Errorf("%d marks left, want Awa's only", len(marks))
		}

		// The caller may restore the person otherwise than they were.
		p := rm.Participant
		p.Status, p.QueuedAt = participants.Attente, testClock()
		if err := sc.s.EditRoster(ctx, sc.id, "l’annulation", func(r *Roster) error { return r.Restore(rm, p) }); err != nil {
			t.Fatal(err)
		}
		back, err := sc.s.PersonalData(ctx, sc.cy.ID)
		if err != nil {
			t.Fatal(err)
		}
		if back.Participant.Name != "Cy" || back.Participant.Status != participants.Attente || !back.Participant.QueuedAt.Equal(testClock()) ||
			!back.Participant.RegisteredAt.Equal(sc.cy.RegisteredAt) || back.Participant.Attended != 1 {
			t.Errorf("restored %+v", back.Participant)
		}
		if !slices.Equal(back.Marks, rm.Marks) {
			t.Errorf("marks %+v, want %+v", back.Marks, rm.Marks)
		}
	})
}

// TestEraseLeavesNoTraceInTheFile stays on SQLite: it searches the file's
// bytes, which a team database does not have (TestEraseParticipant checks
// the rows on both engines).
func TestEraseLeavesNoTraceInTheFile(t *testing.T) {
	s, id, sessions := smallCohort(t, 5)
	ctx := context.Background()
	secret := "Xéphyrine Quatremains-Secrète"
	ps := addPeople(t, s, id,
		participants.Participant{Name: secret, Email: "xephyrine@exemple.ca", Notes: "Besoin : sous-titres"},
		participants.Participant{Name: "Awa"})
	p := ps[0]
	if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: p.ID, SessionID: sessions[0], Mark: participants.Present}}); err != nil {
		t.Fatal(err)
	}
	if err := s.EraseParticipant(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(s.Path() + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		for _, needle := range []string{"Quatremains", "xephyrine@"} {
			if bytes.Contains(data, []byte(needle)) {
				t.Errorf("%q still in %s after erasing", needle, "atelier.db"+suffix)
			}
		}
	}
	if _, err := s.PersonalData(ctx, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("erased person still found: %v", err)
	}
	if err := s.EraseParticipant(ctx, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("erasing twice: %v, want ErrNotFound", err)
	}
}

func TestClearAttendanceKeepsTheCount(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		id, sessions := smallCohortOn(t, s, 5)
		ctx := context.Background()
		p := addPeople(t, s, id, participants.Participant{Name: "Awa"})[0]
		if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: p.ID, SessionID: sessions[0], Mark: participants.Present}}); err != nil {
			t.Fatal(err)
		}
		if err := s.ClearAttendance(ctx, p.ID, sessions[0]); err != nil {
			t.Fatal(err)
		}
		if err := s.ClearAttendance(ctx, p.ID, sessions[1]); err != nil {
			t.Errorf("clearing a missing mark: %v", err)
		}
		ps, _ := s.Participants(ctx, id)
		if ps[0].Attended != 0 {
			t.Errorf("attended %d after clearing", ps[0].Attended)
		}
	})
}

// countingEdit is one EditRoster that reads the roster, waits a moment (so
// that another writer could come in between, were it allowed to) and adds
// a person named for the number it read.
func countingEdit(s *Store, cohortID int64) error {
	return s.EditRoster(context.Background(), cohortID, "la personne", func(r *Roster) error {
		ps, err := r.People()
		if err != nil {
			return err
		}
		time.Sleep(2 * time.Millisecond)
		_, err = r.Add(participants.Participant{Name: fmt.Sprintf("Personne %d", len(ps)), Status: participants.Inscrit})
		return err
	})
}

// checkCounted checks that n counting edits each saw the one before.
func checkCounted(t *testing.T, s *Store, cohortID int64, n int) {
	t.Helper()
	ps, err := s.Participants(context.Background(), cohortID)
	if err != nil {
		t.Fatal(err)
	}
	var names, want []string
	for i, p := range ps {
		names = append(names, p.Name)
		want = append(want, fmt.Sprintf("Personne %d", i))
	}
	slices.Sort(names)
	slices.Sort(want)
	if len(ps) != n || !slices.Equal(names, want) {
		t.Errorf("names %q, want Personne 0 to %d once each", names, n-1)
	}
}

func TestEditRosterSerialisesGoroutines(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		id, _ := smallCohortOn(t, s, 50)
		const n = 8
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for range n {
			wg.Go(func() { errs <- countingEdit(s, id) })
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("concurrent EditRoster: %v", err)
			}
		}
		checkCounted(t, s, id, n)
	})
}

// reopen opens a second Store on s's file or team database, as another
// window or command would; it is closed with the test.
func reopen(t *testing.T, s *Store) *Store {
	t.Helper()
	where := s.Path()
	if s.Team() {
		where = s.dsn
	}
	again, err := Open(where, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.Close() })
	return again
}

func TestEditRosterSerialisesTwoStores(t *testing.T) {
	onEngines(t, func(t *testing.T, a *Store) {
		id, _ := smallCohortOn(t, a, 50)
		b := reopen(t, a)
		ctx := context.Background()

		// While a's edit is open, b reads the last committed roster and its
		// own edit waits.
		release, aDone := holdWriteLock(t, a, id)
		if ps, err := b.Participants(ctx, id); err != nil || len(ps) != 0 {
			t.Errorf("b reads %d people (%v) while a's edit is open, want 0", len(ps), err)
		}
		bSaw := -1
		bDone := make(chan error, 1)
		go func() {
			bDone <- b.EditRoster(ctx, id, "la personne", func(r *Roster) error {
				ps, err := r.People()
				bSaw = len(ps)
				return err
			})
		}()
		select {
		case err := <-bDone:
			t.Fatalf("b's edit ran while a's was open: %v", err)
		case <-time.After(300 * time.Millisecond):
		}
		release()
		if err := <-aDone; err != nil {
			t.Fatal(err)
		}
		if err := <-bDone; err != nil || bSaw != 1 {
			t.Fatalf("b's edit: %v, saw %d people, want 1", err, bSaw)
		}

		// Many at once, half through each store.
		if _, err := a.db.Exec("DELETE FROM participants"); err != nil {
			t.Fatal(err)
		}
		const n = 8
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			s := a
			if i%2 == 1 {
				s = b
			}
			wg.Go(func() { errs <- countingEdit(s, id) })
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("concurrent EditRoster on two stores: %v", err)
			}
		}
		checkCounted(t, a, id, n)
	})
}

// Two imports at once, each placing people past the seats left: the
// second must read the seats as the first left them, so no more people
// hold a seat than the cohort has, and the rest wait (on PostgreSQL, at
// READ COMMITTED, only the cohort's row lock makes the second wait).
func TestEditRosterSeatsHoldUnderConcurrentImports(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		const seats, each = 5, 4
		id, _ := smallCohortOn(t, s, seats)
		b := reopen(t, s)
		// Each edit, seats read, waits for the other to have read too (or
		// for a while, when the other is made to wait): without the lock
		// both read five free seats.
		var ready sync.WaitGroup
		ready.Add(2)
		both := make(chan struct{})
		go func() { ready.Wait(); close(both) }()
		importing := func(st *Store, who string) error {
			met := false
			return st.EditRoster(context.Background(), id, "l’importation", func(r *Roster) error {
				seats, err := r.Seats()
				if err != nil {
					return err
				}
				if !met {
					met = true
					ready.Done()
				}
				select {
				case <-both:
				case <-time.After(300 * time.Millisecond):
				}
				for i := range each {
					p := seats.Register(participants.Participant{Name: fmt.Sprintf("%s %d", who, i)}, r.Now())
					if _, err := r.Add(p); err != nil {
						return err
					}
				}
				return nil
			})
		}
		errs := make(chan error, 2)
		go func() { errs <- importing(s, "Import A") }()
		go func() { errs <- importing(b, "Import B") }()
		for range 2 {
			if err := <-errs; err != nil {
				t.Fatalf("concurrent import: %v", err)
			}
		}
		ps, err := s.Participants(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		got := participants.SeatsOf(ps, seats)
		if got.Taken != seats || got.Waiting != 2*each-seats {
			t.Errorf("%d hold a seat and %d wait, want %d and %d", got.Taken, got.Waiting, seats, 2*each-seats)
		}
	})
}

// AddAll writes many people in a few statements: more than one batch,
// a restored person among them (whose id is above every id left), each
// returned with the id the roster then lists them under.
func TestRosterAddAll(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id, _ := smallCohortOn(t, s, 5)
		first := addPeople(t, s, id, participants.Participant{Name: "Awa", Email: "awa@exemple.ca", RegisteredAt: date(2026, 11, 1, 9, 0)},
			participants.Participant{Name: "Bo", RegisteredAt: date(2026, 11, 2, 9, 0)})
		var rm Removed
		if err := s.EditRoster(ctx, id, "la suppression", func(r *Roster) error {
			var err error
			rm, err = r.Remove(first[1].ID)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		ps := []participants.Participant{rm.Participant}
		for i := range peopleBatch + 200 {
			ps = append(ps, participants.Participant{Name: fmt.Sprintf("Personne %d", i), Email: fmt.Sprintf("p%d@exemple.ca", i),
				Status: participants.Inscrit, Consent: i%2 == 0, RegisteredAt: date(2026, 11, 3, 9, 0).Add(time.Duration(i) * time.Second)})
		}
		var added []participants.Participant
		if err := s.EditRoster(ctx, id, "l’importation", func(r *Roster) error {
			var err error
			added, err = r.AddAll(ps)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if len(added) != len(ps) || added[0].ID != first[1].ID {
			t.Fatalf("%d added, the first as %d; want %d, Bo as %d", len(added), added[0].ID, len(ps), first[1].ID)
		}
		got, err := s.Participants(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		// Awa first, then Bo (registered earlier than the others), then
		// the others in the order given.
		if len(got) != len(ps)+1 || got[0].ID != first[0].ID {
			t.Fatalf("%d people listed, want %d", len(got), len(ps)+1)
		}
		for i, g := range got[1:] {
			w := added[i]
			if g.ID != w.ID || g.Name != w.Name || g.Email != w.Email || g.Consent != w.Consent || g.CohortID != id ||
				!g.RegisteredAt.Equal(w.RegisteredAt) {
				t.Fatalf("person %d listed as %+v, returned as %+v", i, g, w)
			}
		}
	})
}

// A refused person (a courriel the cohort has, or an earlier one of the
// list, in the second batch) leaves none of the list written, names who
// has the courriel, and the edit goes on.
func TestRosterAddAllRefusedWritesNone(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id, _ := smallCohortOn(t, s, 5)
		addPeople(t, s, id, participants.Participant{Name: "Awa Diallo", Email: "awa@exemple.ca"})
		many := func(double participants.Participant) []participants.Participant {
			var ps []participants.Participant
			for i := range peopleBatch + 200 {
				ps = append(ps, participants.Participant{Name: fmt.Sprintf("Personne %d", i), Email: fmt.Sprintf("p%d@exemple.ca", i), Status: participants.Inscrit})
			}
			ps[peopleBatch+100] = double
			return ps
		}
		for _, tt := range []struct {
			name   string
			ps     []participants.Participant
			holder string
		}{
			{"un courriel de la cohorte", many(participants.Participant{Name: "Autre", Email: "AWA@exemple.ca", Status: participants.Inscrit}), "Awa Diallo"},
			{"un courriel de la liste", many(participants.Participant{Name: "Autre", Email: "P3@exemple.ca", Status: participants.Inscrit}), "Personne 3"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				var refused error
				if err := s.EditRoster(ctx, id, "l’importation", func(r *Roster) error {
					added, err := r.AddAll(tt.ps)
					if err == nil {
						t.Errorf("AddAll accepted %d people", len(added))
					}
					refused = err
					_, err = r.Add(participants.Participant{Name: "Après", Status: participants.Inscrit})
					return err
				}); err != nil {
					t.Fatalf("the edit after the refusal: %v", err)
				}
				if !errors.Is(refused, ErrEmailTaken) || !containsAll(refused.Error(), tt.holder, tt.ps[peopleBatch+100].Email) {
					t.Errorf("refusal %v, want ErrEmailTaken naming %s", refused, tt.holder)
				}
				if names := dumpTable(t, s.db, "participants", "name"); !slices.Equal(names, []string{`["Après"]`, `["Awa Diallo"]`}) {
					t.Errorf("people written %v, want Awa and the one added after only", names)
				}
				if _, err := s.db.Exec("DELETE FROM participants WHERE name = $1", "Après"); err != nil {
					t.Fatal(err)
				}
			})
		}
	})
}
