package breakout

import (
	"strconv"
	"strings"
)

// Text writes the groups to paste into the video tool's chat:
//
//	Sous-groupes — Séance 2
//	Groupe 1 : Awa, Bruno, Chloé
//	Groupe 2 : …
//
// Names are written in the order given. There is no final newline, which
// some chat boxes would take as « send ».
func Text(groups [][]string, title string) string {
	var b strings.Builder
	b.WriteString("Sous-groupes")
	if t := strings.TrimSpace(title); t != "" {
		b.WriteString(" — ")
		b.WriteString(t)
	}
	for i, g := range groups {
		b.WriteString("\nGroupe ")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString("\u00a0: ")
		b.WriteString(strings.Join(g, ", "))
	}
	return b.String()
}

// Names turns groups of ids into groups of names for Text.
func Names(groups [][]int64, name func(id int64) string) [][]string {
	out := make([][]string, len(groups))
	for i, g := range groups {
		out[i] = make([]string, len(g))
		for j, id := range g {
			out[i][j] = name(id)
		}
	}
	return out
}
