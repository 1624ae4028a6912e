// Package localefix replaces a C or POSIX locale (or none) by C.UTF-8 in the
// process environment when the program starts.
//
// It must run before Fyne's lang package reads the locale in its own init,
// which logs an error on "C". Go initialises packages in import-path order
// among those whose imports are ready; this one imports only os and sorts
// before fyne.io, so its init comes first in any binary that links it.
package localefix

import "os"

func init() { Fix() }

// Fix makes the first locale variable that is set (LC_ALL, LC_MESSAGES, then
// LANG) a UTF-8 one if it was C or POSIX, and sets LANG when none is. Under
// such a locale, which names no language, it also sets $LANGUAGE to French
// when it is empty: Fyne would otherwise try to read "C" as a language.
func Fix() {
	name := "LANG"
	for _, n := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if os.Getenv(n) != "" {
			name = n
			break
		}
	}
	switch os.Getenv(name) {
	case "", "C", "POSIX":
		os.Setenv(name, "C.UTF-8")
	case "C.UTF-8", "C.utf8", "POSIX.UTF-8":
	default:
		return
	}
	if os.Getenv("LANGUAGE") == "" {
		os.Setenv("LANGUAGE", "fr")
	}
}
