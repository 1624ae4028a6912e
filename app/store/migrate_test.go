package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"atelier/app/domain/agenda"
	"atelier/app/domain/participants"
	"atelier/app/kit/usererr"
)

// schema4Rows is data in the shape schema 4 gave it, with every status of
// the time, walk-ins recorded as confirmé·e, and resources tied to blocks
// by position.
const schema4Rows = `
INSERT INTO settings (key, value) VALUES ('cohorte', '3');
INSERT INTO cohorts (id, name, time_zone, seat_limit, created_at) VALUES
	(3, 'Cohorte automne 2026', 'America/Toronto', 4, 1790000000),
	(4, 'Cohorte hiver 2027', 'America/Toronto', 25, 1790000100);
INSERT INTO cohort_facilitators (cohort_id, position, name) VALUES (3, 0, 'Amélie'), (3, 1, 'Jonas');
INSERT INTO sessions (id, cohort_id, number, title, starts_at, notes) VALUES
	(11, 3, 1, 'Séance 1', 1793232600, 'Salle 4'),
	(12, 3, 2, 'Séance 2', 1793837400, ''),
	(13, 3, 3, 'Séance 3', 1794442200, ''),
	(14, 3, 4, 'Séance 4', 1795047000, ''),
	(15, 3, 5, 'Séance 5', 1795651800, ''),
	(16, 4, 1, 'Séance 1', 1800000000, '');
-- Ids out of position order: a tie by position must find the block that
-- was at that place.
INSERT INTO agenda_blocks (id, session_id, position, title, kind, minutes, facilitator, notes, materials, fixed_start) VALUES
	(104, 11, 0, 'Accueil', 'accueil', 10, '', '', '', NULL),
	(102, 11, 1, 'Présentation', 'présentation', 30, 'Amélie', '', 'Projecteur', NULL),
	(101, 11, 2, 'Sous-groupes', 'sous-groupes', 35, '', 'Groupes de 4', '', NULL),
	(103, 11, 3, 'Bilan', 'bilan', 15, '', '', '', 75),
	(105, 12, 0, 'Discussion', 'discussion', 90, '', '', '', NULL);
INSERT INTO participants (id, cohort_id, name, email, notes, status, registered_at, created_at) VALUES
	(21, 3, 'Awa Diallo', 'awa@exemple.ca', '', 'inscrit', 1790000001000000001, 1790000001),
	(22, 3, 'Bastien', '', '', 'confirme', 1790000002000000002, 1790000002),
	(23, 3, 'Chloé', '', '', 'attente', 1790000003000000003, 1790000003),
	(24, 3, 'Dominique', '', '', 'desiste', 1790000004000000004, 1790000004),
	-- A walk-in as AddWalkIn recorded one.
	(25, 3, 'Zoé Lévesque', '', 'Arrivée sans inscription', 'confirme', 1790000005000000005, 1790000005),
	-- The walk-in's note but no walk-in's mark, and the other way round:
	-- registered people, left as they are.
	(26, 3, 'Yves', '', 'Arrivée sans inscription', 'confirme', 1790000006000000006, 1790000006),
	(27, 3, 'Xavier', '', '', 'confirme', 1790000007000000007, 1790000007),
	(31, 4, 'Ailleurs', '', '', 'confirme', 1790000008000000008, 1790000008);
INSERT INTO attendance (participant_id, session_id, mark, minutes, note) VALUES
	(21, 11, 'present', 90, ''),
	(21, 12, 'retard', 60, 'Bus'),
	(22, 11, 'absent', 0, ''),
	(22, 12, 'present', 90, ''),
	(23, 11, 'excuse', 0, 'malade'),
	(25, 12, 'present', 0, 'Sans inscription'),
	(26, 12, 'present', 0, ''),
	(27, 12, 'retard', 0, 'Sans inscription'),
	(31, 16, 'present', 0, '');
-- So that the update trigger has counted too.
UPDATE attendance SET mark = 'present' WHERE participant_id = 22 AND session_id = 11;
INSERT INTO breakout_members (session_id, group_no, participant_id) VALUES (11, 1, 21), (11, 1, 25), (11, 2, 22);
INSERT INTO live_states (session_id, state, updated_at) VALUES (11, '{"bloc":2}', 1793233000);
INSERT INTO structures (id, cohort_id, name, created_at, updated_at) VALUES (41, 3, 'Cercle', 1790000000, 1790000000);
INSERT INTO structure_nodes (structure_id, id, kind, label, x, y) VALUES (41, 1, 'cercle', 'Ancrage', 10, 20);
INSERT INTO structure_members (structure_id, node_id, position, name, participant_id) VALUES
	(41, 1, 0, 'Awa Diallo', 21), (41, 1, 1, 'Invité·e', NULL);
INSERT INTO resources (id, title, source, language, created_at) VALUES
	(201, 'Récits de lutte', 'Momentum', 'fr', 1790000000),
	(202, 'Bâtir une coalition', 'Momentum', 'fr', 1790000000),
	(203, 'Vieux lien', 'Momentum', 'fr', 1790000000);
INSERT INTO resource_sessions (resource_id, session_number) VALUES (201, 1);
INSERT INTO resource_blocks (resource_id, session_id, block_position) VALUES
	(201, 11, -1), -- the whole session
	(202, 11, 2),  -- block 101
	(203, 11, 9),  -- no block at that place any more
	(202, 12, 0),  -- block 105
	(203, 12, 1);  -- nor there
`

// oldFile makes at path the file an Atelier of schema upTo left: the
// migrations of the time, each applied with its user_version, foreign keys
// on, then stmts.
func oldFile(t *testing.T, path string, upTo int, stmts ...string) {
	t.Helper()
	names, err := migrationFiles()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path, dsnParams))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// One connection, so that a PRAGMA in stmts holds for what follows.
	db.SetMaxOpenConns(1)
	for n := 1; n <= upTo; n++ {
		body, err := migrations.ReadFile(names[n-1])
		if err != nil {
			t.Fatal(err)
		}
		stmts = slices.Insert(stmts, n-1, fmt.Sprintf("BEGIN; %s; PRAGMA user_version = %d; COMMIT;", body, n))
	}
	for _, st := range stmts {
		if _, err := db.Exec(st); err != nil {
			t.Fatalf("building a schema-%d file: %v", upTo, err)
		}
	}
	if v := pragmaInt(t, db, "user_version"); v != upTo {
		t.Fatalf("user_version %d, want %d", v, upTo)
	}
}

// openRaw opens a file without Open, read-only, to look at it as it is.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// columns lists every table of db with its columns, as a SELECT list.
func columns(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	rows, err := db.Query(`SELECT t.name, group_concat(c.name, ', ')
		FROM sqlite_schema t, pragma_table_info(t.name) c
		WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.sql NOT LIKE 'CREATE VIRTUAL%'
		GROUP BY t.name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols := map[string]string{}
	for rows.Next() {
		var table, list string
		if err := rows.Scan(&table, &list); err != nil {
			t.Fatal(err)
		}
		cols[table] = list
	}
	return cols
}

func TestMigrationFromSchema4(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "atelier.db")
	oldFile(t, path, 4, schema4Rows)

	// Every row of schema 4, by the columns it had; a person's status is
	// checked apart: one of them changes.
	old := openRaw(t, path)
	cols := columns(t, old)
	delete(cols, "resource_blocks")
	cols["participants"] = strings.Replace(cols["participants"], ", status,", ",", 1)
	before := map[string][]string{}
	for table, list := range cols {
		before[table] = dumpTable(t, old, table, list)
	}
	if len(before["participants"]) != 8 || len(before["attendance"]) != 9 {
		t.Fatalf("schema-4 file holds %d people and %d marks", len(before["participants"]), len(before["attendance"]))
	}
	old.Close()

	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatalf("Open on a schema-4 file: %v", err)
	}
	defer s.Close()

	if v := pragmaInt(t, s.db, "user_version"); v != SchemaVersion() {
		t.Errorf("user_version %d, want %d", v, SchemaVersion())
	}
	var integrity string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Errorf("integrity_check: %q, %v", integrity, err)
	}
	for table, list := range cols {
		if got := dumpTable(t, s.db, table, list); !slices.Equal(got, before[table]) {
			t.Errorf("%s changed:\n got %q\nwant %q", table, got, before[table])
		}
	}

	// Statuses: the old walk-in has hers; everyone else keeps theirs.
	ps, err := s.Participants(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	wantStatus := map[int64]participants.Status{21: participants.Inscrit, 22: participants.Confirme, 23: participants.Attente,
		24: participants.Desiste, 25: participants.SansInscription, 26: participants.Confirme, 27: participants.Confirme}
	wantAttended := map[int64]int{21: 2, 22: 2, 23: 0, 24: 0, 25: 1, 26: 1, 27: 1}
	for _, p := range ps {
		if p.Status != wantStatus[p.ID] {
			t.Errorf("person %d (%s) is %s, want %s", p.ID, p.Name, p.Status, wantStatus[p.ID])
		}
		if p.Attended != wantAttended[p.ID] {
			t.Errorf("person %d attended %d, want %d", p.ID, p.Attended, wantAttended[p.ID])
		}
		registered := time.Unix(0, 1790000000_000000000+(p.ID-20)*1_000000001)
		if !p.RegisteredAt.Equal(registered) || !p.QueuedAt.Equal(registered) {
			t.Errorf("person %d registered %v queued %v, want the same, to the nanosecond", p.ID, p.RegisteredAt, p.QueuedAt)
		}
	}
	if len(ps) != len(wantStatus) {
		t.Errorf("%d people in cohort 3, want %d", len(ps), len(wantStatus))
	}
	if others, _ := s.Participants(ctx, 4); len(others) != 1 || others[0].Status != participants.Confirme || others[0].Attended != 1 {
		t.Errorf("cohort 4: %+v", others)
	}
	var seats participants.Seats
	if err := s.EditRoster(ctx, 3, "les places", func(r *Roster) error {
		var err error
		seats, err = r.Seats()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if seats.Limit != 4 || seats.Taken != 4 || seats.Waiting != 1 || seats.WalkIns != 1 || seats.First == nil || seats.First.ID != 23 {
		t.Errorf("seats %+v, want 4 of 4 taken, Chloé waiting, one walk-in", seats)
	}

	// The recreated triggers keep counting.
	attended := func(id int64) int {
		t.Helper()
		var n int
		if err := s.db.QueryRow("SELECT attended FROM participants WHERE id = ?", id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	steps := []struct {
		name string
		do   func() error
		id   int64
		want int
	}{
		{"insert", func() error {
			return s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: 23, SessionID: 12, Mark: participants.Present}})
		}, 23, 1},
		{"update to absent", func() error {
			return s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: 23, SessionID: 12, Mark: participants.Absent}})
		}, 23, 0},
		{"update to late", func() error {
			return s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: 23, SessionID: 12, Mark: participants.Retard}})
		}, 23, 1},
		{"delete", func() error { return s.ClearAttendance(ctx, 21, 11) }, 21, 1},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := attended(st.id); got != st.want {
			t.Errorf("after %s, person %d attended %d, want %d", st.name, st.id, got, st.want)
		}
	}
	var triggers int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'attendance'").Scan(&triggers); err != nil || triggers != 3 {
		t.Errorf("%d attendance triggers (%v), want 3", triggers, err)
	}

	// Cohorts: the certificate minimum's default.
	c, err := s.Cohort(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if c.CertificateMin != 4 || c.SeatLimit != 4 || len(c.Sessions) != 5 || len(c.Sessions[0].Blocks) != 4 {
		t.Errorf("cohort 3: certificate %d, seats %d, %d sessions", c.CertificateMin, c.SeatLimit, len(c.Sessions))
	}

	// Resources: ties by position became ties to the block then there.
	var oldTable int
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'resource_blocks'").Scan(&oldTable); err != nil || oldTable != 0 {
		t.Errorf("resource_blocks still there (%d, %v)", oldTable, err)
	}
	for sid, want := range map[int64][]ResourceLink{
		11: {{ResourceID: 201}, {ResourceID: 202, BlockID: 101}},
		12: {{ResourceID: 202, BlockID: 105}},
	} {
		if links, err := s.SessionLinks(ctx, sid); err != nil || !sameLinks(links, want) {
			t.Errorf("session %d links %+v, %v; want %+v", sid, links, err, want)
		}
	}
	rs, err := s.SessionResources(ctx, 11)
	if want := []string{"Bâtir une coalition", "Récits de lutte"}; err != nil || !slices.Equal(titles(rs), want) {
		t.Errorf("session 11 resources %q, %v; want %q", titles(rs), err, want)
	}
	// …and follow the block from now on.
	blocks := c.Sessions[0].Blocks
	slices.Reverse(blocks)
	if _, err := s.SaveSessionBlocks(ctx, 11, blocks); err != nil {
		t.Fatal(err)
	}
	if links, _ := s.SessionLinks(ctx, 11); !sameLinks(links, []ResourceLink{{ResourceID: 201}, {ResourceID: 202, BlockID: 101}}) {
		t.Errorf("after reversing the agenda, links %+v", links)
	}

	// Foreign keys are whole, on again on every connection, and cascade.
	var broken int
	if err := s.db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&broken); err != nil || broken != 0 {
		t.Errorf("%d broken references (%v)", broken, err)
	}
	var conns []*sql.Conn
	for range 3 {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, conn)
	}
	for i, conn := range conns {
		var fk int
		if err := conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
			t.Errorf("connection %d: foreign_keys %d (%v), want 1", i, fk, err)
		}
		conn.Close()
	}
	if err := s.EraseParticipant(ctx, 21); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"SELECT count(*) FROM attendance WHERE participant_id = 21",
		"SELECT count(*) FROM breakout_members WHERE participant_id = 21",
		"SELECT count(*) FROM structure_members WHERE participant_id = 21",
	} {
		var n int
		if err := s.db.QueryRow(q).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d (%v), want 0", q, n, err)
		}
	}
	var members int
	if err := s.db.QueryRow("SELECT count(*) FROM structure_members WHERE structure_id = 41").Scan(&members); err != nil || members != 1 {
		t.Errorf("%d structure members left (%v), want the guest", members, err)
	}
	if groups, _ := s.Breakout(ctx, 11); fmt.Sprint(groups) != "[[25] [22]]" {
		t.Errorf("breakout groups after erasing Awa: %v", groups)
	}
	// A cohort deleted takes its sessions' links with it.
	if _, err := s.db.Exec("DELETE FROM cohorts WHERE id = 3"); err != nil {
		t.Fatal(err)
	}
	var links int
	if err := s.db.QueryRow("SELECT count(*) FROM resource_links").Scan(&links); err != nil || links != 0 {
		t.Errorf("%d resource links left after deleting the cohort (%v)", links, err)
	}
}

// The new status is one the rebuilt table accepts, and the waiting list
// is served by the column added.
func TestMigrationSchema5Accepts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atelier.db")
	oldFile(t, path, 4, schema4Rows)
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps := addPeople(t, s, 3, participants.Participant{Name: "Nouvelle venue", Status: participants.SansInscription},
		participants.Participant{Name: "Première en attente", Status: participants.Attente,
			RegisteredAt: testClock(), QueuedAt: testClock().AddDate(-10, 0, 0)})
	if ps[0].ID <= 31 {
		t.Errorf("new person got id %d, want one after the migrated ids", ps[0].ID)
	}
	var first int64
	if err := s.EditRoster(context.Background(), 3, "les places", func(r *Roster) error {
		seats, err := r.Seats()
		if seats.First != nil {
			first = seats.First.ID
		}
		return err
	}); err != nil || first != ps[1].ID {
		t.Errorf("first waiting %d (%v), want %d", first, err, ps[1].ID)
	}
	bad := []struct{ name, stmt string }{
		{"statut inconnu", "UPDATE participants SET status = 'vip' WHERE id = 21"},
		{"minimum d’attestation à 0", "UPDATE cohorts SET certificate_min = 0 WHERE id = 3"},
		{"lien vers un bloc inconnu", "INSERT INTO resource_links (resource_id, session_id, block_id) VALUES (201, 11, 999)"},
		{"lien en double", "INSERT INTO resource_links (resource_id, session_id, block_id) VALUES (201, 11, NULL)"},
	}
	for _, b := range bad {
		if _, err := s.db.Exec(b.stmt); err == nil {
			t.Errorf("%s: accepted by the schema", b.name)
		}
	}
}

// Two windows opening the same old file at once: one migrates, the other
// finds it done.
func TestMigrationTwoOpensAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "atelier.db")
	oldFile(t, path, 4, schema4Rows)
	stores := make([]*Store, 4)
	errs := make([]error, len(stores))
	var wg sync.WaitGroup
	for i := range stores {
		wg.Go(func() { stores[i], errs[i] = Open(path, Options{Now: testClock}) })
	}
	wg.Wait()
	for i, s := range stores {
		if errs[i] != nil {
			t.Fatalf("Open %d: %v", i, errs[i])
		}
		defer s.Close()
	}
	if v := pragmaInt(t, stores[0].db, "user_version"); v != SchemaVersion() {
		t.Errorf("user_version %d, want %d", v, SchemaVersion())
	}
	var links int
	if err := stores[1].db.QueryRow("SELECT count(*) FROM resource_links").Scan(&links); err != nil || links != 3 {
		t.Errorf("%d resource links (%v), want 3", links, err)
	}
}

func TestFailedMigrationLeavesFileUnchanged(t *testing.T) {
	tests := []struct {
		name   string
		damage string
	}{
		// A file edited by hand with foreign keys off: the runner checks
		// every reference before it commits.
		{"une marque d’une personne disparue", "PRAGMA foreign_keys = OFF; INSERT INTO attendance (participant_id, session_id, mark) VALUES (999, 11, 'present')"},
		// A status schema 4 would have refused, which the rebuilt table
		// refuses too.
		{"un statut inconnu", "PRAGMA ignore_check_constraints = ON; UPDATE participants SET status = 'vip' WHERE id = 24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "atelier.db")
			oldFile(t, path, 4, schema4Rows, tt.damage)
			raw := openRaw(t, path)
			before := dump(t, raw)
			raw.Close()
			bytesBefore, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}

			s, err := Open(path, Options{Now: testClock})
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded, want the migration to fail")
			}
			msg := usererr.Message(err)
			if !strings.Contains(msg, path) || !strings.Contains(msg, "schéma 5") {
				t.Errorf("message %q should name the file and the schema", msg)
			}
			noDriverText(t, msg)

			bytesAfter, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(bytesBefore, bytesAfter) {
				t.Error("the file's bytes changed")
			}
			raw = openRaw(t, path)
			if v := pragmaInt(t, raw, "user_version"); v != 4 {
				t.Errorf("user_version %d, want 4", v)
			}
			if changed := diffDumps(before, dump(t, raw)); len(changed) > 0 {
				t.Errorf("a failed migration changed %v", changed)
			}
		})
	}
}

// Open on a file of every older schema brings it to the latest.
func TestMigrationFromEverySchema(t *testing.T) {
	latest, err := latestVersion()
	if err != nil {
		t.Fatal(err)
	}
	for from := 1; from < latest; from++ {
		t.Run(fmt.Sprintf("schéma %d", from), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "atelier.db")
			oldFile(t, path, from)
			s, err := Open(path, Options{Now: testClock})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if v := pragmaInt(t, s.db, "user_version"); v != latest {
				t.Errorf("user_version %d, want %d", v, latest)
			}
			ctx := context.Background()
			id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
			p := addPeople(t, s, id, participants.Participant{Name: "Awa", Status: participants.SansInscription})[0]
			c, _ := s.Cohort(ctx, id)
			if _, err := s.SaveSessionBlocks(ctx, c.Sessions[0].ID, []agenda.Block{{Title: "Tout", Kind: agenda.Discussion, Minutes: 90}}); err != nil {
				t.Fatal(err)
			}
			if err := s.SetAttendance(ctx, []participants.Attendance{{ParticipantID: p.ID, SessionID: c.Sessions[0].ID, Mark: participants.Present}}); err != nil {
				t.Fatal(err)
			}
			if ps, _ := s.Participants(ctx, id); len(ps) != 1 || ps[0].Attended != 1 {
				t.Errorf("after migrating from schema %d: %+v", from, ps)
			}
		})
	}
}
