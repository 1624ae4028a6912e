package store

import (
	"errors"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"atelier/app/kit/usererr"
)

// ErrEmailTaken is a courriel already held by another person of the
// cohort: schema 6 keeps one person per courriel.
var ErrEmailTaken = usererr.New("Ce courriel est déjà celui d’une autre personne de la cohorte.")

// EmailTaken says that email already belongs to other in the cohort.
// cause, if any, is kept for the log.
func EmailTaken(email, other string, cause error) error {
	return usererr.Wrap(cause, "Le courriel «\u00a0%s\u00a0» est déjà celui %s dans cette cohorte\u202f; "+
		"une personne n’y est inscrite qu’une fois. Corrigez le courriel, ou complétez la fiche %s.", email, usererr.Of(other), usererr.Of(other)).Of(ErrEmailTaken)
}

// isUniqueViolation reports whether err is the engine refusing a row that
// a unique index on column ("table.column", as SQLite names it) forbids.
func isUniqueViolation(err error, column string) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE && strings.Contains(se.Error(), column) ||
		isTeamUniqueViolation(err, column)
}
