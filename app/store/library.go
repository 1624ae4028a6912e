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

// maxWords bounds a query's size: every word is one more prefix scan.
const maxWords = 16

// resourceSelect reads the columns queryResources expects, from resources r.
const resourceSelect = `SELECT r.id, r.title, r.original_title, r.source, r.author, r.language,
	r.has_french, r.url, r.summary, r.tags, r.favourite, r.file_path, r.custom,
	coalesce((SELECT group_concat(session_number, ',') FROM resource_sessions
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
			"INSERT INTO resource_catalogue (title, source) VALUES (?, ?) ON CONFLICT DO NOTHING")
		if err != nil {
			return err
		}
		defer seen.Close()
		w, err := prepareResourceWrites(ctx, tx)
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
		list, err := queryResources(ctx, tx, resourceSelect+" FROM resources r WHERE r.id = ?", id)
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
		w, err := prepareResourceWrites(ctx, tx)
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
		res, err := tx.ExecContext(ctx, `UPDATE resources SET title = ?, original_title = ?,
				source = ?, author = ?, language = ?, has_french = ?, url = ?, summary = ?,
				tags = ?, favourite = ?, file_path = ?
			WHERE id = ?`,
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
		_, err = tx.ExecContext(ctx, indexSQL, ftsArgs(r.ID, r)...)
		return err
	})
	return wrapWrite("la ressource", err)
}

// DeleteResource removes an entry, its sessions and its ties to cohort
// sessions. A catalogue entry deleted stays deleted: SeedLibrary remembers
// it was seeded.
func (s *Store) DeleteResource(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		found, err := deleteResource(ctx, tx, id)
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
		res, err := tx.ExecContext(ctx, "UPDATE resources SET favourite = ? WHERE id = ?", favourite, id)
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
	match := matchExpr(q.Text)
	if match != "" {
		args = append(args, match)
	}
	if q.Source != "" {
		where.WriteString(" AND r.source = ?")
		args = append(args, q.Source)
	}
	if q.Language != "" {
		where.WriteString(" AND r.language = ?")
		args = append(args, strings.ToLower(strings.TrimSpace(q.Language)))
	}
	if q.Tag != "" {
		// tags holds one tag per line: match a whole line.
		where.WriteString(" AND instr(char(10) || r.tags || char(10), char(10) || ? || char(10)) > 0")
		args = append(args, q.Tag)
	}
	if q.Favourites {
		where.WriteString(" AND r.favourite = 1")
	}
	if q.Session != 0 {
		where.WriteString(` AND EXISTS (SELECT 1 FROM resource_sessions
			WHERE resource_id = r.id AND session_number = ?)`)
		args = append(args, q.Session)
	}
	var list []library.Resource
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if match == "" {
			list, err = queryResources(ctx, tx, resourceSelect+" FROM resources r WHERE 1"+where.String(), args...)
			return err
		}
		limit := q.Limit
		if limit <= 0 {
			limit = -1 // SQLite: no limit
		}
		// Rank first, then read the rows kept: sorting full rows would
		// read every match's summary, tags and sessions.
		from := "resources_fts"
		if where.Len() > 0 {
			from += " JOIN resources r ON r.id = resources_fts.rowid"
		}
		list, err = queryResources(ctx, tx, `WITH hits AS MATERIALIZED (
				SELECT resources_fts.rowid AS id, `+rankBy+` AS score FROM `+from+`
				WHERE resources_fts MATCH ?`+where.String()+`
				ORDER BY score, resources_fts.rowid LIMIT ?)
			`+resourceSelect+` FROM hits JOIN resources r ON r.id = hits.id
			ORDER BY hits.score, hits.id`, append(args, limit)...)
		return err
	})
	if err != nil {
		return nil, wrapRead("la recherche dans la bibliothèque", err)
	}
	if match == "" {
		// Sorted here because SQLite cannot sort the French way; hence
		// the limit applied here too.
		sortByTitle(list)
		if q.Limit > 0 && len(list) > q.Limit {
			list = list[:q.Limit]
		}
	}
	return list, nil
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
				EXISTS (SELECT 1 FROM sessions WHERE id = ?1),
				EXISTS (SELECT 1 FROM agenda_blocks WHERE session_id = ?1 AND id = ?2)`,
			sessionID, blockID).Scan(&session, &block); err != nil {
			return err
		}
		if !session {
			return sessionNotFound(sessionID)
		}
		if blockID != WholeSession && !block {
			return notFound("Ce bloc n’est plus dans l’agenda de la séance\u202f; il a peut-être été supprimé entre-temps.")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO resource_links (resource_id, session_id, block_id)
			VALUES (?, ?, nullif(?, 0)) ON CONFLICT DO NOTHING`, resourceID, sessionID, blockID)
		return err
	})
	return wrapWrite("le lien entre la ressource et la séance", err)
}

// UnlinkResource undoes LinkResource with the same arguments. Undoing a
// tie that does not exist is not an error.
func (s *Store) UnlinkResource(ctx context.Context, resourceID, sessionID, blockID int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM resource_links
			WHERE resource_id = ? AND session_id = ? AND ifnull(block_id, 0) = ?`,
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
		rows, err := tx.QueryContext(ctx, `SELECT resource_id, ifnull(block_id, 0) FROM resource_links
			WHERE session_id = ? ORDER BY resource_id, block_id`, sessionID)
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
			"SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?)", sessionID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return sessionNotFound(sessionID)
		}
		var err error
		list, err = queryResources(ctx, tx, resourceSelect+` FROM resources r WHERE r.id IN (
				SELECT resource_id FROM resource_links WHERE session_id = ?1
				UNION
				SELECT rs.resource_id FROM sessions s
				JOIN resource_sessions rs ON rs.session_number = s.number
				WHERE s.id = ?1)`, sessionID)
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

// indexSQL writes a resource's folded text, replacing what was there.
const indexSQL = "INSERT OR REPLACE INTO resources_fts (rowid, title, summary, author, tags) VALUES (?, ?, ?, ?, ?)"

func prepareResourceWrites(ctx context.Context, tx *sql.Tx) (*resourceWrites, error) {
	var w resourceWrites
	var err error
	// DO NOTHING: a custom entry may already have a catalogue entry's
	// title and source.
	if w.resource, err = tx.PrepareContext(ctx, `INSERT INTO resources (title, original_title,
			source, author, language, has_french, url, summary, tags, favourite, file_path,
			custom, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (title, source) DO NOTHING`); err != nil {
		return nil, err
	}
	if w.session, err = tx.PrepareContext(ctx,
		"INSERT INTO resource_sessions (resource_id, session_number) VALUES (?, ?)"); err != nil {
		w.close()
		return nil, err
	}
	if w.index, err = tx.PrepareContext(ctx, indexSQL); err != nil {
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
	res, err := w.resource.ExecContext(ctx, r.Title, r.OriginalTitle, r.Source, r.Author,
		r.Language, r.HasFrench, r.URL, r.Summary, strings.Join(r.Tags, "\n"), r.Favourite,
		r.FilePath, r.Custom, now)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	id, err := res.LastInsertId()
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
	if _, err := tx.ExecContext(ctx, "DELETE FROM resource_sessions WHERE resource_id = ?", id); err != nil {
		return err
	}
	for _, n := range sessions {
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO resource_sessions (resource_id, session_number) VALUES (?, ?)", id, n); err != nil {
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
		"SELECT EXISTS (SELECT 1 FROM resources WHERE title = ? AND source = ? AND id <> ?)",
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
		"SELECT EXISTS (SELECT 1 FROM resources WHERE id = ?)", id).Scan(&exists); err != nil {
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

// matchExpr turns what a person typed into an FTS5 query: the folded words,
// each quoted (so that « or » or « near » is a word, not an operator) and
// matched as a prefix, all required. Anything but letters and digits
// separates words, as it does for the unicode61 tokenizer, so no quote,
// parenthesis or star of the input reaches FTS5. It is "" when there is no
// word to look for.
func matchExpr(text string) string {
	key := fold.Key(text)
	var b strings.Builder
	words := 0
	for i := 0; i < len(key) && words < maxWords; {
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
		if words > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + word + `"*`)
		words++
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}
