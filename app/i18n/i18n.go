// Package i18n sets the interface language before Fyne's lang package is
// first asked for a string, and makes French the default whatever the
// system's locale (Fyne has no call to force a language).
package i18n

import (
	"os"
	"runtime"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"atelier/app/i18n/localefix"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
	"atelier/assets"
)

// current is the language last applied, French until then.
var current atomic.Value // string

// Current is the language Apply last set: the conventions to write
// numbers, dates and error messages in.
func Current() textfmt.Lang {
	if l, _ := current.Load().(string); l == "en" {
		return textfmt.English
	}
	return textfmt.French
}

// Supported lists the interface languages, French first.
var Supported = []string{"fr", "en"}

// Apply makes language ("fr" or "en"; anything else means French) the one
// lang.X answers in. It may be called again to switch; screens built before
// keep their old text, so the caller rebuilds them.
func Apply(language string) error {
	if language != "en" {
		language = "fr"
	}
	localefix.Fix()
	current.Store(language)
	// go-locale, which Fyne reads, takes $LANGUAGE before $LANG unless the
	// locale is C or POSIX, which localefix has ruled out.
	if err := os.Setenv("LANGUAGE", language); err != nil {
		return err
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		return err
	}
	if err := loadErrors(); err != nil {
		return err
	}
	// Windows and macOS give go-locale the system's language through their
	// own calls, not the environment: there the chosen language's strings
	// are given to Fyne as those of the system's locale.
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return overlay(language, lang.SystemLocale())
	}
	return nil
}

// overlay makes lang.X answer in language on a system whose locale is
// system, whatever that locale: the language's translations are added
// again under the system's language (en for en-US), which Fyne then
// matches. Only the language, not the region: Fyne's own strings are
// filed under the language, and a region of ours would hide them.
func overlay(language string, system fyne.Locale) error {
	data, err := assets.Translations.ReadFile("translations/" + language + ".json")
	if err != nil {
		return err
	}
	base, _, _ := strings.Cut(string(system), "-")
	return lang.AddTranslationsForLocale(data, fyne.Locale(base))
}

// loadErrors gives usererr the English of its messages, which the window
// asks for (usererr.MessageIn) when English is the chosen language. The
// command line, which never applies a language, keeps them French.
func loadErrors() error {
	data, err := assets.Errors.ReadFile("errors/en.json")
	if err != nil {
		return err
	}
	return usererr.SetCatalogue(textfmt.English, data)
}
