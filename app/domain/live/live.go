// Package live runs a session as it happens: which block is on, how much
// of it is left, what comes next and whether the session is ahead of or
// behind its plan.
//
// Nothing here reads the clock or ticks: every call takes the instant it is
// made at, and all times are computed from instants, so the display is
// right however late a redraw comes (window hidden, machine busy or asleep)
// and the runner can be saved as a State and picked up after a restart.
package live

import (
	"time"

	"atelier/app/domain/agenda"
)

// State is everything needed to pick a running session up again. It is
// plain data so that the store can keep it as JSON (see MarshalState).
type State struct {
	Version   int       `json:"v"`
	SessionID int64     `json:"session_id"`
	Start     time.Time `json:"session_start"` // when the session is planned to start
	Block     int       `json:"block"`         // the current block
	Running   bool      `json:"running"`
	Done      bool      `json:"done"` // moved past the last block; the clock is stopped

	StartedAt time.Time `json:"started_at,omitzero"` // first Start; zero until then
	Since     time.Time `json:"since,omitzero"`      // when the current run began, while Running
	PausedAt  time.Time `json:"paused_at,omitzero"`  // when the clock last stopped (pause or end)

	// Elapsed is the time spent in each block, not counting the run in
	// progress (that is now - Since).
	Elapsed []time.Duration `json:"elapsed"`
	// Extra is the minutes added to each block during the session.
	Extra []int `json:"extra_minutes"`

	// DriverID is the Atelier that last moved the clock (a window on one
	// machine), Driver the facilitator's name there: with a team, the
	// others follow that one's countdown until they take over.
	DriverID string `json:"driver_id,omitempty"`
	Driver   string `json:"driver,omitempty"`
}

// Runner drives one session. Its methods take the current instant; the
// caller passes time.Now() for real and a fake clock in tests.
type Runner struct {
	blocks []agenda.Block
	st     State

	// The plan with the extra minutes, as offsets from st.Start; recomputed
	// only when blocks or extra minutes change, not on every tick.
	starts  []time.Duration
	end     time.Duration
	baseEnd time.Duration // end of the agenda without the extra minutes
}

// New prepares a session that has not started yet.
func New(blocks []agenda.Block, sessionStart time.Time) *Runner {
	return Restore(blocks, State{Start: sessionStart})
}

// Restore picks a session up from a saved state. The state is made to fit
// blocks: if the agenda changed since it was saved, the block index and the
// per-block figures are clamped rather than rejected, since the session is
// going on and must keep running.
func Restore(blocks []agenda.Block, st State) *Runner {
	r := &Runner{blocks: blocks, st: st}
	r.fit()
	return r
}

// SetSession records which session the state belongs to.
func (r *Runner) SetSession(id int64) { r.st.SessionID = id }

// SetBlocks swaps in an edited agenda mid-session, keeping the position and
// the time spent in each block by index.
func (r *Runner) SetBlocks(blocks []agenda.Block) {
	r.blocks = blocks
	r.fit()
}

// SetDriver records which Atelier (id) and facilitator (name) drive the
// clock from now on.
func (r *Runner) SetDriver(id, name string) { r.st.DriverID, r.st.Driver = id, name }

// Driver is the Atelier and facilitator that last drove the clock; empty
// before anyone did.
func (r *Runner) Driver() (id, name string) { return r.st.DriverID, r.st.Driver }

// State returns a copy of the state to save.
func (r *Runner) State() State {
	st := r.st
	st.Elapsed = append([]time.Duration(nil), st.Elapsed...)
	st.Extra = append([]int(nil), st.Extra...)
	return st
}

// Running reports whether the clock is running, to label the start/pause
// button.
func (r *Runner) Running() bool { return r.st.Running }

// Start starts or resumes the clock.
func (r *Runner) Start(now time.Time) {
	now = wall(now)
	if r.st.Running || r.st.Done || len(r.blocks) == 0 {
		return
	}
	r.st.Running, r.st.Since = true, now
	if r.st.StartedAt.IsZero() {
		r.st.StartedAt = now
	}
}

// Pause stops the clock; the time until the next Start is not counted in
// the block.
func (r *Runner) Pause(now time.Time) {
	now = wall(now)
	if !r.st.Running {
		return
	}
	r.settle(now)
	r.st.Running, r.st.PausedAt = false, now
}

// Next moves to the next block, or ends the session after the last one. The
// clock keeps running or stays paused as it was.
func (r *Runner) Next(now time.Time) {
	now = wall(now)
	if r.st.Done || len(r.blocks) == 0 {
		return
	}
	r.settle(now)
	if r.st.Block == len(r.blocks)-1 {
		r.st.Done, r.st.Running, r.st.PausedAt = true, false, now
		return
	}
	r.st.Block++
}

// Prev goes back one block, which resumes where it was left; from the end
// of the session it goes back to the last block, paused.
func (r *Runner) Prev(now time.Time) {
	now = wall(now)
	if r.st.Done {
		r.st.Done = false
		return
	}
	r.settle(now)
	if r.st.Block > 0 {
		r.st.Block--
	}
}

// AddMinutes lengthens the current block by n minutes (n < 0 takes them
// back, keeping at least one minute); the blocks after it shift. It takes
// now like the other controls, though the plan alone changes.
func (r *Runner) AddMinutes(n int, now time.Time) {
	if r.st.Done || len(r.blocks) == 0 {
		return
	}
	i := r.st.Block
	r.st.Extra[i] = clampExtra(r.st.Extra[i]+n, r.blocks[i])
	r.replan()
}

// settle folds the run in progress into the current block's elapsed time.
func (r *Runner) settle(now time.Time) {
	if !r.st.Running {
		return
	}
	r.st.Elapsed[r.st.Block] += since(r.st.Since, now)
	r.st.Since = now
}

// elapsed is the time spent in block i as of now.
func (r *Runner) elapsed(i int, now time.Time) time.Duration {
	e := r.st.Elapsed[i]
	if r.st.Running && i == r.st.Block {
		e += since(r.st.Since, now)
	}
	return e
}

// planned is block i's length with its extra minutes.
func (r *Runner) planned(i int) time.Duration {
	return time.Duration(r.blocks[i].Minutes+r.st.Extra[i]) * time.Minute
}

// fit makes the state agree with the blocks.
func (r *Runner) fit() {
	n := len(r.blocks)
	r.st.Elapsed = resize(r.st.Elapsed, n)
	r.st.Extra = resize(r.st.Extra, n)
	for i := range n {
		r.st.Elapsed[i] = max(r.st.Elapsed[i], 0)
		r.st.Extra[i] = clampExtra(r.st.Extra[i], r.blocks[i])
	}
	r.st.Block = min(max(r.st.Block, 0), max(n-1, 0))
	if n == 0 || r.st.Done || r.st.Since.IsZero() {
		r.st.Running = false
	}
	if r.st.Version == 0 {
		r.st.Version = stateVersion
	}
	r.replan()
}

func (r *Runner) replan() {
	plan := make([]agenda.Block, len(r.blocks))
	for i, b := range r.blocks {
		b.Minutes += r.st.Extra[i]
		plan[i] = b
	}
	r.starts, r.end = agenda.Offsets(plan)
	_, r.baseEnd = agenda.Offsets(r.blocks)
}

// clampExtra keeps a block at least one minute long and at most a day
// longer than planned.
func clampExtra(extra int, b agenda.Block) int {
	return min(max(extra, 1-b.Minutes), maxExtra)
}

const maxExtra = 24 * 60

func resize[T any](s []T, n int) []T {
	out := make([]T, n)
	copy(out, s)
	return out
}

// wall drops the monotonic reading: the monotonic clock stops while the
// machine sleeps on some systems, and the session does not.
func wall(t time.Time) time.Time { return t.Round(0) }

// since is now - t, never negative: a clock set back must not give time
// back to a block.
func since(t, now time.Time) time.Duration {
	return max(now.Sub(t), 0)
}
