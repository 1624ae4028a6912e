package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/store/pgtest"
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

// bigTeam is the team database holding bigCohort, written once per test
// binary: its 60,000 rows take seconds to send, and the cluster outlives
// every benchmark (pgtest.Main).
var bigTeam struct {
	sync.Mutex
	dsn string
	id  int64
}

// bigTeamDatabase is bigDatabase on PostgreSQL: the address of the team
// database holding bigCohort, and the cohort's id. The benchmarks that
// write to it only replace marks, which leaves the cohort as big.
func bigTeamDatabase(b *testing.B) (string, int64) {
	b.Helper()
	bigTeam.Lock()
	defer bigTeam.Unlock()
	if bigTeam.dsn == "" {
		dsn := pgtest.Start(b)
		s, err := Open(dsn, Options{})
		if err != nil {
			b.Fatal(err)
		}
		id := bigCohort(b, s, "Grande cohorte")
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		bigTeam.dsn, bigTeam.id = dsn, id
	}
	return bigTeam.dsn, bigTeam.id
}

// onBigDatabases runs bench on a big cohort's file and on its team
// database (over the cluster's Unix socket), as sub-benchmarks named for
// the engine; where is what Open takes.
func onBigDatabases(b *testing.B, bench func(b *testing.B, where string, id int64)) {
	b.Run("sqlite", func(b *testing.B) {
		path, id := bigDatabase(b)
		bench(b, path, id)
	})
	b.Run("postgres", func(b *testing.B) {
		dsn, id := bigTeamDatabase(b)
		bench(b, dsn, id)
	})
}

// BenchmarkOpenLoadCohort is what opening a cohort costs the window: open
// the file (or connect to the team database), list the cohorts, load one
// with its sessions and agendas, its 10,000 people with the number of
// sessions each attended, and the marks of the session the check-in view
// shows.
func BenchmarkOpenLoadCohort(b *testing.B) {
	onBigDatabases(b, func(b *testing.B, where string, id int64) {
		ctx := context.Background()
		for b.Loop() {
			s, err := Open(where, Options{})
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
	})
}

// BenchmarkOpenCohort10k is a cohort's roster and every mark read on an
// open store, as the roster and the attendance grid load them: 10,000
// people and their 50,000 marks (target on PostgreSQL: under 300 ms).
func BenchmarkOpenCohort10k(b *testing.B) {
	onBigDatabases(b, func(b *testing.B, where string, id int64) {
		s := openBench(b, where)
		ctx := context.Background()
		for b.Loop() {
			ps, err := s.Participants(ctx, id)
			if err != nil || len(ps) != 10_000 {
				b.Fatalf("%d participants, %v", len(ps), err)
			}
			marks, err := s.Attendance(ctx, id)
			if err != nil || len(marks) != 50_000 {
				b.Fatalf("%d marks, %v", len(marks), err)
			}
		}
	})
}

// openBench opens where (a file or a team database) for one benchmark.
func openBench(b *testing.B, where string) *Store {
	b.Helper()
	s, err := Open(where, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkAttendanceWholeCohort reads all 50,000 marks of the big cohort,
// as the Excel export does.
func BenchmarkAttendanceWholeCohort(b *testing.B) {
	onBigDatabases(b, func(b *testing.B, where string, id int64) {
		s := openBench(b, where)
		ctx := context.Background()
		for b.Loop() {
			marks, err := s.Attendance(ctx, id)
			if err != nil || len(marks) != 50_000 {
				b.Fatalf("%d marks, %v", len(marks), err)
			}
		}
	})
}

func BenchmarkAddParticipants10k(b *testing.B) {
	benchAdd10k(b, func(ctx context.Context, s *Store, id int64, ps []participants.Participant) error {
		_, err := s.AddParticipants(ctx, id, ps)
		return err
	})
}

// BenchmarkImport10k is the store's share of importing 10,000 people
// through a roster: the roster and the seats read, then the people added
// at once (AddAll), in one transaction (target on PostgreSQL: under 2 s).
func BenchmarkImport10k(b *testing.B) {
	benchAdd10k(b, func(ctx context.Context, s *Store, id int64, ps []participants.Participant) error {
		return s.EditRoster(ctx, id, "l’importation", func(r *Roster) error {
			if _, err := r.People(); err != nil {
				return err
			}
			if _, err := r.Seats(); err != nil {
				return err
			}
			_, err := r.AddAll(ps)
			return err
		})
	})
}

// BenchmarkEditRosterAdd10k is BenchmarkImport10k with one Add a person,
// as ImportRoster did: on a team database, a round trip to the server
// each.
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

// benchAdd10k times add putting 10,000 people in a new cohort each time,
// in a new file and in a new team database.
func benchAdd10k(b *testing.B, add func(context.Context, *Store, int64, []participants.Participant) error) {
	for _, e := range []struct {
		name  string
		where func(b *testing.B) string
	}{
		{"sqlite", func(b *testing.B) string { return filepath.Join(b.TempDir(), "ajout.db") }},
		{"postgres", func(b *testing.B) string { return pgtest.Start(b) }},
	} {
		b.Run(e.name, func(b *testing.B) {
			s := openBench(b, e.where(b))
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
		})
	}
}

// BenchmarkMark is one tap in the check-in view: a single mark written in
// its own transaction, in a cohort of 10,000 people (target on PostgreSQL:
// under 10 ms).
func BenchmarkMark(b *testing.B) {
	onBigDatabases(b, func(b *testing.B, where string, id int64) {
		s := openBench(b, where)
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
	})
}
