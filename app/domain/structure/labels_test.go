package structure

import (
	"slices"
	"strings"
	"testing"
)

func TestLayOut(t *testing.T) {
	long := "Groupe de travail sur la mobilisation des membres"
	tests := []struct {
		kind  NodeKind
		label string
		want  []string // nil: only the rules below are checked
		grows bool     // wider or taller than the kind's size
	}{
		{Role, "Animation", []string{"Animation"}, false},
		{Role, "Coordination externe", []string{"Coordination", "externe"}, false},
		{Role, "Gestion du budget", []string{"Gestion du", "budget"}, false},
		{Role, long, nil, true},
		{GroupeTravail, long, nil, true},
		{Equipe, long, nil, false}, // four lines fit a team
		{Partenaire, long, nil, true},
		{Hub, long, nil, true},
		{Cercle, long, nil, true},
		{Personne, "Marie-Ève Tremblay", []string{"Marie-Ève", "Tremblay"}, true},
		{Cercle, "Cercle d’ancrage", []string{"Cercle", "d’ancrage"}, false},
		{Personne, "Anticonstitutionnellement", nil, true},
		{Role, strings.Repeat("très ", 80) + "long", nil, true},
		{Role, "", nil, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind)+" "+tt.label[:min(len(tt.label), 30)], func(t *testing.T) {
			b := LayOut(tt.kind, tt.label, metrics.width)
			if tt.want != nil && !slices.Equal(b.Lines, tt.want) {
				t.Errorf("lines %q, want %q", b.Lines, tt.want)
			}
			checkBox(t, tt.kind, tt.label, b)
			w0, h0 := tt.kind.Size()
			if grew := b.W > w0 || b.H > h0; grew != tt.grows {
				t.Errorf("%v × %v from %v × %v: grown %v, want %v", b.W, b.H, w0, h0, grew, tt.grows)
			}
		})
	}
}

// checkBox holds a laid-out label to the rules every shape follows.
func checkBox(t *testing.T, k NodeKind, label string, b Box) {
	t.Helper()
	w0, h0 := k.Size()
	if b.W < w0 || b.H < h0 {
		t.Errorf("%v × %v smaller than the kind's %v × %v", b.W, b.H, w0, h0)
	}
	if k.Shape() == ShapeCircle && b.W != b.H {
		t.Errorf("a circle %v × %v", b.W, b.H)
	}
	if b.W > lookOf(k).maxW {
		t.Errorf("%v wide, more than the widest %v", b.W, lookOf(k).maxW)
	}
	if len(b.Lines) > MaxLabelLines {
		t.Errorf("%d lines", len(b.Lines))
	}
	room := Node{Kind: k}.Outline(b).LabelRoom(len(b.Lines))
	if room == nil && len(b.Lines) > 0 {
		t.Fatalf("%d lines do not fit a height of %v", len(b.Lines), b.H)
	}
	for i, l := range b.Lines {
		if w := metrics.width(l); w > room[i] {
			t.Errorf("line %q is %.1f wide, the shape leaves %.1f", l, w, room[i])
		}
	}
	// Nothing is lost but what an ellipsis stands for.
	joined := strings.Join(b.Lines, " ")
	if !strings.HasSuffix(joined, ellipsis) && strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(label, " ", "") {
		t.Errorf("lines %q do not spell %q", b.Lines, label)
	}
}

// Words are cut only when one is too long for the widest shape.
func TestLayOutCutsWordsLast(t *testing.T) {
	for _, k := range NodeKinds() {
		b := LayOut(k, "Rayonnement, mobilisation et formation continue", metrics.width)
		for _, l := range b.Lines {
			for _, w := range strings.Fields(l) {
				if !strings.Contains("Rayonnement, mobilisation et formation continue", w) {
					t.Errorf("%s: %q cut inside a word (%q)", k, w, b.Lines)
				}
			}
		}
	}
}

func TestWrap(t *testing.T) {
	runes := func(s string) float64 { return float64(len([]rune(s))) }
	tests := []struct {
		name     string
		text     string
		maxW     float64
		maxLines int
		want     []string
		how      int
	}{
		{"fits", "Arts", 10, 3, []string{"Arts"}, breakAtSpaces},
		{"breaks at spaces", "Médias et messages", 10, 3, []string{"Médias et", "messages"}, breakAtSpaces},
		{"after a hyphen", "Marie-Ève Tremblay", 8, 3, []string{"Marie-", "Ève", "Tremblay"}, breakAtHyphen},
		{"inside a word", "Anticonstitutionnellement", 10, 0, []string{"Anticonsti", "tutionnell", "ement"}, breakInWord},
		{"ellipsis", "un deux trois quatre", 6, 2, []string{"un", "deux…"}, breakInWord},
	}
	for _, tt := range tests {
		got, how := wrap(tt.text, tt.maxW, tt.maxLines, runes)
		if !slices.Equal(got, tt.want) || how != tt.how {
			t.Errorf("%s: %q (%d), want %q (%d)", tt.name, got, how, tt.want, tt.how)
		}
	}
}
