package structure

import "slices"

// DefaultHistory is how many edits History keeps when not told otherwise.
const DefaultHistory = 50

// History is the undo and redo of a diagram being edited on the canvas. It
// holds whole snapshots, deep-copied: a workshop diagram is a few dozen
// nodes, so copying is cheaper and simpler than recording inverse
// operations, and no later edit can reach into a snapshot.
//
// Push the structure as loaded, then push the new structure after every
// edit (after a drag, not at every step of it). Undo and Redo return the
// structure to show. The zero value keeps DefaultHistory edits.
type History struct {
	Limit int // snapshots kept behind the current one; 0 means DefaultHistory

	cur  Structure
	has  bool
	undo []Structure
	redo []Structure
}

// NewHistory starts a history that keeps limit edits.
func NewHistory(limit int) *History { return &History{Limit: limit} }

// Push records state as the current structure; what was current can be
// undone back to, and whatever had been undone is forgotten.
func (h *History) Push(state Structure) {
	if h.has {
		h.undo = append(h.undo, h.cur)
		if n := h.limit(); len(h.undo) > n {
			h.undo = slices.Delete(h.undo, 0, len(h.undo)-n)
		}
	}
	h.cur, h.has = state.Clone(), true
	h.redo = nil
}

// Undo steps back one edit. It reports false when there is nothing to undo.
func (h *History) Undo() (Structure, bool) {
	if len(h.undo) == 0 {
		return Structure{}, false
	}
	h.redo = append(h.redo, h.cur)
	h.cur = h.undo[len(h.undo)-1]
	h.undo = h.undo[:len(h.undo)-1]
	return h.cur.Clone(), true
}

// Redo replays the last undone edit. It reports false when there is none.
func (h *History) Redo() (Structure, bool) {
	if len(h.redo) == 0 {
		return Structure{}, false
	}
	h.undo = append(h.undo, h.cur)
	h.cur = h.redo[len(h.redo)-1]
	h.redo = h.redo[:len(h.redo)-1]
	return h.cur.Clone(), true
}

// CanUndo tells the editor whether to enable « Annuler ».
func (h *History) CanUndo() bool { return len(h.undo) > 0 }

// CanRedo tells the editor whether to enable « Rétablir ».
func (h *History) CanRedo() bool { return len(h.redo) > 0 }

func (h *History) limit() int {
	if h.Limit <= 0 {
		return DefaultHistory
	}
	return h.Limit
}
