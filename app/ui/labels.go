package ui

import (
	"fyne.io/fyne/v2/lang"

	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
)

// statusLabel is a status in the interface language.
func statusLabel(s participants.Status) string {
	switch s {
	case participants.Inscrit:
		return lang.X("status.inscrit", "Inscrit·e")
	case participants.Confirme:
		return lang.X("status.confirme", "Confirmé·e")
	case participants.Attente:
		return lang.X("status.attente", "Liste d’attente")
	case participants.SansInscription:
		return lang.X("status.sansinscription", "Arrivée sans inscription")
	case participants.Desiste:
		return lang.X("status.desiste", "Désisté·e")
	}
	return string(s)
}

// markLabel is an attendance mark in the interface language.
func markLabel(m participants.Mark) string {
	switch m {
	case participants.Present:
		return lang.X("mark.present", "Présent·e")
	case participants.Absent:
		return lang.X("mark.absent", "Absent·e")
	case participants.Excuse:
		return lang.X("mark.excuse", "Excusé·e")
	case participants.Retard:
		return lang.X("mark.retard", "En retard")
	}
	return lang.X("mark.none", "—")
}

// statusOptions are the labels of every status, in order, for a Select.
func statusOptions() []string {
	var out []string
	for _, s := range participants.Statuses() {
		out = append(out, statusLabel(s))
	}
	return out
}

// statusFromLabel is the status whose label is l ("" when none).
func statusFromLabel(l string) participants.Status {
	for _, s := range participants.Statuses() {
		if statusLabel(s) == l {
			return s
		}
	}
	return ""
}

// joinNames lists people's names the way the interface language does:
// « A, B et C ».
func joinNames(l textfmt.Lang, list []participants.Participant) string {
	names := make([]string, len(list))
	for i, p := range list {
		names[i] = p.Name
	}
	return l.List(names)
}
