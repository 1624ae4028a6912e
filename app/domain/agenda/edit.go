package agenda

import (
	"slices"

	"atelier/app/kit/fold"
	"atelier/app/kit/usererr"
)

// The editing helpers below never touch the slice they are given: each
// returns a new slice, so the editor can keep the old one as an undo
// snapshot. An index out of range is a French error, not a panic.

// Insert puts b at index i (0 ≤ i ≤ len(blocks); len(blocks) appends).
func Insert(blocks []Block, i int, b Block) ([]Block, error) {
	if i < 0 || i > len(blocks) {
		return nil, positionError(i, len(blocks)+1)
	}
	return slices.Insert(slices.Clone(blocks), i, b), nil
}

// Remove takes out the block at index i.
func Remove(blocks []Block, i int) ([]Block, error) {
	if err := checkIndex(i, len(blocks)); err != nil {
		return nil, err
	}
	return slices.Delete(slices.Clone(blocks), i, i+1), nil
}

// Duplicate inserts a copy of block i right after it. The copy is a new
// block (ID 0) and is not fixed: two blocks fixed at the same time would
// only overlap.
func Duplicate(blocks []Block, i int) ([]Block, error) {
	if err := checkIndex(i, len(blocks)); err != nil {
		return nil, err
	}
	c := blocks[i]
	c.ID, c.Version, c.FixedStart = 0, 0, 0
	return slices.Insert(slices.Clone(blocks), i+1, c), nil
}

// Move takes block from and puts it so that it ends up at index to.
func Move(blocks []Block, from, to int) ([]Block, error) {
	if err := checkIndex(from, len(blocks)); err != nil {
		return nil, err
	}
	if err := checkIndex(to, len(blocks)); err != nil {
		return nil, err
	}
	out := slices.Clone(blocks)
	b := out[from]
	out = slices.Delete(out, from, from+1)
	return slices.Insert(out, to, b), nil
}

// Update replaces block i with b.
func Update(blocks []Block, i int, b Block) ([]Block, error) {
	if err := checkIndex(i, len(blocks)); err != nil {
		return nil, err
	}
	out := slices.Clone(blocks)
	out[i] = b
	return out, nil
}

func checkIndex(i, n int) error {
	if i < 0 || i >= n {
		return positionError(i, n)
	}
	return nil
}

func positionError(i, n int) error {
	if n == 0 {
		return usererr.List{usererr.New("Le déroulé ne contient aucun bloc à la position %d.", i+1)}
	}
	return usererr.List{usererr.New("La position %d n’existe pas\u00a0: le déroulé va de 1 à %d.", i+1, n)}
}

// KeepIDs gives the blocks of next that have no id the id of a block of
// prev with the same title (accents and case aside), each used once: an
// agenda put back to the curriculum keeps the blocks it still has, and
// what is tied to them.
func KeepIDs(prev, next []Block) []Block {
	out := slices.Clone(next)
	used := map[int64]bool{}
	for i := range out {
		if out[i].ID != 0 {
			used[out[i].ID] = true
		}
	}
	for i := range out {
		if out[i].ID != 0 {
			continue
		}
		for _, p := range prev {
			if p.ID != 0 && !used[p.ID] && fold.Key(p.Title) == fold.Key(out[i].Title) {
				// The version travels with the id: the save checks it.
				out[i].ID, out[i].Version, used[p.ID] = p.ID, p.Version, true
				break
			}
		}
	}
	return out
}
