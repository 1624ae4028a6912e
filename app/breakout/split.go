package breakout

import (
	"math/rand/v2"
	"slices"

	"atelier/app/verr"
)

// Bounds on the search, so that a split stays well under the 50 ms the
// screen allows even for a thousand people whose repeats cannot all be
// avoided: work counts the pairs looked up (about 20 ns each), starts the
// fresh shuffles tried when swaps cannot remove the last repeats.
const (
	maxWork   = 1_000_000
	maxStarts = 24
)

// Split puts people into groups of even sizes (see Sizes), each person in
// exactly one group, keeping as few pairs as it can that were already
// together in one of the history groups (the groups of earlier sessions).
//
// It places the people with the most past partners first, each in the open
// group where they meet the fewest of them, then swaps people between
// groups while a swap removes repeated pairs; if repeats remain it starts
// again from another shuffle, within fixed bounds. The result depends only
// on the arguments, Seed included.
//
// Within a group people keep their order in people, and groups are ordered
// by their first member, so a list sorted by name gives groups that read
// sorted.
func Split(people []int64, history [][]int64, opt Options) ([][]int64, error) {
	sizes, err := Sizes(len(people), opt)
	if err != nil {
		return nil, err
	}
	index := make(map[int64]int32, len(people))
	for i, id := range people {
		if _, dup := index[id]; dup {
			return nil, verr.List{"La même personne figure deux fois dans la liste des présences."}
		}
		index[id] = int32(i)
	}
	s := newSearch(sizes, partners(len(people), index, history), opt.Seed)
	best, bestRepeats := []int32(nil), -1
	for start := 0; start < maxStarts && bestRepeats != 0 && s.work < maxWork; start++ {
		s.greedy()
		r := s.improve()
		if bestRepeats < 0 || r < bestRepeats {
			best, bestRepeats = slices.Clone(s.groupOf), r
		}
	}
	return collect(people, best, len(sizes)), nil
}

// Repeats counts the pairs in groups that were already together in a
// history group; a pair that met several times counts once.
func Repeats(groups, history [][]int64) int {
	index := map[int64]int32{}
	for _, g := range groups {
		for _, id := range g {
			if _, ok := index[id]; !ok {
				index[id] = int32(len(index))
			}
		}
	}
	adj := partners(len(index), index, history)
	n := 0
	for _, g := range groups {
		for a := range g {
			for b := a + 1; b < len(g); b++ {
				if met(adj, index[g[a]], index[g[b]]) {
					n++
				}
			}
		}
	}
	return n
}

// partners lists, for each person by index, the sorted indices of the
// present people they were with in history. People absent now are
// ignored.
func partners(n int, index map[int64]int32, history [][]int64) [][]int32 {
	adj := make([][]int32, n)
	var present []int32
	for _, g := range history {
		present = present[:0]
		for _, id := range g {
			if i, ok := index[id]; ok {
				present = append(present, i)
			}
		}
		for _, a := range present {
			for _, b := range present {
				if a != b {
					adj[a] = append(adj[a], b)
				}
			}
		}
	}
	for i, l := range adj {
		slices.Sort(l)
		adj[i] = slices.Compact(l)
	}
	return adj
}

func met(adj [][]int32, a, b int32) bool {
	_, ok := slices.BinarySearch(adj[a], b)
	return ok
}

// search holds one assignment being improved.
type search struct {
	sizes   []int
	adj     [][]int32
	rng     *rand.Rand
	groupOf []int32   // person → group
	members [][]int32 // group → people
	order   []int32   // people, most past partners first
	conf    []int32   // scratch: past partners per group for one person
	work    int       // pairs looked up, across starts
}

func newSearch(sizes []int, adj [][]int32, seed int64) *search {
	n := len(adj)
	s := &search{
		sizes:   sizes,
		adj:     adj,
		rng:     rand.New(rand.NewPCG(uint64(seed), 0x5eed_b7ea_c0de)),
		groupOf: make([]int32, n),
		members: make([][]int32, len(sizes)),
		order:   make([]int32, n),
		conf:    make([]int32, len(sizes)),
	}
	for g, size := range sizes {
		s.members[g] = make([]int32, 0, size)
	}
	return s
}

// greedy places everyone afresh from a new shuffle.
func (s *search) greedy() {
	for i := range s.order {
		s.order[i] = int32(i)
	}
	s.rng.Shuffle(len(s.order), func(i, j int) { s.order[i], s.order[j] = s.order[j], s.order[i] })
	slices.SortStableFunc(s.order, func(a, b int32) int { return len(s.adj[b]) - len(s.adj[a]) })
	for g := range s.members {
		s.members[g] = s.members[g][:0]
	}
	for i := range s.groupOf {
		s.groupOf[i] = -1
	}
	ng := len(s.sizes)
	for _, p := range s.order {
		s.work += 2*len(s.adj[p]) + ng
		for _, q := range s.adj[p] {
			if g := s.groupOf[q]; g >= 0 {
				s.conf[g]++
			}
		}
		// Fewest past partners, then the emptiest group, so that late
		// comers still find room; the scan starts at a random group so
		// that ties spread.
		best, off := -1, s.rng.IntN(ng)
		for k := range ng {
			g := (off + k) % ng
			if len(s.members[g]) == s.sizes[g] {
				continue
			}
			if best < 0 || s.conf[g] < s.conf[best] ||
				s.conf[g] == s.conf[best] && len(s.members[g]) < len(s.members[best]) {
				best = g
			}
		}
		for _, q := range s.adj[p] {
			if g := s.groupOf[q]; g >= 0 {
				s.conf[g] = 0
			}
		}
		s.groupOf[p] = int32(best)
		s.members[best] = append(s.members[best], p)
	}
}

// inGroup counts p's past partners in group g, p itself left out.
func (s *search) inGroup(p int32, g int32) int {
	n := 0
	s.work += len(s.members[g])
	for _, q := range s.members[g] {
		if q != p && met(s.adj, p, q) {
			n++
		}
	}
	return n
}

// repeats counts the repeated pairs of the current assignment.
func (s *search) repeats() int {
	n := 0
	for p := range s.groupOf {
		n += s.inGroup(int32(p), s.groupOf[p])
	}
	return n / 2
}

// improve swaps pairs of people between groups while a swap lowers the
// number of repeated pairs, and returns the number left.
func (s *search) improve() int {
	total := s.repeats()
	n := len(s.groupOf)
	for improved := true; improved && total > 0 && s.work < maxWork; {
		improved = false
		for _, p := range s.order {
			a := s.groupOf[p]
			cp := s.inGroup(p, a)
			if cp == 0 {
				continue
			}
			off := s.rng.IntN(n)
			for k := range n {
				q := int32((off + k) % n)
				b := s.groupOf[q]
				if b == a {
					continue
				}
				// Moving p to b and q to a; p and q were not together,
				// so they do not count each other either way.
				pq := 0
				if met(s.adj, p, q) {
					pq = 1
				}
				delta := s.inGroup(p, b) - pq + s.inGroup(q, a) - pq - cp - s.inGroup(q, b)
				if delta < 0 {
					s.swap(p, q)
					total += delta
					improved = true
					break
				}
			}
			if total == 0 || s.work >= maxWork {
				break
			}
		}
	}
	return total
}

func (s *search) swap(p, q int32) {
	a, b := s.groupOf[p], s.groupOf[q]
	s.members[a][slices.Index(s.members[a], p)] = q
	s.members[b][slices.Index(s.members[b], q)] = p
	s.groupOf[p], s.groupOf[q] = b, a
}

// collect turns the assignment into groups of ids, members in the order of
// people and groups by their first member.
func collect(people []int64, groupOf []int32, ng int) [][]int64 {
	groups := make([][]int64, ng)
	var order []int32
	for i, g := range groupOf {
		if len(groups[g]) == 0 {
			order = append(order, g)
		}
		groups[g] = append(groups[g], people[i])
	}
	out := make([][]int64, 0, ng)
	for _, g := range order {
		out = append(out, groups[g])
	}
	return out
}
