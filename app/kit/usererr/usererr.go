// Package usererr is the one way Atelier builds an error meant for the
// person using it: a French sentence that says what happened and what to do
// next. The technical cause (driver text, system error) rides along for the
// log and never reaches a dialog: Message gives what to show, Detail what
// to log.
//
// An error keeps its French format and its arguments, not only the text
// they make, so that the window can show it in English (In, MessageIn)
// through the catalogue the interface language loads (SetCatalogue).
// Error and Message stay French: the command line and the log read French.
package usererr

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"

	"atelier/app/kit/textfmt"
)

// Error is a failure explained to a person. Its text is a whole sentence,
// capital and full stop included.
type Error struct {
	format string
	args   []any
	kind   *Error // the sentinel it belongs to, for errors.Is
	cause  error  // what lies underneath, for the log
}

// New is an error whose text is the sentence format makes with args. The
// format is the French one, the key of the catalogue; an argument whose
// writing depends on the language is a Localized (Int, Date, Reason…).
func New(format string, args ...any) *Error {
	return &Error{format: format, args: args}
}

// Wrap is New keeping cause for the log (and for errors.Is and errors.As).
func Wrap(cause error, format string, args ...any) *Error {
	return &Error{format: format, args: args, cause: cause}
}

// Of returns a copy of e that errors.Is matches with kind, a sentinel made
// with New: « La personne n° 3 est introuvable » is an ErrNotFound.
func (e *Error) Of(kind *Error) *Error {
	c := *e
	c.kind = kind
	return &c
}

// Error is the French sentence.
func (e *Error) Error() string { return e.In(textfmt.French) }

// In is the sentence in language l: the catalogue's format for e's French
// one, and the arguments written the way l writes them. A format the
// catalogue lacks stays French.
func (e *Error) In(l textfmt.Lang) string {
	return sprintf(translate(l, e.format), localize(l, e.args)...)
}

// Format is the French format e was made with, the catalogue's key.
func (e *Error) Format() string { return e.format }

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
// record): one sentence each, shown one per line.
type List []*Error

// Add records the sentence format makes with args when cond is true.
func (l *List) Add(cond bool, format string, args ...any) {
	if cond {
		*l = append(*l, New(format, args...))
	}
}

// Err returns nil when nothing was recorded, else the list as an error.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the problems in French, one per line.
func (l List) Error() string { return l.In(textfmt.French) }

// In joins the problems in language l, one per line.
func (l List) In(lang textfmt.Lang) string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.In(lang)
	}
	return strings.Join(lines, "\n")
}

// Unexpected is what a person reads when an error was not written for
// them: the detail is in the log, not on the screen.
const Unexpected = "Une erreur inattendue est survenue. Réessayez\u202f; si elle revient, le détail technique est dans le journal d’Atelier."

var unexpected = New(Unexpected)

// ForPerson reports whether err carries a sentence written for a person.
func ForPerson(err error) bool {
	var e *Error
	var l List
	return errors.As(err, &e) || errors.As(err, &l)
}

// Message is the French sentence to show for err: its own when it was
// written for a person, a plain one for the common system failures (disk
// full, no permission, read-only disk, missing file), else Unexpected.
// Driver and system text never comes out of it.
func Message(err error) string { return MessageIn(textfmt.French, err) }

// MessageIn is Message in language l.
func MessageIn(l textfmt.Lang, err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.In(l)
	}
	var list List
	if errors.As(err, &list) {
		return list.In(l)
	}
	if m := systemMessage(err); m != nil {
		return m.In(l)
	}
	return unexpected.In(l)
}

// systemMessage explains the file-system errors a person can act on.
func systemMessage(err error) *Error {
	var pe *fs.PathError
	path := errors.As(err, &pe)
	switch {
	case errors.Is(err, syscall.ENOSPC) || isDiskFull(err):
		return New("Le disque est plein\u00a0: libérez de la place, puis réessayez. Rien n’a été modifié.")
	case errors.Is(err, syscall.EROFS) && path:
		return New("Impossible d’écrire «\u00a0%s\u00a0»\u00a0: ce disque est en lecture seule. Choisissez un autre dossier.", pe.Path)
	case errors.Is(err, syscall.EROFS):
		return New("Impossible d’écrire\u00a0: ce disque est en lecture seule. Choisissez un autre dossier.")
	case errors.Is(err, fs.ErrPermission) && path:
		return New("«\u00a0%s\u00a0»\u00a0: vous n’avez pas les droits nécessaires sur ce fichier ou ce dossier. Choisissez un autre emplacement ou vérifiez ses droits.", pe.Path)
	case errors.Is(err, fs.ErrPermission):
		return New("Vous n’avez pas les droits nécessaires sur ce fichier ou ce dossier. Choisissez un autre emplacement ou vérifiez ses droits.")
	case errors.Is(err, fs.ErrNotExist) && path:
		return New("«\u00a0%s\u00a0»\u00a0: ce fichier ou ce dossier est introuvable. Vérifiez le chemin, puis réessayez.", pe.Path)
	case errors.Is(err, fs.ErrNotExist):
		return New("Ce fichier ou ce dossier est introuvable. Vérifiez le chemin, puis réessayez.")
	case errors.Is(err, syscall.ENOTDIR) && path:
		return New("«\u00a0%s\u00a0»\u00a0: une partie de ce chemin n’est pas un dossier. Vérifiez le chemin, puis réessayez.", pe.Path)
	case errors.Is(err, syscall.ENOTDIR):
		return New("Une partie de ce chemin n’est pas un dossier. Vérifiez le chemin, puis réessayez.")
	}
	return nil
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
	dir := filepath.Dir(path)
	switch {
	case errors.Is(err, syscall.ENOSPC) || isDiskFull(err):
		return Wrap(err, "«\u00a0%s\u00a0» n’a pas été enregistré\u00a0: le disque est plein. Libérez de la place, puis réessayez.", path)
	case errors.Is(err, syscall.EROFS):
		return Wrap(err, "«\u00a0%s\u00a0» n’a pas été enregistré\u00a0: ce disque est en lecture seule. Choisissez un autre dossier.", path)
	case errors.Is(err, fs.ErrPermission):
		return Wrap(err, "«\u00a0%s\u00a0» n’a pas été enregistré\u00a0: Atelier n’a pas le droit d’écrire dans le dossier «\u00a0%s\u00a0» ou de remplacer ce fichier. Choisissez un autre dossier.", path, dir)
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return Wrap(err, "«\u00a0%s\u00a0» n’a pas été enregistré\u00a0: le dossier «\u00a0%s\u00a0» n’existe pas (ou plus). Choisissez un autre dossier.", path, dir)
	}
	return Wrap(err, "«\u00a0%s\u00a0» n’a pas été enregistré\u00a0: une erreur inattendue est survenue. Réessayez\u202f; si elle revient, le détail technique est dans le journal d’Atelier.", path)
}
