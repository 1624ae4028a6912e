package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
	"atelier/app/kit/usererr"
	"atelier/app/store/pgtest"
)

// fillRich writes into s a little of everything a facilitator keeps:
// people whose names need more than ASCII, marks, an edited agenda and
// notes, a diagram, a resource of their own, a favourite, a breakout and
// a session being run.
func fillRich(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	seed := testCatalogue()
	if _, err := s.SeedLibrary(ctx, seed); err != nil {
		t.Fatal(err)
	}
	id := createTest(t, s, "Cohorte « Rive-Sud » 🌱", date(2027, 1, 6, 18, 30))
	createTest(t, s, "Cohorte d’été", date(2027, 6, 2, 18, 30))
	c, err := s.Cohort(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ps := addPeople(t, s, id,
		participants.Participant{Name: "Hélène Œuvré 🌱", Email: "helene@exemple.org", Pronouns: "elle", Consent: true, Notes: "Végé\u00a0; arrive à 18 h 45"},
		participants.Participant{Name: "Awa Diallo", Email: "awa@exemple.org", City: "Montréal", Status: participants.Confirme},
		participants.Participant{Name: "Jonas Lévesque-Côté", Phone: "514 555-0199", Accessibility: "Rampe d’accès 🦽"},
		participants.Participant{Name: "Noé", Status: participants.Attente},
	)
	marks := []participants.Attendance{
		{ParticipantID: ps[0].ID, SessionID: c.Sessions[0].ID, Mark: participants.Present},
		{ParticipantID: ps[1].ID, SessionID: c.Sessions[0].ID, Mark: participants.Retard, Minutes: 12, Note: "Métro en panne"},
		{ParticipantID: ps[2].ID, SessionID: c.Sessions[0].ID, Mark: participants.Absent},
		{ParticipantID: ps[0].ID, SessionID: c.Sessions[1].ID, Mark: participants.Present},
		{ParticipantID: ps[1].ID, SessionID: c.Sessions[1].ID, Mark: participants.Excuse, Note: "Malade"},
	}
	if err := s.SetAttendance(ctx, marks); err != nil {
		t.Fatal(err)
	}
	blocks := c.Sessions[1].Blocks
	blocks[0].Notes = "Météo en «\u00a0un mot\u00a0» ✨"
	blocks = append(blocks[:2], blocks[3:]...)
	if _, err := s.SaveSessionBlocks(ctx, c.Sessions[1].ID, blocks); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSessionNotes(ctx, c.Sessions[0].ID, "Salle 204 — apporter les cartons"); err != nil {
		t.Fatal(err)
	}
	st := structure.Structure{Name: "Groupe local « Rive-Sud »", Nodes: []structure.Node{
		{ID: 1, Kind: structure.Cercle, Label: "Cercle d’ancrage", X: 100.5, Y: 80, Purpose: "Tenir le cap", DecisionMethod: "Consentement",
			Members: []string{"Hélène Œuvré 🌱", "Invité·e externe"}, TermEnd: time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)},
		{ID: 2, Kind: structure.GroupeTravail, Label: "Médias et messages", X: 400, Y: 80.25},
	}, Links: []structure.Link{{ID: 1, From: 1, To: 2, Kind: structure.LienDouble, Label: "double lien"}}}
	if _, err := s.CreateStructure(ctx, id, st); err != nil {
		t.Fatal(err)
	}
	custom := seed[0]
	custom.Title, custom.Source, custom.Favourite = "Nos notes de l’atelier 3", "Équipe de Québec", true
	custom.Summary = "Compte rendu des désaccords féconds"
	rid, err := s.AddResource(ctx, custom)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LinkResource(ctx, rid, c.Sessions[2].ID, 0); err != nil {
		t.Fatal(err)
	}
	all, err := s.Resources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetFavourite(ctx, all[len(all)-1].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBreakout(ctx, c.Sessions[0].ID, [][]int64{{ps[0].ID, ps[1].ID}, {ps[2].ID}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveLiveState(ctx, c.Sessions[1].ID, `{"slide":4,"minuteur":"12:30"}`); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "cohorte.affichée", "1"); err != nil {
		t.Fatal(err)
	}
}

// withoutSearch is a dump without the full-text index's own tables, which
// are rebuilt, not copied: the same rows, in segments laid out differently.
func withoutSearch(d map[string][]string) map[string][]string {
	for n := range d {
		if strings.HasPrefix(n, "resources_fts") {
			delete(d, n)
		}
	}
	return d
}

// A file copied to a team database and back to a new file holds what it
// held, ids included; the team database's counts are the file's, its
// search finds what the file's did, and its next ids follow the copied
// ones.
func TestCopyThroughTeamDatabase(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	fillRich(t, src)
	team := openTeamTest(t)
	counts, err := Copy(ctx, src, team)
	if err != nil {
		t.Fatalf("to the team database: %v", err)
	}
	if counts.Rows("cohorts") != 2 || counts.Rows("participants") != 4 || counts.Rows("attendance") != 5 || counts.Rows("structure_nodes") != 2 {
		t.Errorf("counts %+v", counts)
	}
	for _, tc := range counts {
		if tc.Rows != len(dumpTable(t, src.db, tc.Table, "*")) {
			t.Errorf("%s: %d rows counted, the file has %d", tc.Table, tc.Rows, len(dumpTable(t, src.db, tc.Table, "*")))
		}
	}
	// People's counts of sessions attended are the file's, not doubled by
	// the triggers that counted the marks again as they arrived.
	if got, want := dumpTable(t, team.db, "participants", "id, attended"), dumpTable(t, src.db, "participants", "id, attended"); !slices.Equal(got, want) {
		t.Errorf("attended on the team database %v, in the file %v", got, want)
	}
	// The sequences were moved past the copied ids.
	next, err := team.CreateCohort(ctx, testCohort(t, "Cohorte suivante", date(2027, 9, 1, 18, 30)))
	if err != nil {
		t.Fatalf("a cohort added after the copy: %v", err)
	}
	if next != 3 {
		t.Errorf("the next cohort got id %d, want 3", next)
	}
	added, err := team.Cohort(ctx, next)
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(len(dumpTable(t, src.db, "sessions", "id")) + 1); added.Sessions[0].ID != want {
		t.Errorf("the next session got id %d, want %d", added.Sessions[0].ID, want)
	}
	if _, err := team.db.Exec("DELETE FROM cohorts WHERE id = 3"); err != nil {
		t.Fatal(err)
	}

	back, err := Open(filepath.Join(t.TempDir(), "retour.db"), Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if _, err := Copy(ctx, team, back); err != nil {
		t.Fatalf("back to a file: %v", err)
	}
	if diff := diffDumps(withoutSearch(dump(t, src.db)), withoutSearch(dump(t, back.db))); len(diff) > 0 {
		before, after := dump(t, src.db), dump(t, back.db)
		for _, n := range diff {
			t.Errorf("%s differs after the round trip:\n file %v\n back %v", n, before[n], after[n])
		}
	}
	for _, s := range []*Store{team, back} {
		hits, err := s.SearchResources(ctx, Query{Text: "désaccords"})
		if err != nil || len(hits) != 1 || hits[0].Title != "Nos notes de l’atelier 3" {
			t.Errorf("search on %s: %v, %v", s.Path(), hits, err)
		}
	}
}

// A file copied into another holds the same rows, its search index made
// again.
func TestCopyFileToFile(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	fillRich(t, src)
	dst := openTest(t)
	counts, err := Copy(ctx, src, dst)
	if err != nil {
		t.Fatal(err)
	}
	if diff := diffDumps(withoutSearch(dump(t, src.db)), withoutSearch(dump(t, dst.db))); len(diff) > 0 {
		t.Errorf("tables differ after the copy: %v", diff)
	}
	if hits, err := dst.SearchResources(ctx, Query{Text: "désaccords"}); err != nil || len(hits) != 1 {
		t.Errorf("search on the copy: %v, %v", hits, err)
	}
	if counts.Rows("live_states") != 1 || counts.Rows("breakout_members") != 3 || counts.Rows("settings") != 1 {
		t.Errorf("counts %+v", counts)
	}
}

// A destination that already holds a cohort is refused, whatever its
// engine, and left as it was.
func TestCopyRefusesDestinationNotEmpty(t *testing.T) {
	onEngines(t, func(t *testing.T, dst *Store) {
		ctx := context.Background()
		src := openTest(t)
		fillRich(t, src)
		createTest(t, dst, "Cohorte déjà là", date(2027, 3, 3, 18, 30))
		before := dump(t, dst.db)
		_, err := Copy(ctx, src, dst)
		if err == nil || !strings.Contains(usererr.Message(err), "la base de destination n’est pas vide") {
			t.Fatalf("copy into a database holding a cohort: %v", err)
		}
		// The temporary folders are named for the subtest: « sqlite ».
		noDriverText(t, strings.NewReplacer(src.Path(), "", dst.Path(), "").Replace(usererr.Message(err)))
		if diff := diffDumps(before, dump(t, dst.db)); len(diff) > 0 {
			t.Errorf("the destination changed: %v", diff)
		}
	})
}

// A copy that fails half-way, on a row the team database refuses, leaves
// the team database empty, and says which table in French.
func TestCopyFailingLeavesDestinationEmpty(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	fillRich(t, src)
	// SQLite keeps a nul character in a text; PostgreSQL cannot. The
	// marks come after the cohorts, people and sessions were copied.
	if _, err := src.db.Exec("UPDATE attendance SET note = 'avant' || char(0) || 'après' WHERE mark = 'excuse'"); err != nil {
		t.Fatal(err)
	}
	team := openTeamTest(t)
	_, err := Copy(ctx, src, team)
	if err == nil {
		t.Fatal("a row with a nul character was copied to PostgreSQL")
	}
	msg := usererr.Message(err)
	if !strings.Contains(msg, "présences (attendance)") || !strings.Contains(msg, "rien n’a été copié") {
		t.Errorf("message %q", msg)
	}
	noDriverText(t, msg)
	for n, rows := range dump(t, team.db) {
		if n != "atelier_database" && n != "atelier_schema_migrations" && len(rows) > 0 {
			t.Errorf("%s holds %d rows after the failed copy", n, len(rows))
		}
	}
	// Empty means empty enough to copy into once the row is fixed.
	if _, err := src.db.Exec("UPDATE attendance SET note = 'corrigé' WHERE mark = 'excuse'"); err != nil {
		t.Fatal(err)
	}
	if _, err := Copy(ctx, src, team); err != nil {
		t.Errorf("copy after the fix: %v", err)
	}
}

// A copy that fails after its COMMIT, while the search rows are made
// again, takes the copied rows away: the destination is empty again.
func TestCopyFailingAtSearchLeavesDestinationEmpty(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	fillRich(t, src)
	dst := openTest(t)
	// The search index gone, reindexLibrary fails once every row is in.
	if _, err := dst.db.Exec("DROP TABLE resources_fts"); err != nil {
		t.Fatal(err)
	}
	_, err := Copy(ctx, src, dst)
	if err == nil {
		t.Fatal("a copy without a search index to fill succeeded")
	}
	if msg := usererr.Message(err); !strings.Contains(msg, "ce qui y avait été copié en a été retiré") {
		t.Errorf("message %q", msg)
	}
	noDriverText(t, usererr.Message(err))
	for n, rows := range dump(t, dst.db) {
		if len(rows) > 0 {
			t.Errorf("%s holds %d rows after the failed copy", n, len(rows))
		}
	}
}

// Two databases at different schema versions are not copied into each
// other, and the same database is not copied into itself.
func TestCopyRefusesMismatch(t *testing.T) {
	ctx := context.Background()
	src := openTest(t)
	createTest(t, src, "Cohorte", date(2027, 1, 6, 18, 30))
	if _, err := Copy(ctx, src, src); err == nil || !strings.Contains(usererr.Message(err), "c’est la même base") {
		t.Errorf("copy into itself: %v", err)
	}
	dst := openTest(t)
	if _, err := dst.db.Exec("PRAGMA user_version = 6"); err != nil {
		t.Fatal(err)
	}
	_, err := Copy(ctx, src, dst)
	if err == nil || !strings.Contains(usererr.Message(err), "pas le même schéma") {
		t.Errorf("copy into an older schema: %v", err)
	}
	noDriverText(t, usererr.Message(err))
}

// A team database copied to a new file makes it readable by its owner
// only, and never over an existing file.
func TestCopyToNewFile(t *testing.T) {
	ctx := context.Background()
	src, team := richTeam(t)
	dir := t.TempDir()
	dest := filepath.Join(dir, "équipe.db")
	counts, err := CopyToNewFile(ctx, team, dest)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Rows("participants") != 4 {
		t.Errorf("counts %+v", counts)
	}
	assertMode(t, dest, 0o600)
	assertOnly(t, dir, "équipe.db")
	got, err := Open(dest, Options{Now: testClock, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := diffDumps(withoutSearch(dump(t, src.db)), withoutSearch(dump(t, got.db))); len(diff) > 0 {
		t.Errorf("tables differ in the new file: %v", diff)
	}
	got.Close()

	old, _ := os.ReadFile(dest)
	_, err = CopyToNewFile(ctx, team, dest)
	if err == nil || !strings.Contains(usererr.Message(err), "existe déjà") {
		t.Errorf("copy over an existing file: %v", err)
	}
	if now, _ := os.ReadFile(dest); string(now) != string(old) {
		t.Error("the existing file changed")
	}
	assertOnly(t, dir, "équipe.db")
}

// Backup of a team database is a new file filled row by row, replacing
// an older copy as a file's backup does.
func TestBackupOfTeamDatabase(t *testing.T) {
	ctx := context.Background()
	src, team := richTeam(t)
	dir := t.TempDir()
	dest := filepath.Join(dir, "sauvegarde.db")
	if err := os.WriteFile(dest, []byte("ancienne copie"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := team.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	assertMode(t, dest, 0o600)
	assertOnly(t, dir, "sauvegarde.db")
	got, err := Open(dest, Options{Now: testClock, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	if diff := diffDumps(withoutSearch(dump(t, src.db)), withoutSearch(dump(t, got.db))); len(diff) > 0 {
		t.Errorf("tables differ in the backup: %v", diff)
	}
}

func TestCopySummary(t *testing.T) {
	c := CopyCounts{{"cohorts", 3}, {"participants", 412}, {"attendance", 1860}, {"sessions", 15}, {"structures", 1}, {"resources", 0}, {"novel_table", 2}}
	want := "3\u00a0cohortes, 412\u00a0personnes, 1\u00a0860\u00a0présences, 15\u00a0séances, 1\u00a0structure et 2\u00a0autres lignes."
	if got := c.Summary(); got != want {
		t.Errorf("Summary() = %q\nwant %q", got, want)
	}
	if got, want := (CopyCounts{}).Summary(), "0\u00a0cohorte, 0\u00a0personne et 0\u00a0présence."; got != want {
		t.Errorf("empty Summary() = %q, want %q", got, want)
	}
}

// A store opened on a team database works again once its server is back,
// and a write while it is down says the team database does not answer.
func TestTeamStoreAfterServerRestart(t *testing.T) {
	ctx := context.Background()
	c := pgtest.Own(t)
	if err := c.CreateDatabase("team"); err != nil {
		t.Fatal(err)
	}
	s, err := openTeam(ctx, c.DSN("team"), Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := createTest(t, s, "Avant l’arrêt", date(2027, 1, 6, 18, 30))
	if err := c.Halt(); err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateCohort(ctx, testCohort(t, "Pendant l’arrêt", date(2027, 2, 3, 18, 30)))
	checkExplained(t, err, ErrOffline, "la base d’équipe ne répond pas", "")
	if err := c.Resume(); err != nil {
		t.Fatal(err)
	}
	after := createTest(t, s, "Après la reprise", date(2027, 3, 3, 18, 30))
	list, err := s.Cohorts(ctx)
	if err != nil || len(list) != 2 || after == before {
		t.Errorf("after the restart: cohorts %+v, %v", list, err)
	}
	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	// pgx pings a pooled connection before reuse only when it has been
	// idle for more than a second: the first statement within that second
	// may meet the connection the restart closed, and then says so.
	if _, err := s.Cohort(ctx, after); err != nil && !errors.Is(err, ErrOffline) {
		t.Errorf("first read after Restart: %v", err)
	}
	if c, err := s.Cohort(ctx, after); err != nil || c.Name != "Après la reprise" {
		t.Errorf("reading after Restart: %q, %v", c.Name, err)
	}
}

// richTeam is a richly filled file and a team database it was copied to.
func richTeam(t *testing.T) (src, team *Store) {
	t.Helper()
	src = openTest(t)
	fillRich(t, src)
	team = openTeamTest(t)
	if _, err := Copy(context.Background(), src, team); err != nil {
		t.Fatal(err)
	}
	return src, team
}
