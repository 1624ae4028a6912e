package filepick

import (
	"testing"
)

func TestFilterString(t *testing.T) {
	got := filterString([]Filter{{"Tableaux", []string{".csv", ".xlsx"}}, {"PDF", []string{"pdf"}}})
	want := "Tableaux\x00*.csv;*.xlsx\x00PDF\x00*.pdf\x00\x00"
	if s := string(utf16ToRunes(got)); s != want {
		t.Errorf("got %q, want %q", s, want)
	}
	if filterString(nil) != nil {
		t.Error("no filters: want no filter string")
	}
}

func utf16ToRunes(b []uint16) []rune {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return r
}
