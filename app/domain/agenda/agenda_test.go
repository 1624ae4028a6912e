package agenda

import (
	"strings"
	"testing"
	"time"
)

func TestSchedule(t *testing.T) {
	start := time.Date(2026, 12, 2, 18, 30, 0, 0, time.UTC)
	blocks := []Block{
		{Title: "Accueil", Kind: Accueil, Minutes: 10},
		{Title: "Exposé", Kind: Presentation, Minutes: 25},
		{Title: "Pause", Kind: Pause, Minutes: 5},
		{Title: "Bilan", Kind: Bilan, Minutes: 50},
	}
	slots := Schedule(start, blocks)
	want := []string{"18:30-18:40", "18:40-19:05", "19:05-19:10", "19:10-20:00"}
	for i, s := range slots {
		if got := s.Start.Format("15:04") + "-" + s.End.Format("15:04"); got != want[i] {
			t.Errorf("block %d: %s, want %s", i, got, want[i])
		}
	}
	if Total(blocks) != SessionMinutes {
		t.Errorf("total %d", Total(blocks))
	}
	if len(Schedule(start, nil)) != 0 {
		t.Error("empty agenda gave slots")
	}
}

func TestBlockValidate(t *testing.T) {
	tests := []struct {
		name  string
		block Block
		want  string
	}{
		{"ok", Block{Title: "Accueil", Kind: Accueil, Minutes: 10}, ""},
		{"no title", Block{Title: "  ", Kind: Accueil, Minutes: 10}, "titre du bloc est obligatoire"},
		{"unknown kind", Block{Title: "X", Kind: "atelier", Minutes: 10}, "type de bloc"},
		{"zero minutes", Block{Title: "X", Kind: Pause, Minutes: 0}, "au moins 1 minute"},
		{"a whole day", Block{Title: "X", Kind: Pause, Minutes: 2000}, "dépasse une journée"},
	}
	for _, tt := range tests {
		err := tt.block.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: unexpected %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}
