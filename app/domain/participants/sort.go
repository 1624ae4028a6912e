package participants

import (
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// SortByName orders people alphabetically the French way: accents and case
// count only to break ties (« Élodie » sorts with the E, « Œ » as « OE »).
func SortByName(list []Participant) {
	c := collate.New(language.French, collate.IgnoreCase)
	var buf collate.Buffer
	keys := make([][]byte, len(list))
	for i, p := range list {
		keys[i] = append([]byte(nil), c.KeyFromString(&buf, p.Name)...)
		buf.Reset()
	}
	idx := make([]int, len(list))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return string(keys[idx[a]]) < string(keys[idx[b]]) })
	sorted := make([]Participant, len(list))
	for i, j := range idx {
		sorted[i] = list[j]
	}
	copy(list, sorted)
}
