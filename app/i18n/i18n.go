// Package i18n sets the interface language before Fyne's lang package is
// first asked for a string, and makes French the default whatever the
// system's locale (Fyne has no call to force a language).
package i18n

import (
	"os"

	"fyne.io/fyne/v2/lang"

	"atelier/app/i18n/localefix"
	"atelier/assets"
)

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
	// go-locale, which Fyne reads, takes $LANGUAGE before $LANG unless the
	// locale is C or POSIX, which localefix has ruled out.
	if err := os.Setenv("LANGUAGE", language); err != nil {
		return err
	}
	return lang.AddTranslationsFS(assets.Translations, "translations")
}
