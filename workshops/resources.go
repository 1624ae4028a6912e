package workshops

import (
	_ "embed"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"atelier/app/domain/library"
)

// resourcesFile is the name of the embedded catalogue, used in error messages.
const resourcesFile = "resources.toml"

// The catalogue of resources shipped with the course: the French library the
// course promises, written as [[resource]] tables.
//
//go:embed resources.toml
var resourcesTOML string

// catalogueFile carries the TOML tags so library.Resource stays free of any
// storage format.
type catalogueFile struct {
	Resources []resourceFile `toml:"resource"`
}

type resourceFile struct {
	Title         string   `toml:"title"`
	OriginalTitle string   `toml:"original_title"`
	Source        string   `toml:"source"`
	Author        string   `toml:"author"`
	Language      string   `toml:"language"`
	HasFrench     bool     `toml:"has_french"`
	URL           string   `toml:"url"`
	Summary       string   `toml:"summary"`
	Tags          []string `toml:"tags"`
	Sessions      []int    `toml:"sessions"`
}

// Resources decodes and validates the embedded catalogue and returns it in
// French alphabetical order of title. The error, in French, names the file
// and, when it can, the faulty entry.
func Resources() ([]library.Resource, error) {
	return loadResources(resourcesTOML)
}

// MustResources is Resources for callers that rely on the embedded catalogue
// being good (tests, program start-up); the tests of this package guarantee it.
func MustResources() []library.Resource {
	list, err := Resources()
	if err != nil {
		panic(err)
	}
	return list
}

// loadResources turns the text of a catalogue into sorted, validated
// resources; tests feed it broken catalogues.
func loadResources(data string) ([]library.Resource, error) {
	var cf catalogueFile
	md, err := toml.Decode(data, &cf)
	if err != nil {
		return nil, &FileError{File: resourcesFile, Problem: "n’est pas un TOML valide", Err: err}
	}
	// A misspelt key would otherwise silently leave a field empty.
	if len(md.Undecoded()) > 0 {
		return nil, unknownKeys(data, md)
	}
	if len(cf.Resources) == 0 {
		return nil, &FileError{File: resourcesFile, Problem: "ne contient aucune ressource ([[resource]])"}
	}

	list := make([]library.Resource, 0, len(cf.Resources))
	seen := make(map[string]int, len(cf.Resources))
	for i, f := range cf.Resources {
		r := f.resource()
		if err := r.Validate(); err != nil {
			return nil, &FileError{File: resourcesFile, Problem: "décrit mal " + entryName(i, r.Title), Err: err}
		}
		key := strings.ToLower(r.Title)
		if first, dup := seen[key]; dup {
			return nil, &FileError{File: resourcesFile, Problem: fmt.Sprintf("reprend dans %s le titre de la ressource n°\u00a0%d", entryName(i, r.Title), first+1)}
		}
		seen[key] = i
		list = append(list, r)
	}
	sortByTitle(list)
	return list, nil
}

// entryName names the i-th (from 0) entry of the catalogue for a person:
// « la ressource n° 3 (« Titre ») ».
func entryName(i int, title string) string {
	if title == "" {
		return fmt.Sprintf("la ressource n°\u00a0%d", i+1)
	}
	return fmt.Sprintf("la ressource n°\u00a0%d («\u00a0%s\u00a0»)", i+1, title)
}

// unknownKeys builds the error for keys that match no field. The TOML
// metadata names a key inside an array of tables without its index, so the
// file is read again as plain maps to find which entry holds it.
func unknownKeys(data string, md toml.MetaData) error {
	var raw struct {
		Resources []map[string]any `toml:"resource"`
	}
	if _, err := toml.Decode(data, &raw); err == nil {
		known := resourceKeys()
		for i, entry := range raw.Resources {
			var bad []string
			for k := range entry {
				if !slices.Contains(known, k) {
					bad = append(bad, k)
				}
			}
			if len(bad) > 0 {
				sort.Strings(bad)
				title, _ := entry["title"].(string)
				return &FileError{File: resourcesFile, Problem: fmt.Sprintf("contient dans %s des clés inconnues\u00a0: %s", entryName(i, strings.TrimSpace(title)), strings.Join(bad, ", "))}
			}
		}
	}
	// Not inside an entry: a key at the top of the file.
	undecoded := md.Undecoded()
	keys := make([]string, len(undecoded))
	for i, k := range undecoded {
		keys[i] = k.String()
	}
	return &FileError{File: resourcesFile, Problem: "contient des clés inconnues\u00a0: " + strings.Join(keys, ", ")}
}

// resourceKeys lists the keys an entry may hold, read from the struct tags so
// the list cannot drift from the fields.
func resourceKeys() []string {
	t := reflect.TypeFor[resourceFile]()
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		keys = append(keys, strings.Split(t.Field(i).Tag.Get("toml"), ",")[0])
	}
	return keys
}

// resource maps one entry onto the domain type, trimming every text.
func (f resourceFile) resource() library.Resource {
	return library.Resource{
		Title:         strings.TrimSpace(f.Title),
		OriginalTitle: strings.TrimSpace(f.OriginalTitle),
		Source:        strings.TrimSpace(f.Source),
		Author:        strings.TrimSpace(f.Author),
		Language:      strings.TrimSpace(f.Language),
		HasFrench:     f.HasFrench,
		URL:           strings.TrimSpace(f.URL),
		Summary:       strings.TrimSpace(f.Summary),
		Tags:          trimAll(f.Tags),
		Sessions:      slices.Clone(f.Sessions),
	}
}

// sortByTitle orders resources the French way: accents and case only break
// ties (« Éducation » sorts with the E, between « Ecole » and « Fable »).
func sortByTitle(list []library.Resource) {
	c := collate.New(language.French)
	slices.SortStableFunc(list, func(a, b library.Resource) int {
		return c.CompareString(a.Title, b.Title)
	})
}
