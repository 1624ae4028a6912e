package store

import (
	"context"
	"errors"
	"io/fs"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"atelier/app/kit/usererr"
)

// Errors a caller can test with errors.Is. The errors returned are
// sentences that name the file or the record concerned, of these kinds.
var (
	ErrNotDatabase   = usererr.New("Ce fichier n’est pas une base de données Atelier (ce n’est pas un fichier SQLite). Choisissez un autre fichier\u202f; celui-ci n’a pas été modifié.")
	ErrForeign       = usererr.New("Ce fichier est une base SQLite qui n’appartient pas à Atelier (elle vient d’un autre logiciel). Choisissez un autre fichier\u202f; celui-ci n’a pas été modifié.")
	ErrTooNew        = usererr.New("Ce fichier vient d’une version plus récente d’Atelier\u202f; mettez l’application à jour pour l’ouvrir. Le fichier n’a pas été modifié.")
	ErrNotFound      = usererr.New("Élément introuvable\u202f; il a peut-être été supprimé.")
	ErrDuplicateName = usererr.New("Une cohorte porte déjà ce nom.")
	// ErrBusy is a file another Atelier (or another program) is writing to
	// for longer than the wait allows.
	ErrBusy = usererr.New("La base de données est occupée par un autre Atelier ouvert sur le même fichier. Réessayez dans un instant.")
	// ErrReadOnly is a file, folder or disk that refuses writing.
	ErrReadOnly = usererr.New("La base de données est en lecture seule.")
	// ErrCorrupt is a file that starts like an Atelier file but whose
	// pages SQLite cannot read: opening it to write would damage it more.
	ErrCorrupt = usererr.New("Ce fichier Atelier est endommagé (une partie de son contenu est illisible). Atelier ne l’a pas ouvert, pour ne pas l’abîmer davantage, " +
		"et le fichier n’a pas été modifié. Restaurez une sauvegarde récente (Exports → Sauvegardes), ou tentez d’en tirer une copie de secours " +
		"avec «\u00a0atelier backup -o COPIE.db\u00a0», et gardez le fichier abîmé pour qui vous aidera.")
	// ErrMissing is a path where Options.MustExist or ReadOnly wanted a
	// file and there is none.
	ErrMissing = usererr.New("La base de données n’existe pas.")
	// ErrNotFile is a path that names a folder, a named pipe, a device or
	// a socket.
	ErrNotFile = usererr.New("Ce chemin ne désigne pas un fichier.")
	// ErrNeedsUpdate is a file whose schema is older than this build's,
	// which a read-only Store cannot bring up to date.
	ErrNeedsUpdate = usererr.New("Ce fichier vient d’une version plus ancienne d’Atelier et doit d’abord être mis à jour.")
)

// errOpenedReadOnly is what a write through a read-only Store meets;
// explain turns it into a sentence naming what was not saved.
var errOpenedReadOnly = errors.New("store opened read-only")

// errRoleReadOnly is a write refused before it reaches a team database
// whose role was granted reading only.
var errRoleReadOnly = errors.New("team role may only read")

// missing explains that there is no database at path.
func missing(path string) error {
	return usererr.New("La base de données «\u00a0%s\u00a0» n’existe pas. Vérifiez le chemin donné à --db (ou ouvrez le fichier une première fois dans la fenêtre d’Atelier)\u202f; "+
		"aucun fichier n’a été créé.", path).Of(ErrMissing)
}

// notAFile explains that path is something other than a file.
func notAFile(path string, mode fs.FileMode) error {
	what := "un élément spécial du système"
	switch {
	case mode.IsDir():
		what = "un dossier"
	case mode&fs.ModeNamedPipe != 0:
		what = "un tube nommé (FIFO)"
	case mode&fs.ModeDevice != 0 || mode&fs.ModeCharDevice != 0:
		what = "un périphérique"
	case mode&fs.ModeSocket != 0:
		what = "une prise de communication (socket)"
	}
	return usererr.New("Impossible d’ouvrir «\u00a0%s\u00a0»\u00a0: ce n’est pas un fichier, mais %s. "+
		"Donnez le chemin d’un fichier de base de données Atelier (par exemple atelier.db)\u202f; rien n’a été modifié.", path, what).Of(ErrNotFile)
}

// refused explains why the file at path cannot be opened.
func refused(path string, sentinel *usererr.Error, msg *usererr.Error) error {
	if msg == nil {
		msg = sentinel
	}
	return usererr.New("Impossible d’ouvrir «\u00a0%s\u00a0». %s", path, msg).Of(sentinel)
}

func notFound(format string, args ...any) error {
	return usererr.New(format, args...).Of(ErrNotFound)
}

func duplicateName(name string) error {
	return usererr.New("Une cohorte porte déjà le nom «\u00a0%s\u00a0».", name).Of(ErrDuplicateName)
}

// wrapWrite explains a failure to save what (« la personne »); errors
// already written for a person pass unchanged, and driver text stays in
// the cause, for the log.
func wrapWrite(what string, err error) error {
	if err == nil || usererr.ForPerson(err) {
		return err
	}
	return explain(usererr.New("Impossible d’enregistrer %s", usererr.Phrase(what)), err)
}

// wrapRead is wrapWrite for loading.
func wrapRead(what string, err error) error {
	if err == nil || usererr.ForPerson(err) {
		return err
	}
	return explain(usererr.New("Impossible de lire %s", usererr.Phrase(what)), err)
}

// explain completes failed (« Impossible d’enregistrer la personne ») with
// what SQLite's error code means for the person and what they can do.
func explain(failed *usererr.Error, err error) error {
	if e, ok := explainTeam(failed, err); ok {
		return e
	}
	var se *sqlite.Error
	code := 0
	if errors.As(err, &se) {
		code = se.Code() & 0xff
	}
	switch {
	case errors.Is(err, errOpenedReadOnly):
		return usererr.Wrap(err, "%s\u00a0: cette commande a ouvert la base de données en lecture seule, pour la consulter sans la modifier. "+
			"Faites la modification dans la fenêtre d’Atelier ou avec une commande qui écrit. Rien n’a été modifié.", failed).Of(ErrReadOnly)
	case errors.Is(err, errRoleReadOnly):
		return usererr.Wrap(err, "%s\u00a0: votre accès à la base d’équipe permet de consulter, pas de modifier. "+
			"Demandez à la personne qui gère la base des droits d’écriture. Rien n’a été modifié.", failed).Of(ErrReadOnly)
	case code == sqlite3.SQLITE_READONLY || code == sqlite3.SQLITE_PERM || code == sqlite3.SQLITE_AUTH:
		return usererr.Wrap(err, "%s\u00a0: la base de données est en lecture seule (fichier, dossier ou disque protégé contre l’écriture). "+
			"Rendez le fichier modifiable, ou ouvrez-en une copie dans un dossier à vous. Rien n’a été modifié.", failed).Of(ErrReadOnly)
	case code == sqlite3.SQLITE_FULL:
		return usererr.Wrap(err, "%s\u00a0: le disque est plein. Libérez de la place, puis réessayez. Rien n’a été modifié.", failed)
	case code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED:
		return usererr.Wrap(err, "%s\u00a0: la base de données est occupée par un autre Atelier ouvert sur le même fichier. "+
			"Réessayez dans un instant, ou fermez l’autre fenêtre. Rien n’a été modifié.", failed).Of(ErrBusy)
	case code == sqlite3.SQLITE_CORRUPT || code == sqlite3.SQLITE_NOTADB:
		return usererr.Wrap(err, "%s\u00a0: la base de données est endommagée. Fermez Atelier et restaurez votre dernière sauvegarde. "+
			"Gardez une copie du fichier abîmé pour qui vous aidera.", failed).Of(ErrCorrupt)
	case code == sqlite3.SQLITE_IOERR || code == sqlite3.SQLITE_CANTOPEN:
		return usererr.Wrap(err, "%s\u00a0: le disque n’a pas répondu (clé USB retirée, dossier réseau coupé\u202f?). "+
			"Vérifiez que le fichier est toujours accessible, puis réessayez.", failed)
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return usererr.Wrap(err, "%s\u00a0: l’opération a été interrompue. Rien n’a été modifié.", failed)
	}
	if m := usererr.Message(err); m != usererr.Unexpected {
		return usererr.Wrap(err, "%s. %s", failed, usererr.Reason(err))
	}
	return usererr.Wrap(err, "%s\u00a0: une erreur inattendue est survenue. Réessayez\u202f; si elle revient, le détail technique est dans le journal d’Atelier.", failed)
}

// openFailed explains why a file could not be opened or prepared.
func openFailed(path string, err error) error {
	if usererr.ForPerson(err) {
		return err
	}
	return explain(usererr.New("Impossible d’ouvrir «\u00a0%s\u00a0»", path), err)
}
