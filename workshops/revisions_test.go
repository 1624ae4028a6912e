package workshops

import (
	"slices"
	"testing"

	"atelier/app/domain/library"
)

// Every entry 0.1 shipped is either unchanged, corrected into an entry of
// the checked catalogue, or withdrawn; only the texts no source confirmed are
// withdrawn.
func TestRevisions(t *testing.T) {
	revs, err := Revisions()
	if err != nil {
		t.Fatal(err)
	}
	current := MustResources()
	var withdrawn []string
	successor := map[string]string{}
	for _, r := range revs {
		if r.New == nil {
			withdrawn = append(withdrawn, r.Old.OriginalTitle)
			continue
		}
		if !slices.ContainsFunc(current, func(c library.Resource) bool { return c.Title == r.New.Title && c.Source == r.New.Source }) {
			t.Errorf("%q is corrected into %q, which the catalogue does not ship", r.Old.Title, r.New.Title)
		}
		successor[r.Old.OriginalTitle] = r.New.Title
	}
	slices.Sort(withdrawn)
	if want := []string{"How to Structure Teams for Organising", "Rebels and Reformers Unite"}; !slices.Equal(withdrawn, want) {
		t.Errorf("withdrawn %q, want %q", withdrawn, want)
	}
	for old, want := range map[string]string{
		"Many Voices One Song: Shared Power with Sociocracy":    "Chaque voix compte",
		"Organizing Obama: Campaigns, Organizations, Movements": "Organiser la campagne Obama\u00a0: campagne, organisation, mouvement",
		"Momentum Cohort":        "La cohorte de formation de Momentum",
		"Sunrise Hub Principles": "Les règles de stratégie du mouvement Sunrise",
	} {
		if got := successor[old]; got != want {
			t.Errorf("%q becomes %q, want %q", old, got, want)
		}
	}
	old, err := Shipped01()
	if err != nil || len(old) != 55 {
		t.Fatalf("0.1 shipped %d entries, %v", len(old), err)
	}
}
