package participants

import (
	"strings"

	"atelier/app/kit/fold"
)

// Index answers the roster's search-as-you-type: each person's name,
// email, organisation, city and pronouns folded once, so that a keystroke
// costs one substring scan.
type Index struct {
	list []Participant
	keys []string
}

// NewIndex indexes list; the indices Search returns point into it.
func NewIndex(list []Participant) *Index {
	ix := &Index{list: list, keys: make([]string, len(list))}
	var b strings.Builder
	for i, p := range list {
		b.Reset()
		for _, f := range []string{p.Name, p.Email, p.Organisation, p.City, p.Pronouns} {
			b.WriteString(f)
			b.WriteByte('\n')
		}
		ix.keys[i] = fold.Key(b.String())
	}
	return ix
}

// Search returns, in roster order, the people whose fields contain every
// word of query (case, accents and ligatures ignored) and whose status is
// status (any status when empty).
func (ix *Index) Search(query string, status Status) []int {
	words := strings.Fields(fold.Key(query))
	out := make([]int, 0, len(ix.list))
	for i, key := range ix.keys {
		if status != "" && ix.list[i].Status != status {
			continue
		}
		if containsAll(key, words) {
			out = append(out, i)
		}
	}
	return out
}

func containsAll(key string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(key, w) {
			return false
		}
	}
	return true
}
