package structure

import (
	"strings"
)

// Template is a ready-made structure a group can start the workshop from.
type Template struct {
	Key         string // stable name, stored and passed to FromTemplate
	Name        string // shown in the template picker
	Description string // one or two sentences under the name
}

// template is a Template and how to build its diagram.
type template struct {
	Template
	build func(*builder)
	tidy  func(Structure, Metrics) Structure
}

var templates = []template{
	{Template{"xr-groupe-local", "Groupe local autonome (XR)",
		"Un cercle d’ancrage relié par un lien double à cinq groupes de travail, chacun avec sa coordination externe et sa coordination interne, selon le système auto-organisé d’Extinction Rebellion."},
		buildXR, TidyLayered},
	{Template{"sociocratie", "Cercles sociocratiques à lien double",
		"Un cercle général et trois cercles de travail reliés par un lien double\u00a0: un leader choisi par le cercle général et une personne déléguée élue par chaque cercle. Les décisions se prennent par consentement."},
		buildSociocracy, TidyLayered},
	{Template{"flocon", "Flocon de neige (Ganz)",
		"Une équipe centrale dont chaque membre anime une équipe, dont chaque membre anime à son tour une équipe\u00a0: un leadership partagé sur trois niveaux plutôt qu’une seule personne à la tête."},
		buildSnowflake, TidyRadial},
	{Template{"poles", "Pôles autonomes (Momentum, Sunrise)",
		"Un pôle de coordination et quatre pôles locaux autonomes qui partagent le même récit, la même stratégie, la même structure et la même culture. Chaque pôle a sa coordination et sa personne messagère, et demande conseil plutôt que permission."},
		buildHubs, TidyRadial},
	{Template{"coalition", "Coalition en étoile",
		"Une équipe d’appui légère relie six organisations partenaires qui restent autonomes et gardent leurs propres décisions."},
		buildCoalition, TidyRadial},
	{Template{"vide", "Canevas vide",
		"Aucun élément\u00a0: le groupe part d’une page blanche."},
		func(*builder) {}, TidyLayered},
}

// Templates lists the templates in the order the picker shows them.
func Templates() []Template {
	out := make([]Template, len(templates))
	for i, t := range templates {
		out[i] = t.Template
	}
	return out
}

// FromTemplate builds the diagram of the template with this key, named
// name (the template's name when name is blank). Nodes and links are
// numbered from 1 and laid out without overlap at their kind's size;
// nobody is named in them yet, since filling the roles is the group’s
// work. The app lays them out with FromTemplateSized.
func FromTemplate(key, name string) (Structure, error) {
	return FromTemplateSized(key, name, nil)
}

// FromTemplateSized is FromTemplate laid out for the shapes m gives the
// nodes once their labels are written in them.
func FromTemplateSized(key, name string, m Metrics) (Structure, error) {
	for _, t := range templates {
		if t.Key != key {
			continue
		}
		if strings.TrimSpace(name) == "" {
			name = t.Name
		}
		b := builder{s: Structure{Name: name}}
		t.build(&b)
		return t.tidy(b.s, m), nil
	}
	return Structure{}, problem("Le modèle «\u00a0%s\u00a0» n’existe pas. Choisir un modèle dans la liste.", key)
}

// builder numbers nodes and links as a template adds them.
type builder struct{ s Structure }

// mandate is what a node is for: raison d’être, redevabilités (one per
// line), domaine and decision method.
type mandate struct {
	purpose string
	duties  []string
	domain  string
	method  string
}

func (b *builder) node(kind NodeKind, label string, m mandate) int64 {
	id := int64(len(b.s.Nodes) + 1)
	b.s.Nodes = append(b.s.Nodes, Node{
		ID: id, Kind: kind, Label: label,
		Purpose: m.purpose, Accountabilities: strings.Join(m.duties, "\n"),
		Domain: m.domain, DecisionMethod: m.method,
	})
	return id
}

func (b *builder) link(from, to int64, kind LinkKind) {
	b.s.Links = append(b.s.Links, Link{ID: int64(len(b.s.Links) + 1), From: from, To: to, Kind: kind})
}
