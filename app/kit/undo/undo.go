// Package undo keeps the undo and redo of an editor as whole snapshots: the
// documents edited here (an agenda, a diagram) are small, so copying is
// cheaper and simpler than recording inverse operations.
package undo

import "slices"

// DefaultLimit is how many edits a History keeps when not told otherwise.
const DefaultLimit = 50

// History is the undo and redo of one document. Push the document as
// loaded, then push it after every edit; Undo and Redo return the state to
// show. Clone copies a state deeply enough that a later edit cannot reach
// into a snapshot; nil means states are values that need no copy.
type History[T any] struct {
	Limit int // snapshots kept behind the current one; 0 means DefaultLimit
	Clone func(T) T

	cur  T
	has  bool
	undo []T
	redo []T
}

// New starts a history keeping limit edits, copying states with clone.
func New[T any](limit int, clone func(T) T) *History[T] {
	return &History[T]{Limit: limit, Clone: clone}
}

func (h *History[T]) clone(v T) T {
	if h.Clone == nil {
		return v
	}
	return h.Clone(v)
}

// Push records state as the current one; what was current can be undone
// back to, and whatever had been undone is forgotten.
func (h *History[T]) Push(state T) {
	if h.has {
		h.undo = append(h.undo, h.cur)
		limit := h.Limit
		if limit <= 0 {
			limit = DefaultLimit
		}
		if len(h.undo) > limit {
			h.undo = slices.Delete(h.undo, 0, len(h.undo)-limit)
		}
	}
	h.cur, h.has = h.clone(state), true
	h.redo = nil
}

// Undo steps back one edit; false when there is nothing to undo.
func (h *History[T]) Undo() (T, bool) {
	return h.step(&h.undo, &h.redo)
}

// Redo replays the last undone edit; false when there is none.
func (h *History[T]) Redo() (T, bool) {
	return h.step(&h.redo, &h.undo)
}

// step moves the current state onto to and takes the last of from.
func (h *History[T]) step(from, to *[]T) (T, bool) {
	if len(*from) == 0 {
		var zero T
		return zero, false
	}
	*to = append(*to, h.cur)
	h.cur = (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	return h.clone(h.cur), true
}

// CanUndo tells the editor whether to enable « Annuler ».
func (h *History[T]) CanUndo() bool { return len(h.undo) > 0 }

// CanRedo tells the editor whether to enable « Rétablir ».
func (h *History[T]) CanRedo() bool { return len(h.redo) > 0 }

// Amend replaces the current state without recording an edit: the state
// as saved, when saving completed it (ids given to what was added).
func (h *History[T]) Amend(state T) {
	if h.has {
		h.cur = h.clone(state)
	}
}
