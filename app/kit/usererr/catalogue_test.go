package usererr

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"atelier/app/kit/textfmt"
)

// catalogue stands for assets/errors/en.json, which app/i18n loads.
const catalogue = `{
	"La séance %d de la cohorte «\u00a0%s\u00a0» est introuvable.": "Session %d of the cohort “%s” cannot be found.",
	"Impossible d’enregistrer %s": "Could not save %s",
	"les présences": "the attendance",
	"%s\u00a0: le disque est plein.": "%s: the disk is full.",
	"%s personne": "%s person",
	"%s personnes": "%s people",
	"La place %s est libre le %s.": "The seat %s is free on %s.",
	"Le nom est obligatoire.": "The name is required.",
	"%[1]s avant %[2]s": "%[2]s after %[1]s"
}`

func withCatalogue(t *testing.T) {
	t.Helper()
	if err := SetCatalogue(textfmt.English, []byte(catalogue)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { catalogues.Delete(textfmt.English) })
}

func TestMessageInEnglish(t *testing.T) {
	withCatalogue(t)
	day := time.Date(2026, 11, 4, 18, 30, 0, 0, time.UTC)
	failed := New("Impossible d’enregistrer %s", Phrase("les présences"))
	for _, c := range []struct {
		name   string
		err    error
		fr, en string
	}{
		{"format and arguments", New("La séance %d de la cohorte «\u00a0%s\u00a0» est introuvable.", 3, "Automne"),
			"La séance 3 de la cohorte «\u00a0Automne\u00a0» est introuvable.", "Session 3 of the cohort “Automne” cannot be found."},
		{"a message as argument", Wrap(errors.New("disk full"), "%s\u00a0: le disque est plein.", failed),
			"Impossible d’enregistrer les présences\u00a0: le disque est plein.", "Could not save the attendance: the disk is full."},
		{"plural by each language's rule", New("%s", Plural(0, "%s personne", "%s personnes")), "0 personne", "0 people"},
		{"numbers grouped", New("%s", Plural(10000, "%s personne", "%s personnes")), "10\u00a0000 personnes", "10,000 people"},
		{"names and dates", New("La place %s est libre le %s.", Of("Hélène"), Date(day)),
			"La place d’Hélène est libre le 4 novembre 2026.", "The seat of Hélène is free on November 4, 2026."},
		{"reordered arguments", New("%[1]s avant %[2]s", "A", "B"), "A avant B", "B after A"},
		{"list", List{New("Le nom est obligatoire."), New("Élément introuvable.")},
			"Le nom est obligatoire.\nÉlément introuvable.", "The name is required.\nÉlément introuvable."},
		{"wrapped in fmt", fmt.Errorf("saving: %w", New("Le nom est obligatoire.")), "Le nom est obligatoire.", "The name is required."},
		{"reason of another error", New("%s", Reason(New("Le nom est obligatoire."))), "Le nom est obligatoire.", "The name is required."},
	} {
		if got := Message(c.err); got != c.fr {
			t.Errorf("%s: French %q, want %q", c.name, got, c.fr)
		}
		if got := c.err.Error(); got != c.fr && !strings.HasSuffix(got, ": "+c.fr) {
			t.Errorf("%s: Error() %q, want the French %q", c.name, got, c.fr)
		}
		if got := MessageIn(textfmt.English, c.err); got != c.en {
			t.Errorf("%s: English %q, want %q", c.name, got, c.en)
		}
	}
}

// Without a catalogue, or for a format it lacks, the message stays French
// rather than showing nothing.
func TestMessageInEnglishFallsBackToFrench(t *testing.T) {
	e := New("La séance %d de la cohorte «\u00a0%s\u00a0» est introuvable.", 3, "Automne")
	if got := MessageIn(textfmt.English, e); got != e.Error() {
		t.Errorf("no catalogue: %q", got)
	}
	withCatalogue(t)
	if got, want := MessageIn(textfmt.English, New("Phrase absente.")), "Phrase absente."; got != want {
		t.Errorf("missing entry: %q, want %q", got, want)
	}
	if err := SetCatalogue(textfmt.English, []byte("{")); err == nil {
		t.Error("a broken catalogue was accepted")
	}
}

// The system's own failures, which usererr words itself, are in the
// catalogue too; the driver's text never shows in either language.
func TestSystemMessageInEnglish(t *testing.T) {
	if err := SetCatalogue(textfmt.English, []byte(`{"Une erreur inattendue est survenue. Réessayez\u202f; si elle revient, le détail technique est dans le journal d’Atelier.": "Something unexpected went wrong."}`)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { catalogues.Delete(textfmt.English) })
	driver := errors.New("database is locked (5)")
	if got := MessageIn(textfmt.English, driver); got != "Something unexpected went wrong." {
		t.Errorf("unexpected: %q", got)
	}
	if got := Message(driver); got != Unexpected || strings.Contains(got, "locked") {
		t.Errorf("French unexpected: %q", got)
	}
}

func TestClauses(t *testing.T) {
	withCatalogue(t)
	e := New("%s", Clauses(Phrase("les présences"), New("Le nom est obligatoire.")))
	if got, want := e.Error(), "les présences\u202f; le nom est obligatoire"; got != want {
		t.Errorf("French %q, want %q", got, want)
	}
	if got, want := e.In(textfmt.English), "the attendance; the name is required"; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
}
