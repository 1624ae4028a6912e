package structure

// The decision methods, named once so the templates cannot misspell them.
const (
	parMandat     = "Décision par la personne qui détient le mandat"
	sollicitation = "Processus de sollicitation d’avis"
	consentement  = "Consentement"
	consensus     = "Consensus"
	temperature   = "Prise de température"
	troisPersonne = "Règle des trois personnes"
	voteParPoints = "Vote par points"
	assemblee     = "Assemblée populaire"
	election      = "Élection sans objection"
	majorite      = "Vote à la majorité"
)

// DecisionMethods lists, in the order the course presents them, the ways a
// circle, team or role can decide; the canvas offers them on every node.
func DecisionMethods() []string {
	return []string{
		parMandat, sollicitation, consentement, consensus, temperature,
		troisPersonne, voteParPoints, assemblee, election, majorite,
	}
}
