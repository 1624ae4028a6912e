package library

import (
	"strings"
	"testing"
)

func TestResourceValidate(t *testing.T) {
	ok := Resource{Title: "L’organisation distribuée", Source: "The Commons Library", Language: "en", URL: "https://commonslibrary.org/", Sessions: []int{2}}
	tests := []struct {
		name   string
		change func(*Resource)
		want   string
	}{
		{"ok", func(*Resource) {}, ""},
		{"no url is fine", func(r *Resource) { r.URL = "" }, ""},
		{"no title", func(r *Resource) { r.Title = "" }, "titre"},
		{"no source", func(r *Resource) { r.Source = "" }, "source"},
		{"language", func(r *Resource) { r.Language = "français" }, "deux lettres"},
		{"not a web link", func(r *Resource) { r.URL = "javascript:alert(1)" }, "lien web"},
		{"session 6", func(r *Resource) { r.Sessions = []int{6} }, "séance 6"},
	}
	for _, tt := range tests {
		r := ok
		tt.change(&r)
		err := r.Validate()
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}
