// Package library holds the French resource catalogue that accompanies the
// course: what a resource is and what makes an entry complete.
package library

import (
	"net/url"
	"strings"

	"atelier/app/kit/usererr"
)

// Resource is one entry of the catalogue.
type Resource struct {
	ID            int64
	Title         string // in French
	OriginalTitle string
	Source        string // e.g. Blueprints for Change, The Commons Library, Momentum
	Author        string
	Language      string // original language, ISO 639-1 ("en", "fr")
	HasFrench     bool   // a French translation exists
	URL           string
	Summary       string // French, 2 to 4 sentences
	Tags          []string
	Sessions      []int // the sessions (1 to 5) it serves
	Favourite     bool
	FilePath      string // a local file attached by the facilitators
	Custom        bool   // added by the facilitators, not shipped
}

// Validate checks an entry of the catalogue.
func (r Resource) Validate() error {
	var l usererr.List
	l.Add(strings.TrimSpace(r.Title) == "", "Le titre de la ressource est obligatoire.")
	l.Add(strings.TrimSpace(r.Source) == "", "La ressource « %s » n’a pas de source.", r.Title)
	l.Add(len(r.Language) != 2, "La langue de « %s » doit être un code de deux lettres (fr, en…).", r.Title)
	if r.URL != "" {
		u, err := url.Parse(r.URL)
		l.Add(err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "",
			"L’adresse de « %s » n’est pas un lien web valide.", r.Title)
	}
	for _, s := range r.Sessions {
		l.Add(s < 1 || s > 5, "La ressource « %s » renvoie à une séance %d qui n’existe pas.", r.Title, s)
	}
	return l.Err()
}
