package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

// schema5Doubles is what two imports racing left in schema-5 files: Awa
// twice (letter case aside, marks and a group on each), and two different
// people who share one courriel.
const schema5Doubles = `
INSERT INTO cohorts (id, name, time_zone, seat_limit, created_at) VALUES (3, 'Cohorte', 'America/Toronto', 25, 1790000000);
INSERT INTO sessions (id, cohort_id, number, title, starts_at) VALUES (11, 3, 1, 'Séance 1', 1793232600), (12, 3, 2, 'Séance 2', 1793837400);
INSERT INTO participants (id, cohort_id, name, email, phone, status, registered_at, queued_at, created_at) VALUES
	(21, 3, 'Awa Diallo', 'awa@exemple.ca', '', 'confirme', 1, 1, 1),
	(22, 3, 'awa diallo', 'AWA@exemple.ca', '514 555 0100', 'confirme', 2, 2, 2),
	(23, 3, 'Bastien', 'famille@exemple.ca', '', 'confirme', 3, 3, 3),
	(24, 3, 'Chloé', 'famille@exemple.ca', '', 'attente', 4, 4, 4);
INSERT INTO attendance (participant_id, session_id, mark) VALUES (21, 11, 'present'), (22, 11, 'absent'), (22, 12, 'retard');
INSERT INTO breakout_members (session_id, group_no, participant_id) VALUES (12, 2, 22);
INSERT INTO structures (id, cohort_id, name, created_at, updated_at) VALUES (1, 3, 'Cercles', 1, 1);
INSERT INTO structure_nodes (structure_id, id, kind, label, x, y) VALUES (1, 1, 'cercle', 'Accueil', 0, 0);
INSERT INTO structure_members (structure_id, node_id, position, name, participant_id) VALUES (1, 1, 0, 'Awa', 22);
`

// TestMigration6FoldsDoubles stays on SQLite, as does TestMigration7…:
// they migrate schema-5 and -6 files, and a team database starts at 7.
func TestMigration6FoldsDoubles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "atelier.db")
	oldFile(t, path, 5, schema5Doubles)
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatalf("Open on a schema-5 file with doubles: %v", err)
	}
	defer s.Close()

	people, err := s.Participants(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]participants.Participant{}
	for _, p := range people {
		byID[p.ID] = p
	}
	if len(people) != 3 || byID[22].ID != 0 {
		t.Fatalf("after migration: %+v, want Awa once (21), Bastien and Chloé", people)
	}
	awa := byID[21]
	if awa.Phone != "514 555 0100" || awa.Attended != 2 {
		t.Errorf("Awa kept as %+v, want the double's phone and 2 sessions attended (her present, its late)", awa)
	}
	marks, _ := s.Attendance(ctx, 3)
	got := map[int64]participants.Mark{}
	for _, m := range marks {
		if m.ParticipantID != 21 {
			t.Errorf("a mark left on %d", m.ParticipantID)
		}
		got[m.SessionID] = m.Mark
	}
	if got[11] != participants.Present || got[12] != participants.Retard {
		t.Errorf("Awa's marks %v: her own kept where both had one, the double's moved where she had none", got)
	}
	var members, groups int
	s.db.QueryRow("SELECT count(*) FROM structure_members WHERE participant_id = 21").Scan(&members)
	s.db.QueryRow("SELECT count(*) FROM breakout_members WHERE participant_id = 21").Scan(&groups)
	if members != 1 || groups != 1 {
		t.Errorf("diagram member and group moved to Awa: %d, %d", members, groups)
	}

	// Bastien and Chloé are two people: both stay, and saving Chloé with
	// that courriel is refused until she has one of her own.
	err = s.EditRoster(ctx, 3, "la fiche", func(r *Roster) error { return r.Save(byID[24]) })
	if !errors.Is(err, ErrEmailTaken) {
		t.Errorf("saving the second person of a shared courriel: %v, want ErrEmailTaken", err)
	}
	chloe := byID[24]
	chloe.Email = "chloe@exemple.ca"
	if err := s.EditRoster(ctx, 3, "la fiche", func(r *Roster) error { return r.Save(chloe) }); err != nil {
		t.Errorf("saving her with a courriel of her own: %v", err)
	}
}

// The unique index holds whatever path writes: a second person with the
// same courriel, in another letter case and another transaction, is
// refused with a French sentence naming who has it.
func TestOneCourrielOnePerson(t *testing.T) {
	ctx := context.Background()
	onEngines(t, func(t *testing.T, s *Store) {
		id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
		addPeople(t, s, id, participants.Participant{Name: "Awa Diallo", Email: "awa@exemple.ca", Status: participants.Confirme})
		for _, email := range []string{"awa@exemple.ca", "Awa@Exemple.CA"} {
			err := s.EditRoster(ctx, id, "la personne", func(r *Roster) error {
				_, err := r.Add(participants.Participant{Name: "Autre", Email: email, Status: participants.Inscrit})
				return err
			})
			if !errors.Is(err, ErrEmailTaken) || !containsAll(err.Error(), "Awa Diallo", email) {
				t.Errorf("adding %q again: %v", email, err)
			}
		}
		// Another cohort may have her too, and people without a courriel are
		// not doubles of each other.
		other := createTest(t, s, "Autre cohorte", date(2027, 3, 6, 18, 30))
		addPeople(t, s, other, participants.Participant{Name: "Awa Diallo", Email: "awa@exemple.ca", Status: participants.Confirme})
		addPeople(t, s, id, participants.Participant{Name: "Sans courriel", Status: participants.Inscrit},
			participants.Participant{Name: "Sans courriel non plus", Status: participants.Inscrit})
		if n, _ := s.CountParticipants(ctx, id); n != 3 {
			t.Errorf("%d people, want 3", n)
		}
		// Refused inside an edit, by Add or by Save, the courriel spoils
		// nothing of the transaction: the edit goes on and commits (on
		// PostgreSQL a statement that fails aborts the whole transaction).
		var addErr, saveErr error
		if err := s.EditRoster(ctx, id, "les personnes", func(r *Roster) error {
			_, addErr = r.Add(participants.Participant{Name: "Autre", Email: "AWA@exemple.ca", Status: participants.Inscrit})
			p, err := r.Add(participants.Participant{Name: "Bastien", Status: participants.Inscrit})
			if err != nil {
				return err
			}
			p.Email = "Awa@exemple.ca"
			saveErr = r.Save(p)
			_, err = r.Add(participants.Participant{Name: "Chloé", Email: "chloe@exemple.ca", Status: participants.Inscrit})
			return err
		}); err != nil {
			t.Fatalf("the edit after the refusals: %v", err)
		}
		for _, refused := range []struct {
			what, email string
			err         error
		}{{"Add", "AWA@exemple.ca", addErr}, {"Save", "Awa@exemple.ca", saveErr}} {
			if !errors.Is(refused.err, ErrEmailTaken) || !containsAll(refused.err.Error(), "Awa Diallo", refused.email) {
				t.Errorf("%s with her courriel: %v", refused.what, refused.err)
			}
		}
		ps, err := s.Participants(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range ps {
			names = append(names, p.Name+" <"+p.Email+">")
		}
		if want := []string{"Awa Diallo <awa@exemple.ca>", "Sans courriel <>", "Sans courriel non plus <>", "Bastien <>", "Chloé <chloe@exemple.ca>"}; !slices.Equal(names, want) {
			t.Errorf("roster %q, want %q", names, want)
		}
	})
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// Schema 7 typesets the official titles still as the curriculum first gave
// them, and leaves a title a facilitator rewrote.
func TestMigration7TypesetsTitles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "atelier.db")
	oldFile(t, path, 6, `
INSERT INTO cohorts (id, name, time_zone, seat_limit, created_at) VALUES (3, 'Cohorte', 'America/Toronto', 25, 1790000000);
INSERT INTO sessions (id, cohort_id, number, title, starts_at) VALUES
	(11, 3, 4, 'Travailler ensemble sans s''épuiser : Meilleures pratiques de travail en coalition agile.', 1793232600),
	(12, 3, 5, 'S''unir, notre version', 1793837400);`)
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Cohort(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Travailler ensemble sans s’épuiser\u00a0: Meilleures pratiques de travail en coalition agile.", "S'unir, notre version"}
	for i, ses := range c.Sessions {
		if ses.Title != want[i] {
			t.Errorf("session %d: %q, want %q", ses.Number, ses.Title, want[i])
		}
	}
}

// The message names the other person after « de » as French does, elided
// before a vowel.
func TestEmailTakenElides(t *testing.T) {
	msg := usererr.Message(EmailTaken("a@b.ca", "Émile Roy", nil))
	if !strings.Contains(msg, "déjà celui d’Émile Roy") || !strings.Contains(msg, "la fiche d’Émile Roy.") {
		t.Errorf("message %q", msg)
	}
	if msg := usererr.Message(EmailTaken("a@b.ca", "Marc Roy", nil)); !strings.Contains(msg, "celui de Marc Roy") {
		t.Errorf("message %q", msg)
	}
}
