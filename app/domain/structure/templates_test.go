package structure

import (
	"slices"
	"strings"
	"testing"
)

func TestTemplatesList(t *testing.T) {
	want := []string{
		"Groupe local autonome (XR)",
		"Cercles sociocratiques à lien double",
		"Flocon de neige (Ganz)",
		"Pôles autonomes (Momentum, Sunrise)",
		"Coalition en étoile",
		"Canevas vide",
	}
	var names []string
	keys := map[string]bool{}
	for _, tp := range Templates() {
		names = append(names, tp.Name)
		if tp.Key == "" || keys[tp.Key] {
			t.Errorf("key %q empty or twice", tp.Key)
		}
		keys[tp.Key] = true
		for _, text := range []string{tp.Name, tp.Description} {
			if p := frenchProblems(text); p != nil {
				t.Errorf("%s: %q: %v", tp.Key, text, p)
			}
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("templates %q, want %q", names, want)
	}
}

func TestFromTemplate(t *testing.T) {
	methods := DecisionMethods()
	for _, tp := range Templates() {
		t.Run(tp.Key, func(t *testing.T) {
			s, err := FromTemplate(tp.Key, "Atelier du groupe 2")
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(); err != nil {
				t.Errorf("does not validate: %v", err)
			}
			if s.Name != "Atelier du groupe 2" {
				t.Errorf("name %q", s.Name)
			}
			if o := overlap(s, nil); o != "" {
				t.Errorf("overlap: %s", o)
			}
			sized, err := FromTemplateSized(tp.Key, "Atelier du groupe 2", metrics)
			if err != nil {
				t.Fatal(err)
			}
			if o := overlap(sized, metrics); o != "" {
				t.Errorf("overlap once labelled: %s", o)
			}
			if o := offGrid(s); o != "" {
				t.Errorf("off the grid: %s", o)
			}
			for i, n := range s.Nodes {
				if n.ID != int64(i+1) {
					t.Errorf("node %d has id %d", i, n.ID)
				}
				if n.Filled() {
					t.Errorf("%q already held by %q", n.Label, n.Members)
				}
				needs := []string{n.Label, n.Purpose, n.Accountabilities}
				if n.Kind != Role && n.Kind != Personne {
					needs = append(needs, n.Domain, n.DecisionMethod)
				}
				for _, f := range needs {
					if strings.TrimSpace(f) == "" {
						t.Errorf("%q has an empty field", n.Label)
					}
				}
				if n.DecisionMethod != "" && !slices.Contains(methods, n.DecisionMethod) {
					t.Errorf("%q decides by %q", n.Label, n.DecisionMethod)
				}
				fields := append([]string{n.Label, n.Purpose, n.Domain}, strings.Split(n.Accountabilities, "\n")...)
				for _, f := range fields {
					if p := frenchProblems(f); f != "" && p != nil {
						t.Errorf("%q: %q: %v", n.Label, f, p)
					}
				}
			}
			for i, l := range s.Links {
				if l.ID != int64(i+1) {
					t.Errorf("link %d has id %d", i, l.ID)
				}
				if s.NodeIndex(l.From) < 0 || s.NodeIndex(l.To) < 0 {
					t.Errorf("link %d goes nowhere", l.ID)
				}
			}
		})
	}
}

func TestFromTemplateShapes(t *testing.T) {
	tests := []struct {
		key          string
		nodes, links int
		kinds        map[NodeKind]int
		radial       bool
	}{
		{"xr-groupe-local", 18, 17, map[NodeKind]int{Cercle: 1, GroupeTravail: 5, Role: 12}, false},
		{"sociocratie", 12, 11, map[NodeKind]int{Cercle: 4, Role: 8}, true}, // 5 links on the general circle, 12 nodes
		{"flocon", 19, 18, map[NodeKind]int{Equipe: 10, Personne: 9}, false},
		{"poles", 16, 15, map[NodeKind]int{Hub: 5, Role: 10, Equipe: 1}, true},
		{"coalition", 7, 6, map[NodeKind]int{Equipe: 1, Partenaire: 6}, true},
		{"vide", 0, 0, map[NodeKind]int{}, false},
	}
	for _, tt := range tests {
		s, err := FromTemplate(tt.key, " ")
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Nodes) != tt.nodes || len(s.Links) != tt.links {
			t.Errorf("%s: %d nodes, %d links", tt.key, len(s.Nodes), len(s.Links))
		}
		got := map[NodeKind]int{}
		for _, n := range s.Nodes {
			got[n.Kind]++
		}
		for k, n := range tt.kinds {
			if got[k] != n {
				t.Errorf("%s: %d of %s, want %d", tt.key, got[k], k, n)
			}
		}
		if radialFits(s) != tt.radial {
			t.Errorf("%s: Tidy would draw it radial: %v", tt.key, !tt.radial)
		}
		if s.Name == "" || strings.TrimSpace(s.Name) != s.Name {
			t.Errorf("%s: a blank name should become the template's, got %q", tt.key, s.Name)
		}
	}
}

// In the XR template each working group hangs from the anchor circle by a
// double link and delegates to its own two coordinators, which sit below it.
func TestXRTemplateLinks(t *testing.T) {
	s, _ := FromTemplate("xr-groupe-local", "")
	anchor := s.Nodes[0]
	if anchor.Kind != Cercle || anchor.Label != "Cercle d’ancrage" {
		t.Fatalf("first node %+v", anchor)
	}
	for _, g := range s.Nodes {
		if g.Kind != GroupeTravail {
			continue
		}
		var double int
		var roles []string
		for _, l := range s.Links {
			switch {
			case l.Kind == LienDouble && l.From == anchor.ID && l.To == g.ID:
				double++
			case l.Kind == Delegation && l.From == g.ID:
				r := s.Nodes[s.NodeIndex(l.To)]
				roles = append(roles, r.Label)
				if r.Y <= g.Y || r.Kind != Role {
					t.Errorf("%s: role %q not a role below it", g.Label, r.Label)
				}
			}
		}
		if double != 1 || !slices.Equal(roles, []string{"Coordination externe", "Coordination interne"}) {
			t.Errorf("%s: %d double links, roles %q", g.Label, double, roles)
		}
		if g.Y <= anchor.Y {
			t.Errorf("%s above the anchor circle", g.Label)
		}
	}
}

func TestFromTemplateUnknown(t *testing.T) {
	_, err := FromTemplate("holacratie", "x")
	if err == nil || !strings.Contains(err.Error(), "Le modèle «\u00a0holacratie\u00a0» n’existe pas") {
		t.Errorf("error %v", err)
	}
	if p := frenchProblems(err.Error()); p != nil {
		t.Errorf("%v", p)
	}
}
