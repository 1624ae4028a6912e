package store

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/domain/participants"
)

func TestEnsureFirstCohort(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	toronto, err := time.LoadLocation(course.DefaultTimeZone)
	if err != nil {
		t.Fatal(err)
	}
	// Late October: the five weeks cross the end of daylight saving time
	// (1 November 2026 in Toronto).
	now := time.Date(2026, 10, 20, 9, 0, 0, 0, toronto)

	created, err := s.EnsureFirstCohort(ctx, testPlans(), now)
	if err != nil || !created {
		t.Fatalf("first call: created=%v err=%v, want true nil", created, err)
	}
	created, err = s.EnsureFirstCohort(ctx, testPlans(), now.AddDate(1, 0, 0))
	if err != nil || created {
		t.Fatalf("second call: created=%v err=%v, want false nil", created, err)
	}

	list, err := s.Cohorts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Name != "Cohorte automne 2026" {
		t.Fatalf("cohorts = %+v, want one « Cohorte automne 2026 »", list)
	}
	c, err := s.Cohort(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.TimeZone != course.DefaultTimeZone || c.SeatLimit != course.DefaultSeatLimit {
		t.Errorf("time zone %q, seats %d", c.TimeZone, c.SeatLimit)
	}
	if len(c.Sessions) != course.SessionCount {
		t.Fatalf("%d sessions, want %d", len(c.Sessions), course.SessionCount)
	}
	first := c.Sessions[0].StartsAt
	if want := time.Date(2026, 10, 28, 18, 30, 0, 0, toronto); !first.Equal(want) {
		t.Errorf("first session %v, want %v", first, want)
	}
	if !list[0].FirstDate.Equal(first) {
		t.Errorf("summary first date %v, want %v", list[0].FirstDate, first)
	}
	crossedDST := false
	for i, ses := range c.Sessions {
		if ses.Number != i+1 || ses.ID == 0 {
			t.Errorf("session %d: number %d id %d", i, ses.Number, ses.ID)
		}
		if ses.StartsAt.Location().String() != course.DefaultTimeZone {
			t.Errorf("session %d in %v, want %s", ses.Number, ses.StartsAt.Location(), course.DefaultTimeZone)
		}
		if h, m, _ := ses.StartsAt.Clock(); h != 18 || m != 30 || ses.StartsAt.Weekday() != time.Wednesday {
			t.Errorf("session %d at %v, want Wednesday 18:30", ses.Number, ses.StartsAt)
		}
		if i > 0 {
			prev := c.Sessions[i-1].StartsAt
			if want := prev.AddDate(0, 0, 7); !ses.StartsAt.Equal(want) {
				t.Errorf("session %d at %v, want a week after %v", ses.Number, ses.StartsAt, prev)
			}
			if ses.StartsAt.Sub(prev) != 7*24*time.Hour {
				crossedDST = true
			}
		}
		plan := testPlans()[i]
		if !sameBlocks(ses.Blocks, plan.Blocks) {
			t.Errorf("session %d blocks = %+v, want %+v", ses.Number, ses.Blocks, plan.Blocks)
		}
		if ses.Minutes() != agenda.SessionMinutes {
			t.Errorf("session %d lasts %d min", ses.Number, ses.Minutes())
		}
	}
	if !crossedDST {
		t.Error("the sessions do not cross a change of time; the test proves nothing about DST")
	}
}

func TestEnsureFirstCohortInvalidPlans(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	created, err := s.EnsureFirstCohort(ctx, testPlans()[:3], time.Now())
	if err == nil || created {
		t.Fatalf("created=%v err=%v, want an error for three plans", created, err)
	}
	if list, _ := s.Cohorts(ctx); len(list) != 0 {
		t.Errorf("%d cohorts saved, want none", len(list))
	}
}

func TestCohortName(t *testing.T) {
	tests := []struct {
		first time.Time
		want  string
	}{
		{date(2026, 1, 14, 18, 30), "Cohorte hiver 2026"},
		{date(2026, 3, 4, 18, 30), "Cohorte printemps 2026"},
		{date(2026, 6, 3, 18, 30), "Cohorte été 2026"},
		{date(2026, 9, 2, 18, 30), "Cohorte automne 2026"},
		{date(2026, 11, 25, 18, 30), "Cohorte automne 2026"},
		{date(2026, 12, 2, 18, 30), "Cohorte hiver 2026"},
	}
	for _, tt := range tests {
		if got := cohortName(tt.first); got != tt.want {
			t.Errorf("cohortName(%s) = %q, want %q", tt.first.Format("2006-01-02"), got, tt.want)
		}
	}
}

func TestCreateCohortRoundTrip(t *testing.T) {
	s := openTest(t)
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
}

func TestCreateCohortErrors(t *testing.T) {
	s := openTest(t)
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
}

func TestCohortNotFound(t *testing.T) {
	s := openTest(t)
	_, err := s.Cohort(context.Background(), 404)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("Cohort(404) error = %v, want ErrNotFound", err)
	}
}

func TestCohortsNewestFirst(t *testing.T) {
	s := openTest(t)
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
}

func TestReplaceSessionBlocks(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	c, _ := s.Cohort(ctx, id)
	target := c.Sessions[1]

	blocks := []agenda.Block{
		{Title: "Accueil", Kind: agenda.Accueil, Minutes: 20},
		{Title: "Discussion libre", Kind: agenda.Discussion, Minutes: 70, Facilitator: "Jonas", Notes: "« cercle »", Materials: "Aucun"},
	}
	if err := s.ReplaceSessionBlocks(ctx, target.ID, blocks); err != nil {
		t.Fatal(err)
	}
	invalid := append(slices.Clone(blocks), agenda.Block{Title: "", Kind: "sieste", Minutes: 5})
	err := s.ReplaceSessionBlocks(ctx, target.ID, invalid)
	if err == nil {
		t.Fatal("invalid blocks accepted")
	}
	if err := s.ReplaceSessionBlocks(ctx, 9999, blocks); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown session: %v, want ErrNotFound", err)
	}

	got, _ := s.Cohort(ctx, id)
	if !sameBlocks(got.Sessions[1].Blocks, blocks) {
		t.Errorf("session 2 blocks = %+v, want %+v", got.Sessions[1].Blocks, blocks)
	}
	for _, i := range []int{0, 2, 3, 4} {
		if !sameBlocks(got.Sessions[i].Blocks, c.Sessions[i].Blocks) {
			t.Errorf("session %d blocks changed", i+1)
		}
	}
}

func TestUpdateCohort(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id := createTest(t, s, "Avant", date(2027, 1, 6, 18, 30))
	createTest(t, s, "Autre", date(2027, 4, 7, 18, 30))
	c, _ := s.Cohort(ctx, id)
	blocksBefore := c.Sessions[0].Blocks

	c.Name = "Après"
	c.TimeZone = "America/Vancouver"
	c.SeatLimit = 12
	c.Facilitators = []string{"Zoé"}
	for i := range c.Sessions {
		c.Sessions[i].StartsAt = c.Sessions[i].StartsAt.Add(time.Hour)
		c.Sessions[i].Blocks = nil // not saved by UpdateCohort
	}
	if err := s.UpdateCohort(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Cohort(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Après" || got.TimeZone != "America/Vancouver" || got.SeatLimit != 12 ||
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
	if !sameBlocks(got.Sessions[0].Blocks, blocksBefore) {
		t.Error("UpdateCohort changed the blocks")
	}

	c.Name = "Autre"
	if err := s.UpdateCohort(ctx, c); !errors.Is(err, ErrDuplicateName) {
		t.Errorf("rename to a taken name: %v, want ErrDuplicateName", err)
	}
	c.ID = 9999
	c.Name = "Fantôme"
	if err := s.UpdateCohort(ctx, c); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown cohort: %v, want ErrNotFound", err)
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
		x.ID, y.ID = 0, 0
		return x == y
	})
}
