package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"atelier/app/domain/course"
	"atelier/app/kit/atomicfile"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

// RecoveryReport tells what Recover saved.
type RecoveryReport struct {
	// Intact is a file that passed SQLite's check: the copy is a plain,
	// complete backup.
	Intact bool
	// Schema is the damaged file's schema version; the copy has the
	// current one.
	Schema int
	Tables []TableRecovery
	// Journal is a write-ahead journal beside the file that was not read:
	// the last changes before a crash may be missing from the copy.
	Journal bool
}

// TableRecovery is what was saved of one table.
type TableRecovery struct {
	Table string
	Saved int
	// Refused counts rows read but not kept: garbled beyond what the
	// schema accepts, or pointing at rows that were lost.
	Refused int
	// Damaged is a table part of which could not be read at all.
	Damaged bool
}

// Lost reports whether anything could not be saved.
func (r RecoveryReport) Lost() bool {
	for _, t := range r.Tables {
		if t.Damaged || t.Refused > 0 {
			return true
		}
	}
	return r.Journal
}

// Summary tells the person, in French, what the copy holds.
func (r RecoveryReport) Summary() string {
	if r.Intact {
		return "La base n’est pas endommagée\u00a0: la copie est complète."
	}
	var b strings.Builder
	b.WriteString("La base est endommagée\u202f; Atelier en a copié tout ce qu’il a pu lire.\n")
	for _, t := range r.Tables {
		if t.Saved == 0 && t.Refused == 0 && !t.Damaged {
			continue // an empty table, whole
		}
		fmt.Fprintf(&b, "– %s\u00a0: %s", tableLabel(t.Table), rows(t.Saved, "sauvée", "sauvées"))
		if t.Refused > 0 {
			fmt.Fprintf(&b, ", %s (abîmées ou rattachées à des lignes perdues)", rows(t.Refused, "écartée", "écartées"))
		}
		if t.Damaged {
			b.WriteString("\u202f; une partie n’a pas pu être lue")
		}
		b.WriteString(".\n")
	}
	if r.Journal {
		b.WriteString("Le journal d’écriture (fichier «\u00a0-wal\u00a0») n’a pas été lu\u00a0: les dernières modifications avant l’incident peuvent manquer.\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func rows(n int, one, many string) string {
	if n <= 1 {
		return fmt.Sprintf("%d ligne %s", n, one)
	}
	return fmt.Sprintf("%s lignes %s", textfmt.French.Int(n), many)
}

// tableLabel names a table for the person.
func tableLabel(table string) string {
	if l, ok := tableLabels[table]; ok {
		return l + " (" + table + ")"
	}
	return table
}

var tableLabels = map[string]string{
	"settings":            "réglages",
	"cohorts":             "cohortes",
	"cohort_facilitators": "personnes animatrices des cohortes",
	"sessions":            "séances",
	"agenda_blocks":       "blocs des déroulés",
	"participants":        "personnes inscrites",
	"attendance":          "présences",
	"live_states":         "séances en cours d’animation",
	"breakout_members":    "sous-groupes",
	"structures":          "structures",
	"structure_nodes":     "éléments des structures",
	"structure_members":   "personnes placées dans les structures",
	"structure_links":     "liens des structures",
	"resources":           "ressources de la bibliothèque",
	"resource_catalogue":  "catalogue de la bibliothèque",
	"resource_sessions":   "ressources par séance",
	"resource_blocks":     "ressources par bloc",
	"resource_links":      "ressources liées aux séances",
}

// Recover makes at dest the best copy it can of the Atelier file src,
// which it opens strictly read-only (immutable: no journal or lock file is
// written beside it). A file that passes SQLite's check is copied whole;
// a damaged one is rebuilt: a new file of src's schema is made from the
// migrations, every row that can be read is copied table by table (by
// rowid ranges, so a bad page loses only its rows), rows pointing at lost
// ones are dropped, and the copy is brought to the current schema. dest is
// written through a temporary file and a rename.
func Recover(ctx context.Context, src, dest string) (RecoveryReport, error) {
	var rep RecoveryReport
	src, err := filepath.Abs(src)
	if err != nil {
		return rep, recoverFailed(dest, err)
	}
	dest, err = filepath.Abs(dest)
	if err != nil {
		return rep, recoverFailed(dest, err)
	}
	if a, err := os.Stat(src); err == nil {
		if b, err := os.Stat(dest); err == nil && os.SameFile(a, b) {
			return rep, usererr.New("La copie de secours ne peut pas remplacer le fichier abîmé («\u00a0%s\u00a0»)\u202f; choisissez un autre nom.", dest)
		}
	}
	head, _, err := readHead(src)
	if err != nil {
		return rep, err
	}
	if !strings.HasPrefix(string(head), sqliteHeader) {
		return rep, refused(src, ErrNotDatabase, nil)
	}
	if fi, err := os.Stat(src + "-wal"); err == nil && fi.Size() > 0 {
		rep.Journal = true
	}
	from, err := sql.Open("sqlite", dsn(src, "mode=ro&immutable=1"))
	if err != nil {
		return rep, openFailed(src, err)
	}
	defer from.Close()
	latest, err := latestVersion()
	if err != nil {
		return rep, err
	}
	var appID int
	if err := from.QueryRowContext(ctx, "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version)").Scan(&appID, &rep.Schema); err != nil {
		return rep, usererr.Wrap(err, "«\u00a0%s\u00a0» est trop endommagée pour qu’Atelier en lise quoi que ce soit\u00a0: gardez-en une copie pour qui vous aidera, et restaurez une sauvegarde.", src)
	}
	switch {
	case appID != ApplicationID:
		return rep, refused(src, ErrForeign, nil)
	case rep.Schema > latest:
		return rep, refused(src, ErrTooNew, nil)
	case rep.Schema < 1:
		return rep, usererr.New("«\u00a0%s\u00a0» ne contient encore aucune donnée d’Atelier\u00a0: il n’y a rien à sauver.", src)
	}

	tmp, err := atomicfile.CreateTemp(filepath.Dir(dest), filepath.Base(dest), nil)
	if err != nil {
		return rep, recoverFailed(dest, err)
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name) // gone once renamed; removed on every failure
	ok, _ := passesQuickCheck(ctx, from)
	if ok {
		if _, err := from.ExecContext(ctx, "VACUUM INTO ?", name); err == nil {
			rep.Intact = true
		} else {
			ok = false // a check that missed something: rebuild
			os.Truncate(name, 0)
		}
	}
	if !ok {
		if err := rebuild(ctx, from, name, rep.Schema, &rep); err != nil {
			return rep, recoverFailed(dest, err)
		}
	}
	if err := finishCopy(name, dest); err != nil {
		return rep, recoverFailed(dest, err)
	}
	return rep, nil
}

// Damaged reports whether the SQLite file at path fails SQLite's
// quick_check, reading it as Recover does: read-only and immutable.
func Damaged(ctx context.Context, path string) bool {
	db, err := sql.Open("sqlite", dsn(path, "mode=ro&immutable=1"))
	if err != nil {
		return false
	}
	defer db.Close()
	ok, err := passesQuickCheck(ctx, db)
	return !ok || err != nil
}

func recoverFailed(dest string, err error) error {
	return explain(usererr.New("Impossible d’écrire la copie de secours «\u00a0%s\u00a0»", dest), err)
}

// finishCopy makes the complete copy at tmp durable as dest (0600).
func finishCopy(tmp, dest string) error { return atomicfile.Install(tmp, dest, 0o600) }

// rebuild makes at path a file of schema version, fills it with what can
// be read of from, and brings it to the current schema.
func rebuild(ctx context.Context, from *sql.DB, path string, version int, rep *RecoveryReport) error {
	// Foreign keys off while rows arrive in any order; the triggers off
	// too (dropped, then made again): the counts they keep are copied
	// with the rows.
	db, err := sql.Open("sqlite", dsn(path, "_pragma=foreign_keys(0)&_pragma=busy_timeout(5000)"))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	names, err := migrationFiles()
	if err != nil {
		return err
	}
	for n := 1; n <= version; n++ {
		body, err := migrations.ReadFile(names[n-1])
		if err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, fmt.Sprintf("BEGIN; %s; PRAGMA user_version = %d; COMMIT;", body, n)); err != nil {
			return err
		}
	}
	triggers, err := stringPairs(ctx, db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")
	if err != nil {
		return err
	}
	for _, tr := range triggers {
		if _, err := db.ExecContext(ctx, "DROP TRIGGER "+quoteIdent(tr[0])); err != nil {
			return err
		}
	}
	tables, err := copiedTables(ctx, db)
	if err != nil {
		return err
	}
	for _, t := range tables {
		tr, err := copyTable(ctx, from, db, t)
		if err != nil {
			return err
		}
		rep.Tables = append(rep.Tables, tr)
	}
	if err := standInCohorts(ctx, db); err != nil {
		return err
	}
	if err := dropOrphans(ctx, db, rep); err != nil {
		return err
	}
	for _, tr := range triggers {
		if _, err := db.ExecContext(ctx, tr[1]); err != nil {
			return err
		}
	}
	if err := db.Close(); err != nil {
		return err
	}

	pool, err := sql.Open("sqlite", dsn(path, copyParams))
	if err != nil {
		return err
	}
	defer pool.Close()
	st := &Store{db: pool, path: path}
	if err := st.upgrade(ctx, names, version); err != nil {
		return err
	}
	if err := st.reindexLibrary(ctx); err != nil {
		return err
	}
	// The counts the attendance triggers keep were copied with the people,
	// marks lost since: count again what is left.
	if _, err := pool.ExecContext(ctx, `UPDATE participants SET attended = (SELECT count(*) FROM attendance a
		WHERE a.participant_id = participants.id AND a.mark IN ('present', 'retard'))`); err != nil {
		return err
	}
	if ok, err := passesQuickCheck(ctx, pool); err != nil || !ok {
		return errors.Join(errors.New("the rebuilt copy fails quick_check"), err)
	}
	return pool.Close()
}

// table is one table to copy and how to read it.
type table struct {
	name    string
	columns []string // every column, in order
	pk      []string // the primary key's columns, in order
	rowid   bool     // a rowid table: read by rowid ranges
	alias   bool     // its INTEGER PRIMARY KEY is the rowid
}

// copiedTables lists the ordinary tables of db: not SQLite's own, not the
// full-text index and its shadow tables, rebuilt afterwards.
func copiedTables(ctx context.Context, db *sql.DB) ([]table, error) {
	pairs, err := stringPairs(ctx, db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rootpage")
	if err != nil {
		return nil, err
	}
	var virtual []string
	for _, p := range pairs {
		if strings.HasPrefix(strings.ToUpper(p[1]), "CREATE VIRTUAL") {
			virtual = append(virtual, p[0])
		}
	}
	var out []table
	for _, p := range pairs {
		skip := false
		for _, v := range virtual {
			skip = skip || p[0] == v || strings.HasPrefix(p[0], v+"_")
		}
		if skip {
			continue
		}
		t := table{name: p[0], rowid: !strings.Contains(strings.ToUpper(p[1]), "WITHOUT ROWID")}
		rows, err := db.QueryContext(ctx, "SELECT name, upper(type), pk FROM pragma_table_info(?) ORDER BY cid", t.name)
		if err != nil {
			return nil, err
		}
		pks := map[int]string{}
		var intPK bool
		for rows.Next() {
			var name, typ string
			var pk int
			if err := rows.Scan(&name, &typ, &pk); err != nil {
				rows.Close()
				return nil, err
			}
			t.columns = append(t.columns, name)
			if pk > 0 {
				pks[pk] = name
				intPK = typ == "INTEGER"
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for i := 1; i <= len(pks); i++ {
			t.pk = append(t.pk, pks[i])
		}
		t.alias = t.rowid && len(t.pk) == 1 && intPK
		out = append(out, t)
	}
	return out, nil
}

// copyTable copies every readable row of t from src to dst.
func copyTable(ctx context.Context, src, dst *sql.DB, t table) (TableRecovery, error) {
	tr := TableRecovery{Table: t.name}
	cols := make([]string, len(t.columns))
	for i, c := range t.columns {
		cols[i] = quoteIdent(c)
	}
	insertCols := cols
	if t.rowid && !t.alias {
		insertCols = append([]string{"rowid"}, cols...)
	}
	tx, err := dst.BeginTx(ctx, nil)
	if err != nil {
		return tr, err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, fmt.Sprintf("INSERT OR IGNORE INTO %s (%s) VALUES (%s)",
		quoteIdent(t.name), strings.Join(insertCols, ", "), strings.TrimSuffix(strings.Repeat("?, ", len(insertCols)), ", ")))
	if err != nil {
		return tr, err
	}
	defer ins.Close()
	put := func(vals []any) error {
		if !t.rowid || t.alias {
			vals = vals[1:]
		}
		res, err := ins.ExecContext(ctx, vals...)
		if err != nil {
			// A row garbled beyond what the schema accepts: counted,
			// and the copy goes on.
			tr.Refused++
			return nil
		}
		if n, _ := res.RowsAffected(); n == 1 {
			tr.Saved++
		} else {
			tr.Refused++
		}
		return nil
	}
	name := quoteIdent(t.name)
	if t.rowid {
		err = copyByRowid(ctx, src, name, cols, put, &tr)
	} else {
		err = copyByKey(ctx, src, name, cols, t.pk, put, &tr)
	}
	if err != nil {
		return tr, err
	}
	return tr, tx.Commit()
}

// copyByRowid reads a rowid table in rowid order. When a read fails, the
// smallest rowid past which reading works again is searched for (doubling
// the step, then halving it back), so that what is lost is about the rows
// of the bad pages.
func copyByRowid(ctx context.Context, src *sql.DB, name string, cols []string, put func([]any) error, tr *TableRecovery) error {
	query := fmt.Sprintf("SELECT rowid, %s FROM %s WHERE rowid > ? ORDER BY rowid", strings.Join(cols, ", "), name)
	one := fmt.Sprintf("SELECT rowid, %s FROM %s WHERE rowid = ?", strings.Join(cols, ", "), name)
	probe := func(after int64) (int64, bool, bool) {
		var r int64
		err := src.QueryRowContext(ctx, fmt.Sprintf("SELECT rowid FROM %s WHERE rowid > ? ORDER BY rowid LIMIT 1", name), after).Scan(&r)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, false, true
		}
		return r, err == nil, err == nil
	}
	after := int64(math.MinInt64)
	for {
		n, last, err := readRows(ctx, src, query, len(cols)+1, put, after)
		if n > 0 {
			after = last
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err == nil {
			return nil
		}
		tr.Damaged = true
		if r, found, ok := probe(after); ok {
			if !found {
				return nil
			}
			if n == 0 {
				after = r // that one row is unreadable
			}
			continue
		}
		// Seeking past after fails: find the first threshold that works.
		bad, good := after, int64(0)
		found := false
		for step := int64(1); step > 0 && bad <= math.MaxInt64-step; step *= 2 {
			if _, _, ok := probe(bad + step); ok {
				good, found = bad+step, true
				break
			}
			bad += step
		}
		if !found {
			return nil // nothing readable up to the largest rowid
		}
		for good-bad > 1 {
			mid := bad + (good-bad)/2
			if _, _, ok := probe(mid); ok {
				good = mid
			} else {
				bad = mid
			}
		}
		// Seeking past good-1 lands on the bad page, but the row good
		// itself, sought by its rowid, may be readable.
		readRows(ctx, src, one, len(cols)+1, put, good)
		after = good
	}
}

// readRows reads query (its first column the rowid, when last is wanted)
// from after and hands each row to put; it returns how many rows it read,
// the last first column and the error that stopped it.
func readRows(ctx context.Context, src *sql.DB, query string, ncols int, put func([]any) error, args ...any) (int, int64, error) {
	rows, err := src.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	n := 0
	var last int64
	for rows.Next() {
		vals := make([]any, ncols)
		ptrs := make([]any, ncols)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return n, last, err
		}
		if id, ok := vals[0].(int64); ok {
			last = id
		}
		if err := put(vals); err != nil {
			return n, last, err
		}
		n++
	}
	return n, last, rows.Err()
}

// copyByKey reads a table without rowid in key order and, when that
// stops at a bad page, in reverse order too: the rows on either side of
// the damage are saved, those between are lost.
func copyByKey(ctx context.Context, src *sql.DB, name string, cols, pk []string, put func([]any) error, tr *TableRecovery) error {
	withKey := func(vals []any) error { return put(append([]any{nil}, vals...)) }
	asc := fmt.Sprintf("SELECT %s FROM %s ORDER BY %s", strings.Join(cols, ", "), name, orderBy(pk, ""))
	if _, _, err := readRows(ctx, src, asc, len(cols), withKey); err == nil {
		return nil
	}
	tr.Damaged = true
	desc := fmt.Sprintf("SELECT %s FROM %s ORDER BY %s", strings.Join(cols, ", "), name, orderBy(pk, " DESC"))
	// The rows read twice, before the damage, are ignored by the insert:
	// they are not refused rows.
	refused := tr.Refused
	readRows(ctx, src, desc, len(cols), withKey)
	tr.Refused = refused
	return ctx.Err()
}

func orderBy(pk []string, dir string) string {
	out := make([]string, len(pk))
	for i, c := range pk {
		out[i] = quoteIdent(c) + dir
	}
	return strings.Join(out, ", ")
}

// standInCohorts puts back, under a name that says so, a cohort whose row
// was lost while its people, sessions or diagrams were read: without it
// they would go as orphans, and a roster that could be read would be lost
// for one damaged line. The facilitator renames it and sets its seats.
func standInCohorts(ctx context.Context, db *sql.DB) error {
	var refs []string // the tables of the copy's schema that name a cohort
	for _, t := range []string{"participants", "sessions", "structures"} {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", t).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			refs = append(refs, "SELECT cohort_id FROM "+t)
		}
	}
	_, err := db.ExecContext(ctx, `INSERT INTO cohorts (id, name, time_zone, seat_limit, created_at)
		SELECT k.cohort_id, 'Cohorte récupérée n° ' || k.cohort_id, ?,
			max(1, (SELECT count(*) FROM participants p WHERE p.cohort_id = k.cohort_id)), 0
		FROM (`+strings.Join(refs, " UNION ")+`) k
		WHERE k.cohort_id NOT IN (SELECT id FROM cohorts)`, course.DefaultTimeZone)
	return err
}

// dropOrphans deletes, until none is left, the rows whose reference
// points at a row that was lost, so that the copy passes the foreign key
// checks every migration makes.
func dropOrphans(ctx context.Context, db *sql.DB, rep *RecoveryReport) error {
	for range 16 {
		type fk struct {
			table, parent string
			from, to      []string
		}
		var fks []fk
		for _, t := range rep.Tables {
			rows, err := db.QueryContext(ctx, `SELECT id, "table", "from", coalesce("to", '') FROM pragma_foreign_key_list(?) ORDER BY id, seq`, t.Table)
			if err != nil {
				return err
			}
			last := -1
			for rows.Next() {
				var id int
				var parent, from, to string
				if err := rows.Scan(&id, &parent, &from, &to); err != nil {
					rows.Close()
					return err
				}
				if id != last {
					fks = append(fks, fk{table: t.Table, parent: parent})
					last = id
				}
				f := &fks[len(fks)-1]
				f.from = append(f.from, from)
				f.to = append(f.to, to)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		deleted := false
		for _, f := range fks {
			var match, notNull []string
			for i := range f.from {
				to := f.to[i]
				if to == "" {
					to = "rowid"
				}
				match = append(match, fmt.Sprintf("p.%s = c.%s", quoteIdent(to), quoteIdent(f.from[i])))
				notNull = append(notNull, fmt.Sprintf("c.%s IS NOT NULL", quoteIdent(f.from[i])))
			}
			res, err := db.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s AS c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s AS p WHERE %s)",
				quoteIdent(f.table), strings.Join(notNull, " AND "), quoteIdent(f.parent), strings.Join(match, " AND ")))
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				deleted = true
				for i := range rep.Tables {
					if rep.Tables[i].Table == f.table {
						rep.Tables[i].Saved -= int(n)
						rep.Tables[i].Refused += int(n)
					}
				}
			}
		}
		if !deleted {
			return nil
		}
	}
	return nil
}

func stringPairs(ctx context.Context, db *sql.DB, query string) ([][2]string, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
