package ui

import (
	"context"
	"log"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"atelier/app/domain/course"
	"atelier/app/kit/usererr"
	"atelier/app/store"
)

// resourceLinks lists the library's resources for a session (linked to it
// or one of its blocks, or made for its number), as links to open; a
// resource tied to blocks names them, wherever the agenda has moved them.
func resourceLinks(u *UI, s course.Session) []fyne.CanvasObject {
	ctx := context.Background()
	rs, err := u.store.SessionResources(ctx, s.ID)
	var links []store.ResourceLink
	if err == nil {
		links, err = u.store.SessionLinks(ctx, s.ID)
	}
	if err != nil {
		log.Printf("resources of session %d: %s", s.ID, usererr.Detail(err))
		return []fyne.CanvasObject{wrapped(lang.X("library.err.load", "La bibliothèque n’a pas pu être lue."))}
	}
	if len(rs) == 0 {
		return []fyne.CanvasObject{wrapped(lang.X("sessions.resources.none", "Aucune ressource pour cette séance. Dans la Bibliothèque, «\u00a0Lier à une séance de la cohorte…\u00a0» en ajoute une."))}
	}
	titles := map[int64]string{}
	for _, b := range s.Blocks {
		titles[b.ID] = b.Title
	}
	blocks := map[int64][]string{}
	for _, l := range links {
		if t, ok := titles[l.BlockID]; ok && l.BlockID != store.WholeSession {
			blocks[l.ResourceID] = append(blocks[l.ResourceID], u.lang().Quote(t))
		}
	}
	var out []fyne.CanvasObject
	for _, r := range rs {
		var item fyne.CanvasObject
		if link, err := url.Parse(r.URL); err == nil && r.URL != "" {
			h := widget.NewHyperlink(r.Title, link)
			h.Wrapping = fyne.TextWrapWord
			item = h
		} else {
			item = wrapped(r.Title + " (" + r.Source + ")")
		}
		if b := blocks[r.ID]; len(b) > 0 {
			where := wrapped(lang.XN("sessions.resources.block", "Pour le bloc {{.Blocks}}", len(b), map[string]any{"Blocks": strings.Join(b, ", ")}))
			where.Importance = widget.LowImportance
			item = container.NewVBox(item, where)
		}
		out = append(out, item)
	}
	return out
}
