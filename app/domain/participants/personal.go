package participants

import (
	"encoding/json"
	"io"
	"time"
)

// personalRecord is the shape of a person's own data when they ask for it:
// French keys, every field the app holds.
type personalRecord struct {
	Nom           string       `json:"nom"`
	Pronoms       string       `json:"pronoms"`
	Courriel      string       `json:"courriel"`
	Telephone     string       `json:"téléphone"`
	Organisation  string       `json:"organisation"`
	Ville         string       `json:"ville"`
	Accessibilite string       `json:"besoins_d_accessibilité"`
	Consentement  bool         `json:"accepte_d_être_contacté·e"`
	Notes         string       `json:"notes"`
	Statut        string       `json:"statut"`
	Inscription   string       `json:"inscription"`
	Presences     []markRecord `json:"présences"`
}

type markRecord struct {
	Seance  string `json:"séance"`
	Marque  string `json:"marque"`
	Minutes int    `json:"minutes_de_présence,omitempty"`
	Note    string `json:"note,omitempty"`
}

// StatusLabels and MarkLabels are the French words written in files.
var (
	StatusLabels = map[Status]string{Inscrit: "inscrit·e", Confirme: "confirmé·e", Attente: "liste d’attente", SansInscription: "arrivée sans inscription", Desiste: "désisté·e"}
	MarkLabels   = map[Mark]string{Present: "présent·e", Absent: "absent·e", Excuse: "excusé·e", Retard: "en retard"}
)

// WritePersonalData writes all that is held about p as indented JSON.
// sessionNames names each session by its id.
func WritePersonalData(w io.Writer, p Participant, marks []Attendance, sessionNames map[int64]string) error {
	r := personalRecord{
		Nom: p.Name, Pronoms: p.Pronouns, Courriel: p.Email, Telephone: p.Phone,
		Organisation: p.Organisation, Ville: p.City, Accessibilite: p.Accessibility,
		Consentement: p.Consent, Notes: p.Notes, Statut: StatusLabels[p.Status],
		Presences: []markRecord{},
	}
	if !p.RegisteredAt.IsZero() {
		r.Inscription = p.RegisteredAt.Format(time.RFC3339)
	}
	for _, m := range marks {
		r.Presences = append(r.Presences, markRecord{Seance: sessionNames[m.SessionID], Marque: MarkLabels[m.Mark], Minutes: m.Minutes, Note: m.Note})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
