// Command atelier is the facilitators' desktop app for the course « Comment
// bâtir et soutenir des mouvements décentralisés ». With no command it opens
// the window; see `atelier help` for the commands.
//
// This package only wires: it is the one place that imports
// fyne.io/fyne/v2/app, which needs cgo and OpenGL.
package main

import (
	"log"
	"os"
	// The time zones of the cohorts (America/Toronto…) are built in:
	// Windows has no zoneinfo database, and without it a first start
	// there cannot create its first cohort.
	_ "time/tzdata"

	"fyne.io/fyne/v2/app"

	"atelier/app/cli"
	"atelier/app/config"
	"atelier/app/i18n"
	"atelier/app/service"
	"atelier/app/ui"
	"atelier/assets"
	"atelier/workshops"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// appID names the app to Fyne (its preferences and storage folder).
const appID = "org.atelier.animation"

func main() {
	attachConsole()
	log.SetOutput(os.Stderr)
	log.SetFlags(0)
	log.SetPrefix("atelier : ")
	plans := workshops.MustPlans()
	journal, err := config.JournalDir()
	if err != nil {
		log.Printf("no folder for the journal of files being saved: %v", err)
	}
	prefsPath, err := config.PrefsPath()
	if err != nil {
		log.Printf("no preferences folder: %v", err)
	}
	os.Exit(cli.Run(os.Args[1:], cli.Env{
		Prefs:     config.LoadPrefs(prefsPath),
		Journal:   journal,
		Stdout:    os.Stdout,
		Stderr:    os.Stderr,
		Version:   version,
		Plans:     plans,
		Catalogue: workshops.Catalogue(),
		GUI: func(svc *service.Service, openErr error) error {
			return runGUI(svc, openErr)
		},
	}))
}

// runGUI opens the main window on svc, or a window explaining why the
// database could not be opened.
func runGUI(svc *service.Service, openErr error) error {
	prefsPath, err := config.PrefsPath()
	if err != nil {
		log.Printf("no preferences folder: %v", err)
		prefsPath = ""
	}
	prefs := config.LoadPrefs(prefsPath)
	// The language must be in place before Fyne's lang package is first asked.
	if err := i18n.Apply(prefs.Language); err != nil {
		log.Printf("translations: %v", err)
	}
	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	if openErr != nil {
		ui.ShowStartupError(a, openErr)
		return nil
	}
	ui.New(a, svc, ui.Options{
		PrefsPath: prefsPath,
		Language:  prefs.Language,
		Version:   version,
		Who:       prefs.Team.Who,
	}).ShowAndRun()
	return nil
}
