// Package course holds the course itself: the curriculum's session plans,
// the cohorts that run them, and each cohort's dated sessions.
package course

import (
	"fmt"
	"strings"

	"atelier/app/domain/agenda"
	"atelier/app/kit/usererr"
)

// SessionCount is how many sessions the course has.
const SessionCount = 5

// CourseTitle is the official title of the training.
const CourseTitle = "Comment bâtir et soutenir des mouvements décentralisés"

// Concept is a key idea of a session, with the definition handed out.
type Concept struct {
	Term       string
	Definition string
}

// Exercise is a practical exercise printed in the handout with room to write.
type Exercise struct {
	Title        string
	Instructions string
	Questions    []string // each gets blank lines in the handout
}

// Case is a case sheet (« fiche de cas ») printed in the handout: the
// situation a breakout room works on, which the room must be able to read
// without the facilitators' notes.
type Case struct {
	Title string
	Text  string
}

// Handout is the French text printed for participants.
type Handout struct {
	Introduction string
	Cases        []Case // printed before the exercises, lettered A, B, C…
	Exercises    []Exercise
	TakeAway     string // the closing "à retenir" paragraph
}

// Plan is one session of the curriculum, before any cohort dates it.
type Plan struct {
	Number     int
	Title      string // official title, verbatim
	ShortTitle string // for column headers and tabs
	Summary    string
	Objectives []string
	Concepts   []Concept
	Blocks     []agenda.Block
	Handout    Handout
	// Slides is the session's deck; its blocks cite slides by number
	// (« Diaporama, diapos 8 à 15 ») in their materials.
	Slides []Slide
	// Guide is the team's facilitator guide for the session.
	Guide Guide
}

// Validate checks that every field a facilitator relies on is filled and
// that the agenda fills the session exactly.
func (p Plan) Validate() error {
	var l usererr.List
	name := usererr.New("Séance %d", p.Number)
	l.Add(p.Number < 1 || p.Number > SessionCount, "%s : le numéro doit aller de 1 à %d.", name, SessionCount)
	l.Add(strings.TrimSpace(p.Title) == "", "%s : le titre officiel manque.", name)
	l.Add(strings.TrimSpace(p.ShortTitle) == "", "%s : le titre court manque.", name)
	l.Add(strings.TrimSpace(p.Summary) == "", "%s : le résumé manque.", name)
	l.Add(len(p.Objectives) == 0, "%s : aucun objectif d’apprentissage.", name)
	l.Add(len(p.Concepts) == 0, "%s : aucun concept clé.", name)
	l.Add(len(p.Blocks) == 0, "%s : l’agenda est vide.", name)
	for _, o := range p.Objectives {
		l.Add(strings.TrimSpace(o) == "", "%s : un objectif est vide.", name)
	}
	for _, c := range p.Concepts {
		l.Add(strings.TrimSpace(c.Term) == "" || strings.TrimSpace(c.Definition) == "",
			"%s : un concept clé n’a pas de terme ou de définition.", name)
	}
	for _, b := range p.Blocks {
		if err := b.Validate(); err != nil {
			l = append(l, usererr.New("%s : %s", name, err))
		}
		l.Add(strings.TrimSpace(b.Notes) == "", "%s : le bloc « %s » n’a pas de notes d’animation.", name, b.Title)
		l.Add(strings.TrimSpace(b.Materials) == "", "%s : le bloc « %s » n’indique pas son matériel.", name, b.Title)
	}
	l = append(l, p.validateSlides(name)...)
	l = append(l, p.validateGuide(name)...)
	l = append(l, p.validateExercises(name)...)
	if total := agenda.Total(p.Blocks); total != agenda.SessionMinutes {
		l = append(l, usererr.New("%s : l’agenda dure %d min au lieu de %d min.", name, total, agenda.SessionMinutes))
	}
	l.Add(strings.TrimSpace(p.Handout.Introduction) == "", "%s : le texte d’introduction du document manque.", name)
	l.Add(len(p.Handout.Exercises) == 0, "%s : le document n’a aucun exercice.", name)
	for i, c := range p.Handout.Cases {
		l.Add(strings.TrimSpace(c.Title) == "" || strings.TrimSpace(c.Text) == "",
			"%s\u00a0: la fiche de cas %s du document n’a pas de titre ou de texte.", name, CaseLetter(i))
	}
	for _, e := range p.Handout.Exercises {
		l.Add(strings.TrimSpace(e.Title) == "" || strings.TrimSpace(e.Instructions) == "" || len(e.Questions) == 0,
			"%s : un exercice du document est incomplet.", name)
	}
	l.Add(strings.TrimSpace(p.Handout.TakeAway) == "", "%s : le paragraphe « À retenir » manque.", name)
	return l.Err()
}

// PlanFor is the plan of session n among plans; when there is none, a plan
// holding just the number, and false.
func PlanFor(plans []Plan, n int) (Plan, bool) {
	for _, p := range plans {
		if p.Number == n {
			return p, true
		}
	}
	return Plan{Number: n}, false
}

// ShortTitles maps each session number to its short title.
func ShortTitles(plans []Plan) map[int]string {
	m := make(map[int]string, len(plans))
	for _, p := range plans {
		m[p.Number] = p.ShortTitle
	}
	return m
}

// CaseLetter is how the handout and the notes name case sheet i (from 0):
// « A », « B »…, letters so that a room's case is never taken for an
// exercise number.
func CaseLetter(i int) string {
	if i >= 0 && i < 26 {
		return string(rune('A' + i))
	}
	return fmt.Sprint(i + 1)
}
