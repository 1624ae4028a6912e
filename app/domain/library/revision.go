package library

import (
	"slices"
	"strings"
)

// Revision is a correction of the catalogue shipped with the course: an
// entry as an earlier version of Atelier shipped it, and what it became.
// New is nil for an entry withdrawn (a text no public source confirmed).
type Revision struct {
	Old Resource
	New *Resource
}

// SameFacts reports whether a and b say the same about a resource: what
// the catalogue ships (title, original title, source, author, language,
// French edition, address, summary, tags, sessions), not what the
// facilitators add (favourite, attached file). Spaces at the ends, the
// order of sessions and repeated tags do not count.
func SameFacts(a, b Resource) bool {
	trim := strings.TrimSpace
	for _, p := range [][2]string{
		{a.Title, b.Title}, {a.OriginalTitle, b.OriginalTitle}, {a.Source, b.Source}, {a.Author, b.Author},
		{a.URL, b.URL}, {a.Summary, b.Summary},
	} {
		if trim(p[0]) != trim(p[1]) {
			return false
		}
	}
	tags := func(r Resource) []string {
		var out []string
		for _, t := range r.Tags {
			if t = strings.Join(strings.Fields(t), " "); t != "" && !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
		return out
	}
	sessions := func(r Resource) []int { return slices.Compact(slices.Sorted(slices.Values(r.Sessions))) }
	return strings.EqualFold(trim(a.Language), trim(b.Language)) && a.HasFrench == b.HasFrench &&
		slices.Equal(tags(a), tags(b)) && slices.Equal(sessions(a), sessions(b))
}

// Catalogue is the library shipped with the course: its entries, and the
// corrections of entries earlier versions shipped. Version names both; a
// library that has had this version is neither seeded nor corrected again,
// and the catalogue is then not even read (it costs the start-up several
// milliseconds).
type Catalogue struct {
	Version string
	load    func() ([]Resource, []Revision)
}

// NewCatalogue is the catalogue named version, read by load when a library
// needs it.
func NewCatalogue(version string, load func() ([]Resource, []Revision)) Catalogue {
	return Catalogue{Version: version, load: load}
}

// Load reads the catalogue's entries and revisions; none for the zero
// Catalogue.
func (c Catalogue) Load() ([]Resource, []Revision) {
	if c.load == nil {
		return nil, nil
	}
	return c.load()
}
