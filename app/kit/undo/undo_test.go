package undo

import (
	"slices"
	"testing"
)

func TestHistory(t *testing.T) {
	h := New(3, slices.Clone[[]string])
	if _, ok := h.Undo(); ok || h.CanUndo() || h.CanRedo() {
		t.Fatal("a new history can undo")
	}
	doc := []string{"a"}
	h.Push(doc)
	for _, s := range []string{"b", "c", "d", "e"} {
		doc = append(slices.Clone(doc), s)
		h.Push(doc)
	}
	doc[0] = "changed" // the snapshot is a copy
	var got []string
	for {
		v, ok := h.Undo()
		if !ok {
			break
		}
		got = append(got, v[len(v)-1])
		if v[0] != "a" {
			t.Errorf("snapshot shares memory: %v", v)
		}
	}
	// Limit 3: only three edits can be undone.
	if len(got) != 3 || got[0] != "d" || got[2] != "b" {
		t.Errorf("undone to %v", got)
	}
	v, ok := h.Redo()
	if !ok || v[len(v)-1] != "c" || !h.CanRedo() {
		t.Errorf("redo gave %v, %v", v, ok)
	}
	h.Push([]string{"x"})
	if h.CanRedo() {
		t.Error("a new edit keeps the redo")
	}
	if v, ok := h.Undo(); !ok || v[len(v)-1] != "c" {
		t.Errorf("undo after a new edit gave %v", v)
	}
}

func TestZeroValueKeepsDefaultLimit(t *testing.T) {
	var h History[int]
	for i := range DefaultLimit + 10 {
		h.Push(i)
	}
	n := 0
	for h.CanUndo() {
		h.Undo()
		n++
	}
	if n != DefaultLimit {
		t.Errorf("kept %d edits, want %d", n, DefaultLimit)
	}
}
