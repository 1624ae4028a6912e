package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The tables and columns one engine has and the other has not, by design
// (see migrations_pg/007_baseline.sql): SQLite's full-text index and its
// shadow tables, PostgreSQL's marker, migration log and search table.
var (
	sqliteOnly = regexp.MustCompile(`^resources_fts(_.*)?$`)
	pgOnly     = map[string]bool{"atelier_database": true, "atelier_schema_migrations": true, "resource_search": true}
	// booleans are SQLite's 0/1 integers that are boolean on PostgreSQL.
	booleans = map[string]bool{"participants.consent": true, "resources.has_french": true,
		"resources.favourite": true, "resources.custom": true}
)

// schemaShape is what both engines must agree on, each part as sorted
// lines: a difference names the table and what differs.
type schemaShape struct {
	Columns     []string // table.column type [not null] [default x]
	PrimaryKeys []string // table (a, b)
	Uniques     []string // table (a, b): UNIQUE constraints, not indexes
	ForeignKeys []string // table (a) → other (b) on delete x
	Indexes     []string // indexes made by name (CREATE INDEX)
	Triggers    []string
}

// openPostgres opens a new team database through openTeam, which makes
// the schema, and returns its pool for the tests to look inside.
func openPostgres(t *testing.T) *sql.DB {
	t.Helper()
	return openTeamTest(t).db
}

// TestPostgresSchemaVersion: the PostgreSQL schema reaches the version
// SQLite files reach, so a SQLite migration without its twin fails here.
func TestPostgresSchemaVersion(t *testing.T) {
	_, numbers, err := teamMigrationFiles()
	if err != nil {
		t.Fatal(err)
	}
	latest, err := latestVersion()
	if err != nil {
		t.Fatal(err)
	}
	if got := numbers[len(numbers)-1]; got != latest {
		t.Errorf("PostgreSQL schema stops at version %d, SQLite's at %d: write migrations_pg/%03d_….sql", got, latest, got+1)
	}
	db := openPostgres(t)
	var version, marker int
	if err := db.QueryRow("SELECT (SELECT max(version) FROM atelier_schema_migrations), (SELECT application_id FROM atelier_database)").
		Scan(&version, &marker); err != nil {
		t.Fatal(err)
	}
	if version != latest || marker != ApplicationID {
		t.Errorf("team database at version %d with marker %#x, want %d and %#x", version, marker, latest, ApplicationID)
	}
}

func TestPostgresSchemaMatches(t *testing.T) {
	lite := sqliteShape(t, openTest(t).db)
	pg := postgresShape(t, openPostgres(t))
	for _, part := range []struct {
		name     string
		lite, pg []string
	}{
		{"columns", lite.Columns, pg.Columns},
		{"primary keys", lite.PrimaryKeys, pg.PrimaryKeys},
		{"unique constraints", lite.Uniques, pg.Uniques},
		{"foreign keys", lite.ForeignKeys, pg.ForeignKeys},
		{"indexes", lite.Indexes, pg.Indexes},
		{"triggers", lite.Triggers, pg.Triggers},
	} {
		if len(part.lite) == 0 {
			t.Errorf("no %s read from SQLite: the introspection is broken", part.name)
		}
		for _, l := range missingFrom(part.lite, part.pg) {
			t.Errorf("%s: SQLite has %q, PostgreSQL not", part.name, l)
		}
		for _, l := range missingFrom(part.pg, part.lite) {
			t.Errorf("%s: PostgreSQL has %q, SQLite not", part.name, l)
		}
	}
}

// missingFrom lists the lines of a that b lacks.
func missingFrom(a, b []string) []string {
	var out []string
	for _, l := range a {
		if !slices.Contains(b, l) {
			out = append(out, l)
		}
	}
	return out
}

// column is one line of schemaShape.Columns, in PostgreSQL's words.
func column(table, name, typ string, notNull bool, def sql.NullString) string {
	l := fmt.Sprintf("%s.%s %s", table, name, typ)
	if notNull {
		l += " not null"
	}
	if def.Valid {
		l += " default " + def.String
	}
	return l
}

var sqliteTypes = map[string]string{"INTEGER": "bigint", "TEXT": "text", "REAL": "double precision"}

var sqliteOnDelete = map[string]string{"CASCADE": "cascade", "SET NULL": "set null", "SET DEFAULT": "set default",
	"RESTRICT": "restrict", "NO ACTION": "no action"}

func sqliteShape(t *testing.T, db *sql.DB) schemaShape {
	t.Helper()
	ctx := context.Background()
	var sh schemaShape
	tables := queryLines(t, db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	tables = slices.DeleteFunc(tables, sqliteOnly.MatchString)
	for _, table := range tables {
		rows, err := db.QueryContext(ctx, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY pk", table)
		if err != nil {
			t.Fatal(err)
		}
		var pk []string
		for rows.Next() {
			var name, typ string
			var notNull bool
			var def sql.NullString
			var inPK int
			if err := rows.Scan(&name, &typ, &notNull, &def, &inPK); err != nil {
				t.Fatal(err)
			}
			pgType, ok := sqliteTypes[typ]
			if !ok {
				t.Errorf("%s.%s: SQLite type %q has no PostgreSQL counterpart here", table, name, typ)
			}
			if booleans[table+"."+name] {
				pgType = "boolean"
				if def.Valid {
					def.String = map[string]string{"0": "false", "1": "true"}[def.String]
				}
			}
			if inPK > 0 {
				pk = append(pk, name)
				notNull = true // a rowid is never NULL, whatever table_info says
			}
			sh.Columns = append(sh.Columns, column(table, name, pgType, notNull, def))
		}
		rows.Close()
		if len(pk) > 0 {
			sh.PrimaryKeys = append(sh.PrimaryKeys, fmt.Sprintf("%s (%s)", table, strings.Join(pk, ", ")))
		}
		for _, idx := range queryLines(t, db, "SELECT name FROM pragma_index_list(?) WHERE origin = 'u'", table) {
			cols := queryLines(t, db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno", idx)
			sh.Uniques = append(sh.Uniques, fmt.Sprintf("%s (%s)", table, strings.Join(cols, ", ")))
		}
		fks := map[int][]string{} // id → from, to, table, on delete
		rows, err = db.QueryContext(ctx, `SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int
			var other, from, to, onDelete string
			if err := rows.Scan(&id, &other, &from, &to, &onDelete); err != nil {
				t.Fatal(err)
			}
			if fk, ok := fks[id]; ok {
				fk[0] += ", " + from
				fk[1] += ", " + to
			} else {
				fks[id] = []string{from, to, other, sqliteOnDelete[onDelete]}
			}
		}
		rows.Close()
		for _, fk := range fks {
			sh.ForeignKeys = append(sh.ForeignKeys, fmt.Sprintf("%s (%s) → %s (%s) on delete %s", table, fk[0], fk[2], fk[1], fk[3]))
		}
	}
	sh.Indexes = queryLines(t, db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")
	sh.Triggers = queryLines(t, db, "SELECT name FROM sqlite_schema WHERE type = 'trigger'")
	sh.sort()
	return sh
}

// pgDefault drops the cast PostgreSQL adds to a text default, to read it
// as SQLite's dflt_value.
var pgDefault = regexp.MustCompile(`::[a-z ]+$`)

var pgOnDelete = map[string]string{"c": "cascade", "n": "set null", "d": "set default", "r": "restrict", "a": "no action"}

func postgresShape(t *testing.T, db *sql.DB) schemaShape {
	t.Helper()
	var sh schemaShape
	rows, err := db.Query(`SELECT table_name, column_name, data_type, is_nullable = 'NO', column_default
		FROM information_schema.columns WHERE table_schema = 'public'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, name, typ string
		var notNull bool
		var def sql.NullString
		if err := rows.Scan(&table, &name, &typ, &notNull, &def); err != nil {
			t.Fatal(err)
		}
		if pgOnly[table] {
			continue
		}
		def.String = pgDefault.ReplaceAllString(def.String, "")
		sh.Columns = append(sh.Columns, column(table, name, typ, notNull, def))
	}
	rows.Close()
	// Each constraint as "table (a, b)", its columns in key order.
	constraints := func(kind string) []string {
		return queryLines(t, db, `SELECT c.conrelid::regclass::text || ' (' ||
				(SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n)
				 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) || ')'
			FROM pg_constraint c WHERE c.contype = $1 AND c.connamespace = 'public'::regnamespace`, kind)
	}
	sh.PrimaryKeys = constraints("p")
	sh.Uniques = constraints("u")
	rows, err = db.Query(`SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
			(SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n)
			 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att),
			(SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(att, n)
			 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.att),
			c.confdeltype
		FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, other, from, to, onDelete string
		if err := rows.Scan(&table, &other, &from, &to, &onDelete); err != nil {
			t.Fatal(err)
		}
		sh.ForeignKeys = append(sh.ForeignKeys, fmt.Sprintf("%s (%s) → %s (%s) on delete %s", table, from, other, to, pgOnDelete[onDelete]))
	}
	rows.Close()
	// Indexes made by name: not those behind a constraint.
	sh.Indexes = queryLines(t, db, `SELECT i.relname FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class r ON r.oid = x.indrelid
		WHERE r.relnamespace = 'public'::regnamespace
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`)
	sh.Triggers = queryLines(t, db, `SELECT g.tgname FROM pg_trigger g JOIN pg_class r ON r.oid = g.tgrelid
		WHERE NOT g.tgisinternal AND r.relnamespace = 'public'::regnamespace
			AND g.tgfoid <> 'atelier_changed'::regproc`) // live updates: SQLite watches data_version instead
	sh.dropPgOnly()
	sh.sort()
	return sh
}

// dropPgOnly removes what belongs to PostgreSQL's own tables.
func (sh *schemaShape) dropPgOnly() {
	ownTable := func(l string) bool {
		table, _, _ := strings.Cut(l, " ")
		return pgOnly[table]
	}
	sh.PrimaryKeys = slices.DeleteFunc(sh.PrimaryKeys, ownTable)
	sh.Uniques = slices.DeleteFunc(sh.Uniques, ownTable)
	sh.ForeignKeys = slices.DeleteFunc(sh.ForeignKeys, ownTable)
	sh.Indexes = slices.DeleteFunc(sh.Indexes, func(name string) bool { return strings.HasPrefix(name, "resource_search_") })
}

func (sh *schemaShape) sort() {
	for _, l := range [][]string{sh.Columns, sh.PrimaryKeys, sh.Uniques, sh.ForeignKeys, sh.Indexes, sh.Triggers} {
		slices.Sort(l)
	}
}

func queryLines(t *testing.T, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAttendanceCountedOnBothEngines runs the same statements ($N
// placeholders, which modernc's SQLite binds by number too) on a SQLite
// file and a team database: participants.attended must follow the marks
// alike, kept by each engine's triggers.
func TestAttendanceCountedOnBothEngines(t *testing.T) {
	engines := map[string]*sql.DB{"sqlite": openTest(t).db, "postgres": openPostgres(t)}
	setup := []string{
		"INSERT INTO cohorts (id, name, time_zone, seat_limit, created_at) VALUES (1, 'A', 'America/Toronto', 20, 0)",
		"INSERT INTO sessions (id, cohort_id, number, title, starts_at) VALUES (1, 1, 1, 'S1', 0), (2, 1, 2, 'S2', 0)",
		`INSERT INTO participants (id, cohort_id, name, status, registered_at, queued_at, created_at)
			VALUES (1, 1, 'Awa', 'inscrit', 0, 0, 0), (2, 1, 'Binh', 'inscrit', 0, 0, 0)`,
	}
	steps := []struct {
		sql      string
		args     []any
		attended [2]int // of people 1 and 2 after the step
	}{
		{"INSERT INTO attendance (participant_id, session_id, mark) VALUES ($1, $2, $3)", []any{1, 1, "present"}, [2]int{1, 0}},
		{"INSERT INTO attendance (participant_id, session_id, mark) VALUES ($1, $2, $3)", []any{1, 2, "absent"}, [2]int{1, 0}},
		{"UPDATE attendance SET mark = $1 WHERE participant_id = $2 AND session_id = $3", []any{"retard", 1, 2}, [2]int{2, 0}},
		{"UPDATE attendance SET mark = $1 WHERE participant_id = $2 AND session_id = $3", []any{"present", 1, 2}, [2]int{2, 0}},
		{"UPDATE attendance SET participant_id = $1 WHERE participant_id = $2 AND session_id = $3", []any{2, 1, 2}, [2]int{1, 1}},
		{"UPDATE attendance SET mark = $1 WHERE session_id = $2", []any{"excuse", 1}, [2]int{0, 1}},
		// The upsert every mark goes through (prepareMark), in the words
		// both engines accept.
		{`INSERT INTO attendance (participant_id, session_id, mark) VALUES ($1, $2, $3)
			ON CONFLICT (session_id, participant_id) DO UPDATE SET mark = excluded.mark`, []any{1, 1, "retard"}, [2]int{1, 1}},
		{"DELETE FROM attendance WHERE participant_id = $1", []any{2}, [2]int{1, 0}},
	}
	for name, db := range engines {
		for _, q := range setup {
			if _, err := db.Exec(q); err != nil {
				t.Fatalf("%s: %s: %v", name, q, err)
			}
		}
		for i, st := range steps {
			if _, err := db.Exec(st.sql, st.args...); err != nil {
				t.Fatalf("%s, step %d: %v", name, i+1, err)
			}
			var got [2]int
			if err := db.QueryRow("SELECT (SELECT attended FROM participants WHERE id = 1), (SELECT attended FROM participants WHERE id = 2)").
				Scan(&got[0], &got[1]); err != nil {
				t.Fatal(err)
			}
			if got != st.attended {
				t.Errorf("%s, step %d (%s %v): attended %v, want %v", name, i+1, st.sql, st.args, got, st.attended)
			}
		}
	}
}

// TestPostgresSearchRanksLikeBM25Weights checks the mapping of the search
// box onto resource_search: prefixes of folded words match, and a word in
// the title outranks it in the tags, the author, then the summary, as the
// bm25 weights 10, 4, 2, 1 order them on SQLite.
func TestPostgresSearchRanksLikeBM25Weights(t *testing.T) {
	db := openPostgres(t)
	// One resource per column holding « strategie » (folded from
	// « Stratégie »), inserted in the reverse of the expected order.
	in := []struct{ title, summary, author, tags string }{
		{"autre", "strategie des luttes", "", ""},
		{"autre", "", "strategie collective", ""},
		{"autre", "", "", "strategie"},
		{"strategie des mouvements", "", "", ""},
	}
	for i, r := range in {
		id := i + 1
		if _, err := db.Exec(`INSERT INTO resources (id, title, source, language, created_at) VALUES ($1, $2, 'Source', 'fr', 0)`,
			id, fmt.Sprintf("Ressource %d", id)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO resource_search (resource_id, title, summary, author, tags) VALUES ($1, $2, $3, $4, $5)`,
			id, r.title, r.summary, r.author, r.tags); err != nil {
			t.Fatal(err)
		}
	}
	// D, C, B, A: summary, author, tags, title.
	got := queryLines(t, db, `SELECT resource_id::text FROM resource_search
		WHERE document @@ to_tsquery('simple', $1)
		ORDER BY ts_rank('{0.1, 0.2, 0.4, 1.0}', document, to_tsquery('simple', $1)) DESC, resource_id`, "strat:*")
	if want := []string{"4", "3", "2", "1"}; !slices.Equal(got, want) {
		t.Errorf("« strat » ranks %v, want %v (title, tags, author, summary)", got, want)
	}
	if got := queryLines(t, db, `SELECT resource_id::text FROM resource_search WHERE document @@ to_tsquery('simple', $1)`, "luttes:* & strat:*"); !slices.Equal(got, []string{"1"}) {
		t.Errorf("« strat luttes » finds %v, want [1]", got)
	}
	// Deleting a resource takes its search row with it.
	if _, err := db.Exec("DELETE FROM resources WHERE id = 4"); err != nil {
		t.Fatal(err)
	}
	if got := queryLines(t, db, "SELECT resource_id::text FROM resource_search WHERE resource_id = 4"); len(got) != 0 {
		t.Errorf("search row of a deleted resource kept: %v", got)
	}
}
