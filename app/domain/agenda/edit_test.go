package agenda

import (
	"slices"
	"strings"
	"testing"
)

func titles(blocks []Block) string {
	var s []string
	for _, b := range blocks {
		s = append(s, b.Title)
	}
	return strings.Join(s, ",")
}

func TestEdits(t *testing.T) {
	abc := func() []Block {
		return []Block{
			{ID: 1, Title: "A", Kind: Accueil, Minutes: 10},
			{ID: 2, Title: "B", Kind: Pause, Minutes: 10, FixedStart: 600e9},
			{ID: 3, Title: "C", Kind: Bilan, Minutes: 10},
		}
	}
	x := Block{Title: "X", Kind: Exercice, Minutes: 5}
	tests := []struct {
		name string
		edit func([]Block) ([]Block, error)
		want string // titles, or part of the error
		err  bool
	}{
		{"insert first", func(b []Block) ([]Block, error) { return Insert(b, 0, x) }, "X,A,B,C", false},
		{"insert middle", func(b []Block) ([]Block, error) { return Insert(b, 2, x) }, "A,B,X,C", false},
		{"insert append", func(b []Block) ([]Block, error) { return Insert(b, 3, x) }, "A,B,C,X", false},
		{"insert past end", func(b []Block) ([]Block, error) { return Insert(b, 4, x) }, "position 5 n’existe pas", true},
		{"insert negative", func(b []Block) ([]Block, error) { return Insert(b, -1, x) }, "position 0", true},
		{"remove first", func(b []Block) ([]Block, error) { return Remove(b, 0) }, "B,C", false},
		{"remove last", func(b []Block) ([]Block, error) { return Remove(b, 2) }, "A,B", false},
		{"remove out of range", func(b []Block) ([]Block, error) { return Remove(b, 3) }, "va de 1 à 3", true},
		{"remove from empty", func([]Block) ([]Block, error) { return Remove(nil, 0) }, "aucun bloc", true},
		{"duplicate", func(b []Block) ([]Block, error) { return Duplicate(b, 1) }, "A,B,B,C", false},
		{"duplicate out of range", func(b []Block) ([]Block, error) { return Duplicate(b, -1) }, "position 0", true},
		{"move down", func(b []Block) ([]Block, error) { return Move(b, 0, 2) }, "B,C,A", false},
		{"move up", func(b []Block) ([]Block, error) { return Move(b, 2, 0) }, "C,A,B", false},
		{"move next", func(b []Block) ([]Block, error) { return Move(b, 0, 1) }, "B,A,C", false},
		{"move in place", func(b []Block) ([]Block, error) { return Move(b, 1, 1) }, "A,B,C", false},
		{"move past end", func(b []Block) ([]Block, error) { return Move(b, 0, 3) }, "position 4", true},
		{"update", func(b []Block) ([]Block, error) { return Update(b, 1, x) }, "A,X,C", false},
		{"update out of range", func(b []Block) ([]Block, error) { return Update(b, 5, x) }, "position 6", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := abc()
			// A spare capacity would let append-style code write into
			// the caller's array unnoticed.
			in = slices.Grow(in, 4)
			got, err := tt.edit(in)
			if tt.err {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("got %v (%s), want error %q", err, titles(got), tt.want)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				if titles(got) != tt.want {
					t.Errorf("got %s, want %s", titles(got), tt.want)
				}
			}
			if !slices.Equal(in, abc()) || !slices.Equal(in[:cap(in)][3:4], []Block{{}}) {
				t.Errorf("input changed: %v", in[:cap(in)])
			}
		})
	}
}

func TestDuplicateIsNewAndFlowing(t *testing.T) {
	in := []Block{{ID: 7, Title: "Pause", Kind: Pause, Minutes: 10, FixedStart: 600e9, Notes: "café", Version: 3}}
	got, err := Duplicate(in, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := got[1]
	if c.ID != 0 || c.Version != 0 || c.Fixed() || c.Notes != "café" || c.Minutes != 10 {
		t.Errorf("copy %+v", c)
	}
	if !got[0].Fixed() || got[0].ID != 7 {
		t.Errorf("original changed: %+v", got[0])
	}
}

func TestKeepIDs(t *testing.T) {
	prev := []Block{{ID: 7, Title: "Accueil", Version: 2}, {ID: 8, Title: "Présentation", Version: 5}, {ID: 9, Title: "Présentation", Version: 1}, {ID: 10, Title: "Ajouté par l’équipe", Version: 4}}
	next := []Block{{Title: "ACCUEIL"}, {Title: "presentation"}, {Title: "Présentation"}, {Title: "Présentation"}, {Title: "Bilan"}}
	got := KeepIDs(prev, next)
	want := []int64{7, 8, 9, 0, 0}
	// The version goes with the id: the store checks it on saving.
	versions := []int64{2, 5, 1, 0, 0}
	for i, b := range got {
		if b.ID != want[i] || b.Version != versions[i] {
			t.Errorf("block %d (%s) id %d version %d, want %d and %d", i, b.Title, b.ID, b.Version, want[i], versions[i])
		}
	}
	if next[0].ID != 0 {
		t.Error("KeepIDs changed its argument")
	}
}
