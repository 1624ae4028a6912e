package agenda

import "testing"

func TestHistory(t *testing.T) {
	v := func(s string) []Block {
		var out []Block
		for _, r := range s {
			out = append(out, Block{Title: string(r), Kind: Exercice, Minutes: 1})
		}
		return out
	}
	h := NewHistory(3)
	if _, ok := h.Undo(); ok {
		t.Fatal("undo on an empty history")
	}
	steps := []struct {
		op   string // push:X, undo, redo
		want string // titles returned ("" for none)
		ok   bool
	}{
		{"push:a", "", false},
		{"undo", "", false}, // nothing before the loaded agenda
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
		var got []Block
		var ok bool
		switch {
		case len(s.op) > 5 && s.op[:5] == "push:":
			in := v(s.op[5:])
			h.Push(in)
			in[0].Title = "changed" // the history keeps its own copy
			continue
		case s.op == "undo":
			got, ok = h.Undo()
		case s.op == "redo":
			got, ok = h.Redo()
		}
		if ok != s.ok || titles(got) != s.want {
			t.Fatalf("step %d %s: got %q %v, want %q %v", i, s.op, titles(got), ok, s.want, s.ok)
		}
		if ok {
			got[0].Title = "changed" // nor does the caller's copy leak back
		}
	}
	if h.CanUndo() || !h.CanRedo() {
		t.Errorf("CanUndo %v CanRedo %v", h.CanUndo(), h.CanRedo())
	}
}

func TestHistoryDefaultLimit(t *testing.T) {
	var h History
	for i := range 60 {
		h.Push([]Block{{Minutes: i}})
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
