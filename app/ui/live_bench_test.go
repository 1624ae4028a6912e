package ui

import (
	"testing"
	"time"

	"atelier/app/domain/structure"
)

// liveBench opens live mode on session 3, started, with the participants'
// window open and a structure made from a template to show.
func liveBench(b *testing.B) *liveScreen {
	a, svc := benchSetup(b)
	clock = now
	u := New(a, svc, Options{Language: "fr", Still: true})
	u.start()
	l := u.openLive(u.cohort.Sessions[2])
	l.onStartPause()
	st, err := structure.FromTemplate("xr-groupe-local", "Groupe 1")
	if err != nil {
		b.Fatal(err)
	}
	l.structureShown(st)
	l.onShare()
	return l
}

// BenchmarkShareSwitch is switching what the participants' window shows,
// from one view to the next through all six, each drawn for this instant.
func BenchmarkShareSwitch(b *testing.B) {
	l := liveBench(b)
	views := shareViews()
	i := 0
	for b.Loop() {
		i++
		l.show(views[i%len(views)])
	}
}

// BenchmarkShareFirstShow is the participants' window opened and switched
// to the canvas for the first time: every view it shows is built then.
func BenchmarkShareFirstShow(b *testing.B) {
	l := liveBench(b)
	for b.Loop() {
		l.shared.closeNow()
		l.onShare()
		l.show(shareStructure)
		l.show(shareChrono)
	}
}

// BenchmarkLiveRefresh is one tick of live mode: the view computed from the
// clock and drawn into both windows' widgets, the countdown shared.
func BenchmarkLiveRefresh(b *testing.B) {
	l := liveBench(b)
	for b.Loop() {
		clock = clock.Add(250 * time.Millisecond)
		l.refresh()
	}
}

// BenchmarkLiveRefreshCanvasShared is one tick of live mode while the
// participants' window shows the structure canvas.
func BenchmarkLiveRefreshCanvasShared(b *testing.B) {
	l := liveBench(b)
	l.show(shareStructure)
	for b.Loop() {
		clock = clock.Add(250 * time.Millisecond)
		l.refresh()
	}
}
