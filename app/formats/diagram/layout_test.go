package diagram

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"atelier/app/domain/structure"
)

func labelMetrics(t testing.TB) *Metrics {
	t.Helper()
	m, err := LabelMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The labels that spilled out of their shapes on the shared screen wrap
// inside them, in the real font, and the shapes grow to hold every line.
func TestMeasuredLayout(t *testing.T) {
	m := labelMetrics(t)
	tests := []struct {
		kind  structure.NodeKind
		label string
		want  []string
	}{
		{structure.Role, "Coordination externe", []string{"Coordination", "externe"}},
		{structure.Role, "Gestion du budget", []string{"Gestion du", "budget"}},
		{structure.Role, "Groupe de travail sur la mobilisation des membres", nil},
		{structure.GroupeTravail, "Groupe de travail sur la mobilisation des membres", nil},
		{structure.Equipe, "Groupe de travail sur la mobilisation des membres", nil},
		{structure.Partenaire, "Groupe de travail sur la mobilisation des membres", nil},
		{structure.Hub, "Groupe de travail sur la mobilisation des membres", nil},
		{structure.Cercle, "Groupe de travail sur la mobilisation des membres", nil},
		{structure.Personne, "Groupe de travail sur la mobilisation des membres", nil},
		{structure.Cercle, "Coordination externe", nil},
		{structure.Hub, "Gestion du budget", nil},
		{structure.Personne, "Marie-Ève Tremblay", []string{"Marie-Ève", "Tremblay"}},
		{structure.Partenaire, "Anticonstitutionnellementextraordinairement", nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %s", tt.kind, tt.label), func(t *testing.T) {
			n := structure.Node{Kind: tt.kind, Label: tt.label}
			b := m.Box(n)
			if tt.want != nil && !slices.Equal(b.Lines, tt.want) {
				t.Errorf("lines %q, want %q", b.Lines, tt.want)
			}
			if len(b.Lines) == 0 {
				t.Fatal("no lines")
			}
			room := n.Outline(b).LabelRoom(len(b.Lines))
			if room == nil {
				t.Fatalf("%d lines do not fit %v high", len(b.Lines), b.H)
			}
			for i, l := range b.Lines {
				if w := m.Width(l); w > room[i] {
					t.Errorf("line %q: %.1f wide in a shape that leaves %.1f", l, w, room[i])
				}
			}
			if got := strings.Join(b.Lines, " "); !strings.HasSuffix(got, "…") && len(strings.Fields(got)) < len(strings.Fields(tt.label)) {
				t.Errorf("%q lost words of %q", got, tt.label)
			}
		})
	}
}

// Tidy, given the real sizes, leaves no two shapes touching, on every
// template and on a large diagram.
func TestTidyMeasuredNeverOverlaps(t *testing.T) {
	m := labelMetrics(t)
	var cases []structure.Structure
	for _, tp := range structure.Templates() {
		s, err := structure.FromTemplateSized(tp.Key, "", m)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, s, structure.Tidy(s, m))
	}
	cases = append(cases, structure.Tidy(randomGraph(300, 400), m))
	for _, s := range cases {
		d := structure.Draw(s, m)
		for i := range d.Nodes {
			a := d.Outline(i).Bounds()
			for j := i + 1; j < len(d.Nodes); j++ {
				b := d.Outline(j).Bounds()
				if a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y {
					t.Errorf("%s: %q %v and %q %v overlap", s.Name, d.Nodes[i].Label, a, d.Nodes[j].Label, b)
				}
			}
		}
	}
}

// randomGraph is n nodes of every kind with labels of every length, and m
// links between them.
func randomGraph(n, m int) structure.Structure {
	r := rand.New(rand.NewPCG(3, 5))
	words := strings.Fields("Groupe de travail sur la mobilisation des membres Coordination externe Gestion du budget Rayonnement")
	s := structure.Structure{Name: "aléatoire"}
	kinds := structure.NodeKinds()
	for i := range n {
		label := strings.Join(words[:1+r.IntN(len(words)-1)], " ") + " " + strconv.Itoa(i)
		s.Nodes = append(s.Nodes, structure.Node{ID: int64(i + 1), Kind: kinds[r.IntN(len(kinds))], Label: label,
			X: r.Float32() * 3000, Y: r.Float32() * 2000})
	}
	for i := range m {
		l := structure.Link{ID: int64(i + 1), From: int64(r.IntN(n) + 1), To: int64(r.IntN(n) + 1), Kind: structure.LinkKinds()[r.IntN(4)]}
		if i%5 == 0 {
			l.Label = "mandat"
		}
		s.Links = append(s.Links, l)
	}
	return s
}

// The PDF breaks a label where the canvas and the PNG do: its words, read
// back from the page, come in the same lines as the layout's.
func TestPDFBreaksLabelsLikeTheLayout(t *testing.T) {
	label := "Groupe de travail sur la mobilisation des membres"
	s := structure.Structure{Name: "Lignes", Nodes: []structure.Node{{ID: 1, Kind: structure.Role, Label: label, Members: []string{"A"}}}}
	want := labelMetrics(t).Box(s.Nodes[0]).Lines
	path, _ := renderPDF(t, s, PDFOptions{Created: fixedDate})
	html := poppler(t, "pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-")
	var lines []string
	lastY := ""
	for _, w := range wordRe.FindAllStringSubmatch(html, -1) {
		if !strings.Contains(label, w[5]) || strings.Contains(w[5], "Lignes") {
			continue
		}
		if w[2] != lastY {
			lines = append(lines, w[5])
			lastY = w[2]
			continue
		}
		lines[len(lines)-1] += " " + w[5]
	}
	if !slices.Equal(lines, want) {
		t.Errorf("the PDF writes %q, the layout %q", lines, want)
	}
}

// The PNG writes as many lines as the layout: bands of ink across the
// shape, one per line.
func TestPNGBreaksLabelsLikeTheLayout(t *testing.T) {
	label := "Groupe de travail sur la mobilisation des membres"
	s := structure.Structure{Name: "Lignes", Nodes: []structure.Node{{ID: 1, Kind: structure.GroupeTravail, Label: label}}}
	const k = 2
	o := drawn(t, s).Outline(0)
	want := len(drawn(t, s).Boxes[0].Lines)
	img := renderPNG(t, s, Options{Scale: k})
	fill := nrgba(structure.GroupeTravail.Color())
	cx, cy := img.Bounds().Dx()/2, img.Bounds().Dy()/2
	hw, hh := int((o.W/2-16)*k), int((o.H/2-4)*k)
	bands, inBand := 0, false
	for y := cy - hh; y < cy+hh; y++ {
		ink := false
		for x := cx - hw; x < cx+hw && !ink; x++ {
			ink = !near(nrgba(img.At(x, y)), fill)
		}
		if ink && !inBand {
			bands++
		}
		inBand = ink
	}
	if bands != want || want < 2 {
		t.Errorf("%d bands of text, the layout has %d lines", bands, want)
	}
}

func BenchmarkTidyMeasured300(b *testing.B) {
	m := labelMetrics(b)
	s := randomGraph(300, 400)
	structure.Tidy(s, m) // the labels measured once, as the canvas has
	for b.Loop() {
		structure.Tidy(s, m)
	}
}

// BenchmarkLayOutCold is the first layout of 300 labels, nothing cached.
func BenchmarkLayOutCold(b *testing.B) {
	s := randomGraph(300, 0)
	for b.Loop() {
		m, err := newMetrics()
		if err != nil {
			b.Fatal(err)
		}
		structure.Draw(s, m)
	}
}
