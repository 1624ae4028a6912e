package store

import "fmt"

// Errors a caller can test with errors.Is. The errors returned wrap them in
// a sentence that names the file or the record concerned. They are full
// French sentences because the person using the app reads them.
var (
	ErrNotDatabase   error = sentence("Ce fichier n’est pas une base de données Atelier (ce n’est pas un fichier SQLite). Choisissez un autre fichier ; celui-ci n’a pas été modifié.")
	ErrForeign       error = sentence("Ce fichier est une base SQLite qui n’appartient pas à Atelier (elle vient d’un autre logiciel). Choisissez un autre fichier ; celui-ci n’a pas été modifié.")
	ErrTooNew        error = sentence("Ce fichier vient d’une version plus récente d’Atelier ; mettez l’application à jour pour l’ouvrir. Le fichier n’a pas été modifié.")
	ErrNotFound      error = sentence("Élément introuvable ; il a peut-être été supprimé.")
	ErrDuplicateName error = sentence("Une cohorte porte déjà ce nom.")
)

// sentence is a sentinel error written for a person, hence capitalised
// and punctuated.
type sentence string

func (e sentence) Error() string { return string(e) }

// userError is a sentence for the person using the app that still matches
// its sentinel with errors.Is.
type userError struct {
	msg string
	err error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.err }

// refused explains why the file at path cannot be opened.
func refused(path string, sentinel error, msg string) error {
	if msg == "" {
		msg = sentinel.Error()
	}
	return &userError{msg: fmt.Sprintf("Impossible d’ouvrir « %s ». %s", path, msg), err: sentinel}
}

func notFound(format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...), err: ErrNotFound}
}

func duplicateName(name string) error {
	return &userError{msg: fmt.Sprintf("Une cohorte porte déjà le nom « %s ».", name), err: ErrDuplicateName}
}

// invalid explains which of several values failed validation; err stays
// reachable with errors.As.
func invalid(err error, format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...), err: err}
}
