package handout

import (
	"slices"
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	d := newDoc("P", "", opts())
	width := func(s string) float64 { d.font(false, bodySize); return d.f.GetStringWidth(s) }
	tests := []struct {
		name, text string
		w          float64
		want       []string
	}{
		{"fits", "Arts et culture", 100, []string{"Arts et culture"}},
		{"breaks at spaces", "Arts et culture", width("Arts et culture") - 1, []string{"Arts et", "culture"}},
		{"never at a narrow no-break space", "réussissent-ils\u202f? Introduction", width("réussissent-ils\u202f?") + 1,
			[]string{"réussissent-ils\u202f?", "Introduction"}},
		{"never inside guillemets", "le «\u00a0volet\u00a0» arts", width("«\u00a0volet\u00a0»") + 1, []string{"le", "«\u00a0volet\u00a0»", "arts"}},
		{"line feeds", "un\ndeux", 100, []string{"un", "deux"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.wrap(tt.text, tt.w, false, bodySize)
			if !slices.Equal(got, tt.want) {
				t.Errorf("wrap(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestWrapMax(t *testing.T) {
	d := newDoc("P", "", opts())
	long := strings.Repeat("Marie-Ève Bouchard-Saint-Amand ", 20)
	got := d.wrapMax(long, 60, false, bodySize, 3)
	if len(got) != 3 || !strings.HasSuffix(got[2], "…") {
		t.Fatalf("wrapMax = %q", got)
	}
	d.font(false, bodySize)
	for _, l := range got {
		if w := d.f.GetStringWidth(l); w > 60 {
			t.Errorf("%q is %.1f mm wide", l, w)
		}
	}
	if got := d.wrapMax("Zoé Martin", 60, false, bodySize, 3); !slices.Equal(got, []string{"Zoé Martin"}) {
		t.Errorf("short text changed: %q", got)
	}
}
