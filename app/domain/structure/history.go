package structure

import "atelier/app/kit/undo"

// History is the undo and redo of a diagram being edited on the canvas:
// deep-copied snapshots, so that no later edit can reach into one. Push the
// structure after a drag ends, not at every step of it.
type History = undo.History[Structure]

// NewHistory starts a history that keeps limit edits (0: undo.DefaultLimit).
func NewHistory(limit int) *History { return undo.New(limit, Structure.Clone) }
