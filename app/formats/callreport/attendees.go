package callreport

import (
	"atelier/app/kit/usererr"
	"cmp"
	"slices"
	"strings"
	"time"

	"atelier/app/kit/fold"
)

// conn is one connection read from the file.
type conn struct {
	name, email string
	host        bool
	iv          Interval
	stated      time.Duration // the duration the tool wrote, if any
	hasStated   bool
	lines       []int
}

// rowParser reads the times of the rows.
type rowParser struct {
	day   time.Time // midnight of the session's day in loc
	loc   *time.Location
	order order
}

// connections reads the rows' times. Teams lists each person twice, once
// per person (first join, last leave) and once per connection: when the
// per-connection rows are there, the others are left out.
func (p rowParser) connections(rows []row) ([]conn, []Problem) {
	perConn := slices.ContainsFunc(rows, func(r row) bool { return !r.agg })
	var (
		out      []conn
		problems []Problem
		events   []event
	)
	for _, r := range rows {
		if r.agg && perConn {
			continue
		}
		if r.action != "" || r.stamped != "" && r.join == "" {
			e, prob := p.event(r)
			if prob != nil {
				problems = append(problems, Problem{r.line, prob})
			} else {
				events = append(events, e)
			}
			continue
		}
		c, prob := p.conn(r)
		if prob != nil {
			problems = append(problems, Problem{r.line, prob})
			continue
		}
		out = append(out, c)
	}
	return append(out, pair(events)...), problems
}

// conn reads a row with a join time, and a leave time or a duration.
func (p rowParser) conn(r row) (conn, *usererr.Error) {
	if r.join == "" {
		return conn{}, usererr.New("L’heure d’arrivée manque.")
	}
	join, _, ok := parseWhen(r.join, p.order, p.day, p.loc)
	if !ok {
		return conn{}, usererr.New("L’heure d’arrivée %s est illisible.", quote(r.join))
	}
	c := conn{name: r.name, email: r.email, host: r.host, lines: []int{r.line}}
	c.stated, c.hasStated = parseDuration(r.dur)
	y, m, d := join.Date()
	leave, leaveDated, leaveOK := parseWhen(r.leave, p.order, time.Date(y, m, d, 0, 0, 0, 0, p.loc), p.loc)
	if leaveOK && !leaveDated && leave.Before(join) {
		leave = leave.Add(24 * time.Hour) // past midnight
	}
	switch {
	case leaveOK:
	case c.hasStated:
		leave = join.Add(c.stated)
	case r.leave != "":
		return conn{}, usererr.New("L’heure de départ %s est illisible.", quote(r.leave))
	case r.dur != "":
		return conn{}, usererr.New("La durée %s est illisible.", quote(r.dur))
	default:
		leave = join // still connected when the report was made
	}
	if leave.Before(join) {
		return conn{}, usererr.New("L’heure de départ (%s) précède l’heure d’arrivée (%s).",
			usererr.Clock(leave), usererr.Clock(join))
	}
	if leave.Sub(join) > maxMinutes*time.Minute {
		return conn{}, usererr.New("La connexion dure plus d’une semaine.")
	}
	c.iv = Interval{join, leave}
	return c, nil
}

// quote puts a cell between guillemets for a message, cut short when long.
func quote(s string) usererr.Localized {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return usererr.Quote(s)
}

// event is one row of Teams' older report: a person joined or left.
type event struct {
	name, email string
	host        bool
	at          time.Time
	joined      bool
	line        int
}

func (p rowParser) event(r row) (event, *usererr.Error) {
	e := event{name: r.name, email: r.email, host: r.host, line: r.line}
	switch k := fold.Key(r.action); {
	case strings.HasPrefix(k, "join") || strings.Contains(k, "rejoint") || strings.Contains(k, "arrive"):
		e.joined = true
	case strings.HasPrefix(k, "left") || strings.HasPrefix(k, "leave") || strings.Contains(k, "quitt") || strings.Contains(k, "part"):
	default:
		return e, usererr.New("L’action %s est inconnue (attendu\u00a0: Joined ou Left).", quote(r.action))
	}
	at, _, ok := parseWhen(r.stamped, p.order, p.day, p.loc)
	if !ok {
		return e, usererr.New("L’horodatage %s est illisible.", quote(r.stamped))
	}
	e.at = at
	return e, nil
}

// pair turns joined/left events into connections, per person. A join never
// followed by a leave lasts until the last event of the file, the nearest
// thing to the end of the meeting the report gives.
func pair(events []event) []conn {
	if len(events) == 0 {
		return nil
	}
	end := events[0].at
	byPerson := map[string][]event{}
	var keys []string
	for _, e := range events {
		if e.at.After(end) {
			end = e.at
		}
		k := e.email
		if k == "" {
			k = "\x00" + fold.Key(e.name)
		}
		if _, ok := byPerson[k]; !ok {
			keys = append(keys, k)
		}
		byPerson[k] = append(byPerson[k], e)
	}
	var out []conn
	for _, k := range keys {
		es := byPerson[k]
		slices.SortStableFunc(es, func(a, b event) int { return a.at.Compare(b.at) })
		var open *event
		for i := range es {
			switch e := &es[i]; {
			case e.joined && open == nil:
				open = e
			case !e.joined && open != nil:
				out = append(out, conn{name: open.name, email: open.email, host: open.host || e.host,
					iv: Interval{open.at, e.at}, lines: []int{open.line, e.line}})
				open = nil
			}
		}
		if open != nil {
			out = append(out, conn{name: open.name, email: open.email, host: open.host,
				iv: Interval{open.at, end}, lines: []int{open.line}})
		}
	}
	return out
}

// group gathers the connections of each person into attendees: same
// address, or same name when the address is missing on some rows (a
// reconnection by telephone, a guest).
func group(conns []conn) []Attendee {
	slices.SortStableFunc(conns, func(a, b conn) int { return a.lines[0] - b.lines[0] })
	type bucket struct {
		email string
		cs    []conn
	}
	var (
		buckets []*bucket
		byEmail = map[string]*bucket{}
		byName  = map[string]*bucket{} // nil: two addresses share the name
	)
	for _, c := range conns {
		k := nameKey(c.name)
		var b *bucket
		if c.email != "" {
			b = byEmail[c.email]
			if n, ok := byName[k]; b == nil && ok && n != nil && n.email == "" {
				b, n.email = n, c.email
				byEmail[c.email] = b
			}
		} else if n := byName[k]; n != nil {
			b = n
		}
		if b == nil {
			b = &bucket{email: c.email}
			buckets = append(buckets, b)
			if c.email != "" {
				byEmail[c.email] = b
			}
		}
		b.cs = append(b.cs, c)
		if k == "" {
			continue
		}
		if n, ok := byName[k]; !ok {
			byName[k] = b
		} else if n != b {
			byName[k] = nil
		}
	}
	type keyed struct {
		a   Attendee
		key string
	}
	ks := make([]keyed, len(buckets))
	for i, b := range buckets {
		a := attendee(b.email, b.cs)
		ks[i] = keyed{a, fold.Key(a.Name)}
	}
	slices.SortFunc(ks, func(x, y keyed) int {
		return cmp.Or(x.a.FirstJoin.Compare(y.a.FirstJoin), strings.Compare(x.key, y.key), x.a.Lines[0]-y.a.Lines[0])
	})
	out := make([]Attendee, len(ks))
	for i, k := range ks {
		out[i] = k.a
	}
	return out
}

// attendee builds one person from their connections.
func attendee(email string, cs []conn) Attendee {
	a := Attendee{Email: email, Connections: len(cs)}
	var (
		ivs       []Interval
		stated    time.Duration
		allStated = true
	)
	for _, c := range cs {
		if a.Name == "" {
			a.Name = c.name
		}
		ivs = append(ivs, c.iv)
		a.Host = a.Host || c.host
		a.Lines = append(a.Lines, c.lines...)
		stated += c.stated
		allStated = allStated && c.hasStated
	}
	a.Intervals = mergeIntervals(ivs)
	a.FirstJoin = a.Intervals[0].Join
	slices.Sort(a.Lines)
	a.Lines = slices.Compact(a.Lines)
	present := span(a.Intervals)
	// Teams' « first join, last leave » rows and Meet's rows span the gaps
	// between connections; the duration they state does not.
	if allStated && stated < present {
		present = stated
	}
	a.Minutes = roundMinutes(present)
	return a
}

// mergeIntervals sorts intervals and joins those that overlap or touch.
func mergeIntervals(ivs []Interval) []Interval {
	ivs = slices.Clone(ivs)
	slices.SortFunc(ivs, func(a, b Interval) int { return a.Join.Compare(b.Join) })
	var out []Interval
	for _, iv := range ivs {
		if n := len(out); n > 0 && !iv.Join.After(out[n-1].Leave) {
			if iv.Leave.After(out[n-1].Leave) {
				out[n-1].Leave = iv.Leave
			}
			continue
		}
		out = append(out, iv)
	}
	return out
}

// span is the total length of disjoint intervals.
func span(ivs []Interval) time.Duration {
	var d time.Duration
	for _, iv := range ivs {
		d += iv.Leave.Sub(iv.Join)
	}
	return d
}

func roundMinutes(d time.Duration) int {
	return int(d.Round(time.Minute) / time.Minute)
}
