package store

import (
	"database/sql/driver"
	"errors"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"atelier/app/kit/usererr"
)

// ErrOffline is a team database that could not be reached: the network,
// or the server, is down.
var ErrOffline = usererr.New("La base d’équipe ne répond pas.")

// explainTeam is explain for what PostgreSQL reports, by SQLSTATE; ok is
// false for an error that did not come from a team database.
func explainTeam(failed *usererr.Error, err error) (_ error, ok bool) {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		if unreachable(err) {
			return usererr.Wrap(err, "%s\u00a0: la base d’équipe ne répond pas (réseau coupé, serveur arrêté\u202f?). "+
				"Vérifiez la connexion, puis réessayez.", failed).Of(ErrOffline), true
		}
		return nil, false
	}
	switch code := pe.Code; {
	case code == "25006" || code == "42501": // read_only_sql_transaction, insufficient_privilege
		return usererr.Wrap(err, "%s\u00a0: votre accès à la base d’équipe permet de consulter, pas de modifier. "+
			"Demandez à la personne qui gère la base des droits d’écriture. Rien n’a été modifié.", failed).Of(ErrReadOnly), true
	case code == "40001" || code == "40P01" || code == "55P03": // serialization_failure, deadlock_detected, lock_not_available
		return usererr.Wrap(err, "%s\u00a0: une autre personne de l’équipe modifiait les mêmes données au même moment. "+
			"Réessayez dans un instant. Rien n’a été modifié.", failed).Of(ErrBusy), true
	case code == "53100": // disk_full
		return usererr.Wrap(err, "%s\u00a0: le serveur de la base d’équipe n’a plus de place sur son disque. "+
			"Prévenez la personne qui gère le serveur. Rien n’a été modifié.", failed), true
	case strings.HasPrefix(code, "08") || code == "57P01" || code == "57P02" || code == "57P03": // connection exception, shutdowns
		return usererr.Wrap(err, "%s\u00a0: la base d’équipe ne répond pas (réseau coupé, serveur arrêté\u202f?). "+
			"Vérifiez la connexion, puis réessayez.", failed).Of(ErrOffline), true
	}
	return nil, false
}

// unreachable reports whether err is the connection to the server failing
// rather than the server refusing something.
func unreachable(err error) bool {
	var ce *pgconn.ConnectError
	var ne net.Error
	// Nothing SQLite reports is one of these: a file's errors keep their
	// own sentences.
	return errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, driver.ErrBadConn) || pgconn.Timeout(err)
}

// isTeamUniqueViolation is isUniqueViolation for PostgreSQL, which names
// the key's columns in the error's detail: column is "table.column".
func isTeamUniqueViolation(err error, column string) bool {
	table, col, _ := strings.Cut(column, ".")
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505" && pe.TableName == table && strings.Contains(pe.Detail, col)
}
