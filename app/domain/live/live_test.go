package live

import (
	"math"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/agenda"
	"atelier/app/kit/textfmt"
)

var (
	sessionStart = time.Date(2026, 12, 2, 18, 30, 0, 0, time.FixedZone("EST", -5*3600))
	plan         = []agenda.Block{
		{Title: "Accueil", Kind: agenda.Accueil, Minutes: 10},
		{Title: "Exposé", Kind: agenda.Presentation, Minutes: 20},
		{Title: "Pause", Kind: agenda.Pause, Minutes: 10},
		{Title: "Exercice", Kind: agenda.Exercice, Minutes: 30},
		{Title: "Bilan", Kind: agenda.Bilan, Minutes: 20},
	}
)

// M is a number of minutes as a duration, to write instants as offsets
// from the session's start.
func M(m float64) time.Duration { return time.Duration(m * float64(time.Minute)) }

// step is a control pressed at an offset from the session's start.
type step struct {
	at time.Duration
	do string // start, pause, next, prev, +N
}

// check is what View must say at an offset from the session's start.
type check struct {
	at        time.Duration
	index     int
	elapsed   time.Duration
	remaining time.Duration
	drift     time.Duration
	level     Level
	running   bool
	next      string  // title of the next block, "" for none
	progress  float64 // checked when not NaN
}

func apply(r *Runner, s step) {
	now := sessionStart.Add(s.at)
	switch s.do {
	case "start":
		r.Start(now)
	case "pause":
		r.Pause(now)
	case "next":
		r.Next(now)
	case "prev":
		r.Prev(now)
	case "+1":
		r.AddMinutes(1, now)
	case "+5":
		r.AddMinutes(5, now)
	case "-5":
		r.AddMinutes(-5, now)
	default:
		panic("unknown step " + s.do)
	}
}

func TestScenarios(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name   string
		steps  []step
		checks []check
	}{
		{
			name:  "on time, then over",
			steps: []step{{0, "start"}},
			checks: []check{
				{M(5), 0, M(5), M(5), 0, Normal, true, "Exposé", 5.0 / 90},
				{M(8), 0, M(8), M(2), 0, Warning, true, "Exposé", nan},
				{M(9.5), 0, M(9.5), M(0.5), 0, Critical, true, "Exposé", nan},
				{M(10), 0, M(10), 0, 0, Critical, true, "Exposé", 10.0 / 90},
				{M(11), 0, M(11), -M(1), M(1), Overrun, true, "Exposé", 10.0 / 90},
			},
		},
		{
			name:  "late start",
			steps: []step{{M(3), "start"}},
			checks: []check{
				{-M(5), 0, 0, M(10), 0, Normal, false, "Exposé", 0},
				{M(2), 0, 0, M(10), M(2), Normal, false, "Exposé", 0},
				{M(5), 0, M(2), M(8), M(3), Normal, true, "Exposé", 2.0 / 90},
			},
		},
		{
			name:  "a 10-minute pause does not use the block's time",
			steps: []step{{0, "start"}, {M(3), "pause"}, {M(13), "start"}},
			checks: []check{
				{M(8), 0, M(3), M(7), M(5), Normal, false, "Exposé", nan},
				{M(15), 0, M(5), M(5), M(10), Normal, true, "Exposé", nan},
			},
		},
		{
			name:  "next early, then back",
			steps: []step{{0, "start"}, {M(8), "next"}, {M(11), "prev"}},
			checks: []check{
				{M(10), 1, M(2), M(18), -M(2), Normal, true, "Pause", 12.0 / 90},
				{M(12), 0, M(9), M(1), M(3), Warning, true, "Exposé", 9.0 / 90},
			},
		},
		{
			name:  "next late",
			steps: []step{{0, "start"}, {M(15), "next"}},
			checks: []check{
				{M(15), 1, 0, M(20), M(5), Normal, true, "Pause", nan},
			},
		},
		{
			name:  "+5 min shifts the plan after the block",
			steps: []step{{0, "start"}, {M(8), "+5"}, {M(15), "next"}},
			checks: []check{
				{M(8), 0, M(8), M(7), 0, Normal, true, "Exposé", nan},
				{M(15), 1, 0, M(20), 0, Normal, true, "Pause", 15.0 / 95},
			},
		},
		{
			name:  "+5 min during an overrun takes up the delay",
			steps: []step{{0, "start"}, {M(12), "+5"}},
			checks: []check{
				{M(12), 0, M(12), M(3), 0, Warning, true, "Exposé", nan},
			},
		},
		{
			name:  "minutes taken back, never below one",
			steps: []step{{0, "start"}, {M(1), "-5"}, {M(1), "-5"}, {M(1), "+1"}},
			checks: []check{
				// 10 - 5 - 5 stops at 1 minute; +1 makes 2.
				{M(1), 0, M(1), M(1), 0, Normal, true, "Exposé", nan},
			},
		},
		{
			name:  "window hidden for an hour: computed from the clock",
			steps: []step{{0, "start"}},
			checks: []check{
				{M(60), 0, M(60), -M(50), M(50), Overrun, true, "Exposé", nan},
			},
		},
		{
			name: "to the end and back",
			steps: []step{{0, "start"}, {M(10), "next"}, {M(30), "next"}, {M(40), "next"},
				{M(70), "next"}, {M(92), "next"}, {M(101), "prev"}},
			checks: []check{
				{M(91), 4, M(21), -M(1), M(1), Overrun, true, "", nan},
				{M(101), 4, M(22), -M(2), M(11), Overrun, false, "", nan},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range tt.checks {
				// Replay the steps up to the check on a fresh runner
				// so that a check can sit before, between or after them.
				r := New(plan, sessionStart)
				for _, s := range tt.steps {
					if s.at <= c.at {
						apply(r, s)
					}
				}
				v := r.View(sessionStart.Add(c.at))
				got := check{c.at, v.Index, v.Elapsed, v.Remaining, v.Drift, v.Level, v.Running, v.Next.Title, c.progress}
				if got != c && !(math.IsNaN(c.progress) && sameButProgress(got, c)) {
					t.Errorf("at %v:\n got %+v\nwant %+v", c.at, got, c)
				}
				if !math.IsNaN(c.progress) && math.Abs(v.Progress-c.progress) > 1e-9 {
					t.Errorf("at %v: progress %v, want %v", c.at, v.Progress, c.progress)
				}
				if v.HasNext != (c.next != "") {
					t.Errorf("at %v: HasNext %v", c.at, v.HasNext)
				}
			}
		})
	}
}

func sameButProgress(a, b check) bool {
	a.progress, b.progress = 0, 0
	return a == b
}

func TestEnd(t *testing.T) {
	r := New(plan, sessionStart)
	r.Start(sessionStart)
	for _, at := range []float64{10, 30, 40, 70, 92} {
		r.Next(sessionStart.Add(M(at)))
	}
	v := r.View(sessionStart.Add(M(100)))
	if !v.Done || v.Running || v.Index != len(plan) || v.Progress != 1 || v.Drift != M(2) || v.HasNext {
		t.Errorf("after the last block: %+v", v)
	}
	if !v.ProjectedEnd.Equal(sessionStart.Add(M(92))) || !v.PlannedEnd.Equal(sessionStart.Add(M(90))) {
		t.Errorf("ends: projected %v planned %v", v.ProjectedEnd, v.PlannedEnd)
	}
	// The controls do nothing once the session is over.
	r.Start(sessionStart.Add(M(101)))
	r.Next(sessionStart.Add(M(101)))
	r.AddMinutes(5, sessionStart.Add(M(101)))
	if v2 := r.View(sessionStart.Add(M(100))); v2 != v {
		t.Errorf("controls changed a finished session:\n%+v\n%+v", v2, v)
	}
}

func TestProjectedEnd(t *testing.T) {
	fixed := append([]agenda.Block(nil), plan...)
	fixed[2].FixedStart = M(35) // the pause waits for 19 h 05
	tests := []struct {
		name      string
		blocks    []agenda.Block
		steps     []step
		at        time.Duration
		projected time.Duration
		planned   time.Duration
	}{
		{"not started", plan, nil, -M(10), M(90), M(90)},
		{"started late", plan, []step{{M(4), "start"}}, M(4), M(94), M(90)},
		{"+5 min", plan, []step{{0, "start"}, {M(5), "+5"}}, M(5), M(95), M(95)},
		{"running over", plan, []step{{0, "start"}}, M(12), M(92), M(90)},
		{"a fixed pause absorbs the delay", fixed, []step{{0, "start"}}, M(12), M(95), M(95)},
		{"a fixed pause waits", fixed, []step{{0, "start"}, {M(5), "next"}}, M(5), M(95), M(95)},
		{"a fixed pause taken early", fixed, []step{{0, "start"}, {M(5), "next"}, {M(20), "next"}}, M(20), M(80), M(95)},
	}
	for _, tt := range tests {
		r := New(tt.blocks, sessionStart)
		for _, s := range tt.steps {
			apply(r, s)
		}
		v := r.View(sessionStart.Add(tt.at))
		if got := v.ProjectedEnd.Sub(sessionStart); got != tt.projected {
			t.Errorf("%s: projected end at %v, want %v", tt.name, got, tt.projected)
		}
		if got := v.PlannedEnd.Sub(sessionStart); got != tt.planned {
			t.Errorf("%s: planned end at %v, want %v", tt.name, got, tt.planned)
		}
	}
}

func TestLevelThresholds(t *testing.T) {
	planned := M(10)
	tests := []struct {
		remaining time.Duration
		want      Level
	}{
		{M(10), Normal},
		{M(2) + 1, Normal},
		{M(2), Warning}, // exactly 20 %
		{M(0.5) + 1, Warning},
		{M(0.5), Critical}, // exactly 5 %
		{0, Critical},
		{-1, Overrun},
		{-M(30), Overrun},
	}
	for _, tt := range tests {
		if got := LevelFor(tt.remaining, planned); got != tt.want {
			t.Errorf("%v left of %v: %v, want %v", tt.remaining, planned, got, tt.want)
		}
	}
	// The same thresholds through the runner, at the exact instants.
	r := New(plan, sessionStart)
	r.Start(sessionStart)
	for _, tt := range tests {
		at := sessionStart.Add(planned - tt.remaining)
		if got := r.View(at).Level; got != tt.want {
			t.Errorf("runner at %v left: %v, want %v", tt.remaining, got, tt.want)
		}
	}
}

func TestClockSetBack(t *testing.T) {
	r := New(plan, sessionStart)
	r.Start(sessionStart.Add(M(10)))
	if v := r.View(sessionStart.Add(M(5))); v.Elapsed != 0 || v.Remaining != M(10) {
		t.Errorf("clock set back: elapsed %v remaining %v", v.Elapsed, v.Remaining)
	}
	r.Pause(sessionStart.Add(M(4)))
	if v := r.View(sessionStart.Add(M(20))); v.Elapsed != 0 {
		t.Errorf("pause before the start counted %v", v.Elapsed)
	}
}

func TestNoBlocks(t *testing.T) {
	r := New(nil, sessionStart)
	now := sessionStart.Add(M(5))
	r.Start(now)
	r.Next(now)
	r.Prev(now)
	r.AddMinutes(5, now)
	r.Pause(now)
	v := r.View(now)
	if !v.Done || v.Running || v.Count != 0 || v.HasNext {
		t.Errorf("empty agenda: %+v", v)
	}
}

func TestMonotonicReadingIgnored(t *testing.T) {
	// time.Now carries a monotonic reading that can stop while the machine
	// sleeps; the runner must measure on the wall clock only, so an instant
	// with a reading and the same instant without one agree.
	now := time.Now()
	r := New(plan, now)
	r.Start(now)
	later := now.Add(M(3))
	if a, b := r.View(later), r.View(later.Round(0)); a.Elapsed != b.Elapsed || a.Elapsed != M(3) {
		t.Errorf("elapsed %v with monotonic reading, %v without", a.Elapsed, b.Elapsed)
	}
}

func BenchmarkView(b *testing.B) {
	r := New(plan, sessionStart)
	r.Start(sessionStart)
	r.Next(sessionStart.Add(M(10)))
	now := sessionStart.Add(M(17))
	b.ReportAllocs()
	for b.Loop() {
		v := r.View(now)
		_ = FormatCountdown(v.Remaining)
		now = now.Add(time.Second)
	}
}

func TestTimeToldPlainly(t *testing.T) {
	blocks := []agenda.Block{{Title: "Accueil", Kind: agenda.Accueil, Minutes: 10}, {Title: "Exposé", Kind: agenda.Presentation, Minutes: 80}}
	r := New(blocks, sessionStart)
	r.Start(sessionStart)
	loc := sessionStart.Location()
	v := r.View(sessionStart.Add(M(5)))
	if got := EndText(v, loc); got != "fin prévue "+textfmt.French.Clock(sessionStart.Add(M(90)).In(loc))+", à l’heure prévue" || ToneOf(v.Drift) != OnTime {
		t.Errorf("on time: %q, tone %v", got, ToneOf(v.Drift))
	}
	// One minute added: on schedule against the new plan, but the session
	// now ends a minute after what was announced.
	r.AddMinutes(1, sessionStart.Add(M(5)))
	v = r.View(sessionStart.Add(M(5)))
	if v.Late() != M(1) || !strings.HasSuffix(EndText(v, loc), ", 1\u00a0min après l’horaire") || ToneOf(v.Late()) != Behind {
		t.Errorf("after +1: late %v, %q", v.Late(), EndText(v, loc))
	}
	for _, tt := range []struct {
		d    time.Duration
		want Tone
	}{{-M(2), Ahead}, {-20 * time.Second, OnTime}, {M(1), Behind}, {M(4), Behind}, {M(5), WellBehind}} {
		if got := ToneOf(tt.d); got != tt.want {
			t.Errorf("ToneOf(%v) = %v, want %v", tt.d, got, tt.want)
		}
	}
}
