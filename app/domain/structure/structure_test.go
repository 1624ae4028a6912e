package structure

import (
	"strings"
	"testing"
)

func TestStructureValidate(t *testing.T) {
	base := func() Structure {
		return Structure{Name: "Groupe local XR", Nodes: []Node{
			{ID: 1, Kind: Cercle, Label: "Cercle d’ancrage"},
			{ID: 2, Kind: GroupeTravail, Label: "Médias et messages"},
		}, Links: []Link{{From: 1, To: 2, Kind: LienDouble}}}
	}
	tests := []struct {
		name   string
		change func(*Structure)
		want   string
	}{
		{"ok", func(*Structure) {}, ""},
		{"no name", func(s *Structure) { s.Name = "" }, "nom de la structure"},
		{"unknown node kind", func(s *Structure) { s.Nodes[0].Kind = "comité" }, "type d’élément"},
		{"dangling link", func(s *Structure) { s.Links[0].To = 9 }, "n’existe pas"},
		{"self link", func(s *Structure) { s.Links[0].To = 1 }, "lui-même"},
		{"unknown link kind", func(s *Structure) { s.Links[0].Kind = "amitié" }, "type de lien"},
	}
	for _, tt := range tests {
		s := base()
		tt.change(&s)
		err := s.Validate()
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
	if !Delegation.Directed() || LienDouble.Directed() {
		t.Error("directed links")
	}
	if (Node{}).Filled() || !(Node{Members: []string{"Awa"}}).Filled() {
		t.Error("filled")
	}
}
