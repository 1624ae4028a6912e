package diagram

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"

	"atelier/app/domain/structure"
	"atelier/app/formats/pdfdoc"
)

// renderPNG writes s to a file in a temporary directory and decodes it back.
func renderPNG(t *testing.T, s structure.Structure, opt Options) image.Image {
	t.Helper()
	path := filepath.Join(t.TempDir(), "structure.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := PNG(f, s, opt); err != nil {
		t.Fatalf("PNG: %v", err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	f, err = os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the file is not a PNG: %v", err)
	}
	return img
}

// drawn is s as the exports draw it, shapes grown for their labels.
func drawn(t *testing.T, s structure.Structure) structure.Drawing {
	t.Helper()
	m, err := LabelMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return structure.Draw(s, m)
}

func nrgba(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

// at is the colour of the pixel under canvas point p when the structure's
// bounds start at min and the image has margin m and scale k.
func at(img image.Image, p, min structure.Point, m, k float32) color.NRGBA {
	x := int(math.Floor(float64((p.X - min.X + m) * k)))
	y := int(math.Floor(float64((p.Y - min.Y + m) * k)))
	return nrgba(img.At(x, y))
}

func near(a, b color.NRGBA) bool {
	d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
	return d(a.R, b.R) <= 2 && d(a.G, b.G) <= 2 && d(a.B, b.B) <= 2 && d(a.A, b.A) <= 2
}

var opaqueWhite = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}

func TestPNGSize(t *testing.T) {
	s := structure.Structure{Name: "Taille", Nodes: []structure.Node{
		{ID: 1, Kind: structure.Cercle, Label: "Ancrage", X: 100, Y: 100, Members: []string{"A"}},
		{ID: 2, Kind: structure.Partenaire, Label: "Partenaire", X: 500, Y: 300},
	}}
	// Bounds: x 35..585 (550 wide), y 35..335 (300 high).
	tests := []struct {
		name string
		opt  Options
		w, h int
	}{
		{"defaults", Options{}, 550 + 48, 300 + 48},
		{"scale 2", Options{Scale: 2}, 2 * (550 + 48), 2 * (300 + 48)},
		{"margin 10", Options{Margin: 10}, 570, 320},
		{"fractional scale", Options{Scale: 1.5, Margin: 5}, int(math.Ceil(1.5 * 560)), int(math.Ceil(1.5 * 310))},
		{"short title adds a band", Options{Title: "Séance 3"}, 550 + 48, 300 + 48 + titleBand},
		{"empty structure", Options{}, emptyW, emptyH},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := s
			if tt.name == "empty structure" {
				in = structure.Structure{Name: "Vide"}
			}
			b := renderPNG(t, in, tt.opt).Bounds()
			if b.Dx() != tt.w || b.Dy() != tt.h {
				t.Errorf("size %dx%d, want %dx%d", b.Dx(), b.Dy(), tt.w, tt.h)
			}
		})
	}
}

func TestPNGLongTitleWidensImage(t *testing.T) {
	s := structure.Structure{Nodes: []structure.Node{{ID: 1, Kind: structure.Personne, Label: "Inès", X: 0, Y: 0}}}
	img := renderPNG(t, s, Options{Title: "Séance 3 — Structure « Un titre nettement plus large que le schéma »"})
	if w := img.Bounds().Dx(); w <= 64+2*defaultMargin {
		t.Errorf("width %d: the title does not fit", w)
	}
}

func TestPNGNodeFills(t *testing.T) {
	// Labels are empty so that the centre pixels show the fill, not text.
	nodes := []structure.Node{
		{ID: 1, Kind: structure.Cercle, X: 100, Y: 100, Members: []string{"A"}},
		{ID: 2, Kind: structure.GroupeTravail, X: 350, Y: 100},
		{ID: 3, Kind: structure.Role, X: 600, Y: 100, Members: []string{"B"}},
		{ID: 4, Kind: structure.Role, X: 100, Y: 300}, // nobody holds it
		{ID: 5, Kind: structure.Hub, X: 350, Y: 300},
		{ID: 6, Kind: structure.Equipe, X: 600, Y: 300},
		{ID: 7, Kind: structure.Personne, X: 100, Y: 500, Members: []string{"C"}},
		{ID: 8, Kind: structure.Partenaire, X: 350, Y: 500},
	}
	s := structure.Structure{Name: "Couleurs", Nodes: nodes}
	for _, scale := range []float32{1, 2} {
		img := renderPNG(t, s, Options{Scale: scale})
		min := drawn(t, s).Bounds().Min
		for _, n := range nodes {
			want := nrgba(n.Kind.Color())
			if unfilled(n) {
				want = opaqueWhite
			}
			if got := at(img, n.Center(), min, defaultMargin, scale); !near(got, want) {
				t.Errorf("scale %v, %s %d: centre %v, want %v", scale, n.Kind, n.ID, got, want)
			}
		}
		// The unfilled role has its colour on its outline, just inside the
		// left end of the pill where a dash starts.
		role := nodes[3]
		w, _ := role.Kind.Size()
		edge := structure.Point{X: role.X - w/2 + 1, Y: role.Y}
		if got := at(img, edge, min, defaultMargin, scale); got == opaqueWhite {
			t.Errorf("scale %v: the unfilled role has no outline at its left end", scale)
		}
	}
}

func TestPNGLabelsAreDrawn(t *testing.T) {
	tests := []struct {
		name string
		node structure.Node
		ink  color.NRGBA
	}{
		{"filled: white on colour", structure.Node{ID: 1, Kind: structure.GroupeTravail, Label: "Médias et messages", Members: []string{"A"}},
			opaqueWhite},
		{"unfilled role: colour on white", structure.Node{ID: 1, Kind: structure.Role, Label: "Coordination externe"},
			nrgba(structure.Role.Color())},
	}
	const k = 2
	// inked counts the pixels of colour ink in the label box of n.
	inked := func(t *testing.T, n structure.Node, ink color.NRGBA) int {
		s := structure.Structure{Nodes: []structure.Node{n}}
		img := renderPNG(t, s, Options{Scale: k})
		o := drawn(t, s).Outline(0)
		cx, cy := img.Bounds().Dx()/2, img.Bounds().Dy()/2
		hw, hh := int(o.W*k/2)-16, int(o.H*k/2)-8
		count := 0
		for y := cy - hh; y < cy+hh; y++ {
			for x := cx - hw; x < cx+hw; x++ {
				if near(nrgba(img.At(x, y)), ink) {
					count++
				}
			}
		}
		return count
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blank := tt.node
			blank.Label = ""
			with, without := inked(t, tt.node, tt.ink), inked(t, blank, tt.ink)
			if with-without < 100 {
				t.Errorf("%d pixels of label ink (%d without a label), want a drawn label", with, without)
			}
		})
	}
}

// twoNodes is a horizontal link of kind k between two circles 400 units
// apart; the link's line is at canvas y 0.
func twoNodes(k structure.LinkKind) structure.Structure {
	return structure.Structure{Name: "Lien", Nodes: []structure.Node{
		{ID: 1, Kind: structure.Cercle, Label: "De", X: 0, Y: 0, Members: []string{"A"}},
		{ID: 2, Kind: structure.Cercle, Label: "À", X: 400, Y: 0, Members: []string{"B"}},
	}, Links: []structure.Link{{ID: 1, From: 1, To: 2, Kind: k}}}
}

func TestPNGLinks(t *testing.T) {
	const m = defaultMargin
	for _, k := range structure.LinkKinds() {
		t.Run(string(k), func(t *testing.T) {
			s := twoNodes(k)
			img := renderPNG(t, s, Options{})
			min := drawn(t, s).Bounds().Min
			col := nrgba(k.Color())
			px := func(x, y float32) color.NRGBA { return at(img, structure.Point{X: x, Y: y}, min, m, 1) }
			// From x 65 to 335 between the borders.
			coloured, blank := 0, 0
			for x := float32(70); x < 310; x++ {
				switch c := px(x, -doubleOffset); {
				case k == structure.LienDouble && near(c, col):
					coloured++
				case k != structure.LienDouble && near(px(x, 0), col):
					coloured++
				default:
					blank++
				}
			}
			switch {
			case k.Dashed() && (coloured < 100 || blank < 60):
				t.Errorf("dashed: %d coloured, %d blank pixels along the line", coloured, blank)
			case !k.Dashed() && blank > 0:
				t.Errorf("solid: %d blank pixels along the line", blank)
			}
			if k == structure.LienDouble {
				if got := px(200, 0); !near(got, opaqueWhite) {
					t.Errorf("double link: %v between the two lines, want white", got)
				}
				if got := px(200, doubleOffset); !near(got, col) {
					t.Errorf("double link: second line %v, want %v", got, col)
				}
			}
			// Arrowhead: wide near the target, absent near the source.
			head := px(335-10, 2)
			tail := px(65+10, 2)
			if k.Directed() {
				if !near(head, col) {
					t.Errorf("no arrowhead at the target: %v", head)
				}
				if !near(tail, opaqueWhite) {
					t.Errorf("something at the source: %v", tail)
				}
			} else if k != structure.LienDouble && !near(head, opaqueWhite) {
				t.Errorf("arrowhead on an undirected link: %v", head)
			}
		})
	}
}

func TestPNGLinkLabelHasBackground(t *testing.T) {
	const k = 2
	plain := twoNodes(structure.Coordination)
	labelled := twoNodes(structure.Coordination)
	labelled.Links[0].Label = "coordination"
	regular, bold, err := pdfdoc.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	r := renderer{regular: regular, bold: bold, faces: map[faceKey]font.Face{}}
	tw := float32(r.measure("coordination", false, linkLabelSize*k)) / k
	// In the left padding of the label's box, on the line.
	p := structure.Point{X: 200 - tw/2 - linkLabelPad/2, Y: 0}
	min := drawn(t, plain).Bounds().Min
	if got := at(renderPNG(t, plain, Options{Scale: k}), p, min, defaultMargin, k); !near(got, nrgba(structure.Coordination.Color())) {
		t.Fatalf("no line under the label: %v", got)
	}
	if got := at(renderPNG(t, labelled, Options{Scale: k}), p, min, defaultMargin, k); !near(got, opaqueWhite) {
		t.Errorf("the label has no white background: %v", got)
	}
}

func TestPNGEmpty(t *testing.T) {
	img := renderPNG(t, structure.Structure{Name: "Vide"}, Options{Scale: 2})
	if b := img.Bounds(); b.Dx() != 2*emptyW || b.Dy() != 2*emptyH {
		t.Fatalf("size %v", b)
	}
	ink := 0
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			if !near(nrgba(img.At(x, y)), opaqueWhite) {
				ink++
			}
		}
	}
	if ink < 100 {
		t.Errorf("%d inked pixels: « %s » is not written", ink, emptyText)
	}
}

// awkward is text that must never break an export.
var awkward = []string{
	"🎉 Fête 🌱🌍",
	"👩🏽‍🤝‍👩🏻 équipe",
	"مرحبا بكم",
	"中文标签 和 日本語のラベル",
	"Invalid \xff\xfe bytes",
	"Tab\tand\x00nul\x1b",
	"Ligne un\nLigne deux\r\nLigne trois\nLigne quatre",
	"Anticonstitutionnellementextraordinairementlongmotsansespace",
	"",
	"   ",
	"« Guillemets » et espaces\u00a0fines\u202f!",
	"Œuvre, cœur, Ærø, ﬁn",
	"e\u0301le\u0300ve", // decomposed accents
}

func TestPNGAwkwardText(t *testing.T) {
	for i, text := range awkward {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			s := twoNodes(structure.Conseil)
			s.Name = text
			s.Nodes[0].Label = text
			s.Nodes[1].Kind = structure.Role
			s.Nodes[1].Members = nil
			s.Nodes[1].Label = text
			s.Links[0].Label = text
			renderPNG(t, s, Options{Title: text, Scale: 1.25})
		})
	}
}

func TestPNGOddData(t *testing.T) {
	tests := []struct {
		name string
		s    structure.Structure
	}{
		{"link to a missing node", structure.Structure{Nodes: []structure.Node{{ID: 1, Kind: structure.Cercle, Label: "Seul"}},
			Links: []structure.Link{{ID: 1, From: 1, To: 9, Kind: structure.Delegation}}}},
		{"link to itself", structure.Structure{Nodes: []structure.Node{{ID: 1, Kind: structure.Cercle, Label: "Seul"}},
			Links: []structure.Link{{ID: 1, From: 1, To: 1, Kind: structure.Delegation}}}},
		{"nodes on top of each other", structure.Structure{Nodes: []structure.Node{
			{ID: 1, Kind: structure.Cercle, Label: "Un"}, {ID: 2, Kind: structure.Hub, Label: "Deux"}},
			Links: []structure.Link{{ID: 1, From: 1, To: 2, Kind: structure.Conseil, Label: "x"}}}},
		{"unknown kinds", structure.Structure{Nodes: []structure.Node{
			{ID: 1, Kind: "inconnu", Label: "Un"}, {ID: 2, Kind: structure.Role, Label: "Deux", X: 300}},
			Links: []structure.Link{{ID: 1, From: 1, To: 2, Kind: "bizarre", Label: "x"}}}},
		{"far apart", structure.Structure{Nodes: []structure.Node{
			{ID: 1, Kind: structure.Cercle, Label: "Ici"}, {ID: 2, Kind: structure.Cercle, Label: "Là-bas", X: 1e6, Y: 1e6}},
			Links: []structure.Link{{ID: 1, From: 1, To: 2, Kind: structure.Delegation}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := PNG(&buf, tt.s, Options{Scale: 2}); err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Width > maxSide || cfg.Height > maxSide || cfg.Width*cfg.Height > maxPixels+2*maxSide {
				t.Errorf("image %dx%d larger than allowed", cfg.Width, cfg.Height)
			}
		})
	}
}

func TestPNGRejectsNaN(t *testing.T) {
	s := structure.Structure{Nodes: []structure.Node{{ID: 1, Kind: structure.Cercle, Label: "Perdu", X: float32(math.NaN())}}}
	if err := PNG(discard{}, s, Options{}); err == nil {
		t.Error("no error for a NaN coordinate")
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// large is a structure of 300 nodes and 400 links, for the benchmark.
func large() structure.Structure {
	s := structure.Structure{Name: "Grand mouvement"}
	kinds := structure.NodeKinds()
	const cols = 20
	for i := range 300 {
		n := structure.Node{ID: int64(i + 1), Kind: kinds[i%len(kinds)], Label: fmt.Sprintf("Élément numéro %d du réseau", i+1),
			X: float32(i%cols) * 210, Y: float32(i/cols) * 150}
		if i%4 != 0 {
			n.Members = []string{"Quelqu’un"}
		}
		s.Nodes = append(s.Nodes, n)
	}
	links := structure.LinkKinds()
	add := func(a, b int) {
		k := links[len(s.Links)%len(links)]
		s.Links = append(s.Links, structure.Link{ID: int64(len(s.Links) + 1), From: int64(a + 1), To: int64(b + 1), Kind: k,
			Label: []string{"", "mandat", "", "conseil"}[len(s.Links)%4]})
	}
	for i := range 300 {
		if i%cols != cols-1 {
			add(i, i+1)
		}
	}
	for i := 0; len(s.Links) < 390; i++ {
		add(i, i+cols)
	}
	for i := range 10 { // a few long diagonals across the whole diagram
		add(i, 299-i*3)
	}
	return s
}

func BenchmarkPNG(b *testing.B) {
	s := large()
	if len(s.Nodes) != 300 || len(s.Links) != 400 {
		b.Fatalf("%d nodes, %d links", len(s.Nodes), len(s.Links))
	}
	for _, scale := range []float32{1, 2} {
		b.Run(fmt.Sprintf("scale %v", scale), func(b *testing.B) {
			for b.Loop() {
				if err := PNG(discard{}, s, Options{Scale: scale, Title: "Séance 3"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The GUI may export a PNG and a PDF at once; the parsed fonts are shared.
func TestConcurrentExports(t *testing.T) {
	s := sample()
	errs := make(chan error, 8)
	for i := range cap(errs) {
		go func() {
			if i%2 == 0 {
				errs <- PNG(discard{}, s, Options{Scale: 1})
			} else {
				errs <- PDF(discard{}, s, PDFOptions{Created: fixedDate})
			}
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
