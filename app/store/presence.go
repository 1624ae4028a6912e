package store

import (
	"context"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// appPrefix starts the application_name of every Atelier connected to a
// team database: how Presence tells Ateliers from other programs.
const appPrefix = "Atelier"

// applicationName is the application_name of an Atelier used by who:
// « Atelier/ » and the name percent-encoded, since PostgreSQL keeps only
// printable ASCII of it (« Noé » would arrive as « No\xc3\xa9 »), and 63
// bytes.
func applicationName(who string) string {
	who = strings.Join(strings.Fields(who), " ")
	name := appPrefix + "/" + url.PathEscape(who)
	for len(name) > 63 { // cut on a letter, not inside one
		_, size := utf8.DecodeLastRuneInString(who)
		who = who[:len(who)-size]
		name = appPrefix + "/" + url.PathEscape(who)
	}
	return name
}

// whoFrom is the name applicationName encoded.
func whoFrom(app string) string {
	who, err := url.PathUnescape(strings.TrimPrefix(app, appPrefix+"/"))
	if err != nil {
		return ""
	}
	return who
}

// Someone is another Atelier connected to the team database.
type Someone struct {
	Role  string    // the PostgreSQL role they connect as
	Name  string    // the name they gave (Options.Who), or empty
	Since time.Time // when their first connection still open began
}

// Present lists the other Ateliers connected to the team database, for
// the window's « qui est là »: one entry per role and name, this Atelier
// left out (and so another one with the same role and name). A file has no one else to show.
func (s *Store) Present(ctx context.Context) ([]Someone, error) {
	if !s.team {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT usename, application_name, min(backend_start)
		FROM pg_stat_activity
		WHERE datname = current_database() AND usename IS NOT NULL
			AND application_name LIKE $1
			AND NOT (usename = current_user AND application_name = $2)
		GROUP BY usename, application_name
		ORDER BY min(backend_start), usename`, appPrefix+"/%", s.appName)
	if err != nil {
		return nil, wrapRead("qui est connecté à la base d’équipe", err)
	}
	defer rows.Close()
	var out []Someone
	for rows.Next() {
		var p Someone
		var app string
		var since time.Time
		if err := rows.Scan(&p.Role, &app, &since); err != nil {
			return nil, wrapRead("qui est connecté à la base d’équipe", err)
		}
		p.Name = whoFrom(app)
		p.Since = since
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, wrapRead("qui est connecté à la base d’équipe", err)
	}
	return out, nil
}
