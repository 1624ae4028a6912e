package agenda

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLayout(t *testing.T) {
	start := time.Date(2026, 12, 2, 18, 30, 0, 0, time.UTC)
	at := func(h, m int) time.Duration {
		return time.Date(2026, 12, 2, h, m, 0, 0, time.UTC).Sub(start)
	}
	tests := []struct {
		name    string
		blocks  []Block
		times   []string // start-end of each slot
		issues  []Issue  // Text compared too
		minutes int
		over    int
	}{
		{
			name:   "empty",
			times:  []string{},
			issues: nil,
		},
		{
			name: "flowing",
			blocks: []Block{
				{Title: "Accueil", Kind: Accueil, Minutes: 10},
				{Title: "Exposé", Kind: Presentation, Minutes: 80},
			},
			times:   []string{"18:30-18:40", "18:40-20:00"},
			minutes: 90,
		},
		{
			name: "fixed pause lands where the flow ends",
			blocks: []Block{
				{Title: "Exposé", Kind: Presentation, Minutes: 60},
				{Title: "Pause", Kind: Pause, Minutes: 10, FixedStart: at(19, 30)},
				{Title: "Bilan", Kind: Bilan, Minutes: 20},
			},
			times:   []string{"18:30-19:30", "19:30-19:40", "19:40-20:00"},
			minutes: 90,
		},
		{
			name: "gap before a fixed pause",
			blocks: []Block{
				{Title: "Exposé", Kind: Presentation, Minutes: 55},
				{Title: "Pause", Kind: Pause, Minutes: 10, FixedStart: at(19, 30)},
				{Title: "Bilan", Kind: Bilan, Minutes: 20},
			},
			times: []string{"18:30-19:25", "19:30-19:40", "19:40-20:00"},
			issues: []Issue{{Kind: Gap, Index: 1, Minutes: 5,
				Text: "5\u00a0min libres avant la pause fixée à 19\u00a0h\u00a030."}},
			minutes: 90,
		},
		{
			name: "overlap onto a fixed pause runs the session over",
			blocks: []Block{
				{Title: "Accueil", Kind: Accueil, Minutes: 10},
				{Title: "Exposé", Kind: Presentation, Minutes: 55},
				{Title: "Pause", Kind: Pause, Minutes: 10, FixedStart: at(19, 30)},
				{Title: "Bilan", Kind: Bilan, Minutes: 35},
			},
			times: []string{"18:30-18:40", "18:40-19:35", "19:30-19:40", "19:40-20:15"},
			issues: []Issue{{Kind: Overlap, Index: 2, Minutes: 5,
				Text: "Le bloc «\u00a0Exposé\u00a0» déborde de 5\u00a0min sur la pause fixée à 19\u00a0h\u00a030."}},
			minutes: 105,
			over:    15,
		},
		{
			name: "fixed first block and a named pause",
			blocks: []Block{
				{Title: "Témoignage", Kind: Discussion, Minutes: 20, FixedStart: at(18, 40)},
				{Title: "Pause santé", Kind: Pause, Minutes: 10, FixedStart: at(19, 0)},
			},
			times: []string{"18:40-19:00", "19:00-19:10"},
			issues: []Issue{{Kind: Gap, Index: 0, Minutes: 10,
				Text: "10\u00a0min libres avant le bloc «\u00a0Témoignage\u00a0» fixé à 18\u00a0h\u00a040."}},
			minutes: 40,
		},
		{
			name: "fixed block earlier than the one before ends at the latest end",
			blocks: []Block{
				{Title: "Exposé", Kind: Presentation, Minutes: 100},
				{Title: "Pause santé", Kind: Pause, Minutes: 10, FixedStart: at(19, 0)},
			},
			times: []string{"18:30-20:10", "19:00-19:10"},
			issues: []Issue{{Kind: Overlap, Index: 1, Minutes: 70,
				Text: "Le bloc «\u00a0Exposé\u00a0» déborde de 1\u00a0h\u00a010 sur la pause «\u00a0Pause santé\u00a0» fixée à 19\u00a0h."}},
			minutes: 100,
			over:    10,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := Layout(start, tt.blocks)
			if len(tl.Slots) != len(tt.times) {
				t.Fatalf("%d slots, want %d", len(tl.Slots), len(tt.times))
			}
			for i, s := range tl.Slots {
				if got := s.Start.Format("15:04") + "-" + s.End.Format("15:04"); got != tt.times[i] {
					t.Errorf("slot %d: %s, want %s", i, got, tt.times[i])
				}
			}
			if !slices.Equal(tl.Issues, tt.issues) {
				t.Errorf("issues\n got %+v\nwant %+v", tl.Issues, tt.issues)
			}
			if tl.Minutes != tt.minutes || tl.Over != tt.over {
				t.Errorf("minutes %d over %d, want %d over %d", tl.Minutes, tl.Over, tt.minutes, tt.over)
			}
			if want := start.Add(time.Duration(tt.minutes) * time.Minute); !tl.End.Equal(want) {
				t.Errorf("end %v, want %v", tl.End, want)
			}
			starts, end := Offsets(tt.blocks)
			for i, s := range tl.Slots {
				if !start.Add(starts[i]).Equal(s.Start) {
					t.Errorf("Offsets: block %d starts at %v, Layout says %v", i, starts[i], s.Start)
				}
			}
			if !start.Add(end).Equal(tl.End) {
				t.Errorf("Offsets: end %v, Layout says %v", end, tl.End)
			}
		})
	}
}

func TestTimelineWarning(t *testing.T) {
	tests := []struct {
		minutes int
		want    string
	}{
		{90, ""},
		{45, ""},
		{105, "Le déroulé dure 1\u00a0h\u00a045, soit 15\u00a0min de plus que les 1\u00a0h\u00a030 de la séance."},
	}
	for _, tt := range tests {
		tl := Layout(time.Time{}, []Block{{Title: "X", Kind: Exercice, Minutes: tt.minutes}})
		if got := tl.Warning(); got != tt.want {
			t.Errorf("%d min: %q, want %q", tt.minutes, got, tt.want)
		}
	}
}

func TestScheduleHonoursFixedStart(t *testing.T) {
	start := time.Date(2026, 12, 2, 18, 30, 0, 0, time.UTC)
	slots := Schedule(start, []Block{
		{Title: "Exposé", Kind: Presentation, Minutes: 20},
		{Title: "Pause", Kind: Pause, Minutes: 10, FixedStart: 30 * time.Minute},
	})
	if got := slots[1].Start.Format("15:04"); got != "19:00" {
		t.Errorf("fixed pause at %s, want 19:00", got)
	}
}

func TestValidateFixedStart(t *testing.T) {
	tests := []struct {
		fixed time.Duration
		want  string
	}{
		{0, ""},
		{45 * time.Minute, ""},
		{-time.Minute, "ne peut précéder"},
		{90 * time.Second, "minute entière"},
		{25 * time.Hour, "plus d’une journée"},
	}
	for _, tt := range tests {
		err := Block{Title: "Pause", Kind: Pause, Minutes: 10, FixedStart: tt.fixed}.Validate()
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%v: got %v, want %q", tt.fixed, err, tt.want)
		}
	}
}

func BenchmarkLayout200(b *testing.B) {
	blocks := make([]Block, 200)
	for i := range blocks {
		blocks[i] = Block{Title: fmt.Sprintf("Bloc %d", i), Kind: Exercice, Minutes: 1 + i%7}
		if i%20 == 10 {
			// Every tenth-ish block is fixed slightly off the flow, so both
			// kinds of issue are built.
			blocks[i].FixedStart = time.Duration(i*4+i%3) * time.Minute
		}
	}
	start := time.Date(2026, 12, 2, 18, 30, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		Layout(start, blocks)
	}
}
