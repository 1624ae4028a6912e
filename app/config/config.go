// Package config finds where Atelier keeps its files and remembers the
// person's preferences (the interface language, the look) between runs.
package config

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"

	"atelier/app/kit/atomicfile"
	"atelier/app/kit/usererr"
)

// DBEnv names the environment variable that overrides the database path.
const DBEnv = "ATELIER_DB"

// DefaultDBPath is where the database lives when none is named: on Windows
// %APPDATA%\Atelier\atelier.db; elsewhere $XDG_DATA_HOME/atelier/atelier.db,
// else ~/.local/share/atelier/atelier.db (see system.dataDir).
func DefaultDBPath() (string, error) { return host.dbPath() }

// DBPath chooses the database: the --db flag first, then $ATELIER_DB,
// then the team database chosen in « Réglages » (prefs), then the default
// location. Each may be a file or a postgres:// address.
func DBPath(flag string, prefs Prefs) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv(DBEnv); env != "" {
		return env, nil
	}
	if prefs.Team.On {
		return prefs.Team.DSN(), nil
	}
	return DefaultDBPath()
}

// JournalDir is where Atelier notes the folders it is writing a file in
// ($XDG_CONFIG_HOME/atelier/ecritures-en-cours, %APPDATA%\Atelier\… on
// Windows), so that a write cut short leaves nothing behind after the next
// start.
func JournalDir() (string, error) { return host.journalDir() }

// Prefs are the person's choices that outlive a run and do not belong to a
// database (several databases may be opened in turn).
type Prefs struct {
	Language string   `json:"langue"` // "fr" or "en"
	Team     Team     `json:"base_equipe"`
	Look     Look     `json:"affichage"`
	Breakout Breakout `json:"sous_groupes"`
}

// Look is how the window is drawn, chosen in « Réglages » for the eyes and
// the screen of whoever uses this machine, not for a database.
type Look struct {
	BigText      bool `json:"grand_texte"`     // text and what surrounds it about 1.25× larger
	HighContrast bool `json:"contraste_eleve"` // black on white (or white on black), strong colours
}

// Breakout is the last way the breakout groups were formed, offered again
// when the dialog opens: groups of Size people, or ByCount, Groups groups.
// Each number is kept, so that switching back finds it; 0 means not chosen.
type Breakout struct {
	ByCount bool `json:"par_nombre"`
	Size    int  `json:"taille"`
	Groups  int  `json:"nombre"`
}

// PrefsPath is $XDG_CONFIG_HOME/atelier/preferences.json, on Windows
// %APPDATA%\Atelier\preferences.json, beside the database.
func PrefsPath() (string, error) { return host.prefsPath() }

// LoadPrefs reads the preferences; a missing or unreadable file gives the
// defaults (French) rather than an error, since nothing is lost by that.
func LoadPrefs(path string) Prefs {
	p := Prefs{Language: "fr"}
	data, err := os.ReadFile(path)
	if err != nil {
		return p
	}
	var got Prefs
	if json.Unmarshal(data, &got) == nil {
		if got.Language == "fr" || got.Language == "en" {
			p.Language = got.Language
		}
		p.Team = got.Team
		p.Look = got.Look
		p.Breakout = got.Breakout
		// A number edited by hand to nonsense is as good as none.
		p.Breakout.Size, p.Breakout.Groups = max(p.Breakout.Size, 0), max(p.Breakout.Groups, 0)
	}
	return p
}

// SavePrefs writes the preferences through a temp file and a rename, so a
// crash never leaves half a file; the file is private to its owner.
func SavePrefs(path string, p Prefs) error {
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return usererr.NotSaved(path, err)
	}
	return atomicfile.Write(path, 0o600, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}
