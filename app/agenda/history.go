package agenda

import "slices"

// DefaultHistory is how many edits History keeps when not told otherwise.
const DefaultHistory = 50

// History is the undo and redo of an agenda being edited. It holds whole
// snapshots: an agenda is a few dozen small blocks, so copying is cheaper
// and simpler than recording inverse operations.
//
// Push the agenda as loaded, then push the new agenda after every edit.
// Undo and Redo return the agenda to show. The zero value keeps
// DefaultHistory edits.
type History struct {
	Limit int // snapshots kept behind the current one; 0 means DefaultHistory

	cur  []Block
	has  bool
	undo [][]Block
	redo [][]Block
}

// NewHistory starts a history that keeps limit edits.
func NewHistory(limit int) *History { return &History{Limit: limit} }

// Push records state as the current agenda; what was current can be undone
// back to, and whatever had been undone is forgotten.
func (h *History) Push(state []Block) {
	if h.has {
		h.undo = append(h.undo, h.cur)
		if n := h.limit(); len(h.undo) > n {
			h.undo = slices.Delete(h.undo, 0, len(h.undo)-n)
		}
	}
	h.cur, h.has = slices.Clone(state), true
	h.redo = nil
}

// Undo steps back one edit. It reports false when there is nothing to undo.
func (h *History) Undo() ([]Block, bool) {
	if len(h.undo) == 0 {
		return nil, false
	}
	h.redo = append(h.redo, h.cur)
	h.cur = h.undo[len(h.undo)-1]
	h.undo = h.undo[:len(h.undo)-1]
	return slices.Clone(h.cur), true
}

// Redo replays the last undone edit. It reports false when there is none.
func (h *History) Redo() ([]Block, bool) {
	if len(h.redo) == 0 {
		return nil, false
	}
	h.undo = append(h.undo, h.cur)
	h.cur = h.redo[len(h.redo)-1]
	h.redo = h.redo[:len(h.redo)-1]
	return slices.Clone(h.cur), true
}

// CanUndo tells the editor whether to enable « Annuler ».
func (h *History) CanUndo() bool { return len(h.undo) > 0 }

// CanRedo tells the editor whether to enable « Rétablir ».
func (h *History) CanRedo() bool { return len(h.redo) > 0 }

func (h *History) limit() int {
	if h.Limit <= 0 {
		return DefaultHistory
	}
	return h.Limit
}
