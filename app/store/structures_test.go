package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/domain/structure"
)

func testStructure() structure.Structure {
	return structure.Structure{Name: "Groupe local « Rive-Sud »", Nodes: []structure.Node{
		{ID: 1, Kind: structure.Cercle, Label: "Cercle d’ancrage", X: 100, Y: 80, Purpose: "Tenir le cap", DecisionMethod: "Consentement",
			Members: []string{"awa diallo", "Invité·e externe"}, TermEnd: time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)},
		{ID: 2, Kind: structure.GroupeTravail, Label: "Médias et messages", X: 400, Y: 80},
	}, Links: []structure.Link{{ID: 1, From: 1, To: 2, Kind: structure.LienDouble, Label: "double lien"}}}
}

func TestStructuresRoundTrip(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
		// Adding and erasing people go through roster.go and erase.go,
		// which speak SQLite only until their own conversion: the part of
		// this test about members tied to the roster runs on SQLite.
		var awa participants.Participant
		if !s.team {
			awa = addPeople(t, s, id, participants.Participant{Name: "Awa Diallo"})[0]
		}
		st := testStructure()
		sid, err := s.CreateStructure(ctx, id, st)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Structure(ctx, sid)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != st.Name || len(got.Nodes) != 2 || got.Nodes[0].Members[1] != "Invité·e externe" || got.Nodes[0].TermEnd.Year() != 2027 ||
			got.Links[0].Label != "double lien" || got.Version != 1 {
			t.Errorf("loaded %+v", got)
		}
		// A drag ends: the moved node is saved.
		got.Nodes[1].X = 520
		if got.Version, err = s.SaveStructure(ctx, got); err != nil || got.Version != 2 {
			t.Fatalf("saved at version %d, %v; want 2", got.Version, err)
		}
		again, _ := s.Structure(ctx, sid)
		if again.Nodes[1].X != 520 || again.Version != 2 {
			t.Errorf("moved node at %v, version %d", again.Nodes[1].X, again.Version)
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
		if !s.team {
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
		}
		if err := s.DeleteStructure(ctx, cp); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Structure(ctx, cp); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleted structure: %v", err)
		}
		// Saving a diagram someone deleted is « not found », not a conflict.
		if _, err := s.SaveStructure(ctx, structure.Structure{ID: cp, Name: "Copie", Version: 1}); !errors.Is(err, ErrNotFound) || errors.Is(err, ErrConflict) {
			t.Errorf("saving a deleted structure: %v, want ErrNotFound", err)
		}
		bad := structure.Structure{Name: "x", Nodes: []structure.Node{{ID: 1, Kind: "comité", Label: "?"}}}
		if _, err := s.CreateStructure(ctx, id, bad); err == nil {
			t.Error("an invalid structure was stored")
		}
	})
}

// The list is in French alphabetical order on both engines: accents and
// case do not send a name to the end, « Œ » sorts as « OE ».
func TestStructuresFrenchOrder(t *testing.T) {
	onEngines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := createTest(t, s, "Cohorte", date(2027, 1, 6, 18, 30))
		for _, name := range []string{"zones", "Œuvres", "Écologie", "antenne", "Eau", "Ordre"} {
			if _, err := s.CreateStructure(ctx, id, structure.Structure{Name: name}); err != nil {
				t.Fatal(err)
			}
		}
		list, err := s.Structures(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, x := range list {
			names = append(names, x.Name)
		}
		if want := []string{"antenne", "Eau", "Écologie", "Œuvres", "Ordre", "zones"}; !slices.Equal(names, want) {
			t.Errorf("order %q, want %q", names, want)
		}
	})
}

// One person's saves follow each other with the version each returns; the
// second person's save from the diagram as it was is refused with the
// first one's version, and writes nothing; from a fresh read it goes
// through.
func TestStructureSaveConflict(t *testing.T) {
	onSharedEngines(t, func(t *testing.T, a, b *Store) {
		ctx := context.Background()
		id := createTest(t, a, "Cohorte", date(2027, 1, 6, 18, 30))
		sid, err := a.CreateStructure(ctx, id, testStructure())
		if err != nil {
			t.Fatal(err)
		}
		mine, err := a.Structure(ctx, sid)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := b.Structure(ctx, sid)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range []float32{450, 520} {
			mine.Nodes[1].X = x
			if mine.Version, err = a.SaveStructure(ctx, mine); err != nil {
				t.Fatalf("drag to %v: %v", x, err)
			}
		}
		if mine.Version != 3 {
			t.Errorf("two saves left version %d, want 3", mine.Version)
		}

		before := dump(t, a.db)
		theirs.Name = "Rive-Sud"
		theirs.Nodes, theirs.Links = theirs.Nodes[:1], nil
		_, err = b.SaveStructure(ctx, theirs)
		ce := conflictOf(t, err)
		if ce.Structure == nil || ce.Structure.Version != 3 || len(ce.Structure.Nodes) != 2 || ce.Structure.Nodes[1].X != 520 ||
			ce.Cohort != nil || ce.Blocks != nil {
			t.Errorf("conflict carries %+v, want the diagram as dragged, at version 3", ce)
		}
		if !strings.Contains(ce.Error(), "«\u00a0Groupe local « Rive-Sud »\u00a0»") {
			t.Errorf("message %q does not name the structure", ce.Error())
		}
		if changed := diffDumps(before, dump(t, a.db)); len(changed) > 0 {
			t.Errorf("refused save changed %v", changed)
		}

		theirs = *ce.Structure
		theirs.Name = "Rive-Sud"
		if v, err := b.SaveStructure(ctx, theirs); err != nil || v != 4 {
			t.Fatalf("saved from the fresh version: version %d, %v", v, err)
		}
		got, _ := a.Structure(ctx, sid)
		if got.Name != "Rive-Sud" || len(got.Nodes) != 2 || got.Nodes[1].X != 520 || got.Version != 4 {
			t.Errorf("after both saves: %+v", got)
		}
		// The first person, still at version 3, is told in turn.
		mine.Nodes[0].Y = 200
		if _, err := a.SaveStructure(ctx, mine); !errors.Is(err, ErrConflict) {
			t.Errorf("save from version 3 after version 4: %v, want ErrConflict", err)
		}
	})
}

// Six saves at once from the same version, through both stores: one wins,
// every other is told, and what is stored is the winner's.
func TestStructureSavesAtOnce(t *testing.T) {
	onSharedEngines(t, func(t *testing.T, a, b *Store) {
		ctx := context.Background()
		id := createTest(t, a, "Cohorte", date(2027, 1, 6, 18, 30))
		sid, err := a.CreateStructure(ctx, id, testStructure())
		if err != nil {
			t.Fatal(err)
		}
		read, err := b.Structure(ctx, sid)
		if err != nil {
			t.Fatal(err)
		}
		errs := make([]error, 6)
		var wg sync.WaitGroup
		for i := range errs {
			s := []*Store{a, b}[i%2]
			st := read.Clone()
			st.Nodes[1].X = float32(600 + i)
			wg.Go(func() { _, errs[i] = s.SaveStructure(ctx, st) })
		}
		wg.Wait()
		winner := oneWinner(t, errs)
		got, _ := a.Structure(ctx, sid)
		if winner < 0 || got.Nodes[1].X != float32(600+winner) || got.Version != 2 {
			t.Errorf("winner %d; stored x %v at version %d", winner, got.Nodes[1].X, got.Version)
		}
	})
}
