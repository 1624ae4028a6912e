package course

import (
	"slices"
	"strings"
	"testing"

	"atelier/app/domain/agenda"
	"atelier/app/kit/usererr"
)

func TestExerciseRefs(t *testing.T) {
	tests := []struct {
		text string
		want []int
	}{
		{"Salles de sous-groupes ; document de la séance, exercice 1 ; minuterie", []int{1}},
		{"Chaque personne remplit l’exercice 2 du document.", []int{2}},
		{"Document de la séance, exercices 1 et 2", []int{1, 2}},
		{"exercices 1, 2 et 3", []int{1, 2, 3}},
		{"Exercices 1 à 3, puis exercice 2", []int{1, 2, 3}},
		{"L’exercice suivant se fait à deux.", nil},
		{"Diaporama, diapos 8 à 15", nil},
		{"Fiche de cas A ; exercice", nil},
	}
	for _, tt := range tests {
		if got := ExerciseRefs(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("ExerciseRefs(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestExercisesMatchTheHandout(t *testing.T) {
	block := func(title, materials, notes string) agenda.Block {
		return agenda.Block{Title: title, Kind: agenda.Exercice, Minutes: 30, Materials: materials, Notes: notes}
	}
	exercises := func(titles ...string) []Exercise {
		var out []Exercise
		for _, t := range titles {
			out = append(out, Exercise{Title: t, Instructions: "Écrire.", Questions: []string{"Quoi ?"}})
		}
		return out
	}
	tests := []struct {
		name      string
		blocks    []agenda.Block
		exercises []Exercise
		want      string // a problem expected, "" for none
	}{
		{"juste", []agenda.Block{block("Salles", "document de la séance, exercice 1", ""), block("Bilan", "clavardage", "Proposer l’exercice 2 après la séance.")},
			exercises("Un", "Deux"), ""},
		{"les deux dans un bloc", []agenda.Block{block("Salles", "document de la séance, exercices 1 et 2", "")},
			exercises("Un", "Deux"), ""},
		{"exercice absent", []agenda.Block{block("Cas", "document de la séance, exercice 3", ""), block("Salles", "exercices 1 et 2", "")},
			exercises("Un", "Deux"), "le bloc «\u00a0Cas\u00a0» cite l’exercice 3, que le document de la séance (2 exercices) n’a pas."},
		{"document sans exercice", []agenda.Block{block("Cas", "exercice 1", "")},
			nil, "(aucun exercice) n’a pas"},
		{"exercice orphelin", []agenda.Block{block("Salles", "document de la séance, exercice 1", "")},
			exercises("Un", "Deux", "Trois"), "l’exercice 2 du document («\u00a0Deux\u00a0») n’est cité par aucun bloc."},
		{"cité dans les notes d’un autre bloc aussi", []agenda.Block{block("Salles", "exercice 1", ""), block("Retour", "document partagé", "Reprendre l’exercice 1.")},
			exercises("Un"), "l’exercice 1 est cité par «\u00a0Salles\u00a0» et par «\u00a0Retour\u00a0»."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Plan{Blocks: tt.blocks, Handout: Handout{Exercises: tt.exercises}}
			got := p.validateExercises(usererr.New("Séance 2")).Error()
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
			if tt.want != "" && !strings.HasPrefix(got, "Séance 2\u00a0: ") {
				t.Errorf("problem %q does not name the session", got)
			}
		})
	}
}

// goodPlan is a plan Validate accepts, for tests that break one field.
func goodPlan() Plan {
	return Plan{
		Number: 2, Title: "Titre officiel", ShortTitle: "Court", Summary: "Résumé.",
		Objectives: []string{"Comprendre."},
		Concepts:   []Concept{{Term: "Terme", Definition: "Définition."}},
		Blocks: []agenda.Block{
			{Title: "Accueil", Kind: agenda.Accueil, Minutes: 10, Notes: "Accueillir.", Materials: "clavardage"},
			{Title: "Les cas", Kind: agenda.SousGroupes, Minutes: 80, Notes: "Salle 1 : fiche A.", Materials: "document de la séance, exercice 1"},
		},
		Handout: Handout{
			Introduction: "Bienvenue.",
			Cases:        []Case{{Title: "Une action", Text: "Trois membres veulent agir."}},
			Exercises:    []Exercise{{Title: "Un", Instructions: "Écrire.", Questions: []string{"Quoi ?"}}},
			TakeAway:     "À retenir.",
		},
		Guide: Guide{
			Checklist: []string{"a", "b", "c", "d", "e"},
			Roles: []BlockRoles{
				{Block: "Accueil", Lead: Animation, Support: Technique, Task: "Admet les personnes."},
				{Block: "Les cas", Lead: Coanimation, Support: Technique, Task: "Ouvre les salles."},
			},
			Debriefs: []Debrief{{Block: "Les cas", Questions: []string{"Qu’avez-vous décidé\u202f?"}}},
			IfLate:   []Shortcut{{Block: "Accueil", Minutes: 2, Cut: "Un tour plus court."}, {Block: "Les cas", Minutes: 5, Cut: "Une fiche de moins."}},
			FollowUp: "Merci.",
		},
	}
}

func TestValidateHandout(t *testing.T) {
	if err := goodPlan().Validate(); err != nil {
		t.Fatalf("good plan refused: %v", err)
	}
	tests := []struct {
		name  string
		spoil func(*Plan)
		want  string
	}{
		{"fiche sans titre", func(p *Plan) { p.Handout.Cases[0].Title = " " },
			"Séance 2\u00a0: la fiche de cas A du document n’a pas de titre ou de texte."},
		{"seconde fiche sans texte", func(p *Plan) { p.Handout.Cases = append(p.Handout.Cases, Case{Title: "Un balado"}) },
			"la fiche de cas B du document n’a pas de titre ou de texte."},
		{"exercice cité mais absent", func(p *Plan) { p.Blocks[1].Materials = "document de la séance, exercice 2" },
			"cite l’exercice 2, que le document de la séance (1 exercice) n’a pas."},
		{"exercice jamais cité", func(p *Plan) { p.Blocks[1].Materials = "fiches de cas" },
			"l’exercice 1 du document («\u00a0Un\u00a0») n’est cité par aucun bloc."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := goodPlan()
			tt.spoil(&p)
			err := p.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %v, want %q", err, tt.want)
			}
		})
	}
}
