package ui

import (
	"context"
	"log"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// resourceLinks lists the library's resources for a session (linked to it
// or one of its blocks, or made for its number), as links to open.
func resourceLinks(u *UI, sessionID int64) []fyne.CanvasObject {
	rs, err := u.store.SessionResources(context.Background(), sessionID)
	if err != nil {
		log.Printf("resources of session %d: %v", sessionID, err)
		return []fyne.CanvasObject{wrapped(lang.X("library.err.load", "La bibliothèque n’a pas pu être lue."))}
	}
	if len(rs) == 0 {
		return []fyne.CanvasObject{wrapped(lang.X("sessions.resources.none", "Aucune ressource pour cette séance. Dans la Bibliothèque, « Lier à une séance » en ajoute une."))}
	}
	var out []fyne.CanvasObject
	for _, r := range rs {
		if link, err := url.Parse(r.URL); err == nil && r.URL != "" {
			h := widget.NewHyperlink(r.Title, link)
			h.Wrapping = fyne.TextWrapWord
			out = append(out, h)
			continue
		}
		out = append(out, wrapped(r.Title+" ("+r.Source+")"))
	}
	return out
}
