package library

import "testing"

func TestSameFacts(t *testing.T) {
	base := Resource{Title: "Chaque voix compte", Source: "Sociocracy For All", Language: "en", HasFrench: true,
		Summary: "Un guide.", Tags: []string{"sociocratie", "décision"}, Sessions: []int{3, 2}}
	same := base
	same.Title = " Chaque voix compte "
	same.Sessions = []int{2, 3, 3}
	same.Tags = []string{"sociocratie", "décision", "sociocratie"}
	same.Favourite, same.FilePath, same.ID = true, "/tmp/x.pdf", 9
	if !SameFacts(base, same) {
		t.Error("what the facilitators add, spaces and order should not count")
	}
	for name, change := range map[string]func(*Resource){
		"title":    func(r *Resource) { r.Title = "Plusieurs voix" },
		"author":   func(r *Resource) { r.Author = "Rau" },
		"url":      func(r *Resource) { r.URL = "https://example.org" },
		"french":   func(r *Resource) { r.HasFrench = false },
		"summary":  func(r *Resource) { r.Summary = "Autre." },
		"tags":     func(r *Resource) { r.Tags = []string{"sociocratie"} },
		"sessions": func(r *Resource) { r.Sessions = []int{3} },
		"language": func(r *Resource) { r.Language = "fr" },
		"original": func(r *Resource) { r.OriginalTitle = "Many Voices One Song" },
		"source":   func(r *Resource) { r.Source = "SoFA" },
	} {
		r := base
		change(&r)
		if SameFacts(base, r) {
			t.Errorf("%s changed, still the same facts", name)
		}
	}
}
