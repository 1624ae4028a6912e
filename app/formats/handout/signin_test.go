package handout

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"atelier/app/domain/participants"
	"atelier/app/formats/pdfdoc"
)

func TestPlanSignIn(t *testing.T) {
	// Rows and blank rows 10 high, 50 free on the first page, 100 on the others.
	ten := func(n int) []float64 { return slices.Repeat([]float64{10}, n) }
	tests := []struct {
		name    string
		heights []float64
		want    []signInPage
	}{
		{"nobody: one page of blank rows", nil, []signInPage{{0, 0, 5}}},
		{"one person", ten(1), []signInPage{{0, 1, 4}}},
		{"room for exactly three blank rows", ten(2), []signInPage{{0, 2, 3}}},
		{"two blank rows would fit: the last name moves", ten(3), []signInPage{{0, 2, 0}, {2, 3, 9}}},
		{"one blank row would fit", ten(4), []signInPage{{0, 3, 0}, {3, 4, 9}}},
		{"the page is exactly full", ten(5), []signInPage{{0, 4, 0}, {4, 5, 9}}},
		{"one over", ten(6), []signInPage{{0, 5, 0}, {5, 6, 9}}},
		{"second page with three blank rows", ten(12), []signInPage{{0, 5, 0}, {5, 12, 3}}},
		{"second page full", ten(15), []signInPage{{0, 5, 0}, {5, 14, 0}, {14, 15, 9}}},
		{"taller rows", []float64{10, 20, 10, 15}, []signInPage{{0, 3, 0}, {3, 4, 8}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := planSignIn(tt.heights, 10, 50, 100)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("planSignIn = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestPlanSignInRules checks the rules on every list length up to a few
// pages, with rows of uneven heights.
func TestPlanSignInRules(t *testing.T) {
	const blankH, first, rest = 13.0, 180.0, 240.0
	for n := range 80 {
		heights := make([]float64, n)
		for i := range heights {
			heights[i] = []float64{13, 13, 13, 17.8, 13}[i%5]
		}
		pages := planSignIn(heights, blankH, first, rest)
		next, blanks := 0, 0
		for i, pg := range pages {
			room := rest
			if i == 0 {
				room = first
			}
			used := float64(pg.blanks) * blankH
			for _, h := range heights[pg.from:pg.to] {
				used += h
			}
			switch {
			case pg.from != next:
				t.Fatalf("%d people: page %d starts at %d, want %d", n, i+1, pg.from, next)
			case used > room+1e-9:
				t.Fatalf("%d people: page %d overflows (%v > %v)", n, i+1, used, room)
			case n > 0 && pg.to == pg.from:
				t.Fatalf("%d people: page %d has no name: %v", n, i+1, pages)
			case pg.blanks > 0 && i != len(pages)-1:
				t.Fatalf("%d people: blank rows before the end: %v", n, pages)
			case i == len(pages)-1 && room-used >= blankH:
				t.Fatalf("%d people: the last page is not filled (%v left)", n, room-used)
			}
			next, blanks = pg.to, blanks+pg.blanks
		}
		if next != n || blanks < minBlankRows {
			t.Fatalf("%d people: %v", n, pages)
		}
	}
}

var rowName = regexp.MustCompile(`N\d{3}`)

// signInCapacity is how many one-line rows fit under the header of the
// first page of the fixture's sign-in sheet, measured apart from
// signInRows: header row one line high, rows 13 mm.
func signInCapacity(t *testing.T) int {
	c, _ := fixture(t)
	d := newDoc("P", "", opts())
	d.signInTitle(c, c.Sessions[0])
	return int(math.Floor((d.bottom() - d.f.GetY() - (5 + 2*1.4)) / 13))
}

func TestSignInPages(t *testing.T) {
	c, _ := fixture(t)
	capacity := signInCapacity(t)
	if capacity < 8 {
		t.Fatalf("only %d rows fit on the first page", capacity)
	}
	tests := []struct {
		name  string
		n     int
		pages int // 0: only check the rules
	}{
		{"nobody", 0, 1},
		{"one person", 1, 1},
		{"room for three blank rows", capacity - 3, 1},
		{"a page minus two", capacity - 2, 2},
		{"a page minus one", capacity - 1, 2},
		{"exactly a page", capacity, 2},
		{"a page plus one", capacity + 1, 2},
		{"sixty people", 60, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list := people(tt.n)
			if tt.n > 5 {
				list[5].Name = "Aïcha 🌻 Benali"
			}
			path, _ := write(t, "signin.pdf", func(b *bytes.Buffer) error { return SignIn(b, c, c.Sessions[0], list, opts()) })
			raw := text(t, path, true)
			pages := strings.Split(raw, "\f")
			pages = pages[:len(pages)-1]
			if tt.pages > 0 && len(pages) != tt.pages {
				t.Errorf("%d people on %d pages, want %d", tt.n, len(pages), tt.pages)
			}
			names := 0
			for i, pg := range pages {
				k := len(rowName.FindAllString(pg, -1))
				if strings.Contains(pg, "Aïcha Benali") {
					k++
				}
				if tt.n > 0 && k == 0 {
					t.Errorf("page %d of %d holds blank rows only", i+1, len(pages))
				}
				if !strings.Contains(pg, "Signature") {
					t.Errorf("page %d has no table header", i+1)
				}
				if want := fmt.Sprintf("Page %d / %d", i+1, len(pages)); !strings.Contains(pg, want) {
					t.Errorf("page %d lacks %q", i+1, want)
				}
				names += k
			}
			if names != tt.n {
				t.Errorf("%d names printed, want %d", names, tt.n)
			}
			// The only « ? » is the official title's.
			if strings.ContainsAny(strings.ReplaceAll(raw, "réussissent-ils ?", ""), "?\uFFFD") {
				t.Errorf("a placeholder is printed:\n%s", raw)
			}
			if tt.n > 5 && !strings.Contains(raw, "Aïcha Benali") {
				t.Error("« Aïcha 🌻 Benali » does not print « Aïcha Benali »")
			}
		})
	}
}

func TestSignInPrintsWhoItIsGiven(t *testing.T) {
	c, _ := fixture(t)
	list := []participants.Participant{
		{ID: 1, Name: "Zoé Martin", Status: participants.Confirme},
		{ID: 2, Name: "王芳", Status: participants.Inscrit},
		// The caller decides who is expected; SignIn prints everyone given.
		{ID: 3, Name: "Anaïs Côté", Status: participants.Attente},
		{ID: 4, Name: strings.Repeat("Marie-Ève Bouchard-Saint-Amand ", 30), Pronouns: strings.Repeat("iel ", 40)},
	}
	path, _ := write(t, "signin.pdf", func(b *bytes.Buffer) error { return SignIn(b, c, c.Sessions[0], list, opts()) })
	got := text(t, path, false)
	for _, want := range []string{"Anaïs Côté", "Zoé Martin", pdfdoc.UnreadableName, "Marie-Ève Bouchard-Saint-Amand", "…"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q: %s", want, got)
		}
	}
	if strings.Index(got, "Anaïs") > strings.Index(got, "Zoé") {
		t.Error("not in French order")
	}
	if n := pages(t, path); n != 1 {
		t.Errorf("%d pages: a long name must be cut, not spread", n)
	}
}
