package registration

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"atelier/app/domain/participants"
)

// saved gives the people of an import the ids a store would.
func saved(add []participants.Participant, first int64) []participants.Participant {
	out := slices.Clone(add)
	for i := range out {
		out[i].ID = first + int64(i)
	}
	return out
}

func names(ps []participants.Participant) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name+"/"+string(p.Status))
	}
	return out
}

func TestPlanFirstImport(t *testing.T) {
	s := mustParse(t, "google-forms-fr.csv")
	r := Plan(s, nil, 25, planNow)
	want := []string{"Hélène Tremblay/inscrit", "Marc N’Diaye/inscrit", "Zoë Côté-Lévesque/inscrit", "François Bélanger/inscrit"}
	if got := names(r.Add); !slices.Equal(got, want) {
		t.Errorf("added %q, want %q", got, want)
	}
	if len(r.Update) != 0 || r.Unchanged != 0 || r.Waitlisted != 0 || r.Merged != 1 {
		t.Errorf("result %+v", r)
	}
	// The form sent twice completed the first registration.
	h := r.Add[0]
	if h.Accessibility != "Sous-titres" || h.Email != "helene.tremblay@example.org" || !h.Consent ||
		!strings.HasSuffix(h.Notes, "\nPourquoi vous inscrivez-vous ?"+nb+": Je renvoie le formulaire") ||
		!h.RegisteredAt.Equal(time.Date(2026, 11, 4, 23, 31, 5, 0, time.UTC)) {
		t.Errorf("merged registration %+v", h)
	}
	wantRej := []Rejection{
		{5, "le courriel «" + nb + "pas-un-courriel" + nb + "» n’est pas valide"},
		{6, "nom manquant"},
	}
	if !slices.Equal(r.Rejected, wantRej) {
		t.Errorf("rejected %+v, want %+v", r.Rejected, wantRej)
	}
	for _, p := range r.Add {
		if err := p.Validate(); err != nil || p.ID != 0 || p.CohortID != 0 {
			t.Errorf("%+v: %v", p, err)
		}
	}
}

// TestPlanReimport checks that importing the same file again adds nobody.
func TestPlanReimport(t *testing.T) {
	for _, file := range []string{"google-forms-fr.csv", "excel-fr.csv", "forms-en.csv", "tab.tsv", "forms.xlsx"} {
		t.Run(file, func(t *testing.T) {
			s := mustParse(t, file)
			first := Plan(s, nil, 2, planNow)
			if len(first.Add) == 0 {
				t.Fatal("nothing to add the first time")
			}
			again := Plan(mustParse(t, file), saved(first.Add, 100), 2, planNow)
			if len(again.Add) != 0 || len(again.Update) != 0 || again.Unchanged != len(first.Add) ||
				len(again.Rejected) != len(first.Rejected) {
				t.Errorf("second import: %s (%+v)", again.Summary(), again)
			}
		})
	}
}

func TestPlanMatching(t *testing.T) {
	const header = "Nom,Courriel,Ville,Téléphone,Horodateur\n"
	tests := []struct {
		name      string
		rows      string
		existing  []participants.Participant
		added     []string
		updated   []participants.Participant
		unchanged int
		merged    int
	}{
		{
			name: "email matches whatever the case, and fills only empty fields",
			rows: "Hélène Tremblay,Helene.Tremblay@Example.org,Québec,418 555-0000,2026-11-04 18:00\n",
			existing: []participants.Participant{{ID: 7, Name: "H. Tremblay", Email: "helene.tremblay@example.org",
				Phone: "514 555-1111", Status: participants.Confirme, Notes: "déjà là"}},
			updated: []participants.Participant{{ID: 7, Name: "H. Tremblay", Email: "helene.tremblay@example.org",
				City: "Québec", Phone: "514 555-1111", Status: participants.Confirme, Notes: "déjà là"}},
		},
		{
			name:     "name matches without accents or case, and the email is filled",
			rows:     "Hélène Tremblay,helene@example.org,,,\n",
			existing: []participants.Participant{{ID: 3, Name: "HELENE  TREMBLAY", Status: participants.Attente}},
			updated:  []participants.Participant{{ID: 3, Name: "HELENE  TREMBLAY", Email: "helene@example.org", Status: participants.Attente}},
		},
		{
			name:      "ligatures count as their letters",
			rows:      "Benoît Lœuvre,,Lévis,,\n",
			existing:  []participants.Participant{{ID: 3, Name: "Benoit Loeuvre", City: "Lévis", Status: participants.Inscrit}},
			unchanged: 1,
		},
		{
			name:     "same name, different emails: two people",
			rows:     "Marie Roy,marie.roy@example.org,,,\n",
			existing: []participants.Participant{{ID: 4, Name: "Marie Roy", Email: "mroy@example.org", Status: participants.Inscrit}},
			added:    []string{"Marie Roy/inscrit"},
		},
		{
			name: "the email wins over the name",
			rows: "Marie Roy,jo@example.org,Laval,,\n",
			existing: []participants.Participant{
				{ID: 1, Name: "Marie Roy", Status: participants.Inscrit},
				{ID: 2, Name: "Jo Roy", Email: "jo@example.org", Status: participants.Inscrit},
			},
			updated: []participants.Participant{{ID: 2, Name: "Jo Roy", Email: "jo@example.org", City: "Laval", Status: participants.Inscrit}},
		},
		{
			name: "nothing new: unchanged, the consent untouched",
			rows: "Sam Roy,sam@example.org,Laval,,\n",
			existing: []participants.Participant{{ID: 9, Name: "Sam Roy", Email: "sam@example.org", City: "Gatineau",
				Status: participants.Desiste}},
			unchanged: 1,
		},
		{
			name: "duplicates inside the file are merged into the first",
			rows: "Léa Gagnon,lea@example.org,,,2026-11-05 10:00\n" +
				"LEA GAGNON,,Montréal,514 555-2222,2026-11-04 09:00\n" +
				"Léa G.,LEA@example.org,Laval,,\n",
			added:  []string{"Léa Gagnon/inscrit"},
			merged: 2,
		},
		{
			name:     "a person twice in the file and on the roster is updated once",
			rows:     "Sam Roy,sam@example.org,,,\nSam Roy,,Laval,,\n",
			existing: []participants.Participant{{ID: 9, Name: "Sam Roy", Email: "sam@example.org", Status: participants.Inscrit}},
			updated:  []participants.Participant{{ID: 9, Name: "Sam Roy", Email: "sam@example.org", City: "Laval", Status: participants.Inscrit}},
			merged:   1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(strings.NewReader(header+tt.rows), "x.csv", montreal)
			if err != nil {
				t.Fatal(err)
			}
			r := Plan(s, tt.existing, 10, planNow)
			if got := names(r.Add); !slices.Equal(got, tt.added) {
				t.Errorf("added %q, want %q", got, tt.added)
			}
			if len(r.Update) != len(tt.updated) {
				t.Fatalf("updated %+v, want %+v", r.Update, tt.updated)
			}
			for i := range r.Update {
				if !samePerson(r.Update[i], tt.updated[i]) {
					t.Errorf("update\n got %+v\nwant %+v", r.Update[i], tt.updated[i])
				}
			}
			if r.Unchanged != tt.unchanged || r.Merged != tt.merged || len(r.Rejected) != 0 {
				t.Errorf("unchanged %d merged %d rejected %v, want %d %d none", r.Unchanged, r.Merged, r.Rejected, tt.unchanged, tt.merged)
			}
		})
	}
}

func TestPlanMergeKeepsEarliestTime(t *testing.T) {
	s, err := Parse(strings.NewReader("Nom,Courriel,Horodateur,Remarque\n"+
		"Léa Gagnon,lea@example.org,2026-11-05 10:00,première\n"+
		"Léa Gagnon,,2026-11-04 09:00,seconde\n"), "x.csv", montreal)
	if err != nil {
		t.Fatal(err)
	}
	r := Plan(s, nil, 10, planNow)
	if len(r.Add) != 1 {
		t.Fatalf("added %v", names(r.Add))
	}
	p := r.Add[0]
	if !p.RegisteredAt.Equal(time.Date(2026, 11, 4, 9, 0, 0, 0, montreal)) ||
		p.Notes != "Remarque"+nb+": première\nRemarque"+nb+": seconde" {
		t.Errorf("merged %+v", p)
	}
}

func TestPlanSeats(t *testing.T) {
	// File order is not registration order; the undated row goes last.
	const csv = "Nom,Horodateur\n" +
		"C,2026-11-06 10:00\n" +
		"B (sans date),\n" +
		"A,2026-11-04 10:00\n" +
		"D,2026-11-05 10:00\n" +
		"E (date illisible),la semaine passée\n" +
		"F,2026-11-05 10:00\n"
	seat := func(st participants.Status, n int) []participants.Participant {
		var out []participants.Participant
		for i := range n {
			out = append(out, participants.Participant{ID: int64(100 + i), Name: fmt.Sprintf("Déjà %s %d", st, i), Status: st})
		}
		return out
	}
	tests := []struct {
		name     string
		limit    int
		existing []participants.Participant
		want     []string
		waiting  int
	}{
		{"room for all", 25, nil,
			[]string{"A/inscrit", "D/inscrit", "F/inscrit", "C/inscrit", "B (sans date)/inscrit", "E (date illisible)/inscrit"}, 0},
		{"limit reached: the latest wait", 3, nil,
			[]string{"A/inscrit", "D/inscrit", "F/inscrit", "C/attente", "B (sans date)/attente", "E (date illisible)/attente"}, 3},
		{"seats held by inscrit·e and confirmé·e count", 4, append(seat(participants.Confirme, 1), append(seat(participants.Inscrit, 1), seat(participants.Desiste, 3)...)...),
			[]string{"A/inscrit", "D/inscrit", "F/attente", "C/attente", "B (sans date)/attente", "E (date illisible)/attente"}, 4},
		{"people already waiting keep their turn", 4, append(seat(participants.Inscrit, 2), seat(participants.Attente, 1)...),
			[]string{"A/inscrit", "D/attente", "F/attente", "C/attente", "B (sans date)/attente", "E (date illisible)/attente"}, 5},
		{"over the limit already", 1, seat(participants.Confirme, 3),
			[]string{"A/attente", "D/attente", "F/attente", "C/attente", "B (sans date)/attente", "E (date illisible)/attente"}, 6},
		{"no seat at all", 0, nil,
			[]string{"A/attente", "D/attente", "F/attente", "C/attente", "B (sans date)/attente", "E (date illisible)/attente"}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(strings.NewReader(csv), "x.csv", montreal)
			if err != nil {
				t.Fatal(err)
			}
			r := Plan(s, tt.existing, tt.limit, planNow)
			if got := names(r.Add); !slices.Equal(got, tt.want) {
				t.Errorf("added %q\nwant %q", got, tt.want)
			}
			if r.Waitlisted != tt.waiting {
				t.Errorf("waitlisted %d, want %d", r.Waitlisted, tt.waiting)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	add := func(n int) []participants.Participant { return make([]participants.Participant, n) }
	tests := []struct {
		r    Result
		want string
	}{
		{Result{}, "0 personne ajoutée."},
		{Result{Add: add(1)}, "1 personne ajoutée."},
		{Result{Add: add(2), Waitlisted: 1}, "2 personnes ajoutées (dont 1 en liste d’attente)."},
		{Result{Add: add(12), Waitlisted: 2, Update: add(3), Unchanged: 5,
			Rejected: []Rejection{{7, "le courriel «" + nb + "x" + nb + "» n’est pas valide"}}},
			"12 personnes ajoutées (dont 2 en liste d’attente), 3 mises à jour, 5 inchangées, 1 ligne rejetée" + nb +
				": ligne 7" + nb + ": le courriel «" + nb + "x" + nb + "» n’est pas valide."},
		{Result{Update: add(1), Unchanged: 1, Merged: 1}, "0 personne ajoutée, 1 mise à jour, 1 inchangée, 1 doublon fusionné."},
		{Result{Merged: 2, Rejected: []Rejection{{3, "nom manquant"}, {9, "nom manquant"}}},
			"0 personne ajoutée, 2 doublons fusionnés, 2 lignes rejetées" + nb + ": ligne 3" + nb + ": nom manquant\u202f; ligne 9" + nb + ": nom manquant."},
		{Result{Add: add(10000)}, "10" + nb + "000 personnes ajoutées."},
	}
	for _, tt := range tests {
		if got := tt.r.Summary(); got != tt.want {
			t.Errorf("Summary()\n got %q\nwant %q", got, tt.want)
		}
	}

	var many Result
	for i := range 13 {
		many.Rejected = append(many.Rejected, Rejection{i + 2, "nom manquant"})
	}
	got := many.Summary()
	if !strings.HasSuffix(got, "ligne 11"+nb+": nom manquant\u202f; et 3 autres.") || strings.Contains(got, "ligne 12") {
		t.Errorf("13 rejections: %q", got)
	}
	noPlainSpaceBeforeColon(t, "summary", got)
}

// TestPlanManyNamesakes: 10 000 people with one name and their own
// courriels are 10 000 people, found without comparing each to all.
func TestPlanManyNamesakes(t *testing.T) {
	var b strings.Builder
	b.WriteString("Nom,Courriel\n")
	for i := range 10000 {
		fmt.Fprintf(&b, "Marie Roy,marie%d@example.org\n", i)
	}
	b.WriteString("MARIE ROY,\n")
	s, err := Parse(strings.NewReader(b.String()), "x.csv", montreal)
	if err != nil {
		t.Fatal(err)
	}
	r := Plan(s, nil, 25, planNow)
	if len(r.Add) != 10000 || r.Merged != 1 || r.Waitlisted != 10000-25 {
		t.Errorf("%s", r.Summary())
	}
}

func TestPlanNilSheet(t *testing.T) {
	if r := Plan(nil, nil, 5, planNow); len(r.Add) != 0 || r.Summary() != "0 personne ajoutée." {
		t.Errorf("%+v", r)
	}
}

// planNow is the time of the imports planned in tests.
var planNow = time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)
