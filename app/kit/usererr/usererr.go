// Package usererr is the one way Atelier builds an error meant for the
// person using it: a French sentence that says what happened and what to do
// next. The technical cause (driver text, system error) rides along for the
// log and never reaches a dialog: Message gives what to show, Detail what
// to log.
package usererr

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
)

// Error is a failure explained to a person. Its text is a whole sentence,
// capital and full stop included.
type Error struct {
	msg   string
	kind  *Error // the sentinel it belongs to, for errors.Is
	cause error  // what lies underneath, for the log
}

// New is an error whose text is the sentence format makes with args.
func New(format string, args ...any) *Error {
	return &Error{msg: sprintf(format, args...)}
}

// Wrap is New keeping cause for the log (and for errors.Is and errors.As).
func Wrap(cause error, format string, args ...any) *Error {
	return &Error{msg: sprintf(format, args...), cause: cause}
}

// Of returns a copy of e that errors.Is matches with kind, a sentinel made
// with New: « La personne n° 3 est introuvable » is an ErrNotFound.
func (e *Error) Of(kind *Error) *Error {
	c := *e
	c.kind = kind
	return &c
}

func (e *Error) Error() string { return e.msg }

// Unwrap returns the technical cause, if any.
func (e *Error) Unwrap() error { return e.cause }

// Is matches the sentinel e was made Of.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && e.kind != nil && (e.kind == t || e.kind.Is(t))
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// List gathers the problems found while checking one value (a form, a
// record): one French sentence each, shown one per line.
type List []string

// Add records msg when cond is true.
func (l *List) Add(cond bool, msg string) {
	if cond {
		*l = append(*l, msg)
	}
}

// Err returns nil when nothing was recorded, else the list as an error.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the problems, one per line.
func (l List) Error() string { return strings.Join(l, "\n") }

// Unexpected is what a person reads when an error was not written for
// them: the detail is in the log, not on the screen.
const Unexpected = "Une erreur inattendue est survenue. Réessayez ; si elle revient, le détail technique est dans le journal d’Atelier."

// ForPerson reports whether err carries a sentence written for a person.
func ForPerson(err error) bool {
	var e *Error
	var l List
	return errors.As(err, &e) || errors.As(err, &l)
}

// Message is the sentence to show for err: its own when it was written for
// a person, a plain French one for the common system failures (disk full,
// no permission, read-only disk, missing file), else Unexpected. Driver
// and system text never comes out of it.
func Message(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.msg
	}
	var l List
	if errors.As(err, &l) {
		return l.Error()
	}
	if m := systemMessage(err); m != "" {
		return m
	}
	return Unexpected
}

// systemMessage explains the file-system errors a person can act on.
func systemMessage(err error) string {
	path := ""
	var pe *fs.PathError
	if errors.As(err, &pe) {
		path = "«\u00a0" + pe.Path + "\u00a0»\u00a0: "
	}
	switch {
	case errors.Is(err, syscall.ENOSPC) || isDiskFull(err):
		return "Le disque est plein\u00a0: libérez de la place, puis réessayez. Rien n’a été modifié."
	case errors.Is(err, syscall.EROFS):
		return "Impossible d’écrire " + strings.TrimSuffix(path, "\u00a0: ") + "\u00a0: ce disque est en lecture seule. Choisissez un autre dossier."
	case errors.Is(err, fs.ErrPermission):
		return capitalise(path + "vous n’avez pas les droits nécessaires sur ce fichier ou ce dossier. Choisissez un autre emplacement ou vérifiez ses droits.")
	case errors.Is(err, fs.ErrNotExist):
		return capitalise(path + "ce fichier ou ce dossier est introuvable. Vérifiez le chemin, puis réessayez.")
	case errors.Is(err, syscall.ENOTDIR):
		return capitalise(path + "une partie de ce chemin n’est pas un dossier. Vérifiez le chemin, puis réessayez.")
	}
	return ""
}

func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// Detail is everything known about err, for the log: the sentence and,
// after it, each technical cause.
func Detail(err error) string {
	if err == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(err.Error())
	for e := err; e != nil; {
		ue, ok := e.(*Error)
		if ok && ue.cause != nil {
			b.WriteString(" (cause\u00a0: " + ue.cause.Error() + ")")
			e = ue.cause
			continue
		}
		e = errors.Unwrap(e)
	}
	return b.String()
}

// NotSaved explains why the file at path could not be written: disk full,
// read-only disk, no right to write in its folder, folder gone. An error
// already written for a person passes unchanged.
func NotSaved(path string, err error) error {
	if err == nil || ForPerson(err) {
		return err
	}
	q := "«\u00a0" + path + "\u00a0»"
	dir := "«\u00a0" + filepath.Dir(path) + "\u00a0»"
	switch {
	case errors.Is(err, syscall.ENOSPC) || isDiskFull(err):
		return Wrap(err, "%s n’a pas été enregistré\u00a0: le disque est plein. Libérez de la place, puis réessayez.", q)
	case errors.Is(err, syscall.EROFS):
		return Wrap(err, "%s n’a pas été enregistré\u00a0: ce disque est en lecture seule. Choisissez un autre dossier.", q)
	case errors.Is(err, fs.ErrPermission):
		return Wrap(err, "%s n’a pas été enregistré\u00a0: Atelier n’a pas le droit d’écrire dans le dossier %s ou de remplacer ce fichier. Choisissez un autre dossier.", q, dir)
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return Wrap(err, "%s n’a pas été enregistré\u00a0: le dossier %s n’existe pas (ou plus). Choisissez un autre dossier.", q, dir)
	}
	return Wrap(err, "%s n’a pas été enregistré\u00a0: une erreur inattendue est survenue. Réessayez\u202f; si elle revient, le détail technique est dans le journal d’Atelier.", q)
}
