package breakout

import (
	"math/bits"
	"math/rand/v2"
	"slices"

	"atelier/app/kit/usererr"
)

// maxWork bounds the search so that a split stays well under the 50 ms the
// screen allows, even for a thousand people whose repeats cannot all be
// avoided. It counts the pairs looked up, a few nanoseconds each.
const maxWork = 1_000_000

// maxPeople keeps the first placement, which grows with people × groups
// and is not bounded by maxWork, within the same time.
const maxPeople = 10_000

// Split puts people into groups of even sizes (see Sizes), each person in
// exactly one group, keeping as few pairs as it can that were already
// together in one of the history groups (the groups of earlier sessions).
//
// It places the people with the most past partners first, each in the open
// group where they meet the fewest of them, then swaps people between
// groups while a swap removes repeated pairs. If repeats remain, it makes a
// random swap involving a repeat and improves again, keeping the best
// split found, until no repeat is left or its work bound is reached. The
// result depends only on the arguments, Seed included.
//
// Within a group people keep their order in people, and groups are ordered
// by their first member, so a list sorted by name gives groups that read
// sorted.
func Split(people []int64, history [][]int64, opt Options) ([][]int64, error) {
	sizes, err := Sizes(len(people), opt)
	if err != nil {
		return nil, err
	}
	if len(people) > maxPeople {
		return nil, usererr.List{usererr.New("La répartition en sous-groupes se limite à %s personnes.", usererr.Int(maxPeople))}
	}
	index := make(map[int64]int32, len(people))
	for i, id := range people {
		if _, dup := index[id]; dup {
			return nil, usererr.List{usererr.New("La même personne figure deux fois dans la liste des présences.")}
		}
		index[id] = int32(i)
	}
	s := newSearch(sizes, partners(len(people), index, history), opt.Seed)
	return collect(people, s.run(), len(sizes)), nil
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
	ps := partners(len(index), index, history)
	n := 0
	for _, g := range groups {
		for a := range g {
			for b := a + 1; b < len(g); b++ {
				if ps.met(index[g[a]], index[g[b]]) {
					n++
				}
			}
		}
	}
	return n
}

// pairSet says who was with whom in earlier sessions, by index in the
// list of people present.
type pairSet struct {
	adj [][]int32 // each person's past partners, sorted
	n   int
	// bits is the same as an n×n matrix, one row of stride words per
	// person, when n ≤ denseLimit: lookups are then O(1).
	bits   []uint64
	stride int
}

// denseLimit keeps the matrix within 2 MiB; past it, lookups search adj.
const denseLimit = 4096

// partners gathers the pairs of present people who were in a history
// group together. People absent now are ignored.
func partners(n int, index map[int64]int32, history [][]int64) pairSet {
	return buildPairs(n, index, history, n <= denseLimit)
}

func buildPairs(n int, index map[int64]int32, history [][]int64, dense bool) pairSet {
	ps := pairSet{adj: make([][]int32, n), n: n}
	var present []int32
	each := func(pair func(a, b int32)) {
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
						pair(a, b)
					}
				}
			}
		}
	}
	if !dense {
		each(func(a, b int32) { ps.adj[a] = append(ps.adj[a], b) })
		for i, l := range ps.adj {
			slices.Sort(l)
			ps.adj[i] = slices.Compact(l)
		}
		return ps
	}
	// The matrix dedupes and sorts for free: read each row in order.
	ps.stride = (n + 63) / 64
	ps.bits = make([]uint64, n*ps.stride)
	each(func(a, b int32) { ps.bits[int(a)*ps.stride+int(b)/64] |= 1 << (b % 64) })
	for a := range n {
		row := ps.bits[a*ps.stride : (a+1)*ps.stride]
		count := 0
		for _, w := range row {
			count += bits.OnesCount64(w)
		}
		if count == 0 {
			continue
		}
		l := make([]int32, 0, count)
		for i, w := range row {
			for w != 0 {
				l = append(l, int32(i*64+bits.TrailingZeros64(w)))
				w &= w - 1
			}
		}
		ps.adj[a] = l
	}
	return ps
}

// met reports whether a and b were together before.
func (ps *pairSet) met(a, b int32) bool {
	if ps.bits != nil {
		return ps.bits[int(a)*ps.stride+int(b)/64]&(1<<(b%64)) != 0
	}
	_, ok := slices.BinarySearch(ps.adj[a], b)
	return ok
}

// search holds one assignment being improved.
type search struct {
	sizes   []int
	pairs   pairSet
	rng     *rand.Rand
	groupOf []int32   // person → group
	members [][]int32 // group → people
	order   []int32   // people, most past partners first
	conf    []int32   // scratch: past partners per group for one person
	work    int       // pairs looked up so far, against maxWork
}

func newSearch(sizes []int, pairs pairSet, seed int64) *search {
	n := pairs.n
	s := &search{
		sizes:   sizes,
		pairs:   pairs,
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
	slices.SortStableFunc(s.order, func(a, b int32) int { return len(s.pairs.adj[b]) - len(s.pairs.adj[a]) })
	for g := range s.members {
		s.members[g] = s.members[g][:0]
	}
	for i := range s.groupOf {
		s.groupOf[i] = -1
	}
	ng := len(s.sizes)
	for _, p := range s.order {
		s.work += 2*len(s.pairs.adj[p]) + ng
		for _, q := range s.pairs.adj[p] {
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
		for _, q := range s.pairs.adj[p] {
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
		if q != p && s.pairs.met(p, q) {
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

// run searches and returns the best assignment found.
func (s *search) run() []int32 {
	s.greedy()
	if len(s.sizes) == 1 {
		return s.groupOf // nothing to swap with
	}
	total := s.improve(s.repeats())
	best, bestTotal := slices.Clone(s.groupOf), total
	for bestTotal > 0 && s.work < maxWork {
		total = s.improve(s.kick(total))
		switch {
		case total <= bestTotal:
			// Equal counts too: moving along a plateau is how the
			// search gets past a dead end.
			best, bestTotal = append(best[:0], s.groupOf...), total
		default:
			s.restore(best)
			total = bestTotal
		}
		s.work += len(best)
	}
	return best
}

// kick swaps a person who meets someone again with a random person of
// another group, whatever it costs, and returns the new total.
func (s *search) kick(total int) int {
	n := len(s.order)
	var p int32 = -1
	for k, off := 0, s.rng.IntN(n); k < n && p < 0; k++ {
		if q := s.order[(off+k)%n]; s.inGroup(q, s.groupOf[q]) > 0 {
			p = q
		}
	}
	if p < 0 {
		return total
	}
	q := int32(s.rng.IntN(n))
	for s.groupOf[q] == s.groupOf[p] {
		q = int32(s.rng.IntN(n))
	}
	total += s.delta(p, q)
	s.swap(p, q)
	return total
}

// restore goes back to an assignment kept by run.
func (s *search) restore(groupOf []int32) {
	copy(s.groupOf, groupOf)
	for g := range s.members {
		s.members[g] = s.members[g][:0]
	}
	for p, g := range s.groupOf {
		s.members[g] = append(s.members[g], int32(p))
	}
}

// delta is the change in repeated pairs if p and q, in different groups,
// traded places. They do not count each other either way.
func (s *search) delta(p, q int32) int {
	a, b := s.groupOf[p], s.groupOf[q]
	pq := 0
	if s.pairs.met(p, q) {
		pq = 1
	}
	return s.inGroup(p, b) - pq + s.inGroup(q, a) - pq - s.inGroup(p, a) - s.inGroup(q, b)
}

// improve swaps pairs of people between groups while a swap lowers the
// number of repeated pairs, from total, and returns the number left.
func (s *search) improve(total int) int {
	n := len(s.groupOf)
	for improved := true; improved && total > 0 && s.work < maxWork; {
		improved = false
		for _, p := range s.order {
			a := s.groupOf[p]
			if s.inGroup(p, a) == 0 {
				continue
			}
			off := s.rng.IntN(n)
			for k := range n {
				q := int32((off + k) % n)
				if s.groupOf[q] == a {
					continue
				}
				if d := s.delta(p, q); d < 0 {
					s.swap(p, q)
					total += d
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
