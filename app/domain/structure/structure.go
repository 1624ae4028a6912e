// Package structure holds the diagrams drawn in the session-3 workshop: the
// nodes of a decentralised structure, the links between them and their
// mandates.
package structure

import (
	"slices"
	"strings"
	"time"

	"atelier/app/kit/usererr"
)

// NodeKind is what a node stands for; it decides its shape and colour.
type NodeKind string

// The kinds of node.
const (
	Cercle        NodeKind = "cercle"
	GroupeTravail NodeKind = "groupe-de-travail"
	Role          NodeKind = "role"
	Hub           NodeKind = "hub"
	Equipe        NodeKind = "equipe"
	Personne      NodeKind = "personne"
	Partenaire    NodeKind = "organisation-partenaire"
)

// NodeKinds lists every node kind in palette order.
func NodeKinds() []NodeKind {
	return []NodeKind{Cercle, GroupeTravail, Role, Hub, Equipe, Personne, Partenaire}
}

// LinkKind is what a link means.
type LinkKind string

// The kinds of link.
const (
	LienDouble   LinkKind = "lien-double"
	Coordination LinkKind = "coordination"
	Delegation   LinkKind = "delegation"
	Conseil      LinkKind = "conseil"
)

// LinkKinds lists every link kind.
func LinkKinds() []LinkKind { return []LinkKind{LienDouble, Coordination, Delegation, Conseil} }

// Directed reports whether the link is drawn with an arrowhead.
func (k LinkKind) Directed() bool { return k == Delegation || k == Conseil }

// Node is one circle, team, role, hub or person of a structure.
type Node struct {
	ID               int64
	Kind             NodeKind
	Label            string
	X, Y             float32 // centre, in canvas units
	Purpose          string  // raison d’être
	Accountabilities string  // redevabilités
	Domain           string  // domaine
	DecisionMethod   string
	Members          []string
	TermEnd          time.Time // zero when the term has no end
}

// Filled reports whether someone holds the node; unfilled roles are drawn differently.
func (n Node) Filled() bool { return len(n.Members) > 0 }

// Link joins two nodes of a structure.
type Link struct {
	ID    int64
	From  int64
	To    int64
	Kind  LinkKind
	Label string
}

// Structure is one named diagram of a cohort.
type Structure struct {
	ID       int64
	CohortID int64
	Name     string
	Nodes    []Node
	Links    []Link
	// Version is the row version read with the diagram, one for the whole
	// of it (a save rewrites it all): a save made from an older one is
	// refused (another person saved since).
	Version int64
}

// Validate checks that the diagram holds together.
func (s Structure) Validate() error {
	var l usererr.List
	l.Add(strings.TrimSpace(s.Name) == "", "Le nom de la structure est obligatoire.")
	ids := make(map[int64]bool, len(s.Nodes))
	for _, n := range s.Nodes {
		l.Add(!validNodeKind(n.Kind), "Le type d’élément « %s » est inconnu.", n.Kind)
		l.Add(strings.TrimSpace(n.Label) == "", "Un élément de la structure n’a pas de nom.")
		ids[n.ID] = true
	}
	for _, k := range s.Links {
		l.Add(!validLinkKind(k.Kind), "Le type de lien « %s » est inconnu.", k.Kind)
		l.Add(!ids[k.From] || !ids[k.To], "Un lien relie un élément qui n’existe pas.")
		l.Add(k.From == k.To, "Un lien ne peut relier un élément à lui-même.")
	}
	return l.Err()
}

func validNodeKind(k NodeKind) bool {
	return slices.Contains(NodeKinds(), k)
}

func validLinkKind(k LinkKind) bool {
	return slices.Contains(LinkKinds(), k)
}
