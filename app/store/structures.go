package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"atelier/app/domain/structure"
	"atelier/app/kit/fold"
	"atelier/app/kit/usererr"
)

// StructureSummary is what the list of a cohort's structures shows.
type StructureSummary struct {
	ID    int64
	Name  string
	Nodes int
}

// Structures lists a cohort's diagrams by name, in French alphabetical
// order (the id breaks ties).
func (s *Store) Structures(ctx context.Context, cohortID int64) ([]StructureSummary, error) {
	var list []StructureSummary
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT s.id, s.name,
				(SELECT count(*) FROM structure_nodes n WHERE n.structure_id = s.id)
			FROM structures s WHERE s.cohort_id = $1 ORDER BY s.id`, cohortID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x StructureSummary
			if err := rows.Scan(&x.ID, &x.Name, &x.Nodes); err != nil {
				return err
			}
			list = append(list, x)
		}
		return rows.Err()
	})
	// Sorted here rather than by the engine: SQLite's NOCASE and lower()
	// fold ASCII only, PostgreSQL's lower() follows the server's locale,
	// so « Écologie » would land in a different place on each; the
	// collator orders as the library's lists do, on both.
	c := frenchCollator()
	slices.SortStableFunc(list, func(a, b StructureSummary) int { return c.CompareString(a.Name, b.Name) })
	return list, wrapRead("les structures", err)
}

// Structure loads one diagram with its nodes, members and links, and its
// version.
func (s *Store) Structure(ctx context.Context, id int64) (structure.Structure, error) {
	var st structure.Structure
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		st, err = loadStructure(ctx, tx, id)
		return err
	})
	return st, wrapRead("la structure", err)
}

func structureNotFound(id int64) error {
	return notFound("La structure n°\u00a0%d est introuvable\u202f; elle a peut-être été supprimée.", id)
}

// loadStructure reads diagram id in tx: Structure, and the fresh version a
// conflict shows.
func loadStructure(ctx context.Context, tx *sql.Tx, id int64) (structure.Structure, error) {
	var st structure.Structure
	err := func() error {
		err := tx.QueryRowContext(ctx, "SELECT id, cohort_id, name, version FROM structures WHERE id = $1", id).
			Scan(&st.ID, &st.CohortID, &st.Name, &st.Version)
		if errors.Is(err, sql.ErrNoRows) {
			return structureNotFound(id)
		} else if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, kind, label, x, y, purpose, accountabilities,
				domain, decision_method, coalesce(term_end, 0)
			FROM structure_nodes WHERE structure_id = $1 ORDER BY id`, id)
		if err != nil {
			return err
		}
		index := map[int64]int{}
		for rows.Next() {
			var n structure.Node
			var x, y float64
			var end int64
			if err := rows.Scan(&n.ID, &n.Kind, &n.Label, &x, &y, &n.Purpose, &n.Accountabilities,
				&n.Domain, &n.DecisionMethod, &end); err != nil {
				rows.Close()
				return err
			}
			n.X, n.Y = float32(x), float32(y)
			if end != 0 {
				n.TermEnd = time.Unix(end, 0)
			}
			index[n.ID] = len(st.Nodes)
			st.Nodes = append(st.Nodes, n)
		}
		rows.Close()
		rows, err = tx.QueryContext(ctx, `SELECT node_id, name FROM structure_members
			WHERE structure_id = $1 ORDER BY node_id, position`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var node int64
			var name string
			if err := rows.Scan(&node, &name); err != nil {
				rows.Close()
				return err
			}
			if i, ok := index[node]; ok {
				st.Nodes[i].Members = append(st.Nodes[i].Members, name)
			}
		}
		rows.Close()
		rows, err = tx.QueryContext(ctx, `SELECT id, from_id, to_id, kind, label FROM structure_links
			WHERE structure_id = $1 ORDER BY id`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l structure.Link
			if err := rows.Scan(&l.ID, &l.From, &l.To, &l.Kind, &l.Label); err != nil {
				return err
			}
			st.Links = append(st.Links, l)
		}
		return rows.Err()
	}()
	return st, err
}

// CreateStructure stores a new diagram in a cohort and returns its id.
func (s *Store) CreateStructure(ctx context.Context, cohortID int64, st structure.Structure) (int64, error) {
	st.Name = strings.TrimSpace(st.Name)
	if err := st.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := cohortExists(ctx, tx, cohortID); err != nil {
			return err
		}
		if err := structureNameFree(ctx, tx, cohortID, st.Name, 0); err != nil {
			return err
		}
		now := s.now().Unix()
		err := tx.QueryRowContext(ctx, "INSERT INTO structures (cohort_id, name, created_at, updated_at) VALUES ($1, $2, $3, $4) RETURNING id",
			cohortID, st.Name, now, now).Scan(&id)
		if err != nil {
			return err
		}
		return writeContent(ctx, tx, id, cohortID, st)
	})
	return id, wrapWrite("la structure", err)
}

// SaveStructure replaces a diagram's content (and name) with st, in one
// transaction: the canvas calls it after every edit and at the end of a
// drag. st.Version must be the version the diagram was read (or last
// saved) with; it returns the new one, for the next save. A diagram saved
// by someone else since is not overwritten: the error is a *ConflictError
// (ErrConflict) with the diagram as saved now.
func (s *Store) SaveStructure(ctx context.Context, st structure.Structure) (version int64, err error) {
	st.Name = strings.TrimSpace(st.Name)
	if err := st.Validate(); err != nil {
		return 0, err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var cohortID int64
		err := tx.QueryRowContext(ctx, "SELECT cohort_id FROM structures WHERE id = $1", st.ID).Scan(&cohortID)
		if errors.Is(err, sql.ErrNoRows) {
			return structureNotFound(st.ID)
		} else if err != nil {
			return err
		}
		if err := structureNameFree(ctx, tx, cohortID, st.Name, st.ID); err != nil {
			return err
		}
		// The version is checked by the UPDATE itself, before the content
		// is rewritten: on a team database a concurrent save waits for
		// this row's lock, then finds the version changed.
		err = tx.QueryRowContext(ctx, `UPDATE structures SET name = $1, updated_at = $2, version = version + 1
			WHERE id = $3 AND version = $4 RETURNING version`, st.Name, s.now().Unix(), st.ID, st.Version).Scan(&version)
		if errors.Is(err, sql.ErrNoRows) {
			return structureConflict(ctx, tx, st.ID)
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM structure_nodes WHERE structure_id = $1", st.ID); err != nil {
			return err
		}
		return writeContent(ctx, tx, st.ID, cohortID, st)
	})
	if err != nil {
		return 0, wrapWrite("la structure", err)
	}
	return version, nil
}

func structureNameFree(ctx context.Context, tx *sql.Tx, cohortID int64, name string, except int64) error {
	var taken bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM structures WHERE cohort_id = $1 AND name = $2 AND id <> $3)",
		cohortID, name, except).Scan(&taken); err != nil {
		return err
	}
	if taken {
		return usererr.New("Une structure porte déjà le nom «\u00a0%s\u00a0» dans cette cohorte.", name).Of(ErrDuplicateName)
	}
	return nil
}

// writeContent inserts the nodes, members and links of st under id.
func writeContent(ctx context.Context, tx *sql.Tx, id, cohortID int64, st structure.Structure) error {
	roster, err := rosterKeys(ctx, tx, cohortID)
	if err != nil {
		return err
	}
	nodes, err := tx.PrepareContext(ctx, `INSERT INTO structure_nodes (structure_id, id, kind, label, x, y,
		purpose, accountabilities, domain, decision_method, term_end) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`)
	if err != nil {
		return err
	}
	defer nodes.Close()
	members, err := tx.PrepareContext(ctx, `INSERT INTO structure_members (structure_id, node_id, position, name, participant_id)
		VALUES ($1, $2, $3, $4, $5)`)
	if err != nil {
		return err
	}
	defer members.Close()
	for _, n := range st.Nodes {
		var end any
		if !n.TermEnd.IsZero() {
			end = n.TermEnd.Unix()
		}
		if _, err := nodes.ExecContext(ctx, id, n.ID, string(n.Kind), n.Label, float64(n.X), float64(n.Y),
			n.Purpose, n.Accountabilities, n.Domain, n.DecisionMethod, end); err != nil {
			return err
		}
		for i, m := range n.Members {
			var pid any
			if p, ok := roster[fold.Key(m)]; ok {
				pid = p
			}
			if _, err := members.ExecContext(ctx, id, n.ID, i, m, pid); err != nil {
				return err
			}
		}
	}
	links, err := tx.PrepareContext(ctx, `INSERT INTO structure_links (structure_id, id, from_id, to_id, kind, label)
		VALUES ($1, $2, $3, $4, $5, $6)`)
	if err != nil {
		return err
	}
	defer links.Close()
	for i, l := range st.Links {
		lid := l.ID
		if lid == 0 {
			lid = int64(i + 1)
		}
		if _, err := links.ExecContext(ctx, id, lid, l.From, l.To, string(l.Kind), l.Label); err != nil {
			return err
		}
	}
	return nil
}

// rosterKeys maps the folded names of a cohort's people to their ids.
func rosterKeys(ctx context.Context, tx *sql.Tx, cohortID int64) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM participants WHERE cohort_id = $1", cohortID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int64{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		m[fold.Key(name)] = id
	}
	return m, rows.Err()
}

// DuplicateStructure copies a diagram under a new name and returns the
// copy's id.
func (s *Store) DuplicateStructure(ctx context.Context, id int64, name string) (int64, error) {
	st, err := s.Structure(ctx, id)
	if err != nil {
		return 0, err
	}
	st.Name = name
	return s.CreateStructure(ctx, st.CohortID, st)
}

// DeleteStructure removes a diagram.
func (s *Store) DeleteStructure(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM structures WHERE id = $1", id)
		return err
	})
	return wrapWrite("la suppression de la structure", err)
}

// CohortStructures loads every diagram of a cohort, by name, for the
// session-3 handout.
func (s *Store) CohortStructures(ctx context.Context, cohortID int64) ([]structure.Structure, error) {
	list, err := s.Structures(ctx, cohortID)
	if err != nil {
		return nil, err
	}
	out := make([]structure.Structure, 0, len(list))
	for _, x := range list {
		st, err := s.Structure(ctx, x.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}
