package config

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"atelier/app/kit/usererr"
)

// system is what the choice of Atelier's folders depends on: the operating
// system and its environment. The real one is host; tests inject others, so
// that the Windows rule is checked on Linux too.
type system struct {
	goos   string
	getenv func(string) string
}

var host = system{goos: runtime.GOOS, getenv: os.Getenv}

var errNoHome = usererr.New("Impossible de trouver le dossier personnel pour y ranger la base de données\u202f; indiquez-en une avec --db.")

// dataDir is the folder of the database and its automatic backups.
//
// On Windows it is %APPDATA%\Atelier, in the person's roaming profile. That
// folder is private without Atelier setting anything: C:\Users\NAME is
// readable only by its owner, SYSTEM and the administrators, and what is
// created under it inherits that ACL; other users of the computer cannot
// read it.
//
// Elsewhere it is $XDG_DATA_HOME/atelier, else ~/.local/share/atelier, as it
// always was on Linux (and on macOS, so that an existing database is found).
func (s system) dataDir() (string, error) {
	if s.goos == "windows" {
		return s.windowsDir()
	}
	if d := s.getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "atelier"), nil
	}
	home := s.home()
	if home == "" {
		return "", errNoHome
	}
	return filepath.Join(home, ".local", "share", "atelier"), nil
}

// configDir is the folder of the preferences and of the journal of files
// being saved: on Windows the data folder itself, so that everything
// Atelier keeps for a person is in one place; elsewhere the system's
// configuration folder (os.UserConfigDir's rule) followed by « atelier ».
func (s system) configDir() (string, error) {
	switch s.goos {
	case "windows":
		return s.windowsDir()
	case "darwin", "ios":
		if home := s.home(); home != "" {
			return filepath.Join(home, "Library", "Application Support", "atelier"), nil
		}
		return "", errNoHome
	}
	if d := s.getenv("XDG_CONFIG_HOME"); d != "" {
		if !filepath.IsAbs(d) {
			return "", usererr.New("Le chemin de $XDG_CONFIG_HOME doit être absolu.")
		}
		return filepath.Join(d, "atelier"), nil
	}
	if home := s.home(); home != "" {
		return filepath.Join(home, ".config", "atelier"), nil
	}
	return "", errNoHome
}

// windowsDir is %APPDATA%\Atelier.
func (s system) windowsDir() (string, error) {
	appData := s.getenv("APPDATA")
	if appData == "" {
		return "", usererr.New("La variable %s n’est pas définie\u202f; indiquez une base de données avec --db.", "%APPDATA%")
	}
	return s.join(appData, "Atelier"), nil
}

func (s system) home() string {
	if s.goos == "plan9" {
		return s.getenv("home")
	}
	return s.getenv("HOME")
}

// join joins with the separator of s's system, so that the Windows paths
// checked on Linux are the ones Windows sees.
func (s system) join(elem ...string) string {
	if s.goos != "windows" || runtime.GOOS == "windows" {
		return filepath.Join(elem...)
	}
	for i := range elem[1:] {
		elem[i+1] = strings.Trim(elem[i+1], `\`)
	}
	return strings.TrimRight(elem[0], `\`) + `\` + strings.Join(elem[1:], `\`)
}

func (s system) dbPath() (string, error) {
	dir, err := s.dataDir()
	if err != nil {
		return "", err
	}
	return s.join(dir, "atelier.db"), nil
}

func (s system) prefsPath() (string, error) {
	dir, err := s.configDir()
	if err != nil {
		return "", err
	}
	return s.join(dir, "preferences.json"), nil
}

func (s system) outboxPath(name string) (string, error) {
	dir, err := s.configDir()
	if err != nil {
		return "", err
	}
	return s.join(dir, "presences-en-attente", name), nil
}

func (s system) journalDir() (string, error) {
	dir, err := s.configDir()
	if err != nil {
		return "", err
	}
	return s.join(dir, "ecritures-en-cours"), nil
}
