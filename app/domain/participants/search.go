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

// NewIndex indexes list; the indices Search returns point into it. It is
// built when the roster is loaded, so that the first keystroke costs what
// the others do. Each field is folded alone (a courriel, in ASCII, skips
// the Unicode work) and the values many people share (an organisation, a
// city, pronouns) once: at 10,000 people that is most of the cost.
func NewIndex(list []Participant) *Index {
	ix := &Index{list: list, keys: make([]string, len(list))}
	shared := map[string]string{}
	foldShared := func(v string) string {
		k, ok := shared[v]
		if !ok {
			k = fold.Key(v)
			shared[v] = k
		}
		return k
	}
	var b strings.Builder
	for i, p := range list {
		b.Reset()
		// A query word holds no line break, so none matches across two
		// fields.
		for _, f := range [...]string{fold.Key(p.Name), fold.Key(p.Email), foldShared(p.Organisation), foldShared(p.City), foldShared(p.Pronouns)} {
			b.WriteString(f)
			b.WriteByte('\n')
		}
		ix.keys[i] = b.String()
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
