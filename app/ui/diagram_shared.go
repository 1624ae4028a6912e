package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/structure"
)

// sharedDiagram is the diagram on the participants' window: the canvas in
// presentation form, fitted to the widget and fitted again when it is
// resized, labels never smaller than the presentation minimum when the
// diagram fits at that size, else fitted anyway down to sharedFloorPx and
// panned by dragging. Nothing is selected or edited there; keys go to
// onKey, when set.
type sharedDiagram struct {
	widget.BaseWidget
	onKey  func(*fyne.KeyEvent)
	canvas *diagramCanvas
}

func newSharedDiagram() *sharedDiagram {
	v := &sharedDiagram{canvas: newDiagramCanvas()}
	v.canvas.readOnly, v.canvas.large, v.canvas.autoFit = true, true, true
	v.canvas.onKey = func(e *fyne.KeyEvent) {
		if v.onKey != nil {
			v.onKey(e)
		}
	}
	v.ExtendBaseWidget(v)
	return v
}

// show draws st, fitted. It is cheap enough to call after every edit: the
// labels' layout is cached and only what is in view is drawn.
func (v *sharedDiagram) show(st structure.Structure) {
	v.canvas.SetStructure(st, true)
}

// CreateRenderer shows the canvas full size.
func (v *sharedDiagram) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.canvas)
}
