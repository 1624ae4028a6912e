package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
)

func TestParticipantsRoundTrip(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
		other := createTest(t, s, "Autre", date(2027, 4, 7, 18, 30))
		registered := time.Date(2026, 11, 2, 14, 3, 27, 123456789, time.UTC)
		in := []participants.Participant{
			{
				Name: "Hélène Œuvre 🌱", Pronouns: "elle", Email: "helene@exemple.ca",
				Organisation: "Collectif « Racines »", City: "Trois-Rivières", Phone: "+1 819 555-0101",
				Accessibility: "Sous-titres ; salle sans marches", Consent: true,
				Notes: "Arrive en retard le mercredi.\nDeuxième ligne.", Status: participants.Confirme,
				RegisteredAt: registered.Add(time.Hour),
			},
			// Registered earlier: listed first though added second.
			{Name: "Ñandú Ørsted", Status: participants.Attente, RegisteredAt: registered, QueuedAt: registered.Add(3*time.Hour + 1)},
			{Name: "Kwame", Status: participants.Desiste, RegisteredAt: registered.Add(2 * time.Hour)},
			{Name: "Lou", Status: participants.SansInscription, RegisteredAt: registered.Add(4 * time.Hour)},
		}
		ids, err := s.AddParticipants(ctx, id, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddParticipants(ctx, other, []participants.Participant{{Name: "Ailleurs", Status: participants.Inscrit}}); err != nil {
			t.Fatal(err)
		}
		if len(ids) != 4 || ids[0] == 0 || ids[0] == ids[1] {
			t.Fatalf("ids = %v", ids)
		}

		got, err := s.Participants(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := []participants.Participant{in[1], in[0], in[2], in[3]}
		wantIDs := []int64{ids[1], ids[0], ids[2], ids[3]}
		if len(got) != len(want) {
			t.Fatalf("got %d participants, want %d", len(got), len(want))
		}
		for i := range want {
			w := want[i]
			w.ID, w.CohortID = wantIDs[i], id
			g := got[i]
			if w.QueuedAt.IsZero() {
				w.QueuedAt = w.RegisteredAt // never waited
			}
			if !g.RegisteredAt.Equal(w.RegisteredAt) || !g.QueuedAt.Equal(w.QueuedAt) {
				t.Errorf("%d: registered %v queued %v, want %v %v", i, g.RegisteredAt, g.QueuedAt, w.RegisteredAt, w.QueuedAt)
			}
			g.RegisteredAt, w.RegisteredAt = time.Time{}, time.Time{}
			g.QueuedAt, w.QueuedAt = time.Time{}, time.Time{}
			if g != w {
				t.Errorf("%d:\n got %+v\nwant %+v", i, g, w)
			}
		}
		if n, err := s.CountParticipants(ctx, id); err != nil || n != 4 {
			t.Errorf("CountParticipants = %d, %v; want 4", n, err)
		}
	})
}

func TestAddParticipantsZeroRegistrationIsTheClock(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
		if _, err := s.AddParticipants(ctx, id, []participants.Participant{{Name: "Sans date", Status: participants.Inscrit}}); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Participants(ctx, id)
		if len(got) != 1 || !got[0].RegisteredAt.Equal(testClock()) || !got[0].QueuedAt.Equal(testClock()) {
			t.Errorf("got %+v, want registered and queued at the store's clock, %v", got, testClock())
		}
		var created int64
		if err := s.db.QueryRow("SELECT created_at FROM participants WHERE id = $1", got[0].ID).Scan(&created); err != nil || created != testClock().Unix() {
			t.Errorf("created_at %d (%v), want the clock's %d", created, err, testClock().Unix())
		}
	})
}

func TestAddParticipantsAllOrNothing(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
		good := participants.Participant{Name: "Léa", Status: participants.Inscrit}
		tests := []struct {
			name string
			bad  participants.Participant
			want string
		}{
			{"nom vide", participants.Participant{Name: " ", Status: participants.Inscrit}, "Le nom est obligatoire."},
			{"courriel invalide", participants.Participant{Name: "Zoé", Email: "zoé@", Status: participants.Inscrit}, "Le courriel"},
			{"statut inconnu", participants.Participant{Name: "Omar", Status: "vip"}, "Le statut"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ids, err := s.AddParticipants(ctx, id, []participants.Participant{good, tt.bad, good})
				if err == nil {
					t.Fatalf("accepted, ids %v", ids)
				}
				if !strings.HasPrefix(err.Error(), "Personne n°\u00a02 (") || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("message %q should name person 2 and say %q", err, tt.want)
				}
				if n, _ := s.CountParticipants(ctx, id); n != 0 {
					t.Errorf("%d participants written, want 0", n)
				}
			})
		}
		// A courriel twice in one batch (letter case aside) stops it too,
		// with a sentence naming the person, and nothing is saved.
		_, err := s.AddParticipants(ctx, id, []participants.Participant{
			{Name: "Léa", Email: "lea@exemple.ca", Status: participants.Inscrit},
			{Name: "Léa bis", Email: "LEA@exemple.ca", Status: participants.Inscrit},
		})
		if !errors.Is(err, ErrEmailTaken) || !strings.HasPrefix(err.Error(), "Personne n°\u00a02 («\u00a0Léa bis\u00a0»)\u00a0: Le courriel «\u00a0LEA@exemple.ca\u00a0» est déjà") {
			t.Errorf("a courriel twice: %v, want ErrEmailTaken naming person 2", err)
		} else {
			noDriverText(t, err.Error())
		}
		if n, _ := s.CountParticipants(ctx, id); n != 0 {
			t.Errorf("%d participants written, want 0", n)
		}
		if _, err := s.AddParticipants(ctx, 9999, []participants.Participant{good}); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown cohort: %v, want ErrNotFound", err)
		}
	})
}

func TestAttendance(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
		otherID := createTest(t, s, "Autre", date(2027, 4, 7, 18, 30))
		c, _ := s.Cohort(ctx, id)
		other, _ := s.Cohort(ctx, otherID)
		ids, err := s.AddParticipants(ctx, id, []participants.Participant{
			{Name: "Hélène Œuvre 🌱", Status: participants.Confirme, RegisteredAt: date(2026, 11, 1, 0, 0)},
			{Name: "Jo", Status: participants.Inscrit, RegisteredAt: date(2026, 11, 2, 0, 0)},
		})
		if err != nil {
			t.Fatal(err)
		}
		s1, s2 := c.Sessions[0].ID, c.Sessions[1].ID

		marks := []participants.Attendance{
			{ParticipantID: ids[1], SessionID: s1, Mark: participants.Absent},
			{ParticipantID: ids[0], SessionID: s2, Mark: participants.Retard, Minutes: 75, Note: "Bus en retard 🚌 ; excusée"},
			{ParticipantID: ids[0], SessionID: s1, Mark: participants.Present, Minutes: 90},
		}
		if err := s.SetAttendance(ctx, marks); err != nil {
			t.Fatal(err)
		}
		// A second mark for the same person and session replaces the first.
		marks[0] = participants.Attendance{ParticipantID: ids[1], SessionID: s1, Mark: participants.Excuse, Note: "malade"}
		if err := s.SetAttendance(ctx, marks[:1]); err != nil {
			t.Fatal(err)
		}

		got, err := s.Attendance(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := []participants.Attendance{marks[2], marks[0], marks[1]} // by session, then person
		if len(got) != len(want) {
			t.Fatalf("got %+v, want %+v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%d: got %+v, want %+v", i, got[i], want[i])
			}
		}

		// The roster counts the sessions attended: Hélène was there twice (once
		// late), Jo was excused.
		ps, err := s.Participants(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if ps[0].Attended != 2 || ps[1].Attended != 0 {
			t.Errorf("attended %d and %d, want 2 and 0", ps[0].Attended, ps[1].Attended)
		}
		// Changing a mark keeps the count right.
		if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: ids[0], SessionID: s2, Mark: participants.Absent}}); err != nil {
			t.Fatal(err)
		}
		if ps, _ := s.Participants(ctx, id); ps[0].Attended != 1 {
			t.Errorf("after marking absent, attended %d, want 1", ps[0].Attended)
		}
		if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: ids[0], SessionID: s2, Mark: participants.Retard}}); err != nil {
			t.Fatal(err)
		}
		if ps, _ := s.Participants(ctx, id); ps[0].Attended != 2 {
			t.Errorf("after marking late again, attended %d, want 2", ps[0].Attended)
		}
		sessionMarks, err := s.SessionAttendance(ctx, s1)
		if err != nil || len(sessionMarks) != 2 || sessionMarks[0].ParticipantID != ids[0] || sessionMarks[0].Minutes != 90 {
			t.Errorf("session 1 marks %+v, %v", sessionMarks, err)
		}

		refused := []struct {
			name string
			mark participants.Attendance
			is   error
		}{
			{"marque inconnue", participants.Attendance{ParticipantID: ids[0], SessionID: s1, Mark: "peut-être"}, nil},
			{"minutes négatives", participants.Attendance{ParticipantID: ids[0], SessionID: s1, Mark: participants.Present, Minutes: -1}, nil},
			{"séance d’une autre cohorte", participants.Attendance{ParticipantID: ids[0], SessionID: other.Sessions[0].ID, Mark: participants.Present}, ErrNotFound},
			{"personne inconnue", participants.Attendance{ParticipantID: 9999, SessionID: s1, Mark: participants.Present}, ErrNotFound},
		}
		for _, tt := range refused {
			t.Run(tt.name, func(t *testing.T) {
				// The valid first mark must not be saved either.
				first := participants.Attendance{ParticipantID: ids[1], SessionID: s2, Mark: participants.Present}
				err := s.SetAttendance(ctx, []participants.Attendance{first, tt.mark})
				if err == nil || !strings.Contains(err.Error(), "Présence n°\u00a02") {
					t.Fatalf("error %v, want one naming mark 2", err)
				}
				if tt.is != nil && !errors.Is(err, tt.is) {
					t.Errorf("error %v is not %v", err, tt.is)
				}
				if got, _ := s.Attendance(ctx, id); len(got) != 3 {
					t.Errorf("%d marks after a refused batch, want 3", len(got))
				}
			})
		}
	})
}

func TestMarkedSessions(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		id, sessions := smallCohortOn(t, s, 5)
		ctx := context.Background()
		other := createTest(t, s, "Autre", date(2027, 4, 7, 18, 30))
		ps := addPeople(t, s, id, participants.Participant{Name: "Awa"}, participants.Participant{Name: "Bo"})
		zoe := addPeople(t, s, other, participants.Participant{Name: "Zoé"})[0]
		check := func(label string, want ...int64) {
			t.Helper()
			got, err := s.MarkedSessions(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Errorf("%s: marked %v, want %v", label, got, want)
			}
			for _, sid := range want {
				if !got[sid] {
					t.Errorf("%s: marked %v, want %v", label, got, want)
				}
			}
		}
		check("aucune marque")
		// An absence is a mark too: the session was held.
		if err := s.SetAttendance(ctx, []participants.Attendance{
			{ParticipantID: ps[0].ID, SessionID: sessions[0], Mark: participants.Absent},
			{ParticipantID: ps[1].ID, SessionID: sessions[0], Mark: participants.Present},
			{ParticipantID: ps[1].ID, SessionID: sessions[2], Mark: participants.Excuse},
			{ParticipantID: zoe.ID, SessionID: sessionIDs(t, s, other)[1], Mark: participants.Present},
		}); err != nil {
			t.Fatal(err)
		}
		check("séances 1 et 3", sessions[0], sessions[2])
		if err := s.ClearAttendance(ctx, ps[1].ID, sessions[2]); err != nil {
			t.Fatal(err)
		}
		check("séance 1", sessions[0])
		if got, err := s.MarkedSessions(ctx, 404); err != nil || len(got) != 0 {
			t.Errorf("unknown cohort: %v, %v", got, err)
		}
	})
}
