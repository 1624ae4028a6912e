package librarycsv

import (
	"strings"
	"testing"
)

// TestReadUnclosedQuote: a quote that never closes used to make the rows
// after it one giant title. The line is reported, the rows after it kept.
func TestReadUnclosedQuote(t *testing.T) {
	data := "titre,source,langue\n" +
		"Première,Momentum,fr\n" +
		"\"Deuxième,Momentum,fr\n" + // 3: never closed
		"Troisième,Momentum,fr\n" +
		"Quatrième,Momentum,fr\n"
	got, problems, err := Read(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if titles := strings.Join(titlesOf(got), "|"); titles != "Première|Troisième|Quatrième" {
		t.Errorf("kept %q", titles)
	}
	if len(problems) != 1 || problems[0].Line != 3 ||
		!strings.HasPrefix(problems[0].String(), "Ligne 3\u00a0: Guillemet ouvrant sans guillemet fermant (") {
		t.Errorf("problems %q", problems)
	}
}

// TestReadOneInvalidByte: one Windows-1252 byte in a UTF-8 file keeps the
// file UTF-8 (no « Ã© » anywhere) and names the line.
func TestReadOneInvalidByte(t *testing.T) {
	data := "titre,source,langue\nÉlan,Œuvre,fr\nCaf\xe9,Momentum,fr\nRéseau,Momentum,fr\n"
	got, problems, err := Read(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if titles := strings.Join(titlesOf(got), "|"); titles != "Élan|Caf\ufffd|Réseau" || got[0].Source != "Œuvre" {
		t.Errorf("kept %q, %q", titles, got[0].Source)
	}
	if len(problems) != 1 || problems[0].Line != 3 || !strings.Contains(problems[0].Reason.Error(), "illisibles") {
		t.Errorf("problems %q", problems)
	}
}
