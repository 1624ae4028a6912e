package store

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"atelier/app/domain/library"
	"atelier/app/kit/fold"
	"atelier/app/kit/usererr"
)

// WholeSession, given as a block id, ties a resource to a whole cohort
// session rather than to one block of its agenda.
const WholeSession int64 = 0

// Query is what the library's search box and filters ask for. Zero fields
// do not filter.
type Query struct {
	Text       string // words, each matched as the start of a word, accents and case ignored
	Source     string // exact source, as Facets lists it
	Session    int    // course session number, 1 to 5
	Language   string // original language, "fr", "en"…
	Tag        string // exact tag, as Facets lists it
	Favourites bool   // favourites only
	// Limit caps the results, the best kept; 0 for all. A search box
	// should ask for a page (50 or so): reading a result costs several
	// times what ranking it does, and a short prefix matches hundreds.
	Limit int
}

// Search ranking weights for bm25, in the order of the resources_fts
// columns: a word in the title counts most, then the tags, the author and
// last the summary, which is long and mentions many things in passing.
const rankBy = "bm25(resources_fts, 10.0, 1.0, 2.0, 4.0)"

// rankByTeam is rankBy on a team database: ts_rank's weights are for
// D, C, B, A, which resource_search gives to the summary, the author, the
// tags and the title, so 1, 2, 4, 10 scaled to at most 1. Negated, so
// that the best comes first in ascending order, as bm25's does.
const rankByTeam = "-ts_rank('{0.1, 0.2, 0.4, 1.0}', rs.document, to_tsquery('simple', $1))"

// maxWords bounds a query's size: every word is one more prefix scan.
const maxWords = 16

// resourceSelect reads the columns queryResources expects, from resources r.
const resourceSelect = `SELECT r.id, r.title, r.original_title, r.source, r.author, r.language,
	r.has_french, r.url, r.summary, r.tags, r.favourite, r.file_path, r.custom,
	coalesce((SELECT string_agg(CAST(session_number AS text), ',') FROM resource_sessions
		WHERE resource_id = r.id), '')`

// SeedLibrary adds the entries the library does not have, matched on title
// and source, and returns how many it added. Nothing is written unless
// every entry is valid.
//
// A catalogue entry (Custom false) seeded once is not added again, even if
// the facilitators have since deleted or renamed it. Entries marked Custom,
// read from a file another team shared, are not remembered that way: one
// deleted comes back with the next import of the file.
func (s *Store) SeedLibrary(ctx context.Context, rs []library.Resource) (added int, err error) {
	clean := make([]library.Resource, len(rs))
	for i, r := range rs {
		clean[i] = normalise(r)
		if err := clean[i].Validate(); err != nil {
			return 0, usererr.New("Ressource n°\u00a0%d («\u00a0%s\u00a0»)\u00a0: %s", i+1, r.Title, err)
		}
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		seen, err := tx.PrepareContext(ctx,
			"INSERT INTO resource_catalogue (title, source) VALUES ($1, $2) ON CONFLICT DO NOTHING")
		if err != nil {
			return err
		}
		defer seen.Close()
		w, err := s.prepareResourceWrites(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		now := s.now().Unix()
		for _, r := range clean {
			if !r.Custom {
				res, err := seen.ExecContext(ctx, r.Title, r.Source)
				if err != nil {
					return err
				}
				if n, err := res.RowsAffected(); err != nil {
					return err
				} else if n == 0 {
					continue // seeded before
				}
			}
			ok, err := w.insert(ctx, r, now)
			if err != nil {
				return err
			}
			if ok {
				added++
			}
		}
		return nil
	})
	if err != nil {
		return 0, wrapWrite("les ressources", err)
	}
	return added, nil
}

// Resources lists the whole library in French alphabetical order of title.
func (s *Store) Resources(ctx context.Context) ([]library.Resource, error) {
	var list []library.Resource
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = queryResources(ctx, tx, resourceSelect+" FROM resources r")
		return err
	})
	if err != nil {
		return nil, wrapRead("la bibliothèque", err)
	}
	sortByTitle(list)
	return list, nil
}

// Resource loads one entry of the library.
func (s *Store) Resource(ctx context.Context, id int64) (library.Resource, error) {
	var r library.Resource
	err := s.read(ctx, func(tx *sql.Tx) error {
		list, err := queryResources(ctx, tx, resourceSelect+" FROM resources r WHERE r.id = $1", id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return resourceNotFound(id)
		}
		r = list[0]
		return nil
	})
	return r, wrapRead("la ressource", err)
}

// AddResource saves an entry written by the facilitators (Custom) and
// returns its id.
func (s *Store) AddResource(ctx context.Context, r library.Resource) (int64, error) {
	r = normalise(r)
	r.Custom = true
	if err := r.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := resourceKeyFree(ctx, tx, r, 0); err != nil {
			return err
		}
		w, err := s.prepareResourceWrites(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		if _, err := w.insert(ctx, r, s.now().Unix()); err != nil {
			return err
		}
		id = w.lastID
		return nil
	})
	if err != nil {
		return 0, wrapWrite("la ressource", err)
	}
	return id, nil
}

// UpdateResource saves every field of r but Custom, which stays what it
// was when the entry was added.
func (s *Store) UpdateResource(ctx context.Context, r library.Resource) error {
	r = normalise(r)
	if err := r.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := resourceKeyFree(ctx, tx, r, r.ID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE resources SET title = $1, original_title = $2,
				source = $3, author = $4, language = $5, has_french = $6, url = $7, summary = $8,
				tags = $9, favourite = $10, file_path = $11
			WHERE id = $12`,
			r.Title, r.OriginalTitle, r.Source, r.Author, r.Language, r.HasFrench, r.URL,
			r.Summary, strings.Join(r.Tags, "\n"), r.Favourite, r.FilePath, r.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return resourceNotFound(r.ID)
		}
		if err := writeSessions(ctx, tx, r.ID, r.Sessions); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.indexSQL(), ftsArgs(r.ID, r)...)
		return err
	})
	return wrapWrite("la ressource", err)
}

// DeleteResource removes an entry, its sessions and its ties to cohort
// sessions. A catalogue entry deleted stays deleted: SeedLibrary remembers
// it was seeded.
func (s *Store) DeleteResource(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		found, err := s.deleteResource(ctx, tx, id)
		if err == nil && !found {
			return resourceNotFound(id)
		}
		return err
	})
	return wrapWrite("la suppression de la ressource", err)
}

// SetFavourite marks or unmarks an entry as a favourite.
func (s *Store) SetFavourite(ctx context.Context, id int64, favourite bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE resources SET favourite = $1 WHERE id = $2", favourite, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return resourceNotFound(id)
		}
		return nil
	})
	return wrapWrite("le favori", err)
}

// SearchResources finds the entries that match q. With words in q.Text the
// best matches come first (a word in the title counts more than one in the
// summary); without, the entries that pass the filters come in French
// alphabetical order of title. Whatever q.Text holds, it is never an error:
// quotes, operators and stars are taken as spaces.
func (s *Store) SearchResources(ctx context.Context, q Query) ([]library.Resource, error) {
	var where strings.Builder
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if s.team && !(storable(q.Source) && storable(q.Language) && storable(q.Tag)) {
		// PostgreSQL refuses such a value as a parameter, and holds no
		// text that could equal it.
		return nil, nil
	}
	words := queryWords(q.Text)
	if len(words) > 0 {
		arg(s.matchText(words)) // $1, as the hits query expects
	}
	if q.Source != "" {
		where.WriteString(" AND r.source = " + arg(q.Source))
	}
	if q.Language != "" {
		where.WriteString(" AND r.language = " + arg(strings.ToLower(strings.TrimSpace(q.Language))))
	}
	if q.Tag != "" {
		where.WriteString(" AND " + s.hasTag(arg(q.Tag)))
	}
	if q.Favourites {
		where.WriteString(" AND r.favourite")
	}
	if q.Session != 0 {
		where.WriteString(` AND EXISTS (SELECT 1 FROM resource_sessions
			WHERE resource_id = r.id AND session_number = ` + arg(q.Session) + ")")
	}
	var list []library.Resource
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if len(words) == 0 {
			list, err = queryResources(ctx, tx, resourceSelect+" FROM resources r WHERE true"+where.String(), args...)
			return err
		}
		// No clause rather than SQLite's LIMIT -1, which PostgreSQL refuses.
		limit := ""
		if q.Limit > 0 {
			limit = " LIMIT " + arg(q.Limit)
		}
		list, err = queryResources(ctx, tx, s.hitsSQL(where.String(), limit), args...)
		return err
	})
	if err != nil {
		return nil, wrapRead("la recherche dans la bibliothèque", err)
	}
	if len(words) == 0 {
		// Sorted here because neither engine sorts the French way; hence
		// the limit applied here too.
		sortByTitle(list)
		if q.Limit > 0 && len(list) > q.Limit {
			list = list[:q.Limit]
		}
	}
	return list, nil
}

// storable reports whether PostgreSQL can hold v: its text is valid
// UTF-8 without NUL.
func storable(v string) bool {
	return utf8.ValidString(v) && !strings.ContainsRune(v, 0)
}

// hitsSQL is the search query: the matches of $1 (matchText) that pass
// the filters of where (conditions on resources r), best first, ties by
// id, at most limit (a LIMIT clause, or none). It ranks first, then reads
// the rows kept: sorting full rows would read every match's summary, tags
// and sessions. Each engine has its own index: FTS5's resources_fts on
// SQLite, resource_search's tsvector on PostgreSQL, ranked by bm25 and
// ts_rank with the same column weights; the two agree on which column a
// word is in, not always between two hits in the same column (ts_rank
// counts neither the length of a text nor how rare a word is).
func (s *Store) hitsSQL(where, limit string) string {
	from, id, rank, match := "resources_fts", "resources_fts.rowid", rankBy, "resources_fts MATCH $1"
	if s.team {
		from, id, rank, match = "resource_search rs", "rs.resource_id", rankByTeam, "rs.document @@ to_tsquery('simple', $1)"
	}
	if where != "" {
		from += " JOIN resources r ON r.id = " + id
	}
	return `WITH hits AS MATERIALIZED (
			SELECT ` + id + ` AS id, ` + rank + ` AS score FROM ` + from + `
			WHERE ` + match + where + `
			ORDER BY score, ` + id + limit + `)
		` + resourceSelect + ` FROM hits JOIN resources r ON r.id = hits.id
		ORDER BY hits.score, hits.id`
}

// hasTag is the condition that r.tags, one tag per line, holds the tag
// bound to param as a whole line. PostgreSQL has neither instr nor char,
// SQLite neither string_to_array nor ANY.
func (s *Store) hasTag(param string) string {
	if s.team {
		return param + " = ANY (string_to_array(r.tags, E'\\n'))"
	}
	return "instr(char(10) || r.tags || char(10), char(10) || " + param + " || char(10)) > 0"
}

// Facets lists, in French alphabetical order, the sources, languages and
// tags that occur in the library: the choices of the filter drop-downs.
func (s *Store) Facets(ctx context.Context) (sources, languages, tags []string, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if sources, err = queryStrings(ctx, tx, "SELECT DISTINCT source FROM resources"); err != nil {
			return err
		}
		if languages, err = queryStrings(ctx, tx, "SELECT DISTINCT language FROM resources"); err != nil {
			return err
		}
		lines, err := queryStrings(ctx, tx, "SELECT DISTINCT tags FROM resources WHERE tags <> ''")
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, l := range lines {
			for t := range strings.SplitSeq(l, "\n") {
				if !seen[t] {
					seen[t] = true
					tags = append(tags, t)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, wrapRead("les filtres de la bibliothèque", err)
	}
	c := frenchCollator()
	for _, l := range [][]string{sources, languages, tags} {
		slices.SortFunc(l, c.CompareString)
	}
	return sources, languages, tags, nil
}

// LinkResource ties a resource to a cohort session: to the whole session
// when blockID is WholeSession, else to that block of its agenda. The tie
// follows the block wherever the agenda moves it, and goes when the block
// is removed. Tying twice is not an error.
func (s *Store) LinkResource(ctx context.Context, resourceID, sessionID, blockID int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := resourceExists(ctx, tx, resourceID); err != nil {
			return err
		}
		var session, block bool
		if err := tx.QueryRowContext(ctx, `SELECT
				EXISTS (SELECT 1 FROM sessions WHERE id = $1),
				EXISTS (SELECT 1 FROM agenda_blocks WHERE session_id = $1 AND id = $2)`,
			sessionID, blockID).Scan(&session, &block); err != nil {
			return err
		}
		if !session {
			return sessionNotFound(sessionID)
		}
		if blockID != WholeSession && !block {
			return notFound("Ce bloc n’est plus dans l’agenda de la séance\u202f; il a peut-être été supprimé entre-temps.")
		}
		// NULL for the whole session, from Go: a nullif($3, 0) would make
		// PostgreSQL guess an int4 for the block id.
		blockOrNull := sql.NullInt64{Int64: blockID, Valid: blockID != WholeSession}
		_, err := tx.ExecContext(ctx, `INSERT INTO resource_links (resource_id, session_id, block_id)
			VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, resourceID, sessionID, blockOrNull)
		return err
	})
	return wrapWrite("le lien entre la ressource et la séance", err)
}

// UnlinkResource undoes LinkResource with the same arguments. Undoing a
// tie that does not exist is not an error.
func (s *Store) UnlinkResource(ctx context.Context, resourceID, sessionID, blockID int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM resource_links
			WHERE resource_id = $1 AND session_id = $2 AND coalesce(block_id, 0) = $3`,
			resourceID, sessionID, blockID)
		return err
	})
	return wrapWrite("le lien entre la ressource et la séance", err)
}

// ResourceLink is a resource tied to a session, whole (BlockID is
// WholeSession) or by one block.
type ResourceLink struct {
	ResourceID int64
	BlockID    int64
}

// SessionLinks lists what is tied to one cohort session with LinkResource.
func (s *Store) SessionLinks(ctx context.Context, sessionID int64) ([]ResourceLink, error) {
	var list []ResourceLink
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT resource_id, coalesce(block_id, 0) FROM resource_links
			WHERE session_id = $1 ORDER BY resource_id, block_id`, sessionID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l ResourceLink
			if err := rows.Scan(&l.ResourceID, &l.BlockID); err != nil {
				return err
			}
			list = append(list, l)
		}
		return rows.Err()
	})
	return list, wrapRead("les ressources liées à la séance", err)
}

// SessionResources lists, in French alphabetical order of title, the
// resources for one cohort session: those tied to it with LinkResource,
// whole or by one of its blocks, and those whose Sessions include its
// number (a catalogue entry for session 2 is offered in every cohort's
// session 2). Each appears once.
func (s *Store) SessionResources(ctx context.Context, sessionID int64) ([]library.Resource, error) {
	var list []library.Resource
	err := s.read(ctx, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx,
			"SELECT EXISTS (SELECT 1 FROM sessions WHERE id = $1)", sessionID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return sessionNotFound(sessionID)
		}
		var err error
		list, err = queryResources(ctx, tx, resourceSelect+` FROM resources r WHERE r.id IN (
				SELECT resource_id FROM resource_links WHERE session_id = $1
				UNION
				SELECT rs.resource_id FROM sessions s
				JOIN resource_sessions rs ON rs.session_number = s.number
				WHERE s.id = $1)`, sessionID)
		return err
	})
	if err != nil {
		return nil, wrapRead("les ressources de la séance", err)
	}
	sortByTitle(list)
	return list, nil
}

// normalise trims what a person typed, lowers the language code, drops
// empty and repeated tags and sorts the sessions.
func normalise(r library.Resource) library.Resource {
	for _, f := range []*string{&r.Title, &r.OriginalTitle, &r.Source, &r.Author, &r.URL, &r.Summary, &r.FilePath} {
		*f = strings.TrimSpace(*f)
	}
	r.Language = strings.ToLower(strings.TrimSpace(r.Language))
	var tags []string
	for _, t := range r.Tags {
		// A tag is one line of the tags column.
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	r.Tags = tags
	r.Sessions = slices.Compact(slices.Sorted(slices.Values(r.Sessions)))
	return r
}

// resourceWrites are the statements that insert resources, prepared once
// for a whole catalogue.
type resourceWrites struct {
	resource, session, index *sql.Stmt
	lastID                   int64
}

// indexSQL writes a resource's folded text (ftsArgs), replacing what was
// there: FTS5's virtual table takes no upsert, PostgreSQL has no INSERT OR
// REPLACE.
func (s *Store) indexSQL() string {
	if s.team {
		return `INSERT INTO resource_search (resource_id, title, summary, author, tags) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (resource_id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
				author = excluded.author, tags = excluded.tags`
	}
	return "INSERT OR REPLACE INTO resources_fts (rowid, title, summary, author, tags) VALUES ($1, $2, $3, $4, $5)"
}

func (s *Store) prepareResourceWrites(ctx context.Context, tx *sql.Tx) (*resourceWrites, error) {
	var w resourceWrites
	var err error
	// DO NOTHING: a custom entry may already have a catalogue entry's
	// title and source; RETURNING then gives no row.
	if w.resource, err = tx.PrepareContext(ctx, `INSERT INTO resources (title, original_title,
			source, author, language, has_french, url, summary, tags, favourite, file_path,
			custom, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (title, source) DO NOTHING RETURNING id`); err != nil {
		return nil, err
	}
	if w.session, err = tx.PrepareContext(ctx,
		"INSERT INTO resource_sessions (resource_id, session_number) VALUES ($1, $2)"); err != nil {
		w.close()
		return nil, err
	}
	if w.index, err = tx.PrepareContext(ctx, s.indexSQL()); err != nil {
		w.close()
		return nil, err
	}
	return &w, nil
}

func (w *resourceWrites) close() {
	for _, st := range []*sql.Stmt{w.resource, w.session, w.index} {
		if st != nil {
			st.Close()
		}
	}
}

// insert writes a normalised resource with its sessions and its index
// entry. It reports false, writing nothing, when one with the same title
// and source exists.
func (w *resourceWrites) insert(ctx context.Context, r library.Resource, now int64) (bool, error) {
	var id int64
	err := w.resource.QueryRowContext(ctx, r.Title, r.OriginalTitle, r.Source, r.Author,
		r.Language, r.HasFrench, r.URL, r.Summary, strings.Join(r.Tags, "\n"), r.Favourite,
		r.FilePath, r.Custom, now).Scan(&id)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	for _, n := range r.Sessions {
		if _, err := w.session.ExecContext(ctx, id, n); err != nil {
			return false, err
		}
	}
	if _, err := w.index.ExecContext(ctx, ftsArgs(id, r)...); err != nil {
		return false, err
	}
	w.lastID = id
	return true, nil
}

// reindexLibrary rebuilds the library's search rows from the resources,
// in one transaction: recovery copies the resources but not SQLite's
// contentless index (it cannot be read back), and a copy between engines
// copies resources whose search rows the other engine keeps its own way.
func (s *Store) reindexLibrary(ctx context.Context) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		clear := "INSERT INTO resources_fts (resources_fts) VALUES ('delete-all')"
		if s.team {
			clear = "DELETE FROM resource_search"
		}
		if _, err := tx.ExecContext(ctx, clear); err != nil {
			return err
		}
		list, err := queryResources(ctx, tx, resourceSelect+" FROM resources r")
		if err != nil {
			return err
		}
		index, err := tx.PrepareContext(ctx, s.indexSQL())
		if err != nil {
			return err
		}
		defer index.Close()
		for _, r := range list {
			if _, err := index.ExecContext(ctx, ftsArgs(r.ID, r)...); err != nil {
				return err
			}
		}
		return nil
	})
}

// ftsArgs are indexSQL's arguments: the text folded as fold.Key folds a
// query, so that « oeuvre » finds « Œuvre » and « l'organisation » finds
// « l’organisation ». The original title is searchable with the title.
func ftsArgs(id int64, r library.Resource) []any {
	title := r.Title
	if r.OriginalTitle != "" {
		title += " " + r.OriginalTitle
	}
	return []any{id, fold.Key(title), fold.Key(r.Summary), fold.Key(r.Author), fold.Key(strings.Join(r.Tags, " "))}
}

func writeSessions(ctx context.Context, tx *sql.Tx, id int64, sessions []int) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM resource_sessions WHERE resource_id = $1", id); err != nil {
		return err
	}
	for _, n := range sessions {
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO resource_sessions (resource_id, session_number) VALUES ($1, $2)", id, n); err != nil {
			return err
		}
	}
	return nil
}

// resourceKeyFree gives a readable error before the UNIQUE constraint
// would give an unreadable one. except is the resource being edited.
func resourceKeyFree(ctx context.Context, tx *sql.Tx, r library.Resource, except int64) error {
	var taken bool
	if err := tx.QueryRowContext(ctx,
		"SELECT EXISTS (SELECT 1 FROM resources WHERE title = $1 AND source = $2 AND id <> $3)",
		r.Title, r.Source, except).Scan(&taken); err != nil {
		return err
	}
	if taken {
		return usererr.New("La bibliothèque contient déjà «\u00a0%s\u00a0» de la source «\u00a0%s\u00a0».", r.Title, r.Source).Of(ErrDuplicateName)
	}
	return nil
}

func resourceExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var exists bool
	if err := tx.QueryRowContext(ctx,
		"SELECT EXISTS (SELECT 1 FROM resources WHERE id = $1)", id).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		return resourceNotFound(id)
	}
	return nil
}

func resourceNotFound(id int64) error {
	return notFound("La ressource n°\u00a0%d est introuvable\u202f; elle a peut-être été supprimée.", id)
}

func sessionNotFound(id int64) error {
	return notFound("La séance n°\u00a0%d est introuvable\u202f; elle a peut-être été supprimée.", id)
}

// queryResources runs a query that starts with resourceSelect.
func queryResources(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]library.Resource, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []library.Resource
	for rows.Next() {
		var r library.Resource
		var tags, sessions string
		if err := rows.Scan(&r.ID, &r.Title, &r.OriginalTitle, &r.Source, &r.Author, &r.Language,
			&r.HasFrench, &r.URL, &r.Summary, &tags, &r.Favourite, &r.FilePath, &r.Custom,
			&sessions); err != nil {
			return nil, err
		}
		if tags != "" {
			r.Tags = strings.Split(tags, "\n")
		}
		for n := range strings.SplitSeq(sessions, ",") {
			if n, err := strconv.Atoi(n); err == nil {
				r.Sessions = append(r.Sessions, n)
			}
		}
		slices.Sort(r.Sessions)
		list = append(list, r)
	}
	return list, rows.Err()
}

func queryStrings(ctx context.Context, tx *sql.Tx, query string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		list = append(list, s)
	}
	return list, rows.Err()
}

// frenchCollator orders as participants.SortByName does: accents and case
// count only to break ties, « Œ » sorts as « OE ».
func frenchCollator() *collate.Collator {
	return collate.New(language.French, collate.IgnoreCase)
}

// sortByTitle sorts resources in French alphabetical order of title.
func sortByTitle(list []library.Resource) {
	c := frenchCollator()
	var buf collate.Buffer
	keys := make([]string, len(list))
	order := make([]int, len(list))
	for i, r := range list {
		keys[i] = string(c.KeyFromString(&buf, r.Title))
		buf.Reset()
		order[i] = i
	}
	// Indices, not resources, move while sorting.
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	sorted := make([]library.Resource, len(list))
	for i, j := range order {
		sorted[i] = list[j]
	}
	copy(list, sorted)
}

// elisions are the French words an apostrophe joins to the next one
// (« l’organisation », « d’action »). A query drops them: as one-letter
// prefixes they would match nearly every resource, slowly, and narrow
// nothing.
var elisions = map[string]bool{
	"c": true, "d": true, "j": true, "l": true, "m": true, "n": true, "s": true, "t": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

// queryWords are the words of what a person typed that a search looks
// for: folded (fold.Key), at most maxWords, without the elided words.
// Anything but letters and digits separates words, as it does for FTS5's
// unicode61 tokenizer and PostgreSQL's parser, so no quote, parenthesis,
// star, ampersand or colon of the input is in a word.
func queryWords(text string) []string {
	key := fold.Key(text)
	var words []string
	for i := 0; i < len(key) && len(words) < maxWords; {
		r, size := utf8.DecodeRuneInString(key[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(key) {
			r, size := utf8.DecodeRuneInString(key[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		word := key[i:j]
		i = j
		if elisions[word] && strings.HasPrefix(key[j:], "'") {
			continue
		}
		words = append(words, word)
	}
	return words
}

// matchText is the query of words for the engine's index: matchExpr's or
// tsQuery's.
func (s *Store) matchText(words []string) string {
	if s.team {
		return tsQuery(words)
	}
	return matchExpr(words)
}

// matchExpr turns query words into an FTS5 query: each quoted (so that
// « or » or « near » is a word, not an operator) and matched as a prefix,
// all required. It is "" when there is no word to look for.
func matchExpr(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + w + `"*`)
	}
	return b.String()
}

// tsQuery is matchExpr for to_tsquery('simple', …): each word quoted and
// matched as a prefix (:*), all required (&). A word holds no quote
// (queryWords), so the quotes need no escaping; they keep a word a word
// whatever the parser would make of it bare.
func tsQuery(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteString(" & ")
		}
		b.WriteString("'" + w + "':*")
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}
