package workshops

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"strings"

	"atelier/app/domain/library"
)

// The catalogue as Atelier 0.1 shipped it, before it was checked entry by
// entry against public sources. A database seeded with it holds those
// entries; Revisions tells the store what each became.
//
//go:embed resources-0.1.toml
var resources01TOML string

// successors names, by original title, the entries whose original title
// changed when they were checked: an 0.1 entry is otherwise followed by the
// entry with its title and source, then by the one with its original title.
var successors = map[string]string{
	"Momentum Cohort":        "Momentum Training Cohort",
	"Sunrise Hub Principles": "Rules for Strategy",
	"Organizing Obama: Campaigns, Organizations, Movements":                                                          "Organizing Obama: Campaign, Organization, Movement",
	"Reinventing Organizations: A Guide to Creating Organizations Inspired by the Next Stage of Human Consciousness": "Reinventing Organizations",
}

// Shipped01 is the catalogue as Atelier 0.1 shipped it: what a database
// that version seeded holds.
func Shipped01() ([]library.Resource, error) { return loadResources(resources01TOML) }

// Revisions lists the 0.1 entries the checked catalogue corrects or
// withdraws; an entry it ships unchanged is not listed.
func Revisions() ([]library.Revision, error) {
	old, err := Shipped01()
	if err != nil {
		return nil, err
	}
	current, err := Resources()
	if err != nil {
		return nil, err
	}
	return revisions(old, current), nil
}

// MustRevisions is Revisions for program start-up; the package's tests
// guarantee the embedded files are good.
func MustRevisions() []library.Revision {
	r, err := Revisions()
	if err != nil {
		panic(err)
	}
	return r
}

// Catalogue is what the library is seeded and corrected with, named by a
// digest of the embedded files, so that a change to either is a new
// version.
func Catalogue() library.Catalogue {
	sum := sha256.Sum256([]byte(resourcesTOML + "\x00" + resources01TOML))
	return library.NewCatalogue(hex.EncodeToString(sum[:8]), func() ([]library.Resource, []library.Revision) {
		current := MustResources()
		old, err := Shipped01()
		if err != nil {
			panic(err) // the package's tests load it
		}
		return current, revisions(old, current)
	})
}

func revisions(old, current []library.Resource) []library.Revision {
	find := func(match func(library.Resource) bool) *library.Resource {
		for i := range current {
			if match(current[i]) {
				return &current[i]
			}
		}
		return nil
	}
	var out []library.Revision
	for _, o := range old {
		next := find(func(r library.Resource) bool { return r.Title == o.Title && r.Source == o.Source })
		if next == nil {
			want := o.OriginalTitle
			if s, ok := successors[want]; ok {
				want = s
			}
			if want != "" {
				next = find(func(r library.Resource) bool { return strings.EqualFold(r.OriginalTitle, want) })
			}
		}
		if next != nil && library.SameFacts(o, *next) {
			continue
		}
		out = append(out, library.Revision{Old: o, New: next})
	}
	return out
}
