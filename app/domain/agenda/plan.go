package agenda

import (
	"fmt"
	"strings"
	"time"

	"atelier/app/kit/textfmt"
)

// IssueKind tells a hole in the plan from a collision.
type IssueKind int

// The two ways a fixed block can disagree with the blocks before it.
const (
	Gap     IssueKind = iota + 1 // free time before the fixed block
	Overlap                      // the block before runs into the fixed block
)

// Issue is a disagreement between a fixed block and the flow before it.
type Issue struct {
	Kind IssueKind
	// Index is the fixed block; for an Overlap the block that runs over is
	// Index-1.
	Index   int
	Minutes int    // length of the gap or the overlap, rounded up
	Text    string // a French sentence for the editor
}

// Timeline is an agenda placed in time, with what the editor should flag.
type Timeline struct {
	Start  time.Time
	End    time.Time // the latest end of any block; Start when empty
	Slots  []Slot
	Issues []Issue
	// Minutes runs from Start to End, gaps included: a gap is session time
	// too.
	Minutes int
	// Over is how many minutes the plan runs past SessionMinutes; 0 when it
	// fits.
	Over int
}

// Layout places blocks from start. A block follows the one before it unless
// it is fixed: then it starts at start+FixedStart regardless, and an Issue
// records the gap or the overlap this creates with the block before it.
func Layout(start time.Time, blocks []Block) Timeline {
	tl := Timeline{Start: start, End: start, Slots: make([]Slot, len(blocks))}
	var prev, last time.Duration // end of the block before; latest end so far
	for i, b := range blocks {
		at := prev
		if b.Fixed() {
			at = b.FixedStart
			switch {
			case prev < at:
				tl.Issues = append(tl.Issues, gapIssue(start, i, b, at-prev))
			case prev > at:
				tl.Issues = append(tl.Issues, overlapIssue(start, i, blocks[i-1], b, prev-at))
			}
		}
		end := at + time.Duration(b.Minutes)*time.Minute
		tl.Slots[i] = Slot{Block: b, Start: start.Add(at), End: start.Add(end)}
		prev, last = end, max(last, end)
	}
	tl.End = start.Add(last)
	tl.Minutes = ceilMinutes(last)
	tl.Over = max(0, tl.Minutes-SessionMinutes)
	return tl
}

// Offsets gives each block's start and the plan's end as offsets from the
// session's start, following the same rules as Layout without building
// slots or texts: the live runner calls it on every change of plan.
func Offsets(blocks []Block) (starts []time.Duration, end time.Duration) {
	starts = make([]time.Duration, len(blocks))
	var prev time.Duration
	for i, b := range blocks {
		at := prev
		if b.Fixed() {
			at = b.FixedStart
		}
		starts[i] = at
		prev = at + time.Duration(b.Minutes)*time.Minute
		end = max(end, prev)
	}
	return starts, end
}

// Warning is the sentence to show when the plan runs past the session, or
// "" when it fits.
func (t Timeline) Warning() string {
	if t.Over == 0 {
		return ""
	}
	fr := textfmt.French
	return fmt.Sprintf("Le déroulé dure %s, soit %s de plus que les %s de la séance.",
		fr.Minutes(t.Minutes), fr.Minutes(t.Over), fr.Minutes(SessionMinutes))
}

func gapIssue(start time.Time, i int, fixed Block, d time.Duration) Issue {
	m := ceilMinutes(d)
	return Issue{Kind: Gap, Index: i, Minutes: m, Text: fmt.Sprintf("%s libres avant %s.",
		textfmt.French.Minutes(m), fixedName(start, fixed))}
}

func overlapIssue(start time.Time, i int, before, fixed Block, d time.Duration) Issue {
	m := ceilMinutes(d)
	return Issue{Kind: Overlap, Index: i, Minutes: m, Text: fmt.Sprintf("Le bloc « %s » déborde de %s sur %s.",
		before.Title, textfmt.French.Minutes(m), fixedName(start, fixed))}
}

// fixedName names a fixed block in a sentence: « la pause fixée à 19 h 30 »,
// « le bloc « Bilan » fixé à 19 h 45 ».
func fixedName(start time.Time, b Block) string {
	at := textfmt.French.Clock(start.Add(b.FixedStart))
	if b.Kind == Pause {
		if t := strings.TrimSpace(b.Title); t != "" && !strings.EqualFold(t, "pause") {
			return fmt.Sprintf("la pause « %s » fixée à %s", t, at)
		}
		return "la pause fixée à " + at
	}
	return fmt.Sprintf("le bloc « %s » fixé à %s", b.Title, at)
}

func ceilMinutes(d time.Duration) int {
	return int((d + time.Minute - 1) / time.Minute)
}
