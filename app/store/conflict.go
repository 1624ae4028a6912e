package store

import (
	"context"
	"database/sql"

	"atelier/app/domain/agenda"
	"atelier/app/domain/course"
	"atelier/app/domain/structure"
	"atelier/app/kit/usererr"
)

// ErrConflict is a save refused because another person of the team saved
// the same cohort, agenda or structure after it was read: saving anyway
// would overwrite their change unseen. The error returned is a
// *ConflictError, which carries what is saved now.
var ErrConflict = usererr.New("Quelqu’un d’autre de l’équipe vient de modifier cet élément\u202f; voici sa version. Vos changements n’ont pas été enregistrés.")

// ConflictError is an ErrConflict with the record as the other person left
// it, read when the save was refused, for the window to show (and to edit
// again from: its versions are the current ones). Exactly one
// of Cohort, Blocks (with SessionID) and Structure is set, by what was
// being saved.
type ConflictError struct {
	// Cohort is set when a cohort's settings were being saved
	// (Roster.SaveCohort): the whole cohort, sessions and agendas included.
	Cohort *course.Cohort
	// SessionID and Blocks are set when a session's agenda was being saved
	// (SaveSessionBlocks): the session's blocks in order, with their
	// versions; empty when the other person removed them all.
	SessionID int64
	Blocks    []agenda.Block
	// Structure is set when a diagram was being saved (SaveStructure).
	Structure *structure.Structure

	msg *usererr.Error
}

// Error is the sentence for the person.
func (e *ConflictError) Error() string { return e.msg.Error() }

// Unwrap gives the sentence as a *usererr.Error of kind ErrConflict, so that
// errors.Is(err, ErrConflict), usererr.ForPerson and usererr.Message see
// through it.
func (e *ConflictError) Unwrap() error { return e.msg }

func cohortConflict(ctx context.Context, tx *sql.Tx, id int64) error {
	c, err := loadCohort(ctx, tx, id)
	if err != nil {
		return err
	}
	return &ConflictError{Cohort: &c, msg: usererr.New(
		"Quelqu’un d’autre de l’équipe vient de modifier la cohorte «\u00a0%s\u00a0»\u202f; voici sa version. Vos changements n’ont pas été enregistrés.",
		c.Name).Of(ErrConflict)}
}

func agendaConflict(ctx context.Context, tx *sql.Tx, sessionID int64) error {
	var number int
	var cohortID int64
	if err := tx.QueryRowContext(ctx, "SELECT number, cohort_id FROM sessions WHERE id = $1", sessionID).Scan(&number, &cohortID); err != nil {
		return err
	}
	sessions := []course.Session{{ID: sessionID}}
	if err := loadBlocks(ctx, tx, cohortID, sessions); err != nil {
		return err
	}
	return &ConflictError{SessionID: sessionID, Blocks: sessions[0].Blocks, msg: usererr.New(
		"Quelqu’un d’autre de l’équipe vient de modifier l’agenda de la séance %d\u202f; voici sa version. Vos changements n’ont pas été enregistrés.",
		number).Of(ErrConflict)}
}

func structureConflict(ctx context.Context, tx *sql.Tx, id int64) error {
	st, err := loadStructure(ctx, tx, id)
	if err != nil {
		return err
	}
	return &ConflictError{Structure: &st, msg: usererr.New(
		"Quelqu’un d’autre de l’équipe vient de modifier la structure «\u00a0%s\u00a0»\u202f; voici sa version. Vos changements n’ont pas été enregistrés.",
		st.Name).Of(ErrConflict)}
}
