package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"testing"
)

func TestDbgSplit(t *testing.T) {
	u := clippingUI(t)
	u.win.Resize(fyne.NewSize(1024, 600))
	u.nav.Select(areaPeople)
	sp := u.roster.root.(*container.Split)
	t.Log(u.win.Content().MinSize(), sp.Size(), sp.Leading.MinSize(), sp.Trailing.MinSize(), sp.Leading.Size(), sp.Trailing.Size(), sp.Offset)
	l := sp.Leading.(*fyne.Container)
	for _, o := range l.Objects {
		t.Logf("%T %v", o, o.MinSize())
	}
}
func TestDbgSplit2(t *testing.T) {
	u := clippingUI(t)
	u.win.Resize(fyne.NewSize(1024, 600))
	u.nav.Select(areaPeople)
	sp := u.roster.root.(*container.Split)
	l := sp.Leading.(*fyne.Container)
	for _, o := range l.Objects[1].(*fyne.Container).Objects {
		t.Logf("%T %v", o, o.MinSize())
	}
	t.Log(u.roster.counts.Text)
	r := sp.Trailing
	t.Logf("%T", r)
}
