package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"atelier/app/kit/atomicfile"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
)

// TableCount is how many rows of one table a copy holds.
type TableCount struct {
	Table string
	Rows  int
}

// CopyCounts are the rows Copy copied, table by table, in the order it
// copied them (parents before the rows that point at them).
type CopyCounts []TableCount

// Rows is the count of table, 0 when it was not copied.
func (c CopyCounts) Rows(table string) int {
	for _, t := range c {
		if t.Table == table {
			return t.Rows
		}
	}
	return 0
}

// copyNouns name a table's rows for the person, singular and plural, in
// the order Summary gives them.
var copyNouns = []struct{ table, one, many string }{
	{"cohorts", "cohorte", "cohortes"},
	{"participants", "personne", "personnes"},
	{"attendance", "présence", "présences"},
	{"sessions", "séance", "séances"},
	{"agenda_blocks", "bloc de déroulé", "blocs de déroulé"},
	{"cohort_facilitators", "personne animatrice", "personnes animatrices"},
	{"live_states", "séance en cours d’animation", "séances en cours d’animation"},
	{"breakout_members", "place en sous-groupe", "places en sous-groupes"},
	{"structures", "structure", "structures"},
	{"structure_nodes", "élément de structure", "éléments de structure"},
	{"structure_members", "personne placée dans une structure", "personnes placées dans les structures"},
	{"structure_links", "lien de structure", "liens de structure"},
	{"resources", "ressource", "ressources"},
	{"resource_catalogue", "entrée du catalogue", "entrées du catalogue"},
	{"resource_sessions", "ressource par séance", "ressources par séance"},
	{"resource_links", "ressource liée à une séance", "ressources liées aux séances"},
	{"settings", "réglage", "réglages"},
}

// Summary tells the person, in French, what the copy holds: « 3 cohortes,
// 412 personnes, 1 860 présences… ». Cohorts, people and marks are always
// named; the other tables when they hold rows.
func (c CopyCounts) Summary() string {
	var parts []string
	named := map[string]bool{}
	for i, n := range copyNouns {
		named[n.table] = true
		rows := c.Rows(n.table)
		if rows == 0 && i >= 3 {
			continue
		}
		noun := n.many
		if rows <= 1 { // French: « 0 cohorte », « 1 cohorte »
			noun = n.one
		}
		parts = append(parts, textfmt.French.Int(rows)+"\u00a0"+noun)
	}
	other := 0
	for _, t := range c {
		if !named[t.Table] {
			other += t.Rows
		}
	}
	if other > 0 {
		word := "autres lignes"
		if other == 1 {
			word = "autre ligne"
		}
		parts = append(parts, textfmt.French.Int(other)+"\u00a0"+word)
	}
	return textfmt.French.List(parts) + "."
}

// Copy copies every row of src into dst, which must be empty and at the
// same schema version: SQLite to PostgreSQL (a file becomes the team's
// database), PostgreSQL to SQLite (a backup of the team's database), or
// file to file. The rows keep their ids. Everything is written in one
// transaction on dst, read from one snapshot of src, and the row counts of
// every table are compared on both sides before it commits; the library's
// search rows, which each engine keeps its own way, are then made again
// on dst. When anything fails, dst is left empty as it was.
func Copy(ctx context.Context, src, dst *Store) (CopyCounts, error) {
	failed := usererr.New("Impossible de copier «\u00a0%s\u00a0» vers «\u00a0%s\u00a0»", src.path, dst.path)
	if src == dst || (src.team == dst.team && src.path == dst.path) {
		return nil, usererr.New("%s\u00a0: c’est la même base. Choisissez une autre destination\u202f; rien n’a été modifié.", failed)
	}
	srcVersion, err := src.schemaVersion(ctx)
	if err != nil {
		return nil, copyFailed(failed, err)
	}
	dstVersion, err := dst.schemaVersion(ctx)
	if err != nil {
		return nil, copyFailed(failed, err)
	}
	if srcVersion != dstVersion {
		return nil, usererr.New("%s\u00a0: les deux bases n’ont pas le même schéma (%d et %d). "+
			"Ouvrez d’abord chacune avec cette version d’Atelier pour les mettre à jour\u202f; rien n’a été modifié.", failed, srcVersion, dstVersion)
	}
	tables, err := copyPlan(ctx, src, dst)
	if err != nil {
		return nil, copyFailed(failed, err)
	}
	var counts CopyCounts
	err = src.inTx(ctx, src.snapshot(), func(from *sql.Tx) error {
		return dst.write(ctx, func(to *sql.Tx) error {
			var full []string
			for _, t := range tables {
				var n int
				if err := to.QueryRowContext(ctx, "SELECT count(*) FROM "+quoteIdent(t.name)).Scan(&n); err != nil {
					return err
				}
				if n > 0 {
					full = append(full, t.name)
				}
			}
			if len(full) > 0 {
				return usererr.New("%s\u00a0: la base de destination n’est pas vide (%s). "+
					"Copiez vers une base d’équipe neuve ou un nouveau fichier\u202f; rien n’a été modifié.", failed, textfmt.French.List(labels(full)))
			}
			for _, t := range tables {
				if err := copyRows(ctx, from, to, t, dst.team); err != nil {
					return refusedValue(failed, t.name, err)
				}
			}
			if err := uncount(ctx, to, tables); err != nil {
				return err
			}
			if dst.team {
				if err := resetIdentities(ctx, to, tables); err != nil {
					return err
				}
			}
			counts = counts[:0]
			for _, t := range tables {
				var want, got int
				q := "SELECT count(*) FROM " + quoteIdent(t.name)
				if err := from.QueryRowContext(ctx, q).Scan(&want); err != nil {
					return err
				}
				if err := to.QueryRowContext(ctx, q).Scan(&got); err != nil {
					return err
				}
				if got != want {
					return usererr.New("%s\u00a0: la copie de la table %s a %s au lieu de %s. Rien n’a été copié.",
						failed, tableLabel(t.name), rows(got, "copiée", "copiées"), textfmt.French.Int(want))
				}
				counts = append(counts, TableCount{Table: t.name, Rows: got})
			}
			return nil
		})
	})
	if err != nil {
		return nil, copyFailed(failed, err)
	}
	// The search rows are written through the Store's own methods, which
	// see only what is committed: they come after, and a failure there
	// takes the copied rows away again, leaving dst as empty as it was.
	if err := dst.reindexLibrary(ctx); err != nil {
		if cleared := dst.write(ctx, func(to *sql.Tx) error { return clearTables(ctx, to, tables) }); cleared != nil {
			return nil, explain(usererr.New("%s (la recherche de la bibliothèque n’a pas pu y être refaite, et ce qui y avait été copié n’a pas pu en être retiré)", failed), errors.Join(err, cleared))
		}
		return nil, usererr.Wrap(err, "%s\u00a0: la recherche de la bibliothèque n’a pas pu y être refaite, et ce qui y avait été copié en a été retiré. %s", failed, usererr.Reason(err))
	}
	return counts, nil
}

// CopyToNewFile copies src into a new Atelier file at dest, which must not
// exist: written under a temporary name beside it, readable by its owner
// only, and given its name once complete.
func CopyToNewFile(ctx context.Context, src *Store, dest string) (CopyCounts, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, explain(usererr.New("Impossible de situer «\u00a0%s\u00a0»", dest), err)
	}
	if exists(abs) {
		return nil, usererr.New("«\u00a0%s\u00a0» existe déjà\u00a0: Atelier ne copie une base que dans un nouveau fichier. "+
			"Choisissez un autre nom, ou déplacez ce fichier\u202f; rien n’a été modifié.", abs)
	}
	tmp, err := atomicfile.CreateTemp(filepath.Dir(abs), filepath.Base(abs), nil)
	if err != nil {
		return nil, copyFileFailed(abs, err)
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name) // gone once renamed; removed on every failure
	counts, err := copyIntoFile(ctx, src, name)
	if err != nil {
		return nil, err
	}
	// Checked again: the copy may have taken minutes, and a file made
	// there meanwhile is not Atelier's to replace.
	if exists(abs) {
		return nil, usererr.New("«\u00a0%s\u00a0» a été créé pendant la copie\u00a0: Atelier ne le remplace pas. Choisissez un autre nom.", abs)
	}
	if err := finishCopy(name, abs); err != nil {
		return nil, copyFileFailed(abs, err)
	}
	return counts, nil
}

// copyFailed explains err, unless it is already a sentence about the copy.
func copyFailed(failed *usererr.Error, err error) error {
	if usererr.ForPerson(err) {
		return err
	}
	return explain(failed, err)
}

// refusedValue explains a row that the destination's engine refuses
// although the source's took it: PostgreSQL's text cannot hold the nul
// character or bytes that are not UTF-8, which a SQLite file may.
func refusedValue(failed *usererr.Error, table string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (strings.HasPrefix(pe.Code, "22") || strings.HasPrefix(pe.Code, "23")) {
		return usererr.Wrap(err, "%s\u00a0: une ligne de la table %s contient une valeur que la base de destination refuse "+
			"(un caractère invisible ou mal encodé, par exemple). Corrigez-la dans Atelier, puis recommencez\u202f; rien n’a été copié.", failed, tableLabel(table))
	}
	return fmt.Errorf("copying %s: %w", table, err)
}

func copyFileFailed(dest string, err error) error {
	return explain(usererr.New("Impossible d’écrire la copie «\u00a0%s\u00a0»", dest), err)
}

// copyIntoFile makes the empty file at path an Atelier file holding a
// copy of src, closed (its journal folded in) when it returns.
func copyIntoFile(ctx context.Context, src *Store, path string) (CopyCounts, error) {
	dst, err := Open(path, Options{Now: src.now})
	if err != nil {
		return nil, err
	}
	counts, err := Copy(ctx, src, dst)
	if cerr := dst.Close(); err == nil && cerr != nil {
		return nil, copyFileFailed(path, cerr)
	}
	return counts, err
}

// snapshot is how Copy reads its source: in one read transaction that
// sees a single state of the whole database. SQLite's read transactions
// always do; PostgreSQL's default, READ COMMITTED, gives each statement
// its own snapshot, so a mark saved during the copy could appear in the
// marks and not in the people's counts.
func (s *Store) snapshot() *sql.TxOptions {
	if s.team {
		return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// schemaVersion is the database's schema version.
func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.read(ctx, func(tx *sql.Tx) error {
		if s.team {
			var err error
			v, err = teamVersion(ctx, tx, s.path)
			return err
		}
		return tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	})
	return v, err
}

// shape is what Copy knows of one table.
type shape struct {
	name    string
	columns []string
	// bools are the columns that are boolean on PostgreSQL and 0/1
	// integers on SQLite.
	bools map[string]bool
	// identity is the PostgreSQL identity column, whose sequence must
	// start past the copied ids.
	identity string
	parents  []string // the tables its foreign keys point at
}

// copyPlan lists the tables to copy, parents first, checking that both
// databases have the same tables with the same columns.
func copyPlan(ctx context.Context, src, dst *Store) ([]shape, error) {
	from, err := src.shapes(ctx)
	if err != nil {
		return nil, err
	}
	to, err := dst.shapes(ctx)
	if err != nil {
		return nil, err
	}
	byName := map[string]shape{}
	for _, t := range to {
		byName[t.name] = t
	}
	if len(from) != len(to) {
		return nil, fmt.Errorf("the source has %d tables, the destination %d", len(from), len(to))
	}
	plan := make([]shape, 0, len(from))
	for _, t := range from {
		d, ok := byName[t.name]
		if !ok || !sameColumns(t.columns, d.columns) {
			return nil, fmt.Errorf("table %s differs between the source (%v) and the destination (%v)", t.name, t.columns, d.columns)
		}
		// Booleans and identities are PostgreSQL's: taken from whichever
		// side has them.
		for c := range t.bools {
			d.bools[c] = true
		}
		if d.identity == "" {
			d.identity = t.identity
		}
		d.columns = t.columns
		plan = append(plan, d)
	}
	return parentsFirst(plan)
}

func sameColumns(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// parentsFirst orders tables so that every table comes after those its
// foreign keys point at: on PostgreSQL the keys are checked row by row,
// and SQLite's table order (copiedTables, by root page) is not that order
// once a migration has rebuilt a table.
func parentsFirst(tables []shape) ([]shape, error) {
	slices.SortFunc(tables, func(a, b shape) int { return strings.Compare(a.name, b.name) })
	done := map[string]bool{}
	var out []shape
	for len(out) < len(tables) {
		progress := false
		for _, t := range tables {
			if done[t.name] {
				continue
			}
			ready := true
			for _, p := range t.parents {
				ready = ready && (done[p] || p == t.name)
			}
			if ready {
				done[t.name] = true
				out = append(out, t)
				progress = true
			}
		}
		if !progress {
			return nil, errors.New("the foreign keys between tables form a cycle")
		}
	}
	return out, nil
}

// shapes reads the tables Copy copies from the database's own catalogue:
// all of Atelier's tables but the library's search rows, which are made
// again from the resources, and on PostgreSQL the marker and migration
// log, which each engine keeps its own way.
func (s *Store) shapes(ctx context.Context) ([]shape, error) {
	if s.team {
		return s.teamShapes(ctx)
	}
	tables, err := copiedTables(ctx, s.db)
	if err != nil {
		return nil, err
	}
	out := make([]shape, 0, len(tables))
	for _, t := range tables {
		sh := shape{name: t.name, columns: t.columns, bools: map[string]bool{}}
		rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT "table" FROM pragma_foreign_key_list($1)`, t.name)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var p string
			if err := rows.Scan(&p); err != nil {
				rows.Close()
				return nil, err
			}
			sh.parents = append(sh.parents, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		out = append(out, sh)
	}
	return out, nil
}

func (s *Store) teamShapes(ctx context.Context) ([]shape, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.table_name, c.column_name, c.data_type = 'boolean', c.is_identity = 'YES'
		FROM information_schema.columns c
		JOIN pg_tables t ON t.schemaname = c.table_schema AND t.tablename = c.table_name
		WHERE c.table_schema = current_schema()
			AND c.table_name NOT IN ('atelier_database', 'atelier_schema_migrations', 'resource_search')
		ORDER BY c.table_name, c.ordinal_position`)
	if err != nil {
		return nil, err
	}
	var out []shape
	index := map[string]int{}
	for rows.Next() {
		var table, column string
		var boolean, identity bool
		if err := rows.Scan(&table, &column, &boolean, &identity); err != nil {
			rows.Close()
			return nil, err
		}
		i, ok := index[table]
		if !ok {
			i = len(out)
			index[table] = i
			out = append(out, shape{name: table, bools: map[string]bool{}})
		}
		out[i].columns = append(out[i].columns, column)
		if boolean {
			out[i].bools[column] = true
		}
		if identity {
			out[i].identity = column
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	pairs, err := stringPairs(ctx, s.db, `SELECT DISTINCT c.relname::text, p.relname::text
		FROM pg_constraint k
		JOIN pg_class c ON c.oid = k.conrelid
		JOIN pg_class p ON p.oid = k.confrelid
		WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`)
	if err != nil {
		return nil, err
	}
	for _, p := range pairs {
		if i, ok := index[p[0]]; ok {
			out[i].parents = append(out[i].parents, p[1])
		}
	}
	return out, nil
}

// copyBatch is how many rows one INSERT carries at most: few round trips
// to a distant server, and well under both engines' limits on bound
// values (32 766 for SQLite, 65 535 for PostgreSQL).
const copyBatch = 200

// copyRows copies every row of t, its ids included.
func copyRows(ctx context.Context, from, to *sql.Tx, t shape, team bool) error {
	cols := make([]string, len(t.columns))
	for i, c := range t.columns {
		cols[i] = quoteIdent(c)
	}
	list := strings.Join(cols, ", ")
	rows, err := from.QueryContext(ctx, "SELECT "+list+" FROM "+quoteIdent(t.name))
	if err != nil {
		return err
	}
	defer rows.Close()
	var batch []any
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		var b strings.Builder
		fmt.Fprintf(&b, "INSERT INTO %s (%s) VALUES ", quoteIdent(t.name), list)
		for r := range n {
			if r > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for c := range cols {
				if c > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "$%d", r*len(cols)+c+1)
			}
			b.WriteByte(')')
		}
		if _, err := to.ExecContext(ctx, b.String(), batch...); err != nil {
			return err
		}
		batch, n = batch[:0], 0
		return nil
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, c := range t.columns {
			vals[i] = bindable(vals[i], team, t.bools[c])
		}
		batch = append(batch, vals...)
		if n++; n == copyBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

// bindable turns a value read from one engine into what the other takes:
// SQLite hands a 0/1 column over as an int64, which pgx refuses to bind
// to a boolean column; pgx hands a boolean over as a Go bool, written as
// the 0/1 that SQLite's CHECK (col IN (0, 1)) expects.
func bindable(v any, team, boolean bool) any {
	switch x := v.(type) {
	case int64:
		if team && boolean {
			return x != 0
		}
	case bool:
		if !team {
			if x {
				return int64(1)
			}
			return int64(0)
		}
	}
	return v
}

// uncount undoes what the attendance triggers did while the marks were
// copied: each mark present or late added one to its person's count,
// which was already copied with the person. The trigger adds exactly one
// per such mark, so taking those off gives back the source's counts as
// they were, even where they did not agree with the marks.
func uncount(ctx context.Context, to *sql.Tx, tables []shape) error {
	have := map[string]bool{}
	for _, t := range tables {
		have[t.name] = true
	}
	if !have["participants"] || !have["attendance"] {
		return nil
	}
	_, err := to.ExecContext(ctx, `UPDATE participants SET attended = attended - (SELECT count(*) FROM attendance a
		WHERE a.participant_id = participants.id AND a.mark IN ('present', 'retard'))`)
	return err
}

// resetIdentities moves each identity sequence past the largest copied
// id: the rows came with their ids, which the sequences did not give, and
// the next cohort or person added would otherwise collide with the first.
func resetIdentities(ctx context.Context, to *sql.Tx, tables []shape) error {
	for _, t := range tables {
		if t.identity == "" {
			continue
		}
		// setval is strict: on an empty table, max is NULL and the
		// sequence stays where it is.
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence($1, $2), max(%s)) FROM %s", quoteIdent(t.identity), quoteIdent(t.name))
		if _, err := to.ExecContext(ctx, q, t.name, t.identity); err != nil {
			return err
		}
	}
	return nil
}

// clearTables empties the copied tables, children first.
func clearTables(ctx context.Context, to *sql.Tx, tables []shape) error {
	for i := len(tables) - 1; i >= 0; i-- {
		if _, err := to.ExecContext(ctx, "DELETE FROM "+quoteIdent(tables[i].name)); err != nil {
			return err
		}
	}
	return nil
}

// labels name tables for the person, without their SQL names.
func labels(tables []string) []string {
	out := make([]string, len(tables))
	for i, t := range tables {
		out[i] = t
		if l, ok := tableLabels[t]; ok {
			out[i] = l
		}
	}
	return out
}
