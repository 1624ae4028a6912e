package agenda

import (
	"slices"

	"atelier/app/kit/undo"
)

// History is the undo and redo of an agenda being edited: snapshots of its
// blocks (copied; a Block holds no shared memory).
type History = undo.History[[]Block]

// NewHistory starts a history that keeps limit edits (0: undo.DefaultLimit).
func NewHistory(limit int) *History { return undo.New(limit, slices.Clone[[]Block]) }
