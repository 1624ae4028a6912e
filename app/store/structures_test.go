package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
)

func TestStructuresRoundTrip(t *testing.T) {
	s, id, _ := smallCohort(t, 5)
	ctx := context.Background()
	awa := addPeople(t, s, id, participants.Participant{Name: "Awa Diallo"})[0]
	st := structure.Structure{Name: "Groupe local « Rive-Sud »", Nodes: []structure.Node{
		{ID: 1, Kind: structure.Cercle, Label: "Cercle d’ancrage", X: 100, Y: 80, Purpose: "Tenir le cap", DecisionMethod: "Consentement",
			Members: []string{"awa diallo", "Invité·e externe"}, TermEnd: time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)},
		{ID: 2, Kind: structure.GroupeTravail, Label: "Médias et messages", X: 400, Y: 80},
	}, Links: []structure.Link{{ID: 1, From: 1, To: 2, Kind: structure.LienDouble, Label: "double lien"}}}
	sid, err := s.CreateStructure(ctx, id, st)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Structure(ctx, sid)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != st.Name || len(got.Nodes) != 2 || got.Nodes[0].Members[1] != "Invité·e externe" || got.Nodes[0].TermEnd.Year() != 2027 || got.Links[0].Label != "double lien" {
		t.Errorf("loaded %+v", got)
	}
	// A drag ends: the moved node is saved.
	got.Nodes[1].X = 520
	if err := s.SaveStructure(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Structure(ctx, sid)
	if again.Nodes[1].X != 520 {
		t.Errorf("moved node at %v", again.Nodes[1].X)
	}
	// Names are unique in a cohort; a copy gets its own.
	if _, err := s.CreateStructure(ctx, id, st); !errors.Is(err, ErrDuplicateName) {
		t.Errorf("duplicate name: %v", err)
	}
	cp, err := s.DuplicateStructure(ctx, sid, "Copie")
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.Structures(ctx, id)
	if len(list) != 2 || list[0].Name != "Copie" || list[1].Nodes != 2 {
		t.Errorf("list %+v", list)
	}
	// Erasing Awa removes her from every diagram.
	if err := s.EraseParticipant(ctx, awa.ID); err != nil {
		t.Fatal(err)
	}
	for _, x := range []int64{sid, cp} {
		d, _ := s.Structure(ctx, x)
		if len(d.Nodes[0].Members) != 1 || d.Nodes[0].Members[0] != "Invité·e externe" {
			t.Errorf("structure %d members after erasing: %v", x, d.Nodes[0].Members)
		}
	}
	if err := s.DeleteStructure(ctx, cp); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Structure(ctx, cp); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted structure: %v", err)
	}
	bad := structure.Structure{Name: "x", Nodes: []structure.Node{{ID: 1, Kind: "comité", Label: "?"}}}
	if _, err := s.CreateStructure(ctx, id, bad); err == nil {
		t.Error("an invalid structure was stored")
	}
}
