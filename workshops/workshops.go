// Package workshops holds the curriculum as data: the five session plans of
// the course (objectives, key concepts, timed agenda, handout text), written
// in French in TOML files embedded into the binary. Keeping the content out
// of Go code lets the people who write it edit prose without touching code;
// Plans turns the files into validated course.Plan values.
package workshops

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/kit/usererr"
)

//go:embed seance-*.toml diapos-*.toml guide-*.toml
var files embed.FS

// pattern matches the session files, both in the embedded set and in tests.
const pattern = "seance-*.toml"

// deckName is the file of session n's slide deck.
func deckName(n int) string { return fmt.Sprintf("diapos-%d.toml", n) }

type deckFile struct {
	Slides []slideFile `toml:"slides"`
}

type slideFile struct {
	Title       string   `toml:"title"`
	Lines       []string `toml:"lines"`
	Quote       string   `toml:"quote"`
	QuoteSource string   `toml:"quote_source"`
	Notes       string   `toml:"notes"`
}

// The file structs carry the TOML tags so the domain types stay free of any
// storage format.
type planFile struct {
	Number     int           `toml:"number"`
	Title      string        `toml:"title"`
	ShortTitle string        `toml:"short_title"`
	Summary    string        `toml:"summary"`
	Objectives []string      `toml:"objectives"`
	Concepts   []conceptFile `toml:"concepts"`
	Blocks     []blockFile   `toml:"blocks"`
	Handout    handoutFile   `toml:"handout"`
}

type conceptFile struct {
	Term       string `toml:"term"`
	Definition string `toml:"definition"`
}

type blockFile struct {
	Title       string `toml:"title"`
	Kind        string `toml:"kind"`
	Minutes     int    `toml:"minutes"`
	Notes       string `toml:"notes"`
	Materials   string `toml:"materials"`
	Facilitator string `toml:"facilitator"`
}

type handoutFile struct {
	Introduction string         `toml:"introduction"`
	Cases        []caseFile     `toml:"cases"`
	Exercises    []exerciseFile `toml:"exercises"`
	TakeAway     string         `toml:"take_away"`
}

type caseFile struct {
	Title string `toml:"title"`
	Text  string `toml:"text"`
}

type exerciseFile struct {
	Title        string   `toml:"title"`
	Instructions string   `toml:"instructions"`
	Questions    []string `toml:"questions"`
}

// Plans decodes and validates the five embedded session plans and returns
// them sorted by number. The error, in French, names the faulty file.
func Plans() ([]course.Plan, error) {
	return load(files)
}

// MustPlans is Plans for callers that rely on the embedded data being good
// (tests, program start-up); the tests of this package guarantee it is.
func MustPlans() []course.Plan {
	plans, err := Plans()
	if err != nil {
		panic(err)
	}
	return plans
}

// FileError reports a problem in one session file. Its text is a French
// sentence naming the file, ready to show to a person; Err, when set, is the
// underlying cause (a TOML syntax error, the plan's validation problems).
type FileError struct {
	File    string
	Problem string // completes « Le fichier X … », e.g. « n’est pas un TOML valide »
	Err     error
}

func (e *FileError) Error() string {
	s := "Le fichier " + e.File + " " + e.Problem
	if e.Err == nil {
		return s + "."
	}
	sep := "\u00a0: "
	if strings.Contains(e.Err.Error(), "\n") {
		sep = "\u00a0:\n"
	}
	return s + sep + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// load reads every session file of fsys; tests feed it broken files.
func load(fsys fs.FS) ([]course.Plan, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err // only for a malformed pattern, which is a constant
	}
	plans := make([]course.Plan, 0, len(names))
	for _, name := range names {
		// loadFile ties each file's name to its number, so numbers are unique.
		p, err := loadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}
	// Every other count problem (number 0 or 6) already failed validation,
	// so what is left to report is a missing file.
	if len(plans) != course.SessionCount {
		var missing []string
		for n := 1; n <= course.SessionCount; n++ {
			if name := fmt.Sprintf("seance-%d.toml", n); !slices.Contains(names, name) {
				missing = append(missing, name)
			}
		}
		return nil, usererr.List{usererr.New("Fichier de séance manquant\u00a0: %s.", strings.Join(missing, ", "))}.Err()
	}
	sort.Slice(plans, func(i, j int) bool { return plans[i].Number < plans[j].Number })
	return plans, nil
}

// loadFile decodes one session file, checks that its name matches its
// number, attaches its deck and guide, and validates the resulting plan.
func loadFile(fsys fs.FS, name string) (course.Plan, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return course.Plan{}, &FileError{File: name, Problem: "n’a pas pu être lu", Err: err}
	}
	var pf planFile
	if err := decodeStrict(name, data, &pf); err != nil {
		return course.Plan{}, err
	}
	if want := fmt.Sprintf("seance-%d.toml", pf.Number); name != want {
		return course.Plan{}, &FileError{File: name, Problem: fmt.Sprintf("contient la séance numéro %d; il devrait s’appeler %s", pf.Number, want)}
	}
	p := pf.plan()
	if p.Slides, err = loadDeck(fsys, pf.Number); err != nil {
		return course.Plan{}, err
	}
	if p.Guide, err = loadGuide(fsys, pf.Number); err != nil {
		return course.Plan{}, err
	}
	// The plan is validated with its guide, whose roles, debriefs and
	// shortcuts name the agenda's blocks: a problem may lie in either file.
	if err := p.Validate(); err != nil {
		return course.Plan{}, &FileError{File: name, Problem: "ou son guide " + guideName(pf.Number) + " est incomplet ou incorrect", Err: err}
	}
	return p, nil
}

// loadDeck decodes session n's deck. A session without one has no slides,
// which its validation reports if its agenda cites some.
func loadDeck(fsys fs.FS, n int) ([]course.Slide, error) {
	name := deckName(n)
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &FileError{File: name, Problem: "n’a pas pu être lu", Err: err}
	}
	var df deckFile
	if err := decodeStrict(name, data, &df); err != nil {
		return nil, err
	}
	slides := make([]course.Slide, len(df.Slides))
	for i, s := range df.Slides {
		slides[i] = course.Slide{Title: strings.TrimSpace(s.Title), Lines: trimAll(s.Lines),
			Quote: strings.TrimSpace(s.Quote), QuoteSource: strings.TrimSpace(s.QuoteSource), Notes: strings.TrimSpace(s.Notes)}
	}
	return slides, nil
}

// decodeStrict decodes the TOML file name into v and refuses a key v has no
// field for: a misspelt key would otherwise silently leave a field empty.
func decodeStrict(name string, data []byte, v any) error {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return &FileError{File: name, Problem: "n’est pas un TOML valide", Err: err}
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		keys := make([]string, len(undecoded))
		for i, k := range undecoded {
			keys[i] = k.String()
		}
		return &FileError{File: name, Problem: "contient des clés inconnues\u00a0: " + strings.Join(keys, ", ")}
	}
	return nil
}

// plan maps the file onto the domain type. Multi-line TOML strings keep
// their surrounding newlines, so every text is trimmed.
func (f planFile) plan() course.Plan {
	p := course.Plan{
		Number:     f.Number,
		Title:      strings.TrimSpace(f.Title),
		ShortTitle: strings.TrimSpace(f.ShortTitle),
		Summary:    strings.TrimSpace(f.Summary),
		Objectives: trimAll(f.Objectives),
		Handout: course.Handout{
			Introduction: strings.TrimSpace(f.Handout.Introduction),
			TakeAway:     strings.TrimSpace(f.Handout.TakeAway),
		},
	}
	for _, c := range f.Concepts {
		p.Concepts = append(p.Concepts, course.Concept{
			Term:       strings.TrimSpace(c.Term),
			Definition: strings.TrimSpace(c.Definition),
		})
	}
	for _, b := range f.Blocks {
		p.Blocks = append(p.Blocks, agenda.Block{
			Title:       strings.TrimSpace(b.Title),
			Kind:        agenda.Kind(strings.TrimSpace(b.Kind)),
			Minutes:     b.Minutes,
			Facilitator: strings.TrimSpace(b.Facilitator),
			Notes:       strings.TrimSpace(b.Notes),
			Materials:   strings.TrimSpace(b.Materials),
		})
	}
	for _, c := range f.Handout.Cases {
		p.Handout.Cases = append(p.Handout.Cases, course.Case{Title: strings.TrimSpace(c.Title), Text: strings.TrimSpace(c.Text)})
	}
	for _, e := range f.Handout.Exercises {
		p.Handout.Exercises = append(p.Handout.Exercises, course.Exercise{
			Title:        strings.TrimSpace(e.Title),
			Instructions: strings.TrimSpace(e.Instructions),
			Questions:    trimAll(e.Questions),
		})
	}
	return p
}

func trimAll(in []string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = strings.TrimSpace(s)
	}
	return out
}
