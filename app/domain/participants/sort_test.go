package participants

import (
	"strings"
	"testing"
)

func TestSortByName(t *testing.T) {
	list := []Participant{{Name: "Zoë"}, {Name: "élodie"}, {Name: "Eric"}, {Name: "Œuvray"}, {Name: "Odile"}, {Name: "Emma"}, {Name: "Ébène"}}
	SortByName(list)
	var got []string
	for _, p := range list {
		got = append(got, p.Name)
	}
	want := "Ébène élodie Emma Eric Odile Œuvray Zoë"
	if strings.Join(got, " ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, " "), want)
	}
}
