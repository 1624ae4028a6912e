package course

import (
	"slices"
	"strings"
	"testing"

	"atelier/app/domain/agenda"
	"atelier/app/kit/usererr"
)

func TestSlideRefs(t *testing.T) {
	tests := []struct {
		materials string
		want      []int
	}{
		{"Diaporama, diapos 1 à 3; liste des présences", []int{1, 2, 3}},
		{"Diaporama, diapo 9; document partagé", []int{9}},
		{"Diaporama, diapos 20 et 21; clavardage", []int{20, 21}},
		{"Document partagé; diaporama, diapo 12", []int{12}},
		{"diapos 1, 2 et 4", []int{1, 2, 4}},
		{"Diapos 3 à 5 puis diapo 5", []int{3, 4, 5}},
		{"Salles de sous-groupes; document de la séance, exercice 1", nil},
		{"diaporama complet", nil},
	}
	for _, tt := range tests {
		if got := SlideRefs(tt.materials); !slices.Equal(got, tt.want) {
			t.Errorf("SlideRefs(%q) = %v, want %v", tt.materials, got, tt.want)
		}
	}
}

func TestSlidesMatchTheAgenda(t *testing.T) {
	slide := func(title string) Slide {
		return Slide{Title: title, Lines: []string{"Une idée"}, Notes: "Dire l’idée."}
	}
	block := func(title, materials string, minutes int) agenda.Block {
		return agenda.Block{Title: title, Kind: agenda.Presentation, Minutes: minutes, Materials: materials}
	}
	tests := []struct {
		name   string
		blocks []agenda.Block
		slides []Slide
		want   string // a problem expected, "" for none
	}{
		{"juste", []agenda.Block{block("Accueil", "diapos 1 et 2", 45), block("Fin", "diapo 3", 45)},
			[]Slide{slide("A"), slide("B"), slide("C")}, ""},
		{"diapo manquante", []agenda.Block{block("Accueil", "diapos 1 à 4", 90)},
			[]Slide{slide("A"), slide("B"), slide("C")}, "cite la diapo 4, que le diaporama (3 diapos) n’a pas"},
		{"diapo orpheline", []agenda.Block{block("Accueil", "diapos 1 et 2", 90)},
			[]Slide{slide("A"), slide("B"), slide("C")}, "la diapo 3 (« C ») n’est citée par aucun bloc"},
		{"citée deux fois", []agenda.Block{block("Accueil", "diapos 1 et 2", 45), block("Fin", "diapo 2", 45)},
			[]Slide{slide("A"), slide("B")}, "la diapo 2 est citée par « Accueil » et par « Fin »"},
		{"dans le désordre", []agenda.Block{block("Accueil", "diapo 2", 45), block("Fin", "diapo 1", 45)},
			[]Slide{slide("A"), slide("B")}, "cite la diapo 1 après la diapo 2"},
		{"trop de lignes", []agenda.Block{block("Accueil", "diapo 1", 90)},
			[]Slide{{Title: "A", Lines: []string{"1", "2", "3", "4", "5", "6"}, Notes: "n"}}, "a 6 lignes (au plus 5)"},
		{"citation sans source", []agenda.Block{block("Accueil", "diapo 1", 90)},
			[]Slide{{Title: "A", Quote: "Une phrase.", Notes: "n"}}, "n’a pas sa source"},
		{"sans notes", []agenda.Block{block("Accueil", "diapo 1", 90)},
			[]Slide{{Title: "A"}}, "n’a pas de notes d’animation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Plan{Blocks: tt.blocks, Slides: tt.slides}.validateSlides(usererr.New("Séance 1")).Error()
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSlideStep(t *testing.T) {
	blocks := []agenda.Block{{Materials: "diapos 1 à 3"}, {Materials: "salles"}, {Materials: "diapos 4 et 5"}}
	tests := []struct {
		block, cur int
		forward    bool
		want       int
		ok         bool
	}{
		{0, 0, true, 1, true},   // nothing on show yet: the block's first
		{0, 1, true, 2, true},   // the next slide of the block
		{0, 3, true, 0, false},  // its last: on to the next block
		{0, 2, false, 1, true},  // back within the block
		{0, 1, false, 0, false}, // its first: back to the previous block
		{1, 0, true, 0, false},  // a block without slides moves on
		{2, 4, true, 5, true},
		{2, 9, true, 4, true}, // a slide of another block: this one's first
		{5, 0, true, 0, false},
	}
	for _, tt := range tests {
		got, ok := SlideStep(blocks, tt.block, tt.cur, tt.forward)
		if got != tt.want || ok != tt.ok {
			t.Errorf("SlideStep(block %d, slide %d, forward %v) = %d, %v; want %d, %v", tt.block, tt.cur, tt.forward, got, ok, tt.want, tt.ok)
		}
	}
	if FirstSlide(blocks, 2) != 4 || LastSlide(blocks, 0) != 3 || FirstSlide(blocks, 1) != 0 {
		t.Error("first and last slides")
	}
}
