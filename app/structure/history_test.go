package structure

import (
	"strings"
	"testing"
)

func TestHistory(t *testing.T) {
	// A structure per letter: one node labelled with it, held by someone.
	v := func(s string) Structure {
		out := Structure{Name: "s"}
		for i, r := range s {
			out.Nodes = append(out.Nodes, Node{ID: int64(i + 1), Kind: Role, Label: string(r), Members: []string{"Awa"}})
		}
		return out
	}
	labels := func(s Structure) string {
		var l []string
		for _, n := range s.Nodes {
			l = append(l, n.Label)
		}
		return strings.Join(l, ",")
	}
	h := NewHistory(3)
	if _, ok := h.Undo(); ok {
		t.Fatal("undo on an empty history")
	}
	steps := []struct {
		op   string // push:X, undo, redo
		want string // labels returned ("" for none)
		ok   bool
	}{
		{"push:a", "", false},
		{"undo", "", false}, // nothing before the loaded structure
		{"push:ab", "", false},
		{"push:abc", "", false},
		{"undo", "a,b", true},
		{"undo", "a", true},
		{"undo", "", false},
		{"redo", "a,b", true},
		{"redo", "a,b,c", true},
		{"redo", "", false},
		{"undo", "a,b", true},
		{"push:abx", "", false}, // a new edit forgets the redo
		{"redo", "", false},
		{"undo", "a,b", true},
		{"push:1", "", false},
		{"push:2", "", false},
		{"push:3", "", false},
		{"push:4", "", false}, // limit 3: only 1, 2, 3 stay behind 4
		{"undo", "3", true},
		{"undo", "2", true},
		{"undo", "1", true},
		{"undo", "", false},
	}
	for i, s := range steps {
		var got Structure
		var ok bool
		switch {
		case strings.HasPrefix(s.op, "push:"):
			in := v(s.op[5:])
			h.Push(in)
			in.Nodes[0].Label = "changed"  // the history keeps its own copy,
			in.Nodes[0].Members[0] = "Zoé" // members included
			continue
		case s.op == "undo":
			got, ok = h.Undo()
		case s.op == "redo":
			got, ok = h.Redo()
		}
		if ok != s.ok || labels(got) != s.want {
			t.Fatalf("step %d %s: got %q %v, want %q %v", i, s.op, labels(got), ok, s.want, s.ok)
		}
		if ok {
			if got.Nodes[0].Members[0] != "Awa" {
				t.Fatalf("step %d: a pushed structure was changed through its members", i)
			}
			got.Nodes[0].Label = "changed" // nor does the caller's copy leak back
			got.Nodes[0].Members[0] = "Zoé"
		}
	}
	if h.CanUndo() || !h.CanRedo() {
		t.Errorf("CanUndo %v CanRedo %v", h.CanUndo(), h.CanRedo())
	}
}

func TestHistoryDefaultLimit(t *testing.T) {
	var h History
	for i := range 60 {
		h.Push(Structure{Name: "s", Nodes: []Node{{ID: int64(i)}}})
	}
	n := 0
	for h.CanUndo() {
		h.Undo()
		n++
	}
	if n != DefaultHistory {
		t.Errorf("kept %d edits, want %d", n, DefaultHistory)
	}
}
