package ui

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/structure"
	"atelier/app/kit/usererr"
)

// sharedStructure is the canvas as the participants see it: the diagram in
// presentation form, fitted to the window, that nobody edits from there.
type sharedStructure struct {
	root    fyne.CanvasObject
	name    *widget.Label
	diagram *sharedDiagram
}

func newSharedStructure(s *sharedScreen) *sharedStructure {
	v := &sharedStructure{name: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})}
	v.diagram = newSharedDiagram()
	v.diagram.onKey = s.typedKey
	v.root = container.NewBorder(s.clearOfCorner(v.name), nil, nil, nil, v.diagram)
	return v
}

// show draws st, fitted.
func (v *sharedStructure) show(st structure.Structure) {
	if st.ID == 0 && len(st.Nodes) == 0 {
		v.name.SetText(lang.X("share.structure.none", "Aucune structure pour l’instant"))
	} else {
		v.name.SetText(st.Name)
	}
	v.diagram.show(st)
}

// currentStructure is the diagram the facilitator last had on view in
// Atelier structure, else the cohort's first one.
func (l *liveScreen) currentStructure() structure.Structure {
	if l.structure.ID != 0 || len(l.structure.Nodes) > 0 {
		return l.structure
	}
	ctx := context.Background()
	list, err := l.ui.store.Structures(ctx, l.ui.cohort.ID)
	if err == nil && len(list) > 0 {
		var st structure.Structure
		if st, err = l.ui.store.Structure(ctx, list[0].ID); err == nil {
			l.structure = st
		}
	}
	if err != nil {
		log.Printf("structures for the shared screen: %s", usererr.Detail(err))
	}
	return l.structure
}
