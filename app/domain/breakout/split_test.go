package breakout

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func ids(n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = int64(100 + i)
	}
	return out
}

// checkPartition fails unless groups hold each of people exactly once with
// sizes differing by at most one and no group of one.
func checkPartition(t *testing.T, people []int64, groups [][]int64, wantGroups int) {
	t.Helper()
	if len(groups) != wantGroups {
		t.Errorf("%d groups, want %d", len(groups), wantGroups)
	}
	seen := map[int64]int{}
	lo, hi := len(people), 0
	for _, g := range groups {
		lo, hi = min(lo, len(g)), max(hi, len(g))
		for _, id := range g {
			seen[id]++
		}
	}
	if hi-lo > 1 || lo < 2 {
		t.Errorf("sizes from %d to %d", lo, hi)
	}
	for _, id := range people {
		if seen[id] != 1 {
			t.Errorf("person %d placed %d times", id, seen[id])
		}
	}
	if len(seen) != len(people) {
		t.Errorf("%d people placed, %d given", len(seen), len(people))
	}
}

func TestSplitSizes(t *testing.T) {
	tests := []struct {
		n      int
		opt    Options
		groups int
	}{
		{12, Options{Groups: 3}, 3},
		{13, Options{Groups: 3}, 3},
		{2, Options{Groups: 1}, 1},
		{12, Options{Size: 4}, 3},
		{13, Options{Size: 4}, 4}, // 4,3,3,3 rather than a group of 1
		{9, Options{Size: 4}, 3},
		{3, Options{Size: 2}, 1}, // 2 + 1 becomes one group of 3
		{5, Options{Size: 2}, 2},
		{7, Options{Size: 2}, 3},
		{4, Options{Size: 10}, 1},
		{1000, Options{Size: 4}, 250},
		{1001, Options{Size: 4}, 251},
	}
	for _, tt := range tests {
		people := ids(tt.n)
		groups, err := Split(people, nil, tt.opt)
		if err != nil {
			t.Errorf("%d people, %+v: %v", tt.n, tt.opt, err)
			continue
		}
		checkPartition(t, people, groups, tt.groups)
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct {
		people []int64
		opt    Options
		want   string
	}{
		{ids(10), Options{Groups: 2, Size: 3}, "Indiquez un nombre de groupes ou une taille de groupe, pas les deux."},
		{ids(10), Options{}, "Indiquez un nombre de groupes ou une taille de groupe."},
		{ids(10), Options{Groups: -2}, "ne peut pas être négatif"},
		{ids(10), Options{Size: -2}, "ne peut pas être négative"},
		{ids(10), Options{Size: 1}, "au moins 2 personnes"},
		{nil, Options{Size: 4}, "Aucune personne n’est marquée présente\u00a0:"},
		{ids(1), Options{Size: 4}, "Une seule personne est présente"},
		{ids(5), Options{Groups: 3}, "Impossible de former 3 groupes avec 5 personnes présentes\u00a0:"},
		{[]int64{1, 2, 3, 2}, Options{Groups: 2}, "figure deux fois"},
		{ids(maxPeople + 1), Options{Size: 4}, "se limite à 10\u00a0000 personnes."},
	}
	for _, tt := range tests {
		groups, err := Split(tt.people, nil, tt.opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%d people, %+v: got %v, %v; want %q", len(tt.people), tt.opt, groups, err, tt.want)
		}
	}
}

// grid numbers 16 people on a 4 × 4 grid: person (r, c) is 100+4r+c.
func grid(f func(r, c int) int) [][]int64 {
	groups := make([][]int64, 4)
	for r := range 4 {
		for c := range 4 {
			g := f(r, c)
			groups[g] = append(groups[g], int64(100+4*r+c))
		}
	}
	return groups
}

func TestSplitAvoidsRepeats(t *testing.T) {
	rows := grid(func(r, _ int) int { return r })
	cols := grid(func(_, c int) int { return c })
	// Rows, columns and the three Latin squares r + m·c over GF(4) are the
	// five parallel classes of the affine plane of order 4: any four of
	// them leave the fifth as a split that repeats no pair, and all five
	// together have put every pair together once.
	gf4mul := [4][4]int{{0, 0, 0, 0}, {0, 1, 2, 3}, {0, 2, 3, 1}, {0, 3, 1, 2}}
	latin := grid(func(r, c int) int { return r ^ c })
	latin2 := grid(func(r, c int) int { return gf4mul[2][r] ^ c })
	latin3 := grid(func(r, c int) int { return gf4mul[3][r] ^ c })
	tests := []struct {
		name    string
		people  []int64
		history [][]int64
		opt     Options
		want    int // repeats left
		naive   int // repeats of the split in list order
	}{
		{"after one session", ids(16), rows, Options{Groups: 4}, 0, 24},
		{"after two sessions", ids(16), slices.Concat(rows, cols), Options{Groups: 4}, 0, 24},
		{"after three sessions", ids(16), slices.Concat(rows, cols, latin), Options{Size: 4}, 0, 24},
		{"after four sessions", ids(16), slices.Concat(rows, cols, latin, latin2), Options{Size: 4}, 0, 24},
		// After five, every pair has met: 4 groups of 4 repeat 24 pairs.
		{"after five sessions", ids(16), slices.Concat(rows, cols, latin, latin2, latin3), Options{Size: 4}, 24, 24},
		// Groups of 8 out of four rows of 4: at best two people of each
		// row in each group, one repeated pair per row and group.
		{"groups bigger than the old ones", ids(16), rows, Options{Groups: 2}, 8, 24},
		// The fourth row is absent: 4 groups of 3, one person per row
		// and per column in each, avoid every repeat.
		{"with absences", ids(12), slices.Concat(rows, cols), Options{Groups: 4}, 0, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range int64(20) {
				opt := tt.opt
				opt.Seed = seed
				groups, err := Split(tt.people, tt.history, opt)
				if err != nil {
					t.Fatal(err)
				}
				sizes, _ := Sizes(len(tt.people), opt)
				checkPartition(t, tt.people, groups, len(sizes))
				if got := Repeats(groups, tt.history); got != tt.want {
					t.Fatalf("seed %d: %d repeated pairs, want %d: %v", seed, got, tt.want, groups)
				}
			}
			if got := Repeats(naive(tt.people, tt.opt), tt.history); got != tt.naive {
				t.Errorf("the naive split repeats %d pairs, want %d", got, tt.naive)
			}
		})
	}
}

// naive cuts the list in order, as one would by hand.
func naive(people []int64, opt Options) [][]int64 {
	sizes, _ := Sizes(len(people), opt)
	var out [][]int64
	for _, s := range sizes {
		out = append(out, people[:s])
		people = people[s:]
	}
	return out
}

func TestSplitDeterministic(t *testing.T) {
	people := ids(60)
	history := randomSessions(people, 3, 4, 7)
	a, _ := Split(people, history, Options{Size: 4, Seed: 1})
	b, _ := Split(people, history, Options{Size: 4, Seed: 1})
	c, _ := Split(people, history, Options{Size: 4, Seed: 2})
	same := func(x, y [][]int64) bool { return slices.EqualFunc(x, y, slices.Equal) }
	if !same(a, b) {
		t.Errorf("same seed, different groups:\n%v\n%v", a, b)
	}
	if same(a, c) {
		t.Error("another seed gave the same groups")
	}
	for _, g := range a {
		if !slices.IsSorted(g) {
			t.Errorf("group %v not in the order of the list", g)
		}
	}
	if !slices.IsSortedFunc(a, func(x, y []int64) int { return int(x[0] - y[0]) }) {
		t.Errorf("groups not ordered by first member: %v", a)
	}
}

func TestRepeats(t *testing.T) {
	history := [][]int64{{1, 2, 3}, {4, 5}, {1, 2, 9}}
	tests := []struct {
		groups [][]int64
		want   int
	}{
		{nil, 0},
		{[][]int64{{1, 4}, {2, 5}, {3}}, 0},
		{[][]int64{{1, 2}, {3, 4, 5}}, 2}, // 1-2 met twice but counts once
		{[][]int64{{1, 2, 3, 4, 5}}, 4},
	}
	for _, tt := range tests {
		if got := Repeats(tt.groups, history); got != tt.want {
			t.Errorf("%v: %d, want %d", tt.groups, got, tt.want)
		}
	}
}

func TestSplitUnavoidableRepeatsStaysFast(t *testing.T) {
	// The whole class was once one group: every pair repeats whatever
	// the split, and the search must give up within its bounds.
	people := ids(1000)
	groups, err := Split(people, [][]int64{people}, Options{Size: 4})
	if err != nil {
		t.Fatal(err)
	}
	checkPartition(t, people, groups, 250)
	if got := Repeats(groups, [][]int64{people}); got != 250*6 {
		t.Errorf("%d repeats", got)
	}
}

// randomSessions makes earlier sessions of groups of size, shuffled.
func randomSessions(people []int64, sessions, size int, seed uint64) [][]int64 {
	rng := rand.New(rand.NewPCG(seed, 1))
	var out [][]int64
	for range sessions {
		p := slices.Clone(people)
		rng.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
		for len(p) > 0 {
			k := min(size, len(p))
			out = append(out, p[:k])
			p = p[k:]
		}
	}
	return out
}

func BenchmarkSplit1000(b *testing.B) {
	people := ids(1000)
	history := randomSessions(people, 4, 4, 42)
	b.ReportAllocs()
	var groups [][]int64
	for b.Loop() {
		var err error
		groups, err = Split(people, history, Options{Size: 4, Seed: 7})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(Repeats(groups, history)), "repeats")
}

func TestPairSetDenseAndSparseAgree(t *testing.T) {
	people := ids(70)
	index := map[int64]int32{}
	for i, id := range people[:60] { // the last ten are absent now
		index[id] = int32(i)
	}
	history := append(randomSessions(people, 3, 5, 9), []int64{100, 100, 101}, []int64{999, 100})
	dense := buildPairs(60, index, history, true)
	sparse := buildPairs(60, index, history, false)
	if dense.bits == nil || sparse.bits != nil {
		t.Fatal("wrong representation")
	}
	pairs := 0
	for a := range int32(60) {
		if !slices.Equal(dense.adj[a], sparse.adj[a]) {
			t.Errorf("%d: partners %v and %v", a, dense.adj[a], sparse.adj[a])
		}
		for b := range int32(60) {
			d, s := dense.met(a, b), sparse.met(a, b)
			if d != s || d != dense.met(b, a) {
				t.Fatalf("%d-%d: dense %v sparse %v", a, b, d, s)
			}
			if d {
				pairs++
			}
		}
		if dense.met(a, a) {
			t.Errorf("%d met itself", a)
		}
	}
	if pairs == 0 {
		t.Error("no pair found")
	}
}
