package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"atelier/app/domain/participants"
)

func TestRecoverDamagedFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "atelier.db")
	lost := corruptedFile(t, src)
	if len(lost) == 0 {
		t.Fatal("the damaged pages held nobody")
	}
	sum := fileSum(t, src)
	raw := openRaw(t, src)
	if ok, _ := passesQuickCheck(ctx, raw); ok {
		t.Fatal("the fixture passes quick_check")
	}
	raw.Close()
	listing := func() []string {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	before := listing()

	out := t.TempDir()
	dest := filepath.Join(out, "secours.db")
	rep, err := Recover(ctx, src, dest)
	if err != nil {
		t.Fatal(err)
	}
	if fileSum(t, src) != sum || !slices.Equal(before, listing()) {
		t.Errorf("Recover changed the damaged file or wrote beside it: %q, then %q", before, listing())
	}
	assertMode(t, dest, 0o600)
	assertOnly(t, out, "secours.db")
	if rep.Intact || !rep.Lost() {
		t.Errorf("report %+v", rep)
	}
	var people TableRecovery
	for _, tr := range rep.Tables {
		if tr.Table == "participants" {
			people = tr
		}
	}
	if !people.Damaged || people.Saved != 600-len(lost) {
		t.Errorf("participants: %+v, want %d saved (%d on the bad pages)", people, 600-len(lost), len(lost))
	}
	sum2 := rep.Summary()
	if !strings.Contains(sum2, "personnes inscrites (participants)\u00a0: ") || !strings.Contains(sum2, "une partie n’a pas pu être lue") {
		t.Errorf("summary:\n%s", sum2)
	}

	// The copy is a sound Atelier file with the rows of the intact pages.
	s, err := Open(dest, Options{Now: testClock})
	if err != nil {
		t.Fatalf("opening the recovered copy: %v", err)
	}
	defer s.Close()
	if ok, err := passesQuickCheck(ctx, s.db); !ok || err != nil {
		t.Errorf("the copy fails quick_check: %v", err)
	}
	list, err := s.Cohorts(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("cohorts %+v, %v", list, err)
	}
	ps, err := s.Participants(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, p := range ps {
		got[p.Name] = true
	}
	for i := range 600 {
		name := personName(i)
		if got[name] == slices.Contains(lost, name) {
			t.Errorf("%s: in the copy = %v, on a damaged page = %v", name, got[name], slices.Contains(lost, name))
		}
	}
	if res, err := s.SearchResources(ctx, Query{}); err != nil {
		t.Errorf("library after the recovery: %v, %v", res, err)
	}
}

// Marks on a bad page of the attendance table (a table without rowid,
// read from both ends) are lost, the others kept, and each person's count
// of sessions attended agrees with the marks left.
func TestRecoverDamagedMarks(t *testing.T) {
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "atelier.db")
	s, err := Open(src, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	ps := make([]participants.Participant, 300)
	for i := range ps {
		ps[i] = participants.Participant{Name: personName(i)}
	}
	ps = addPeople(t, s, id, ps...)
	c, _ := s.Cohort(ctx, id)
	marks := make([]participants.Attendance, len(ps))
	for i, p := range ps {
		marks[i] = participants.Attendance{ParticipantID: p.ID, SessionID: c.Sessions[0].ID, Mark: participants.Present, Note: "marque " + personName(i)}
	}
	if err := s.SetAttendance(ctx, marks); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(src)
	at := bytes.Index(data, []byte("marque "+personName(150)))
	if at < 0 {
		t.Fatal("mark not found")
	}
	page := data[at/4096*4096 : at/4096*4096+4096]
	var lost []string
	for i := range ps {
		if bytes.Contains(page, []byte("marque "+personName(i))) {
			lost = append(lost, personName(i))
		}
	}
	copy(page, bytes.Repeat([]byte{0x5A}, len(page)))
	os.WriteFile(src, data, 0o600)

	dest := filepath.Join(t.TempDir(), "secours.db")
	rep, err := Recover(ctx, src, dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range rep.Tables {
		if tr.Table == "attendance" && (!tr.Damaged || tr.Saved != 300-len(lost)) {
			t.Errorf("attendance: %+v, want %d saved", tr, 300-len(lost))
		}
	}
	r, err := Open(dest, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := r.Participants(ctx, id)
	if err != nil || len(got) != 300 {
		t.Fatalf("%d people, %v", len(got), err)
	}
	for _, p := range got {
		if want := 1 - btoi(slices.Contains(lost, p.Name)); p.Attended != want {
			t.Errorf("%s attended %d, want %d", p.Name, p.Attended, want)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestRecoverIntactFile(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
	addPeople(t, s, id, participants.Participant{Name: "Awa"}, participants.Participant{Name: "Bo"})
	want := dump(t, s.db)
	s.Close()
	dest := filepath.Join(t.TempDir(), "copie.db")
	rep, err := Recover(ctx, s.Path(), dest)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Intact || rep.Lost() {
		t.Errorf("report %+v", rep)
	}
	if changed := diffDumps(want, dump(t, openRaw(t, dest))); len(changed) > 0 {
		t.Errorf("the copy differs in %v", changed)
	}
}

func TestRecoverRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "autre.db")
	oldFile(t, foreign, 0, "CREATE TABLE notes (x TEXT)")
	text := filepath.Join(dir, "texte.db")
	os.WriteFile(text, []byte("pas une base"), 0o600)
	for _, src := range []string{foreign, text} {
		out := t.TempDir()
		_, err := Recover(context.Background(), src, filepath.Join(out, "copie.db"))
		if err == nil {
			t.Errorf("Recover(%s) succeeded", src)
		}
		if entries, _ := os.ReadDir(out); len(entries) != 0 {
			t.Errorf("Recover(%s) left %d files", src, len(entries))
		}
	}
}

// A cohort whose row is lost comes back under a stand-in name, with the
// people who could be read: they are not dropped as orphans.
func TestRecoverLostCohortKeepsItsPeople(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "atelier.db")
	s, err := Open(src, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	id := createTest(t, s, "Cohorte très précieuse", date(2027, 1, 6, 18, 30))
	addPeople(t, s, id, participants.Participant{Name: "Awa Diallo", Email: "awa@exemple.ca", Status: participants.Confirme},
		participants.Participant{Name: "Karim Benali", Status: participants.Inscrit})
	var root int
	s.db.QueryRowContext(ctx, "SELECT rootpage FROM sqlite_schema WHERE name = 'cohorts'").Scan(&root)
	s.Close()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	// The cohorts table's only page, overwritten.
	start := (root - 1) * 4096
	copy(data[start:start+4096], bytes.Repeat([]byte{0xEE}, 4096))
	os.WriteFile(src, data, 0o600)

	dest := filepath.Join(t.TempDir(), "secours.db")
	if _, err := Recover(ctx, src, dest); err != nil {
		t.Fatal(err)
	}
	rec, err := Open(dest, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	c, err := rec.Cohort(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	people, _ := rec.Participants(ctx, id)
	if !strings.HasPrefix(c.Name, "Cohorte récupérée n°") || len(people) != 2 || len(c.Sessions) != 5 {
		t.Errorf("cohort %q with %d people and %d sessions, want the stand-in with both people and its five sessions", c.Name, len(people), len(c.Sessions))
	}
}
