package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"atelier/app/domain/participants"
)

// bigCohort is a large cohort: 10,000 people with a mark for each of the
// five sessions.
func bigCohort(b *testing.B, s *Store, name string) int64 {
	b.Helper()
	ctx := context.Background()
	id := createTest(b, s, name, date(2027, 1, 6, 18, 30))
	ids, err := s.AddParticipants(ctx, id, manyParticipants(10_000))
	if err != nil {
		b.Fatal(err)
	}
	c, err := s.Cohort(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	marks := make([]participants.Attendance, 0, len(ids)*len(c.Sessions))
	for i, pid := range ids {
		for j, ses := range c.Sessions {
			a := participants.Attendance{ParticipantID: pid, SessionID: ses.ID, Mark: participants.Marks()[(i+j)%4]}
			if a.Mark.Attended() {
				a.Minutes = 90
			}
			if (i+j)%10 == 0 {
				a.Note = "Parti plus tôt"
			}
			marks = append(marks, a)
		}
	}
	if err := s.SetAttendance(ctx, marks); err != nil {
		b.Fatal(err)
	}
	return id
}

// manyParticipants makes n people filled in the way registrations tend to
// be: name, e-mail, city and status always; the other fields now and then.
func manyParticipants(n int) []participants.Participant {
	ps := make([]participants.Participant, n)
	start := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	for i := range ps {
		p := participants.Participant{
			Name:         fmt.Sprintf("Hélène Œuvre %d 🌱", i),
			Email:        fmt.Sprintf("personne%d@exemple.ca", i),
			City:         "Montréal",
			Consent:      i%2 == 0,
			Status:       participants.Statuses()[i%len(participants.Statuses())],
			RegisteredAt: start.Add(time.Duration(i) * time.Minute),
		}
		if i%2 == 0 {
			p.Pronouns, p.Phone = "elle", "+1 514 555-0100"
		}
		if i%3 == 0 {
			p.Organisation = "Collectif des Racines"
		}
		if i%5 == 0 {
			p.Notes = "Végétarienne"
		}
		if i%10 == 0 {
			p.Accessibility = "Sous-titres"
		}
		ps[i] = p
	}
	return ps
}

// bigDatabase writes, once per benchmark, a closed database file holding
// bigCohort, and returns its path and the cohort's id.
func bigDatabase(b *testing.B) (string, int64) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "grand.db")
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	id := bigCohort(b, s, "Grande cohorte")
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path, id
}

// BenchmarkOpenLoadCohort is what opening a cohort costs the window: open
// the file, list the cohorts, load one with its sessions and agendas, its
// 10,000 people with the number of sessions each attended, and the marks of
// the session the check-in view shows.
func BenchmarkOpenLoadCohort(b *testing.B) {
	path, id := bigDatabase(b)
	ctx := context.Background()
	for b.Loop() {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Cohorts(ctx); err != nil {
			b.Fatal(err)
		}
		c, err := s.Cohort(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		ps, err := s.Participants(ctx, id)
		if err != nil || len(ps) != 10_000 {
			b.Fatalf("%d participants, %v", len(ps), err)
		}
		marks, err := s.SessionAttendance(ctx, c.Sessions[0].ID)
		if err != nil || len(marks) != 10_000 {
			b.Fatalf("%d marks, %v", len(marks), err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAttendanceWholeCohort reads all 50,000 marks of the big cohort,
// as the Excel export does.
func BenchmarkAttendanceWholeCohort(b *testing.B) {
	path, id := bigDatabase(b)
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for b.Loop() {
		marks, err := s.Attendance(ctx, id)
		if err != nil || len(marks) != 50_000 {
			b.Fatalf("%d marks, %v", len(marks), err)
		}
	}
}

func BenchmarkAddParticipants10k(b *testing.B) {
	benchAdd10k(b, func(ctx context.Context, s *Store, id int64, ps []participants.Participant) error {
		_, err := s.AddParticipants(ctx, id, ps)
		return err
	})
}

// BenchmarkEditRosterAdd10k is the store's share of importing 10,000
// people through a roster: the roster and the seats read, then one Add
// each, in one transaction.
func BenchmarkEditRosterAdd10k(b *testing.B) {
	benchAdd10k(b, func(ctx context.Context, s *Store, id int64, ps []participants.Participant) error {
		return s.EditRoster(ctx, id, "l’importation", func(r *Roster) error {
			if _, err := r.People(); err != nil {
				return err
			}
			if _, err := r.Seats(); err != nil {
				return err
			}
			for _, p := range ps {
				if _, err := r.Add(p); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// benchAdd10k times add putting 10,000 people in a new cohort each time.
func benchAdd10k(b *testing.B, add func(context.Context, *Store, int64, []participants.Participant) error) {
	s, err := Open(filepath.Join(b.TempDir(), "ajout.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	ps := manyParticipants(10_000)
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		id := createTest(b, s, fmt.Sprintf("Cohorte %d", n), date(2027, 1, 6, 18, 30))
		b.StartTimer()
		if err := add(ctx, s, id, ps); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarkOne is one tap in the check-in view: a single mark written
// in its own transaction, in a cohort of 10,000 people.
func BenchmarkMarkOne(b *testing.B) {
	path, id := bigDatabase(b)
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	c, err := s.Cohort(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	ps, err := s.Participants(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		p := ps[i%len(ps)]
		mark := participants.Marks()[i%4]
		if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: p.ID, SessionID: c.Sessions[2].ID, Mark: mark}}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
