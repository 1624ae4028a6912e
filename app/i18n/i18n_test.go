package i18n

import (
	"encoding/json"
	"os"
	"testing"

	"fyne.io/fyne/v2/lang"

	"atelier/assets"
)

func TestFrenchByDefaultOnAnEnglishSystem(t *testing.T) {
	tests := []struct {
		name, env, pick, want string
	}{
		{"english system, french chosen", "en_US.UTF-8", "fr", "Séances"},
		{"english system, nothing chosen", "en_US.UTF-8", "", "Séances"},
		{"english chosen", "fr_CA.UTF-8", "en", "Sessions"},
		{"C locale", "C", "fr", "Séances"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANGUAGE", "")
			t.Setenv("LANG", tt.env)
			if err := Apply(tt.pick); err != nil {
				t.Fatal(err)
			}
			if got := lang.X("nav.sessions", "?"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if v := os.Getenv("LANG"); v == "C" {
				t.Errorf("LANG left at C")
			}
		})
	}
}

// TestLanguageWhateverTheSystemSays is Windows' case, where Fyne reads the
// system's language from the system and not from $LANGUAGE: the chosen
// language must win over a system in German, which Atelier does not speak.
func TestLanguageWhateverTheSystemSays(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "de_DE.UTF-8")
	t.Setenv("LANGUAGE", "de")
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatal(err)
	}
	if got := lang.X("nav.sessions", "?"); got != "?" {
		t.Fatalf("the test's system is not German: %q", got)
	}
	for _, tt := range []struct{ pick, want string }{{"fr", "Séances"}, {"en", "Sessions"}, {"fr", "Séances"}} {
		if err := overlay(tt.pick, "de-DE"); err != nil {
			t.Fatal(err)
		}
		if got := lang.X("nav.sessions", "?"); got != tt.want {
			t.Errorf("%s chosen on a German system: got %q, want %q", tt.pick, got, tt.want)
		}
	}
	t.Cleanup(func() { _ = Apply("fr") })
}

// pluralForms are the forms CLDR gives each language for whole numbers:
// French says « many » from a million on (« 1 000 000 de personnes »), and
// a message without it falls back to the singular there.
var pluralForms = map[string][]string{"fr": {"one", "many", "other"}, "en": {"one", "other"}}

// TestEveryKeyTranslated reads the sources for lang calls and checks that
// both translation files hold exactly those keys, and that the French file
// agrees with the French fallbacks written in the code.
// fyneKeys are the words of Fyne's own widgets that Fyne's translations
// lack, which Atelier's files give them: the parent folder's row in Fyne's
// file browser.
var fyneKeys = map[string]bool{"(Parent)": true}

func TestEveryKeyTranslated(t *testing.T) {
	used, unread := langKeys(t, "..")
	for _, u := range unread {
		t.Error(u)
	}
	if len(used) < 20 {
		t.Fatalf("found only %d keys: is the scan looking at the right folder?", len(used))
	}
	for _, language := range Supported {
		data, err := assets.Translations.ReadFile("translations/" + language + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var file map[string]json.RawMessage
		if err := json.Unmarshal(data, &file); err != nil {
			t.Fatalf("%s.json: %v", language, err)
		}
		for key, c := range used {
			fallback := c.fallback
			raw, ok := file[key]
			if !ok {
				t.Errorf("%s.json lacks %q", language, key)
				continue
			}
			var got string
			if json.Unmarshal(raw, &got) != nil {
				// A plural: {"one": …, "other": …}; the fallback is the singular.
				var plural map[string]string
				if err := json.Unmarshal(raw, &plural); err != nil || plural["other"] == "" {
					t.Errorf("%s.json %q is neither a string nor a plural with « other »", language, key)
					continue
				}
				got = plural["one"]
				for _, form := range pluralForms[language] {
					if plural[form] == "" {
						t.Errorf("%s.json %q lacks the plural form %q", language, key, form)
					}
				}
			}
			if language == "fr" && got != fallback {
				t.Errorf("fr.json %q = %q, but the code falls back to %q", key, got, fallback)
			}
		}
		for key := range file {
			if _, ok := used[key]; !ok && !fyneKeys[key] {
				t.Errorf("%s.json has %q, which no code uses", language, key)
			}
		}
	}
}

// The interface is written as docs/french.md asks, in one way: a narrow
// no-break space before « ; ? ! », a no-break space before « : » and
// inside « », the typographic apostrophe, the point médian, one
// vocabulary (frenchSlips).
func TestFrenchTypography(t *testing.T) {
	for key, texts := range translationTexts(t, "fr") {
		for _, s := range texts {
			for _, slip := range frenchSlips(s) {
				t.Errorf("fr.json %q: %s, in %q", key, slip, s)
			}
		}
	}
}

// translationTexts reads assets/translations/<language>.json: each key's
// text, or its plural forms' texts.
func translationTexts(t *testing.T, language string) map[string][]string {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + language + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var file map[string]json.RawMessage
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	out := make(map[string][]string, len(file))
	for key, raw := range file {
		var one string
		if json.Unmarshal(raw, &one) == nil {
			out[key] = []string{one}
			continue
		}
		var plural map[string]string
		if err := json.Unmarshal(raw, &plural); err != nil {
			t.Errorf("%s.json %q: %v", language, key, err)
		}
		for _, s := range plural {
			out[key] = append(out[key], s)
		}
	}
	return out
}
