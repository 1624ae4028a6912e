package course

import (
	"fmt"
	"regexp"
	"strconv"

	"atelier/app/kit/usererr"
)

// exerciseRef finds the handout exercises a block's materials or notes
// cite: « exercice 2 », « l’exercice 3 du document », « exercices 1 et 2 »,
// « exercices 1 à 3 ».
var exerciseRef = regexp.MustCompile(`(?i)\bexercices?\s+(\d+)((?:\s*(?:,|à|et)\s*\d+)*)`)

// refNumber is one number after the first in a reference to slides or
// exercises.
var refNumber = regexp.MustCompile(`(,|à|et)\s*(\d+)`)

// numberedRefs lists, in order and without repeats, the numbers that the
// matches of re in text cite; re's first group is the first number, its
// second the rest of the list (« , 2 et 4 », « à 9 »).
func numberedRefs(re *regexp.Regexp, text string) []int {
	var out []int
	seen := map[int]bool{}
	add := func(n int) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		prev, _ := strconv.Atoi(m[1])
		add(prev)
		for _, n := range refNumber.FindAllStringSubmatch(m[2], -1) {
			k, _ := strconv.Atoi(n[2])
			if n[1] == "à" {
				for i := prev + 1; i <= k; i++ {
					add(i)
				}
			} else {
				add(k)
			}
			prev = k
		}
	}
	return out
}

// ExerciseRefs lists, in order and without repeats, the numbers of the
// handout exercises text cites.
func ExerciseRefs(text string) []int {
	return numberedRefs(exerciseRef, text)
}

// BlockExercises are the numbers of the handout exercises block i of the
// plan cites, in its materials or in its notes: the facilitators send the
// rooms to an exercise in either.
func (p Plan) BlockExercises(i int) []int {
	if i < 0 || i >= len(p.Blocks) {
		return nil
	}
	return ExerciseRefs(p.Blocks[i].Materials + "\n" + p.Blocks[i].Notes)
}

// validateExercises checks the handout against the agenda: every exercise
// a block cites is printed under that number, and every printed exercise
// is the work of exactly one block — one a participant is sent to, or told
// to do after the session, never one the team forgets.
func (p Plan) validateExercises(name *usererr.Error) usererr.List {
	var problems usererr.List
	n := len(p.Handout.Exercises)
	owner := map[int]string{}
	for i, b := range p.Blocks {
		for _, k := range p.BlockExercises(i) {
			switch {
			case k < 1 || k > n:
				problems = append(problems, usererr.New("%s\u00a0: le bloc «\u00a0%s\u00a0» cite l’exercice %d, que le document de la séance (%s) n’a pas.", name, b.Title, k, exerciseCount(n)))
			case owner[k] != "":
				problems = append(problems, usererr.New("%s\u00a0: l’exercice %d est cité par «\u00a0%s\u00a0» et par «\u00a0%s\u00a0».", name, k, owner[k], b.Title))
			default:
				owner[k] = b.Title
			}
		}
	}
	for i, e := range p.Handout.Exercises {
		if owner[i+1] == "" {
			problems = append(problems, usererr.New("%s\u00a0: l’exercice %d du document («\u00a0%s\u00a0») n’est cité par aucun bloc.", name, i+1, e.Title))
		}
	}
	return problems
}

// exerciseCount is « aucun exercice », « 1 exercice », « 3 exercices ».
func exerciseCount(n int) string {
	switch n {
	case 0:
		return "aucun exercice"
	case 1:
		return "1 exercice"
	}
	return fmt.Sprintf("%d exercices", n)
}
