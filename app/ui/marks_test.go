package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/participants"
)

// TestCheckinRowTellsTheMark: each mark shows its symbol in its colour
// beside its word, late no longer in the green of present; a row without a
// mark says what a click does, with no symbol.
func TestCheckinRowTellsTheMark(t *testing.T) {
	u, _ := rosterUI(t)
	u.people.SelectIndex(1)
	c := u.checkin
	row := c.list.CreateItem().(*fyne.Container)
	c.updateRow(0, row)
	icon, label := rowMark(row)
	if label.Text != "Cliquer pour marquer présent·e" || label.Importance != widget.LowImportance || icon.Visible() {
		t.Errorf("unmarked row: %q, importance %v, symbol shown %v", label.Text, label.Importance, icon.Visible())
	}
	p := c.people[c.shown[0]]
	seen := map[string]participants.Mark{}
	for _, m := range participants.Marks() {
		c.marks[p.ID] = participants.Attendance{ParticipantID: p.ID, SessionID: c.session.ID, Mark: m}
		c.updateRow(0, row)
		if label.Text != markLabel(m) || label.Importance != styleOf(m).importance || !icon.Visible() || icon.Resource == nil {
			t.Fatalf("%s: %q, importance %v, symbol %v", m, label.Text, label.Importance, icon.Resource)
		}
		if other, ok := seen[icon.Resource.Name()]; ok {
			t.Errorf("%s shows the symbol of %s", m, other)
		}
		seen[icon.Resource.Name()] = m
	}
	if styleOf(participants.Retard).importance == styleOf(participants.Present).importance {
		t.Errorf("late and present in the same colour")
	}
}

// TestMarkPickerShowsTheSymbol: in the marks form, the symbol beside a
// session's choice follows the choice, and no mark shows none.
func TestMarkPickerShowsTheSymbol(t *testing.T) {
	test.NewTempApp(t)
	options := []string{markLabel("")}
	for _, m := range participants.Marks() {
		options = append(options, markLabel(m))
	}
	pick, box := markPicker(options, participants.Retard)
	symbol := box.(*fyne.Container).Objects[0].(*widget.Icon)
	if pick.Selected != "En retard" || symbol.Resource == nil || symbol.Resource.Name() != styleOf(participants.Retard).icon().Name() {
		t.Fatalf("late shows %q with %v", pick.Selected, symbol.Resource)
	}
	pick.SetSelected(markLabel(participants.Absent))
	if symbol.Resource == nil || symbol.Resource.Name() != styleOf(participants.Absent).icon().Name() {
		t.Errorf("absent shows %v", symbol.Resource)
	}
	pick.SetSelected(markLabel(""))
	if symbol.Resource != nil {
		t.Errorf("no mark shows %v", symbol.Resource)
	}
	if markOf(markLabel(participants.Excuse)) != participants.Excuse || markOf("—") != "" {
		t.Errorf("markOf does not read back the labels")
	}
}
