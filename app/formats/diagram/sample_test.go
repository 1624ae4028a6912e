package diagram

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"atelier/app/domain/structure"
)

// sample is the structure a cohort typically draws: an anchor circle, five
// working groups each with two coordination roles (some not yet held), a
// hub, a partner and a few people.
func sample() structure.Structure {
	s := structure.Structure{ID: 1, CohortID: 1, Name: "Mouvement pour le climat — Estrie"}
	var id int64
	add := func(n structure.Node) int64 {
		id++
		n.ID = id
		s.Nodes = append(s.Nodes, n)
		return id
	}
	link := func(from, to int64, k structure.LinkKind, label string) {
		s.Links = append(s.Links, structure.Link{ID: int64(len(s.Links) + 1), From: from, To: to, Kind: k, Label: label})
	}
	cx, cy := float32(700), float32(520)
	anchor := add(structure.Node{Kind: structure.Cercle, Label: "Cercle d’ancrage", X: cx, Y: cy,
		Purpose:          "Garder la cohérence du mouvement et prendre soin de sa raison d’être.",
		Accountabilities: "Nommer les coordinations.\nArbitrer les tensions entre groupes.\nTenir la mémoire des décisions.",
		Domain:           "Les principes et l’identité du mouvement",
		DecisionMethod:   "Consentement",
		Members:          []string{"Amélie Côté", "François Bélanger", "Noémie Gagnon"},
		TermEnd:          time.Date(2026, 11, 4, 0, 0, 0, 0, time.UTC)})
	groups := []string{"Rayonnement et formation", "Médias et messages", "Culture régénératrice", "Action et logistique", "Arts"}
	for i, g := range groups {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(groups))
		gx, gy := cx+float32(310*math.Cos(a)), cy+float32(300*math.Sin(a))
		members := []string{"Léa Tremblay", "Maël Roy"}
		if i == 3 {
			members = nil
		}
		gid := add(structure.Node{Kind: structure.GroupeTravail, Label: g, X: gx, Y: gy,
			Purpose:        fmt.Sprintf("Porter le volet « %s » du mouvement.", g),
			DecisionMethod: "Consentement", Members: members,
			TermEnd: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
		link(gid, anchor, structure.LienDouble, "")
		// The roles sit outside the group, on either side of its axis.
		for j, role := range []string{"Coordination externe", "Coordination interne"} {
			ra := a + (float64(j)-0.5)*0.42
			rx, ry := cx+float32(500*math.Cos(ra)), cy+float32(455*math.Sin(ra))
			var held []string
			if (i+j)%3 != 0 {
				held = []string{"Jeanne d’Arc Lévesque"}
			}
			rid := add(structure.Node{Kind: structure.Role, Label: role, X: rx, Y: ry,
				Purpose:          "Faire le lien entre le groupe et le cercle d’ancrage.",
				Accountabilities: "Porter les tensions du groupe ; rendre compte des décisions.",
				Members:          held})
			k := structure.Coordination
			if j == 0 {
				k = structure.Delegation
			}
			link(gid, rid, k, "")
		}
	}
	hub := add(structure.Node{Kind: structure.Hub, Label: "Pôle régional Sherbrooke", X: cx, Y: cy + 250,
		Purpose: "Accueillir les nouvelles personnes militantes.", Members: []string{"Zoé Nadeau"}})
	link(anchor, hub, structure.Delegation, "mandat")
	partner := add(structure.Node{Kind: structure.Partenaire, Label: "Œuvre des jeunes pour la Terre", X: cx + 360, Y: cy + 90,
		Domain: "Prêt de la salle", Members: []string{"Contact : Yves Poulin"}})
	link(partner, anchor, structure.Conseil, "conseil juridique")
	person := add(structure.Node{Kind: structure.Personne, Label: "Marie-Ève Tremblay", X: cx - 330, Y: cy + 80,
		Members: []string{"Marie-Ève Tremblay"}})
	link(person, anchor, structure.Conseil, "")
	equipe := add(structure.Node{Kind: structure.Equipe, Label: "Équipe d’accueil 🌱", X: cx, Y: cy + 410,
		Members: []string{"Sam 🎉", "Inès"}})
	link(hub, equipe, structure.Coordination, "accueil")
	return s
}

// TestWriteSamples writes the sample to $DIAGRAM_SAMPLES for a person to look
// at; it does nothing otherwise.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("DIAGRAM_SAMPLES")
	if dir == "" {
		t.Skip("DIAGRAM_SAMPLES not set")
	}
	s := sample()
	write := func(name string, fn func(*os.File) error) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := fn(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	write("diagram-sample.png", func(f *os.File) error {
		return PNG(f, s, Options{Scale: 1, Title: defaultTitle(s.Name)})
	})
	write("diagram-sample@2x.png", func(f *os.File) error { return PNG(f, s, Options{Scale: 2}) })
	write("diagram-large.png", func(f *os.File) error { return PNG(f, large(), Options{}) })
	for _, tp := range structure.Templates() {
		m, err := LabelMetrics()
		if err != nil {
			t.Fatal(err)
		}
		st, err := structure.FromTemplateSized(tp.Key, "", m)
		if err != nil {
			t.Fatal(err)
		}
		write("diagram-"+tp.Key+".png", func(f *os.File) error { return PNG(f, st, Options{Title: st.Name}) })
	}
	write("diagram-sample.pdf", func(f *os.File) error {
		return PDF(f, s, PDFOptions{Subtitle: "Cohorte d’automne 2026 — atelier du 4 novembre", Created: fixedDate})
	})
}

var fixedDate = time.Date(2026, 11, 4, 18, 30, 0, 0, time.UTC)
