package structure

import "testing"

func TestDecisionMethods(t *testing.T) {
	got := DecisionMethods()
	if len(got) != 10 || got[0] != "Décision par la personne qui détient le mandat" || got[9] != "Vote à la majorité" {
		t.Fatalf("decision methods %q", got)
	}
	seen := map[string]bool{}
	for _, m := range got {
		if seen[m] {
			t.Errorf("%q twice", m)
		}
		seen[m] = true
		if p := frenchProblems(m); p != nil {
			t.Errorf("%q: %v", m, p)
		}
	}
	got[0] = "changé"
	if DecisionMethods()[0] == "changé" {
		t.Error("the caller can change the list")
	}
}

// The checker the template tests rely on does catch what it should.
func TestFrenchProblems(t *testing.T) {
	bad := []string{
		"L'équipe", `Le "cercle"`, "Rôle : animation", "«\u00a0x »", "Prêt !",
		"militant.e.s", "personne(s)", "Outreach", "deux  espaces", "85 %",
	}
	for _, s := range bad {
		if frenchProblems(s) == nil {
			t.Errorf("%q passes", s)
		}
	}
	good := "L’équipe d’animation\u00a0: «\u00a0militant·e·s\u00a0» à 85\u00a0%; prêt·e·s!"
	if p := frenchProblems(good); p != nil {
		t.Errorf("%q: %v", good, p)
	}
}
