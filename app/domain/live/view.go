package live

import (
	"time"

	"atelier/app/domain/agenda"
)

// Level is how urgent the countdown looks.
type Level int

// The countdown's levels, from calm to late.
const (
	Normal   Level = iota
	Warning        // at most 20 % of the block left: orange
	Critical       // at most 5 % left: red
	Overrun        // past the block's end: red, counting up
)

func (l Level) String() string {
	switch l {
	case Warning:
		return "warning"
	case Critical:
		return "critical"
	case Overrun:
		return "overrun"
	}
	return "normal"
}

// LevelFor grades what is left of a block of the given length.
func LevelFor(remaining, planned time.Duration) Level {
	switch {
	case remaining < 0:
		return Overrun
	case remaining*20 <= planned:
		return Critical
	case remaining*5 <= planned:
		return Warning
	}
	return Normal
}

// Upcoming is the block after the current one.
type Upcoming struct {
	Title   string
	Kind    agenda.Kind
	Minutes int // with its extra minutes
}

// View is what live mode shows at one instant.
type View struct {
	Index       int // current block; Count when Done
	Count       int // number of blocks
	Title       string
	Kind        agenda.Kind
	Facilitator string
	Minutes     int // planned length, extra minutes included
	Extra       int // minutes added to this block

	Elapsed   time.Duration
	Remaining time.Duration // negative once the block runs over
	Level     Level

	Next    Upcoming
	HasNext bool

	// Progress is how far through the plan the session is, 0 to 1.
	Progress float64
	// Drift is now against the planned instant of the current position
	// (the block's planned start plus the time spent in it, up to its
	// length): positive when behind schedule, negative when ahead. Time
	// paused counts, since the session's end does not move.
	Drift time.Duration

	Running bool
	Started bool
	Done    bool

	PlannedEnd   time.Time // end of the plan, extra minutes included
	ProjectedEnd time.Time // end if every block from now on keeps its length
	// ScheduledEnd is the end of the agenda as planned before the session,
	// without the minutes added during it: the time people were told.
	ScheduledEnd time.Time
}

// Late is how far the projected end falls after the scheduled one (the
// minutes added included); negative when the session will end early.
func (v View) Late() time.Duration { return v.ProjectedEnd.Sub(v.ScheduledEnd) }

// Tone is how a gap to the plan should look: ahead, on time, a little or
// much behind.
type Tone int

// The tones, from early to late.
const (
	Ahead      Tone = iota - 1 // green
	OnTime                     // neutral
	Behind                     // orange: one to four minutes
	WellBehind                 // red: five minutes or more
)

// ToneOf grades a gap to the plan (positive: late), to the nearest minute
// as the text says it.
func ToneOf(d time.Duration) Tone {
	switch m := d.Round(time.Minute); {
	case m < 0:
		return Ahead
	case m == 0:
		return OnTime
	case m < 5*time.Minute:
		return Behind
	}
	return WellBehind
}

// View computes the display at now. It costs a few hundred nanoseconds,
// so calling it on every redraw is fine.
func (r *Runner) View(now time.Time) View {
	now = wall(now)
	n := len(r.blocks)
	v := View{
		Count:        n,
		Running:      r.st.Running,
		Started:      !r.st.StartedAt.IsZero(),
		Done:         r.st.Done || n == 0,
		PlannedEnd:   r.st.Start.Add(r.end),
		ScheduledEnd: r.st.Start.Add(r.baseEnd),
	}
	if v.Done {
		v.Index, v.Progress = n, 1
		if n == 0 {
			v.Progress = 0
		}
		v.ProjectedEnd = r.st.PausedAt
		if r.st.PausedAt.IsZero() {
			v.ProjectedEnd = v.PlannedEnd
		}
		v.Drift = v.ProjectedEnd.Sub(v.PlannedEnd)
		return v
	}

	i := r.st.Block
	b := r.blocks[i]
	planned := r.planned(i)
	v.Index, v.Title, v.Kind, v.Facilitator = i, b.Title, b.Kind, b.Facilitator
	v.Minutes, v.Extra = b.Minutes+r.st.Extra[i], r.st.Extra[i]
	v.Elapsed = r.elapsed(i, now)
	v.Remaining = planned - v.Elapsed
	v.Level = LevelFor(v.Remaining, planned)
	if i+1 < n {
		nb := r.blocks[i+1]
		v.Next, v.HasNext = Upcoming{Title: nb.Title, Kind: nb.Kind, Minutes: nb.Minutes + r.st.Extra[i+1]}, true
	}

	pos := r.starts[i] + min(v.Elapsed, planned)
	v.Drift = now.Sub(r.st.Start.Add(pos))
	if v.Started {
		if r.end > 0 {
			v.Progress = min(max(float64(pos)/float64(r.end), 0), 1)
		}
	} else {
		// Before the first Start, being early is not being ahead.
		v.Drift = max(v.Drift, 0)
	}
	v.ProjectedEnd = r.projectedEnd(i, now, v.Remaining)
	return v
}

// projectedEnd lets the current block run its remaining time, then every
// later block its planned length, fixed blocks waiting for their time.
func (r *Runner) projectedEnd(i int, now time.Time, remaining time.Duration) time.Time {
	t := now
	if first := r.st.Start.Add(r.starts[i]); r.st.StartedAt.IsZero() && t.Before(first) {
		t = first
	}
	t = t.Add(max(remaining, 0))
	for j := i + 1; j < len(r.blocks); j++ {
		if r.blocks[j].Fixed() {
			if at := r.st.Start.Add(r.starts[j]); at.After(t) {
				t = at
			}
		}
		t = t.Add(r.planned(j))
	}
	return t
}
