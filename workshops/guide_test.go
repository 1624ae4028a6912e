package workshops

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/domain/structure"
)

// What the team needs from each guide beyond what validateGuide demands:
// enough to prepare, questions the plenary can answer, a follow-up short
// enough to be read.
func TestGuideContent(t *testing.T) {
	for _, p := range byNumber(t) {
		t.Run(fmt.Sprintf("séance %d", p.Number), func(t *testing.T) {
			g := p.Guide
			checkCount(t, "checklist items", len(g.Checklist), 6, 10)
			checkCount(t, "shortcuts", len(g.IfLate), 2, 4)

			technique := 0
			for _, r := range g.Roles {
				if r.Support == course.Technique {
					technique++
				}
				if strings.Count(r.Task, ". ") > 0 || !strings.HasSuffix(r.Task, ".") {
					t.Errorf("task of «%s%s%s» is not one sentence: %q", nbsp, r.Block, nbsp, r.Task)
				}
			}
			// The person hosting the call is the one free to run rooms,
			// timer and chat while someone else speaks.
			if technique*2 <= len(g.Roles) {
				t.Errorf("technique supports %d of %d blocks, want most of them", technique, len(g.Roles))
			}

			for _, d := range g.Debriefs {
				checkCount(t, "questions after «"+nbsp+d.Block+nbsp+"»", len(d.Questions), 2, 4)
				for _, q := range d.Questions {
					if !strings.HasSuffix(q, "\u202f?") {
						t.Errorf("debrief question of «%s%s%s» does not end with « ?»: %q", nbsp, d.Block, nbsp, q)
					}
				}
			}

			for _, s := range g.IfLate {
				for _, b := range p.Blocks {
					// The bilan closes the session: shorten it, never drop it.
					if b.Title == s.Block && b.Kind == agenda.Bilan && 2*s.Minutes > b.Minutes {
						t.Errorf("shortcut takes %d of the bilan's %d min", s.Minutes, b.Minutes)
					}
				}
			}

			checkFollowUp(t, g.FollowUp)

			prep := strings.ToLower(strings.Join(g.Checklist, "\n"))
			want := []string{"salles", "document partagé", "lien", "sous-titres", "caméra", "consentement", "présences", "animer en direct", "cohorte", "secours"}
			switch p.Number {
			case 3:
				want = append(want, "canevas atelier structure", "modèle")
			case 5:
				want = append(want, "attestations", "effacer")
			}
			for _, w := range want {
				if !strings.Contains(prep, w) {
					t.Errorf("checklist never mentions %q", w)
				}
			}
		})
	}
}

// The names the course cites: a follow-up is pasted as is, and the app
// fills in neither names nor dates.
var (
	citedPeople = regexp.MustCompile(`\b(Ganz|Freeman|Engler|Saavedra|Moyer|Tattersall|Hammond|Dignam|Bond|Exley|Obama|Sanders)\b`)
	aDate       = regexp.MustCompile(`(?i)\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b|\d{4}|\d+[\x{a0} ]h\b|\d+/\d+`)
	aWord       = regexp.MustCompile(`[\p{L}\p{N}’-]+`)
)

func checkFollowUp(t *testing.T, s string) {
	t.Helper()
	if n := len(aWord.FindAllString(s, -1)); n < 120 || n > 200 {
		t.Errorf("follow-up has %d words, want 120 to 200", n)
	}
	if !strings.Contains(s, "vous") || regexp.MustCompile(`(?i)\b(tu|te|toi|ton|ta|tes)\b`).MatchString(s) {
		t.Errorf("follow-up does not say « vous » throughout:\n%s", s)
	}
	if m := citedPeople.FindString(s); m != "" {
		t.Errorf("follow-up names a person (%s)", m)
	}
	if m := aDate.FindString(s); m != "" {
		t.Errorf("follow-up holds a date or a time (%q)", m)
	}
}

// A broken guide must be refused with an error naming it, whether the file
// itself is wrong or it no longer matches its session's agenda.
func TestLoadRefusesBrokenGuides(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		old, new string // replace the first old by new; old == "" removes the file
		want     string
	}{
		{"TOML syntax", "guide-1.toml", "minutes = 3", "minutes = = 3", "TOML valide"},
		{"unknown key", "guide-2.toml", "cut = ", "couper = ", "couper"},
		{"roles of a block not in the agenda", "guide-2.toml", `block = "Pause"`, `block = "Récréation"`, "pour «\u00a0Récréation\u00a0», le bloc n°\u00a06 est «\u00a0Pause\u00a0»"},
		{"no debrief after a sous-groupes block", "guide-3.toml",
			"[[debriefs]]\nblock = \"Concevoir la structure sur le canevas\"", "[[debriefs]]\nblock = \"Les briques d’une structure\"",
			"pas de questions de retour après «\u00a0Concevoir la structure sur le canevas\u00a0»"},
		{"shortcut longer than its block", "guide-4.toml",
			"block = \"Retour sur les structures de la séance 3\"\nminutes = 3", "block = \"Retour sur les structures de la séance 3\"\nminutes = 7",
			"de 7\u00a0min est impossible (le bloc dure 7\u00a0min)"},
		{"missing guide", "guide-5.toml", "", "", "manque"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plans, err := load(brokenCopy(t, tc.file, tc.old, tc.new))
			if err == nil {
				t.Fatalf("load accepted the broken guide and returned %d plans", len(plans))
			}
			msg := err.Error()
			if !strings.Contains(msg, "Le fichier") || !strings.Contains(msg, tc.file) || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q should name %s and mention %q", msg, tc.file, tc.want)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("error %v is not a *FileError", err)
			}
		})
	}
}

// guideFields lists the guide's texts, which the team reads in the minutes
// before and during a session: they follow the course's typography and
// vocabulary like the handout does.
func guideFields(g course.Guide) []field {
	var out []field
	for i, c := range g.Checklist {
		out = append(out, field{fmt.Sprintf("guide, préparation %d", i+1), c})
	}
	for _, r := range g.Roles {
		out = append(out, field{"guide, rôles de «\u00a0" + r.Block + "\u00a0»", r.Task})
	}
	for _, d := range g.Debriefs {
		for j, q := range d.Questions {
			out = append(out, field{fmt.Sprintf("guide, retour sur «\u00a0%s\u00a0», question %d", d.Block, j+1), q})
		}
	}
	for _, s := range g.IfLate {
		out = append(out, field{"guide, raccourci de «\u00a0" + s.Block + "\u00a0»", s.Cut})
	}
	return append(out, field{"guide, message de suivi", g.FollowUp})
}

// TestProseTypography and TestOneVocabulary see the guide only through
// proseFields: every text of the guide must reach them.
func TestProseFieldsCoverTheGuide(t *testing.T) {
	bad := func(i int) string { return fmt.Sprintf("l'erreur n° %d", i) }
	g := course.Guide{
		Checklist: []string{bad(1), bad(2)},
		Roles:     []course.BlockRoles{{Block: "Accueil", Task: bad(3)}},
		Debriefs:  []course.Debrief{{Block: "Exercice", Questions: []string{bad(4), bad(5)}}},
		IfLate:    []course.Shortcut{{Block: "Exercice", Cut: bad(6)}},
		FollowUp:  bad(7),
	}
	var seen strings.Builder
	for _, f := range proseFields(course.Plan{Guide: g}) {
		if len(typographyProblems(f.text)) > 0 {
			seen.WriteString(f.text + "\n")
		}
	}
	for i := 1; i <= 7; i++ {
		if !strings.Contains(seen.String(), bad(i)+"\n") {
			t.Errorf("the typography check never sees %q", bad(i))
		}
	}
}

// The guides send the team to the app's screens by the names the window
// shows (« Animer en direct », « Participant·e·s › Accueil en séance »):
// a guide that names a button the app does not have, or one renamed since,
// leaves the team searching in the minutes before a session. Every quoted
// name in what the team reads to prepare and run the session must be
// either a name the course gives itself or the app's own label.
func TestGuideNamesRealControls(t *testing.T) {
	labels := appLabels(t)
	plans := byNumber(t)
	names := courseNames(plans)
	for n := 1; n <= len(plans); n++ {
		g := plans[n].Guide
		for _, f := range guideControlFields(g) {
			for _, bad := range unknownControls(f.text, labels, names) {
				t.Errorf("séance %d, %s: «%s%s%s» is neither a name of the course nor a label of assets/translations/fr.json", n, f.where, nbsp, bad, nbsp)
			}
		}
	}
}

// The check itself must catch the mistakes the guides once made.
func TestUnknownControls(t *testing.T) {
	labels := map[string]bool{"Animer en direct": true, "Écran partagé": true, "Participant·e·s": true, "Accueil en séance": true, "Exporter en PNG…": true, "Atelier structure": true}
	names := map[string]bool{"Notre ADN en quatre volets": true}
	q := func(s string) string { return "«" + nbsp + s + nbsp + "»" }
	tests := []struct {
		text string
		want []string
	}{
		{"lancer " + q("Animer en direct") + ", puis " + q("Écran partagé"), nil},
		{"salles pour " + q("Notre ADN en quatre volets"), nil},
		{"dans " + q("Participant·e·s › Accueil en séance"), nil},
		// A shortcut's description is not a button.
		{"puis " + q("Ouvrir l’écran partagé"), []string{"Ouvrir l’écran partagé"}},
		// The structure's ⋮ button has no name: its items do.
		{"en PNG (" + q("Atelier structure › menu ⋮") + ")", []string{"Atelier structure › menu ⋮"}},
		{"avec " + q("Exporter en SVG…") + " et " + q("Exporter en PNG…"), []string{"Exporter en SVG…"}},
		{"aucun nom entre guillemets", nil},
	}
	for _, tc := range tests {
		got := unknownControls(tc.text, labels, names)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("unknownControls(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// quoted is a name between guillemets as the guides write it.
var quoted = regexp.MustCompile(`«\x{a0}([^»]*)\x{a0}»`)

// unknownControls is the quoted names of text that are neither in names
// nor labels of the app; a path « Zone › Onglet » must name each step.
func unknownControls(text string, labels, names map[string]bool) []string {
	var out []string
	for _, m := range quoted.FindAllStringSubmatch(text, -1) {
		name := m[1]
		if names[name] {
			continue
		}
		for _, step := range strings.Split(name, " › ") {
			if !labels[strings.TrimSpace(step)] {
				out = append(out, name)
				break
			}
		}
	}
	return out
}

// guideControlFields is what the team reads to prepare and run the session,
// where the guide may point at the app; the debriefs and the follow-up are
// for participants and quote the course, never a button.
func guideControlFields(g course.Guide) []field {
	var out []field
	for i, c := range g.Checklist {
		out = append(out, field{fmt.Sprintf("préparation %d", i+1), c})
	}
	for _, r := range g.Roles {
		out = append(out, field{"rôles de «" + nbsp + r.Block + nbsp + "»", r.Task})
	}
	for _, s := range g.IfLate {
		out = append(out, field{"raccourci de «" + nbsp + s.Block + nbsp + "»", s.Cut})
	}
	return out
}

// courseNames is every name the course gives itself and a guide may quote:
// sessions, blocks, exercises, case sheets and the canvas's templates.
func courseNames(plans map[int]course.Plan) map[string]bool {
	names := map[string]bool{}
	for _, p := range plans {
		names[p.Title], names[p.ShortTitle] = true, true
		for _, b := range p.Blocks {
			names[b.Title] = true
		}
		for _, e := range p.Handout.Exercises {
			names[e.Title] = true
		}
		for _, c := range p.Handout.Cases {
			names[c.Title] = true
		}
	}
	for _, tpl := range structure.Templates() {
		names[tpl.Name] = true
	}
	return names
}

// appLabels is every text of the French interface. The keyboard help
// (keys.*) is left out: it describes what a shortcut does (« Ouvrir
// l’écran partagé ») and names no control the team could look for.
func appLabels(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile("../assets/translations/fr.json")
	if err != nil {
		t.Fatal(err)
	}
	var entries map[string]any
	if err := json.Unmarshal(data, &entries); err != nil {
		t.Fatalf("fr.json : %v", err)
	}
	labels := map[string]bool{}
	for key, v := range entries {
		if s, ok := v.(string); ok && !strings.HasPrefix(key, "keys.") {
			labels[s] = true
		}
	}
	return labels
}
