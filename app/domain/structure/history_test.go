package structure

import "testing"

// The undo package is tested on its own; what matters here is that the
// snapshots are deep: members edited later do not leak into one.
func TestHistorySnapshotsAreDeep(t *testing.T) {
	h := NewHistory(0)
	s := Structure{Name: "s", Nodes: []Node{{ID: 1, Kind: Role, Label: "Animation", Members: []string{"Awa"}}}}
	h.Push(s)
	s.Nodes[0].Members[0] = "Bo"
	s.Nodes[0].Label = "Changé"
	h.Push(s)
	back, ok := h.Undo()
	if !ok || back.Nodes[0].Members[0] != "Awa" || back.Nodes[0].Label != "Animation" {
		t.Errorf("undo gave %+v", back.Nodes[0])
	}
	back.Nodes[0].Members[0] = "Cy"
	again, _ := h.Redo()
	if again.Nodes[0].Members[0] != "Bo" {
		t.Errorf("redo gave %+v", again.Nodes[0])
	}
	if first, _ := h.Undo(); first.Nodes[0].Members[0] != "Awa" {
		t.Errorf("a returned snapshot was shared: %+v", first.Nodes[0])
	}
}
