package textfmt

import (
	"testing"
	"time"
)

func TestFrench(t *testing.T) {
	loc, err := time.LoadLocation("America/Toronto")
	if err != nil {
		t.Fatal(err)
	}
	wed := time.Date(2026, 11, 4, 18, 30, 0, 0, loc)
	first := time.Date(2026, 12, 1, 9, 0, 0, 0, loc)
	tests := []struct {
		name, got, want string
	}{
		{"long date", French.LongDate(wed), "mercredi 4 novembre 2026"},
		{"first of month", French.Date(first), "1er décembre 2026"},
		{"short date", French.ShortDate(wed), "4 nov. 2026"},
		{"medium date", French.MediumDate(wed), "mer. 4 nov. 2026"},
		{"english medium date", English.MediumDate(wed), "Wed, Nov 4, 2026"},
		{"clock", French.Clock(wed), "18\u00a0h\u00a030"},
		{"clock on the hour", French.Clock(first), "9\u00a0h"},
		{"minutes", French.Minutes(45), "45\u00a0min"},
		{"hour and a half", French.Minutes(90), "1\u00a0h\u00a030"},
		{"two hours", French.Minutes(120), "2\u00a0h"},
		{"overrun", French.Minutes(-5), "−5\u00a0min"},
		{"thousands", French.Int(10000), "10\u00a0000"},
		{"small number", French.Int(999), "999"},
		{"percent", French.Percent(0.854), "85\u00a0%"},
		{"english long date", English.LongDate(wed), "Wednesday, November 4, 2026"},
		{"english clock", English.Clock(wed), "18:30"},
		{"english thousands", English.Int(1234567), "1,234,567"},
		{"english minutes", English.Minutes(90), "1 hr 30 min"},
		{"english hours", English.Minutes(120), "2 hr"},
		{"english short", English.Minutes(45), "45 min"},
		{"english overrun", English.Minutes(-65), "−1 hr 5 min"},
		{"french quote", French.Quote("Séance 2"), "«\u00a0Séance 2\u00a0»"},
		{"english quote", English.Quote("Session 2"), "“Session 2”"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestList(t *testing.T) {
	for _, tt := range []struct {
		l     Lang
		items []string
		want  string
	}{
		{French, nil, ""},
		{French, []string{"Awa"}, "Awa"},
		{French, []string{"Awa", " ", "Bo"}, "Awa et Bo"},
		{French, []string{"Awa", "Bo", "Cy"}, "Awa, Bo et Cy"},
		{English, []string{"Awa", "Bo", "Cy"}, "Awa, Bo and Cy"},
	} {
		if got := tt.l.List(tt.items); got != tt.want {
			t.Errorf("%v.List(%q) = %q, want %q", tt.l, tt.items, got, tt.want)
		}
	}
}

func TestOf(t *testing.T) {
	for _, tt := range []struct {
		l          Lang
		name, want string
	}{
		{French, "Marc", "de Marc"},
		{French, "Hélène", "d’Hélène"},
		{French, "Hugo", "d’Hugo"},
		{French, "Émile", "d’Émile"},
		{French, "Ousmane", "d’Ousmane"},
		{French, "Yves", "d’Yves"},
		{French, "Yannick", "de Yannick"},
		{French, "Hjalmar", "de Hjalmar"},
		{French, "", "de "},
		{English, "Hélène", "of Hélène"},
	} {
		if got := tt.l.Of(tt.name); got != tt.want {
			t.Errorf("%v.Of(%q) = %q, want %q", tt.l, tt.name, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, tt := range []struct {
		l    Lang
		n    int
		want string
	}{
		{French, 0, "0 personne"},
		{French, 1, "1 personne"},
		{French, 2, "2 personnes"},
		{French, 10000, "10\u00a0000 personnes"},
		{English, 0, "0 persons"},
		{English, 1, "1 person"},
		{English, 1500, "1,500 persons"},
	} {
		one, many := "personne", "personnes"
		if tt.l == English {
			one, many = "person", "persons"
		}
		if got := tt.l.Count(tt.n, one, many); got != tt.want {
			t.Errorf("%v.Count(%d) = %q, want %q", tt.l, tt.n, got, tt.want)
		}
	}
}
