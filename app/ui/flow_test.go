package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A flow row runs on to a second row where the pane ends, asks for no
// more width than its widest button, and is as high as its rows at the
// pane's width when its parent asks, before it is laid out.
func TestFlowRowRunsOnAsWordsDo(t *testing.T) {
	test.NewTempApp(t)
	a, b, c := widget.NewButton("Revenir au programme", nil), widget.NewButton("Former les groupes…", nil), widget.NewButton("Ajouter", nil)
	row := flowRow(a, b, c)
	below := widget.NewLabel("La liste")
	pane := container.NewBorder(row, nil, nil, nil, below)
	sizedBy(row, pane)
	if got, want := row.MinSize().Width, max(a.MinSize().Width, b.MinSize().Width, c.MinSize().Width); got != want {
		t.Errorf("the row asks for %.0f, its widest button is %.0f", got, want)
	}
	oneRow := a.MinSize().Width + b.MinSize().Width + c.MinSize().Width + 3*innerPadding()
	pane.Resize(fyne.NewSize(oneRow+40, 300))
	if a.Position().Y != c.Position().Y || row.Size().Height > a.MinSize().Height+1 {
		t.Errorf("wide enough, the buttons are on one row: %v %v, row %v", a.Position(), c.Position(), row.Size())
	}
	narrow := a.MinSize().Width + b.MinSize().Width/2
	pane.Resize(fyne.NewSize(narrow, 300))
	if b.Position().Y <= a.Position().Y || b.Position().X != 0 {
		t.Errorf("narrow, the second button runs on to a new row: %v %v", a.Position(), b.Position())
	}
	if b.Position().X+b.Size().Width > narrow+1 || c.Position().X+c.Size().Width > narrow+1 {
		t.Errorf("a button lies past the pane's %.0f: %v %v, %v %v", narrow, b.Position(), b.Size(), c.Position(), c.Size())
	}
	if top := below.Position().Y; top < c.Position().Y+c.Size().Height {
		t.Errorf("the list starts at %.0f, over the last row of buttons ending at %.0f", top, c.Position().Y+c.Size().Height)
	}
}
