package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
	"atelier/app/store/pgtest"
)

func TestCreateCohortIfNone(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		toronto, err := time.LoadLocation(course.DefaultTimeZone)
		if err != nil {
			t.Fatal(err)
		}
		// The five weeks cross the end of daylight saving time (1 November
		// 2026 in Toronto): each session must come back at 18 h 30 local time.
		first := time.Date(2026, 10, 28, 18, 30, 0, 0, toronto)
		c, err := course.NewCohort("Cohorte automne 2026", testPlans(), first, course.DefaultTimeZone)
		if err != nil {
			t.Fatal(err)
		}

		if created, err := s.CreateCohortIfNone(ctx, c); err != nil || !created {
			t.Fatalf("first call: created=%v err=%v, want true nil", created, err)
		}
		again := c
		again.Name = "Cohorte hiver 2027"
		if created, err := s.CreateCohortIfNone(ctx, again); err != nil || created {
			t.Fatalf("second call: created=%v err=%v, want false nil", created, err)
		}

		list, err := s.Cohorts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].Name != "Cohorte automne 2026" {
			t.Fatalf("cohorts = %+v, want one « Cohorte automne 2026 »", list)
		}
		got, err := s.Cohort(ctx, list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.TimeZone != course.DefaultTimeZone || got.SeatLimit != course.DefaultSeatLimit ||
			got.CertificateMin != course.DefaultCertificateMin || !got.CreatedAt.Equal(testClock().Truncate(time.Second)) {
			t.Errorf("time zone %q, seats %d, certificate %d, created %v", got.TimeZone, got.SeatLimit, got.CertificateMin, got.CreatedAt)
		}
		if !list[0].FirstDate.Equal(first) {
			t.Errorf("summary first date %v, want %v", list[0].FirstDate, first)
		}
		crossedDST := false
		for i, ses := range got.Sessions {
			if ses.Number != i+1 || ses.ID == 0 || !ses.StartsAt.Equal(c.Sessions[i].StartsAt) {
				t.Errorf("session %d: number %d id %d at %v, want %v", i, ses.Number, ses.ID, ses.StartsAt, c.Sessions[i].StartsAt)
			}
			if ses.StartsAt.Location().String() != course.DefaultTimeZone {
				t.Errorf("session %d in %v, want %s", ses.Number, ses.StartsAt.Location(), course.DefaultTimeZone)
			}
			if h, m, _ := ses.StartsAt.Clock(); h != 18 || m != 30 {
				t.Errorf("session %d at %v, want 18:30", ses.Number, ses.StartsAt)
			}
			if i > 0 && ses.StartsAt.Sub(got.Sessions[i-1].StartsAt) != 7*24*time.Hour {
				crossedDST = true
			}
			if !sameBlocks(ses.Blocks, testPlans()[i].Blocks) {
				t.Errorf("session %d blocks = %+v, want %+v", ses.Number, ses.Blocks, testPlans()[i].Blocks)
			}
			if ses.Minutes() != agenda.SessionMinutes {
				t.Errorf("session %d lasts %d min", ses.Number, ses.Minutes())
			}
		}
		if !crossedDST {
			t.Error("the sessions do not cross a change of time; the test proves nothing about DST")
		}
	})
}

func TestCreateCohortIfNoneInvalid(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		c := testCohort(t, "Cohorte", date(2027, 1, 6, 18, 30))
		c.Sessions = c.Sessions[:3]
		created, err := s.CreateCohortIfNone(ctx, c)
		if err == nil || created {
			t.Fatalf("created=%v err=%v, want an error for three sessions", created, err)
		}
		if list, _ := s.Cohorts(ctx); len(list) != 0 {
			t.Errorf("%d cohorts saved, want none", len(list))
		}
	})
}

// Two windows starting at once on a new file make one cohort.
func TestCreateCohortIfNoneTwoStores(t *testing.T) {
	a := openTest(t)
	b, err := Open(a.Path(), Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	created := make([]bool, 6)
	errs := make([]error, len(created))
	for i := range created {
		s := a
		if i%2 == 1 {
			s = b
		}
		c := testCohort(t, fmt.Sprintf("Cohorte %d", i), date(2027, 1, 6, 18, 30))
		wg.Go(func() { created[i], errs[i] = s.CreateCohortIfNone(context.Background(), c) })
	}
	wg.Wait()
	n := 0
	for i := range created {
		if errs[i] != nil {
			t.Errorf("call %d: %v", i, errs[i])
		}
		if created[i] {
			n++
		}
	}
	if list, _ := a.Cohorts(context.Background()); n != 1 || len(list) != 1 {
		t.Errorf("%d calls created a cohort, %d cohorts saved; want 1 and 1", n, len(list))
	}
}

func TestCreateCohortRoundTrip(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		in := testCohort(t, "Cohorte Montréal 🌱", date(2027, 1, 6, 18, 30))
		in.SeatLimit = 18
		id, err := s.CreateCohort(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Cohort(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != id || got.Name != in.Name || got.SeatLimit != 18 || got.TimeZone != in.TimeZone ||
			!slices.Equal(got.Facilitators, in.Facilitators) || got.CreatedAt.IsZero() {
			t.Errorf("got %+v", got)
		}
		for i := range in.Sessions {
			if !got.Sessions[i].StartsAt.Equal(in.Sessions[i].StartsAt) || got.Sessions[i].Title != in.Sessions[i].Title {
				t.Errorf("session %d = %v %q, want %v %q", i+1, got.Sessions[i].StartsAt, got.Sessions[i].Title,
					in.Sessions[i].StartsAt, in.Sessions[i].Title)
			}
		}
	})
}

func TestCreateCohortErrors(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		createTest(t, s, "Cohorte A", date(2027, 1, 6, 18, 30))

		noName := testCohort(t, "x", date(2027, 2, 3, 18, 30))
		noName.Name = "  "
		badBlock := testCohort(t, "Cohorte B", date(2027, 2, 3, 18, 30))
		badBlock.Sessions[2].Blocks[1].Minutes = 0

		tests := []struct {
			name    string
			c       course.Cohort
			is      error
			message string
		}{
			{"nom déjà pris", testCohort(t, "Cohorte A", date(2027, 2, 3, 18, 30)), ErrDuplicateName,
				"Une cohorte porte déjà le nom « Cohorte A »."},
			{"nom vide", noName, nil, "Le nom de la cohorte est obligatoire."},
			{"bloc invalide", badBlock, nil, "Séance 3 : La durée du bloc « Présentation » doit être d’au moins 1 minute."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := s.CreateCohort(ctx, tt.c)
				if err == nil {
					t.Fatal("CreateCohort succeeded, want an error")
				}
				if tt.is != nil && !errors.Is(err, tt.is) {
					t.Errorf("error %v is not %v", err, tt.is)
				}
				if err.Error() != tt.message {
					t.Errorf("message %q, want %q", err, tt.message)
				}
				if list, _ := s.Cohorts(ctx); len(list) != 1 {
					t.Errorf("%d cohorts after a refused creation, want 1", len(list))
				}
			})
		}
	})
}

func TestCohortNotFound(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		_, err := s.Cohort(context.Background(), 404)
		if !errors.Is(err, ErrNotFound) {
			t.Fatalf("Cohort(404) error = %v, want ErrNotFound", err)
		}
	})
}

func TestCohortsNewestFirst(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		createTest(t, s, "Hiver", date(2027, 1, 6, 18, 30))
		createTest(t, s, "Automne", date(2027, 9, 8, 18, 30))
		createTest(t, s, "Printemps", date(2027, 4, 7, 18, 30))
		list, err := s.Cohorts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range list {
			names = append(names, c.Name)
		}
		if want := []string{"Automne", "Printemps", "Hiver"}; !slices.Equal(names, want) {
			t.Errorf("order %q, want %q", names, want)
		}
	})
}

func TestSaveSessionBlocks(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
		c, _ := s.Cohort(ctx, id)
		target := c.Sessions[1]
		old := target.Blocks // five blocks with ids
		foreign := c.Sessions[3].Blocks[0]

		// Moved, edited, copied, new, left out, and one with the id of another
		// session's block.
		moved := old[3]
		edited := old[0]
		edited.Title, edited.Minutes, edited.Notes, edited.FixedStart = "Accueil « café »", 12, "Tour rapide", 0
		copied := edited
		copied.Title = "Accueil (copie)"
		fresh := agenda.Block{Title: "Discussion libre", Kind: agenda.Discussion, Minutes: 20, Facilitator: "Jonas", Materials: "Aucun"}
		stolen := foreign
		stolen.Title = "Pas le même bloc"
		in := []agenda.Block{moved, edited, fresh, copied, stolen}

		out, err := s.SaveSessionBlocks(ctx, target.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != len(in) || !sameBlocks(out, in) {
			t.Fatalf("returned %+v, want %+v with ids", out, in)
		}
		if out[0].ID != moved.ID || out[1].ID != edited.ID {
			t.Errorf("kept ids %d %d, want %d %d", out[0].ID, out[1].ID, moved.ID, edited.ID)
		}
		// Kept blocks one version on, the others new.
		for i, want := range []int64{2, 2, 1, 1, 1} {
			if out[i].Version != want {
				t.Errorf("block %d (%q) at version %d, want %d", i+1, out[i].Title, out[i].Version, want)
			}
		}
		for i, b := range out[2:] {
			if b.ID == 0 || slices.ContainsFunc(old, func(o agenda.Block) bool { return o.ID == b.ID }) || b.ID == foreign.ID {
				t.Errorf("block %d (%q) has id %d, want a new one", i+3, b.Title, b.ID)
			}
		}
		got, _ := s.Cohort(ctx, id)
		if !slices.Equal(got.Sessions[1].Blocks, out) {
			t.Errorf("session 2 blocks = %+v, want %+v", got.Sessions[1].Blocks, out)
		}
		// The other session's block is untouched.
		if got.Sessions[3].Blocks[0] != foreign {
			t.Errorf("session 4's first block = %+v, want %+v", got.Sessions[3].Blocks[0], foreign)
		}
		for _, i := range []int{0, 2, 3, 4} {
			if !slices.Equal(got.Sessions[i].Blocks, c.Sessions[i].Blocks) {
				t.Errorf("session %d blocks changed", i+1)
			}
		}
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM agenda_blocks WHERE session_id = $1 AND id IN ($2, $3, $4)",
			target.ID, old[1].ID, old[2].ID, old[4].ID).Scan(&n); err != nil || n != 0 {
			t.Errorf("%d left-out blocks still stored (%v)", n, err)
		}

		// Saved again as read: nothing changes, ids included; each block
		// comes back one version on.
		again, err := s.SaveSessionBlocks(ctx, target.ID, got.Sessions[1].Blocks)
		if err != nil || !sameBlocks(again, out) {
			t.Errorf("saved as read: %+v, %v; want %+v", again, err, out)
		}
		for i := range again {
			if again[i].ID != out[i].ID || again[i].Version != out[i].Version+1 {
				t.Errorf("block %d saved again: id %d version %d, want %d and %d", i, again[i].ID, again[i].Version, out[i].ID, out[i].Version+1)
			}
		}
		out = again

		before := dump(t, s.db)
		invalid := append(slices.Clone(out), agenda.Block{Title: "", Kind: "sieste", Minutes: 5})
		if _, err := s.SaveSessionBlocks(ctx, target.ID, invalid); err == nil || !strings.HasPrefix(err.Error(), "Bloc 6") {
			t.Errorf("invalid blocks: %v, want an error naming block 6", err)
		}
		if _, err := s.SaveSessionBlocks(ctx, 9999, in); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown session: %v, want ErrNotFound", err)
		}
		if changed := diffDumps(before, dump(t, s.db)); len(changed) > 0 {
			t.Errorf("refused saves changed %v", changed)
		}

		// An empty agenda removes every block.
		if out, err := s.SaveSessionBlocks(ctx, target.ID, nil); err != nil || len(out) != 0 {
			t.Fatalf("empty agenda: %+v, %v", out, err)
		}
		if got, _ := s.Cohort(ctx, id); len(got.Sessions[1].Blocks) != 0 {
			t.Errorf("blocks left: %+v", got.Sessions[1].Blocks)
		}
	})
}

func TestRosterSaveCohort(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := createTest(t, s, "Avant", date(2027, 1, 6, 18, 30))
	createTest(t, s, "Autre", date(2027, 4, 7, 18, 30))
	c, _ := s.Cohort(ctx, id)
	blocksBefore := c.Sessions[0].Blocks
	save := func(c course.Cohort) error {
		return s.EditRoster(ctx, id, "la cohorte", func(r *Roster) error { return r.SaveCohort(c) })
	}

	c.Name = "Après"
	c.TimeZone = "America/Vancouver"
	c.SeatLimit = 12
	c.CertificateMin = 3
	c.Facilitators = []string{"Zoé"}
	for i := range c.Sessions {
		c.Sessions[i].StartsAt = c.Sessions[i].StartsAt.Add(time.Hour)
		c.Sessions[i].Blocks = nil // not saved by SaveCohort
	}
	if err := save(c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Cohort(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Après" || got.TimeZone != "America/Vancouver" || got.SeatLimit != 12 || got.CertificateMin != 3 ||
		!slices.Equal(got.Facilitators, []string{"Zoé"}) {
		t.Errorf("got %+v", got)
	}
	for i := range c.Sessions {
		if !got.Sessions[i].StartsAt.Equal(c.Sessions[i].StartsAt) {
			t.Errorf("session %d at %v, want %v", i+1, got.Sessions[i].StartsAt, c.Sessions[i].StartsAt)
		}
		if got.Sessions[i].StartsAt.Location().String() != "America/Vancouver" {
			t.Errorf("session %d in %v", i+1, got.Sessions[i].StartsAt.Location())
		}
	}
	if !slices.Equal(got.Sessions[0].Blocks, blocksBefore) {
		t.Error("SaveCohort changed the blocks")
	}

	before := dump(t, s.db)
	refused := []struct {
		name string
		edit func(c course.Cohort) course.Cohort
		is   error
	}{
		{"nom déjà pris", func(c course.Cohort) course.Cohort { c.Name = "Autre"; return c }, ErrDuplicateName},
		{"autre cohorte", func(c course.Cohort) course.Cohort { c.ID++; c.Name = "Fantôme"; return c }, ErrNotFound},
		{"minimum d’attestation hors bornes", func(c course.Cohort) course.Cohort { c.CertificateMin = 6; return c }, nil},
	}
	for _, tt := range refused {
		if err := save(tt.edit(got)); err == nil || (tt.is != nil && !errors.Is(err, tt.is)) {
			t.Errorf("%s: %v, want an error of kind %v", tt.name, err, tt.is)
		}
	}
	if err := s.EditRoster(ctx, 9999, "la cohorte", func(r *Roster) error { return r.SaveCohort(got) }); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown cohort: %v, want ErrNotFound", err)
	}
	if changed := diffDumps(before, dump(t, s.db)); len(changed) > 0 {
		t.Errorf("refused saves changed %v", changed)
	}
}

func TestDeleteCohortCascades(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := createTest(t, s, "Éphémère", date(2027, 1, 6, 18, 30))
	keep := createTest(t, s, "Durable", date(2027, 4, 7, 18, 30))
	for _, cid := range []int64{id, keep} {
		c, _ := s.Cohort(ctx, cid)
		ids, err := s.AddParticipants(ctx, cid, []participants.Participant{{Name: "Léa", Status: participants.Inscrit}})
		if err != nil {
			t.Fatal(err)
		}
		err = s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: ids[0], SessionID: c.Sessions[0].ID, Mark: participants.Present}})
		if err != nil {
			t.Fatal(err)
		}
	}
	before := tableCounts(t, s)

	if _, err := s.db.Exec("DELETE FROM cohorts WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	after := tableCounts(t, s)
	for table, n := range before {
		if after[table] != n/2 {
			t.Errorf("%s: %d rows after delete, want %d", table, after[table], n/2)
		}
	}
}

// tableCounts counts the rows of every table that hangs off a cohort.
func tableCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, table := range []string{"cohorts", "cohort_facilitators", "sessions", "agenda_blocks", "participants", "attendance"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[table] = n
	}
	return counts
}

// sameBlocks compares blocks ignoring their IDs.
func sameBlocks(a, b []agenda.Block) bool {
	return slices.EqualFunc(a, b, func(x, y agenda.Block) bool {
		x.ID, y.ID, x.Version, y.Version = 0, 0, 0, 0
		return x == y
	})
}

// onSharedEngines runs test with two Stores on one new database of each
// engine, as two Ateliers of a team have it open: two Opens of one SQLite
// file, two openTeam on one PostgreSQL database.
func onSharedEngines(t *testing.T, test func(t *testing.T, a, b *Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		a := openTest(t)
		b, err := Open(a.Path(), Options{Now: testClock})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { b.Close() })
		test(t, a, b)
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.Start(t)
		var stores [2]*Store
		for i := range stores {
			s, err := openTeam(context.Background(), dsn, Options{Now: testClock})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			stores[i] = s
		}
		test(t, stores[0], stores[1])
	})
}

// conflictOf checks that err is a conflict told in French, and returns it.
func conflictOf(t *testing.T, err error) *ConflictError {
	t.Helper()
	var ce *ConflictError
	if !errors.Is(err, ErrConflict) || !errors.As(err, &ce) {
		t.Fatalf("error %v, want a *ConflictError (ErrConflict)", err)
	}
	if !usererr.ForPerson(err) || usererr.Message(err) != ce.Error() {
		t.Errorf("conflict not shown as its sentence: %q", usererr.Message(err))
	}
	noDriverText(t, usererr.Message(err))
	return ce
}

// The second of two people saving a cohort's settings is told, with the
// first one's version, and overwrites nothing; saved again from a fresh
// read, the change goes through.
func TestCohortSaveConflict(t *testing.T) {
	onSharedEngines(t, func(t *testing.T, a, b *Store) {
		ctx := context.Background()
		id := createTest(t, a, "Cohorte", date(2027, 1, 6, 18, 30))
		save := func(s *Store, c course.Cohort) error {
			return s.EditRoster(ctx, id, "la cohorte", func(r *Roster) error { return r.SaveCohort(c) })
		}
		mine, err := a.Cohort(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := b.Cohort(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if mine.Version != 1 || theirs.Version != 1 {
			t.Fatalf("new cohort at versions %d and %d, want 1", mine.Version, theirs.Version)
		}
		mine.Name = "Cohorte d’automne"
		if err := save(a, mine); err != nil {
			t.Fatal(err)
		}

		before := dump(t, a.db)
		theirs.SeatLimit, theirs.Facilitators = 40, []string{"Zoé"}
		ce := conflictOf(t, save(b, theirs))
		if ce.Cohort == nil || ce.Cohort.Name != "Cohorte d’automne" || ce.Cohort.Version != 2 ||
			len(ce.Cohort.Sessions) != course.SessionCount || len(ce.Cohort.Sessions[0].Blocks) == 0 {
			t.Errorf("conflict carries %+v, want the cohort as renamed, at version 2", ce.Cohort)
		}
		if ce.Blocks != nil || ce.Structure != nil {
			t.Errorf("conflict carries more than the cohort: %+v", ce)
		}
		if !strings.Contains(ce.Error(), "«\u00a0Cohorte d’automne\u00a0»") {
			t.Errorf("message %q does not name the cohort", ce.Error())
		}
		if changed := diffDumps(before, dump(t, a.db)); len(changed) > 0 {
			t.Errorf("refused save changed %v", changed)
		}

		theirs = *ce.Cohort
		theirs.SeatLimit, theirs.Facilitators = 40, []string{"Zoé"}
		if err := save(b, theirs); err != nil {
			t.Fatalf("saved from the fresh version: %v", err)
		}
		got, _ := a.Cohort(ctx, id)
		if got.Name != "Cohorte d’automne" || got.SeatLimit != 40 || !slices.Equal(got.Facilitators, []string{"Zoé"}) || got.Version != 3 {
			t.Errorf("after both saves: %q, %d seats, %v, version %d", got.Name, got.SeatLimit, got.Facilitators, got.Version)
		}
	})
}

// Two people editing one session's agenda: whatever the first saved (an
// edit of another block, a block added, a block removed), the second's
// save from the agenda as it was is refused with the agenda as it is, and
// writes nothing.
func TestAgendaSaveConflict(t *testing.T) {
	onSharedEngines(t, func(t *testing.T, a, b *Store) {
		ctx := context.Background()
		id := createTest(t, a, "Cohorte", date(2027, 1, 6, 18, 30))
		read := func(s *Store) course.Session {
			t.Helper()
			c, err := s.Cohort(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return c.Sessions[1]
		}
		// refused checks that b's save of blocks is a conflict carrying
		// the agenda as a left it, and changes nothing.
		refused := func(what string, blocks, want []agenda.Block) {
			t.Helper()
			before := dump(t, a.db)
			_, err := b.SaveSessionBlocks(ctx, read(a).ID, blocks)
			ce := conflictOf(t, err)
			if ce.SessionID != read(a).ID || !slices.Equal(ce.Blocks, want) || ce.Cohort != nil || ce.Structure != nil {
				t.Errorf("%s: conflict carries session %d %+v, want %+v", what, ce.SessionID, ce.Blocks, want)
			}
			if !strings.Contains(ce.Error(), "séance 2") {
				t.Errorf("%s: message %q does not name the session", what, ce.Error())
			}
			if changed := diffDumps(before, dump(t, a.db)); len(changed) > 0 {
				t.Errorf("%s: refused save changed %v", what, changed)
			}
		}
		mine, theirs := read(a), read(b)
		for _, blk := range mine.Blocks {
			if blk.Version != 1 {
				t.Fatalf("new block %q at version %d, want 1", blk.Title, blk.Version)
			}
		}

		// Another block edited.
		welcome := mine.Blocks[0]
		welcome.Title = "Accueil « café »"
		edited, _ := agenda.Update(mine.Blocks, 0, welcome)
		saved, err := a.SaveSessionBlocks(ctx, mine.ID, edited)
		if err != nil {
			t.Fatal(err)
		}
		for i, blk := range saved {
			if blk.Version != 2 {
				t.Errorf("saved block %d at version %d, want 2", i, blk.Version)
			}
		}
		long := theirs.Blocks[2]
		long.Minutes = 45
		stale, _ := agenda.Update(theirs.Blocks, 2, long)
		refused("another block edited", stale, saved)

		// A block added: the older list would remove it.
		theirs = read(b)
		added, err := a.SaveSessionBlocks(ctx, mine.ID, append(slices.Clone(saved),
			agenda.Block{Title: "Discussion libre", Kind: agenda.Discussion, Minutes: 20}))
		if err != nil {
			t.Fatal(err)
		}
		stale, _ = agenda.Update(theirs.Blocks, 2, long)
		refused("a block added", stale, added)

		// A block removed, the one the other person kept alone.
		theirs = read(b)
		removed, err := a.SaveSessionBlocks(ctx, mine.ID, slices.Delete(slices.Clone(added), 4, 5))
		if err != nil {
			t.Fatal(err)
		}
		kept := theirs.Blocks[4]
		kept.Notes = "Un mot chacun·e, puis on range"
		refused("a block removed", []agenda.Block{kept}, removed)

		// From the agenda as it is, the edit goes through and keeps the
		// first person's.
		theirs = read(b)
		stale, _ = agenda.Update(theirs.Blocks, 2, func() agenda.Block { x := theirs.Blocks[2]; x.Minutes = 45; return x }())
		out, err := b.SaveSessionBlocks(ctx, theirs.ID, stale)
		if err != nil {
			t.Fatalf("saved from the fresh agenda: %v", err)
		}
		got := read(a).Blocks
		if !slices.Equal(got, out) || len(got) != 5 || got[0].Title != "Accueil « café »" || got[2].Minutes != 45 || got[4].Title != "Discussion libre" {
			t.Errorf("agenda after both saves: %+v", got)
		}
	})
}

// A file made before row versions (schema 7) reads every cohort, block and
// structure at version 1, and saves from there. SQLite only: it is about
// migrating a file; a team database starts at the latest schema.
func TestRowVersionsAfterMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atelier.db")
	oldFile(t, path, 7,
		"INSERT INTO cohorts (id, name, time_zone, seat_limit, certificate_min, created_at) VALUES (1, 'Ancienne', 'America/Toronto', 20, 4, 1700000000)",
		"INSERT INTO sessions (id, cohort_id, number, title, starts_at) VALUES (1, 1, 1, 'Séance 1', 1800000000)",
		"INSERT INTO agenda_blocks (session_id, position, title, kind, minutes) VALUES (1, 0, 'Accueil', 'accueil', 10)",
		"INSERT INTO structures (id, cohort_id, name, created_at, updated_at) VALUES (1, 1, 'Cercle', 1700000000, 1700000000)")
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	c, err := s.Cohort(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Structure(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != 1 || c.Sessions[0].Blocks[0].Version != 1 || st.Version != 1 {
		t.Fatalf("versions after migrating: cohort %d, block %d, structure %d; want 1", c.Version, c.Sessions[0].Blocks[0].Version, st.Version)
	}
	if out, err := s.SaveSessionBlocks(ctx, 1, c.Sessions[0].Blocks); err != nil || out[0].Version != 2 {
		t.Errorf("agenda saved: %+v, %v", out, err)
	}
	if v, err := s.SaveStructure(ctx, st); err != nil || v != 2 {
		t.Errorf("structure saved at version %d, %v; want 2", v, err)
	}
}

// Six saves of one agenda at once from the same read, through both stores:
// one wins, every other is told, and the agenda stored is the winner's.
func TestAgendaSavesAtOnce(t *testing.T) {
	onSharedEngines(t, func(t *testing.T, a, b *Store) {
		ctx := context.Background()
		id := createTest(t, a, "Cohorte", date(2027, 1, 6, 18, 30))
		c, err := b.Cohort(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		read := c.Sessions[1]
		errs := make([]error, 6)
		var wg sync.WaitGroup
		for i := range errs {
			s := []*Store{a, b}[i%2]
			blk := read.Blocks[2]
			blk.Minutes = 30 + i
			// Each also adds a block and drops the last, so that a save
			// let through after another would show.
			blocks, _ := agenda.Update(read.Blocks, 2, blk)
			blocks = append(blocks[:4], agenda.Block{Title: fmt.Sprintf("Ajout %d", i), Kind: agenda.Discussion, Minutes: 5})
			wg.Go(func() { _, errs[i] = s.SaveSessionBlocks(ctx, read.ID, blocks) })
		}
		wg.Wait()
		winner := oneWinner(t, errs)
		got, _ := a.Cohort(ctx, id)
		blocks := got.Sessions[1].Blocks
		if winner < 0 || len(blocks) != 5 || blocks[2].Minutes != 30+winner || blocks[4].Title != fmt.Sprintf("Ajout %d", winner) {
			t.Errorf("winner %d; stored %+v", winner, blocks)
		}
	})
}

// withVersionsOf stamps blocks, a list edited from an older read, with the
// versions their ids have in saved (the last save's result), as the agenda
// screen does when it puts back a step of its history; a block saved no
// longer gets none, and is added anew. For tests that save one agenda
// several times from their own lists.
func withVersionsOf(blocks, saved []agenda.Block) []agenda.Block {
	now := make(map[int64]int64, len(saved))
	for _, b := range saved {
		now[b.ID] = b.Version
	}
	out := slices.Clone(blocks)
	for i := range out {
		out[i].Version = now[out[i].ID]
	}
	return out
}

// An agenda put back from before a save (an undo) is refused as it was
// read, the store cannot tell whose save came between; stamped with the
// versions of the last save, it goes through, a block put back added anew.
func TestAgendaUndoNeedsCurrentVersions(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		c, err := s.Cohort(ctx, createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30)))
		if err != nil {
			t.Fatal(err)
		}
		ses := c.Sessions[0]
		original := ses.Blocks
		saved, err := s.SaveSessionBlocks(ctx, ses.ID, slices.Delete(slices.Clone(original), 1, 2))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveSessionBlocks(ctx, ses.ID, original); !errors.Is(err, ErrConflict) {
			t.Errorf("older list saved as read: %v, want ErrConflict", err)
		}
		back, err := s.SaveSessionBlocks(ctx, ses.ID, withVersionsOf(original, saved))
		if err != nil {
			t.Fatalf("older list with the current versions: %v", err)
		}
		if !sameBlocks(back, original) || back[0].ID != original[0].ID || back[1].ID == original[1].ID || back[1].Version != 1 {
			t.Errorf("put back %+v, want %+v with block 2 added anew", back, original)
		}
	})
}

// oneWinner checks that exactly one of saves made at once went through
// and that the others were refused as conflicts; it returns the one, or
// -1.
func oneWinner(t *testing.T, errs []error) int {
	t.Helper()
	winner := -1
	for i, err := range errs {
		switch {
		case err == nil && winner < 0:
			winner = i
		case err == nil:
			t.Errorf("saves %d and %d both went through", winner, i)
		case !errors.Is(err, ErrConflict):
			t.Errorf("save %d: %v, want ErrConflict", i, err)
		}
	}
	return winner
}
