package structure

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode/utf8"
)

// overlap names the first two nodes whose boxes, as m draws them, share
// more than a border.
func overlap(s Structure, m Metrics) string {
	d := Draw(s, m)
	for i, a := range s.Nodes {
		ra := d.Outline(i).Bounds()
		for j := i + 1; j < len(s.Nodes); j++ {
			rb := d.Outline(j).Bounds()
			if ra.Min.X < rb.Max.X && rb.Min.X < ra.Max.X && ra.Min.Y < rb.Max.Y && rb.Min.Y < ra.Max.Y {
				return fmt.Sprintf("%q (%v) and %q (%v)", a.Label, ra, s.Nodes[j].Label, rb)
			}
		}
	}
	return ""
}

// fakeMetrics stands for the real font in this package's tests, which
// cannot load it: every character is perRune wide, a little more than the
// average letter of DejaVu Sans Bold at LabelSize, so that labels grow
// their shapes here as they do in the app.
type fakeMetrics struct{ perRune float64 }

func (m fakeMetrics) width(s string) float64 { return m.perRune * float64(utf8.RuneCountInString(s)) }

func (m fakeMetrics) Box(n Node) Box { return LayOut(n.Kind, n.Label, m.width) }

func (m fakeMetrics) LinkLabelWidth(s string) float64 { return m.width(s) * LinkLabelSize / LabelSize }

var metrics = fakeMetrics{perRune: 8.5}

// offGrid names the first node whose centre is not on the layout grid.
func offGrid(s Structure) string {
	for _, n := range s.Nodes {
		if Snap(n.Center(), layoutGrid) != n.Center() {
			return fmt.Sprintf("%q at %v", n.Label, n.Center())
		}
	}
	return ""
}

var (
	dottedInclusive = regexp.MustCompile(`\p{Ll}\.e(\.?s)?\b`)
	englishWords    = regexp.MustCompile(`(?i)\b(the|and|of|with|outreach|media|messaging|coordinator|working group|team|circle|hub|budget holder|facilitator)\b`)
)

// frenchProblems lists what breaks the app's French conventions in s:
// typographic apostrophes, a non-breaking space before « : » and inside
// guillemets, none before ; ! ?, the point médian for inclusive forms.
func frenchProblems(s string) []string {
	var p []string
	add := func(cond bool, what string) {
		if cond {
			p = append(p, what)
		}
	}
	add(strings.Contains(s, "'"), "straight apostrophe")
	add(strings.Contains(s, `"`), "straight quotes")
	add(strings.Contains(s, "(s)") || strings.Contains(s, "(e)"), "parenthesised plural or feminine")
	add(dottedInclusive.MatchString(s), "inclusive form with a dot instead of the point médian")
	add(englishWords.MatchString(s), "English word: "+englishWords.FindString(s))
	add(strings.Contains(s, "  ") || strings.TrimSpace(s) != s, "stray spaces")
	r := []rune(s)
	for i, c := range r {
		prev, next := rune(0), rune(0)
		if i > 0 {
			prev = r[i-1]
		}
		if i+1 < len(r) {
			next = r[i+1]
		}
		switch c {
		case ':':
			add(prev != '\u00a0', "no non-breaking space before a colon")
		case ';', '!', '?':
			add(prev == ' ' || prev == '\u00a0', "space before "+string(c))
		case '«':
			add(next != '\u00a0', "no non-breaking space after «")
		case '»':
			add(prev != '\u00a0', "no non-breaking space before »")
		case '%':
			add(prev != '\u00a0', "no non-breaking space before %")
		}
	}
	return p
}

// randomStructure has n nodes of every kind scattered at random and m
// links, some of them dangling, self links or duplicates, as a diagram
// being drawn can have.
func randomStructure(seed uint64, n, m int) Structure {
	r := rand.New(rand.NewPCG(seed, 7))
	kinds := NodeKinds()
	s := Structure{Name: "aléatoire"}
	for i := range n {
		s.Nodes = append(s.Nodes, Node{
			ID: int64(i + 1), Kind: kinds[r.IntN(len(kinds))], Label: fmt.Sprintf("N%d", i+1),
			X: r.Float32() * 2000, Y: r.Float32() * 1000,
		})
	}
	for i := range m {
		from, to := int64(r.IntN(n)+1), int64(r.IntN(n)+1)
		if r.IntN(50) == 0 {
			to = int64(n + 5)
		}
		s.Links = append(s.Links, Link{ID: int64(i + 1), From: from, To: to, Kind: LinkKinds()[r.IntN(4)]})
	}
	return s
}
