package breakout

import "testing"

func TestText(t *testing.T) {
	tests := []struct {
		groups [][]string
		title  string
		want   string
	}{
		{[][]string{{"Awa", "Bruno", "Chloé"}, {"Dany", "Élodie"}}, "Séance 2",
			"Sous-groupes — Séance 2\nGroupe 1\u00a0: Awa, Bruno, Chloé\nGroupe 2\u00a0: Dany, Élodie"},
		{[][]string{{"Awa", "Bruno"}}, "  ", "Sous-groupes\nGroupe 1\u00a0: Awa, Bruno"},
		{nil, "Séance 1", "Sous-groupes — Séance 1"},
	}
	for _, tt := range tests {
		if got := Text(tt.groups, tt.title); got != tt.want {
			t.Errorf("got %q\nwant %q", got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	names := map[int64]string{1: "Awa", 2: "Bruno", 3: "Chloé"}
	got := Names([][]int64{{3, 1}, {2}}, func(id int64) string { return names[id] })
	if want := "Sous-groupes\nGroupe 1\u00a0: Chloé, Awa\nGroupe 2\u00a0: Bruno"; Text(got, "") != want {
		t.Errorf("%q", Text(got, ""))
	}
}
