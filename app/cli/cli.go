// Package cli is Atelier's command line: the same binary opens the window
// when given no command, and runs scripted commands otherwise. Messages are
// in French; errors go to stderr with a non-zero exit status.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"atelier/app/config"
	"atelier/app/domain/course"
	"atelier/app/domain/library"
	"atelier/app/kit/usererr"
	"atelier/app/service"
	"atelier/app/store"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1 // the command ran and failed
	ExitUsage = 2 // the command line was wrong
)

// Env is what a run needs from the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	Version        string
	Plans          []course.Plan
	Catalogue      library.Catalogue // the catalogue shipped in workshops/, with its corrections
	// Now is the one clock of the run: the store, the application layer
	// and the window all read it. nil means time.Now.
	Now func() time.Time
	// Journal is the folder where the files being saved are noted
	// (config.JournalDir), so that the temp files of a save cut short are
	// removed at the next start; "" keeps no notes.
	Journal string
	// GUI opens the window on svc. When the database could not be opened,
	// svc is nil and openErr says why, so the window can tell the person.
	GUI func(svc *service.Service, openErr error) error
	// Prefs are the person's saved choices: the team database chosen in
	// the window's « Réglages » is the database when neither --db nor
	// ATELIER_DB names one.
	Prefs config.Prefs
}

const usage = `Atelier — l’outil des personnes animatrices du cours
« Comment bâtir et soutenir des mouvements décentralisés ».

Utilisation :
  atelier [--db FICHIER]                 ouvre la fenêtre
  atelier [--db FICHIER] COMMANDE […]    lance une commande
  (--db postgres://rôle@hôte/base : une base d’équipe sur PostgreSQL)

Commandes :
  version            affiche la version
  backup -o FICHIER  copie cohérente de la base de données dans FICHIER
                     (d’un fichier ou d’une base d’équipe)
  db copy --to postgres://…|FICHIER.db
                     copie toute la base dans une base d’équipe vide
                     ou dans un nouveau fichier, et compte ce qui a été copié
  import roster FICHIER [--cohort NOM]
                     importe les inscriptions (CSV ou XLSX d’un formulaire)
  attendance mark --session N --email COURRIEL --status present|absent|excused|late
                     marque la présence d’une personne
  attendance import --session N FICHIER [--late MINUTES] [--absent=false] [--other-day]
                     marque une séance d’après le rapport de la visio (Zoom, Teams, Meet)
                     et, sauf --absent=false, absentes les personnes attendues qu’il ne cite pas ;
                     un rapport d’un autre jour que la séance n’est enregistré qu’avec --other-day
  attendance absent --session N
                     marque absentes les personnes attendues encore sans marque
  attendance summary
                     les présences de chaque séance et les taux de la cohorte
  export structure --name NOM -o FICHIER.png|FICHIER.pdf
                     exporte une structure de l’atelier de la séance 3
  export attendance [--cohort NOM] -o FICHIER.xlsx
                     exporte le classeur Excel des présences
  export handout --session N -o FICHIER.pdf
                     document de la séance N pour les personnes participantes
  export signin --session N -o FICHIER.pdf
                     feuille d’émargement de la séance N
  export certificates [--min N] -o FICHIER.pdf
                     attestations de participation (au moins N séances ;
                     sans --min, le minimum réglé pour la cohorte)
  export booklet -o FICHIER.pdf
                     les cinq documents en un livret avec sommaire
  export slides --session N -o FICHIER.pdf
                     diaporama de la séance N (16:9, sans les notes d’animation)
  export guide --session N -o FICHIER.pdf
                     guide d’animation de la séance N, pour l’équipe seulement
  export roster -o FICHIER.xlsx|FICHIER.csv [--cohort NOM]
                     exporte la liste des personnes inscrites
  library search REQUÊTE [--session N]
                     cherche dans la bibliothèque de ressources
  participant export --email COURRIEL -o FICHIER.json [--cohort NOM]
                     toutes les données d’une personne, pour les lui remettre
  participant erase --email COURRIEL [--cohort NOM]
                     efface définitivement une personne et toutes ses traces

Base de données : --db FICHIER, sinon $ATELIER_DB, sinon
$XDG_DATA_HOME/atelier/atelier.db (~/.local/share/atelier/atelier.db) ;
sous Windows, %APPDATA%\Atelier\atelier.db.
`

// Run runs the command line args (without the program name) and returns the
// exit status.
func Run(args []string, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	fs := flag.NewFlagSet("atelier", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbFlag := fs.String("db", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, usage)
			return ExitOK
		}
		return usageError(env, frenchFlagError(err))
	}
	rest := fs.Args()
	dbPath, err := config.DBPath(*dbFlag, env.Prefs)
	if err != nil {
		return fail(env, err)
	}
	if len(rest) == 0 {
		return runGUI(env, dbPath)
	}
	switch rest[0] {
	case "version":
		fmt.Fprintf(env.Stdout, "Atelier %s (schéma de base %d, %s)\n", env.Version, store.SchemaVersion(), runtime.Version())
		return ExitOK
	case "help", "aide":
		fmt.Fprint(env.Stdout, usage)
		return ExitOK
	case "backup":
		return runBackup(env, dbPath, rest[1:])
	case "db":
		return runDB(env, dbPath, rest[1:])
	case "attendance":
		return runAttendance(env, dbPath, rest[1:])
	case "import":
		return runImport(env, dbPath, rest[1:])
	case "export":
		return runExport(env, dbPath, rest[1:])
	case "library":
		return runLibrary(env, dbPath, rest[1:])
	case "participant":
		return runParticipant(env, dbPath, rest[1:])
	}
	return usageError(env, fmt.Sprintf("commande inconnue «\u00a0%s\u00a0».", rest[0]))
}

func runGUI(env Env, dbPath string) int {
	svc, err := open(env, dbPath, creating)
	if err != nil {
		fail(env, err)
		if env.GUI != nil {
			_ = env.GUI(nil, err)
		}
		return ExitError
	}
	defer svc.Store().Close()
	if svc.Store().Team() {
		// The check-in goes on when the server drops: the marks wait on
		// this machine until it answers.
		path, err := config.OutboxPath(dbPath)
		if err == nil {
			_, err = svc.KeepOutbox(path)
		}
		if err != nil {
			fail(env, err)
		}
	}
	// The day's copy, before anything is edited. A failure must not keep
	// the window shut: it is told here and kept for the window to show
	// (svc.AutoBackupErr).
	if _, err := svc.AutoBackup(context.Background()); err != nil {
		fail(env, err)
	}
	if err := env.GUI(svc, nil); err != nil {
		return fail(env, err)
	}
	return ExitOK
}

// access is what a command does with the database.
type access int

const (
	// creating: the window and the imports, which may start a new file.
	creating access = iota
	// writing: the other commands that change the file; it must exist.
	writing
	// reading: exports, search, a person's data, figures. The file must
	// exist and is opened read-only, so that these work on a file the
	// person may only read, and never take the write lock.
	reading
)

// open opens the database with the run's clock. Unless only reading, on a
// first start it creates a first cohort from the curriculum so there is
// something to show, and adds the shipped catalogue entries not yet in the
// file. A mistyped --db for anything but the window or an import is
// refused rather than made into an empty database.
func open(env Env, dbPath string, a access) (*service.Service, error) {
	st, err := store.Open(dbPath, store.Options{Now: env.Now, MustExist: a != creating, ReadOnly: a == reading, Who: env.Prefs.Team.Who})
	if err != nil {
		return nil, err
	}
	svc := service.New(st, env.Plans, env.Now)
	if env.Journal != "" {
		if _, err := svc.KeepJournal(env.Journal); err != nil {
			fmt.Fprintf(env.Stderr, "atelier\u00a0: %s\n", usererr.Message(err))
		}
	}
	// A team database whose role may only read is shown as it is: the
	// first cohort and the catalogue are the writers' to make.
	if a == reading || st.ReadOnly() {
		return svc, nil
	}
	if _, err := svc.FirstStart(context.Background(), env.Catalogue); err != nil {
		st.Close()
		return nil, err
	}
	return svc, nil
}

func runBackup(env Env, dbPath string, args []string) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "")
	if err := fs.Parse(args); err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if *out == "" || fs.NArg() > 0 {
		return usageError(env, "indiquez le fichier de sauvegarde\u00a0: atelier backup -o FICHIER.")
	}
	ctx := context.Background()
	err := func() error {
		svc, err := open(env, dbPath, reading)
		if err != nil {
			return err
		}
		defer svc.Store().Close()
		return svc.Backup(ctx, *out)
	}()
	abs, _ := filepath.Abs(*out)
	if err == nil {
		fmt.Fprintf(env.Stdout, "Sauvegarde écrite\u00a0: %s\n", abs)
		return ExitOK
	}
	// A damaged file, which Open or the copy refuse: save what can be
	// read of it. Not a file Atelier must not read (foreign, newer), nor
	// one another Atelier is writing: a copy read past its locks could be
	// torn.
	for _, kind := range []error{store.ErrNotDatabase, store.ErrForeign, store.ErrTooNew, store.ErrBusy, store.ErrMissing, store.ErrNotFile} {
		if errors.Is(err, kind) {
			return fail(env, err)
		}
	}
	if _, statErr := os.Stat(dbPath); statErr != nil || !store.Damaged(ctx, dbPath) {
		return fail(env, err)
	}
	rep, err := store.Recover(ctx, dbPath, *out)
	if err != nil {
		return fail(env, err)
	}
	if rep.Intact {
		fmt.Fprintf(env.Stdout, "Sauvegarde écrite\u00a0: %s\n", abs)
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "%s\nCopie de secours écrite\u00a0: %s\n", rep.Summary(), abs)
	return fail(env, usererr.New("La base «\u00a0%s\u00a0» est endommagée\u00a0: la copie de secours ne contient que ce qui a pu être lu. "+
		"Ouvrez-la avec «\u00a0atelier --db %s\u00a0» pour vérifier, et gardez le fichier abîmé pour qui vous aidera.", dbPath, abs))
}

// fail tells the person what went wrong, in a sentence written for them;
// the technical detail (driver or system text) is written only when
// ATELIER_DEBUG is set, for whoever helps them.
func fail(env Env, err error) int {
	fmt.Fprintf(env.Stderr, "atelier\u00a0: %s\n", usererr.Message(err))
	if os.Getenv("ATELIER_DEBUG") != "" {
		fmt.Fprintf(env.Stderr, "détail\u00a0: %s\n", usererr.Detail(err))
	}
	return ExitError
}

func usageError(env Env, msg string) int {
	fmt.Fprintf(env.Stderr, "atelier\u00a0: %s\nVoir «\u00a0atelier help\u00a0».\n", msg)
	return ExitUsage
}

// frenchFlagError rewrites the flag package's English messages.
func frenchFlagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return fmt.Sprintf("option inconnue «\u00a0%s\u00a0».", strings.TrimPrefix(msg, "flag provided but not defined: "))
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return fmt.Sprintf("l’option «\u00a0%s\u00a0» demande une valeur.", strings.TrimPrefix(msg, "flag needs an argument: "))
	}
	return msg
}
