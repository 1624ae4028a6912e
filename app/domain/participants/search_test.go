package participants

import (
	"fmt"
	"testing"
)

func TestSearch(t *testing.T) {
	list := []Participant{
		{Name: "Hélène Tremblay", Email: "helene@exemple.ca", Organisation: "Collectif Œuvre commune", Status: Confirme},
		{Name: "Marc-André Côté", City: "Québec", Status: Attente},
		{Name: "Zoë Lin", Organisation: "L’Alliance", Status: Inscrit},
	}
	ix := NewIndex(list)
	tests := []struct {
		query  string
		status Status
		want   []int
	}{
		{"helene", "", []int{0}},
		{"HÉLÈNE", "", []int{0}},
		{"oeuvre", "", []int{0}},
		{"quebec cote", "", []int{1}},
		{"l'alliance", "", []int{2}},
		{"", "", []int{0, 1, 2}},
		{"", Attente, []int{1}},
		{"e", Confirme, []int{0}},
		{"personne", "", []int{}},
	}
	for _, tt := range tests {
		got := ix.Search(tt.query, tt.status)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Search(%q, %q) = %v, want %v", tt.query, tt.status, got, tt.want)
		}
	}
}

// BenchmarkSearch10k is one keystroke in the roster's search box.
func BenchmarkSearch10k(b *testing.B) {
	list := make([]Participant, 10_000)
	for i := range list {
		list[i] = Participant{Name: fmt.Sprintf("Personne %d Lévesque", i), Email: fmt.Sprintf("p%d@exemple.ca", i),
			Organisation: "Regroupement des militant·e·s", City: "Montréal", Status: Inscrit}
	}
	ix := NewIndex(list)
	for b.Loop() {
		ix.Search("levesque 99", "")
	}
}
