package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"atelier/app/kit/loopback"
	"atelier/app/kit/usererr"
)

// IsTeam reports whether a --db value (or ATELIER_DB) names a team
// database on PostgreSQL rather than a file.
func IsTeam(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// openTeam opens a team database on PostgreSQL (issue 16) at dsn
// (postgres://…), making Atelier's schema in an empty database and
// bringing an older one up to date. A database that holds other tables,
// or comes from a newer Atelier, is refused (ErrForeign, ErrTooNew) and
// left as it was.
//
// The password is never Atelier's to keep: libpq's rules give it
// (~/.pgpass, PGPASSWORD, or the address itself when the person typed it
// there), and the Store's name for messages leaves it out.
func openTeam(ctx context.Context, dsn string, opt Options) (*Store, error) {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, usererr.Wrap(err, "L’adresse de la base d’équipe est illisible. Vérifiez-la (elle commence par postgres://)\u202f; rien n’a été modifié.")
	}
	name := teamName(cfg)
	if err := requireVerifiedTLS(cfg, dsn, name); err != nil {
		return nil, err
	}
	appName := applicationName(opt.Who)
	cfg.RuntimeParams["application_name"] = appName
	if opt.ReadOnly {
		// The server refuses every write of such a session: a read-only
		// command cannot change the team's data even by mistake.
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	db := stdlib.OpenDB(*cfg)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, teamUnreachable(name, err)
	}
	s := &Store{db: db, path: name, now: now, team: true, dsn: dsn, readOnly: opt.ReadOnly, appName: appName}
	if opt.ReadOnly || opt.MustExist {
		if err := s.checkTeam(ctx, opt.ReadOnly); err != nil {
			db.Close()
			return nil, err
		}
	}
	if !opt.ReadOnly {
		if err := s.migrateTeam(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	if !s.readOnly {
		granted, err := s.mayWrite(ctx)
		if err != nil {
			db.Close()
			return nil, err
		}
		// A role granted SELECT only: the window shows the data and says
		// it may not change it, instead of failing on the first click.
		s.readOnly = !granted
		s.granted = granted
	}
	return s, nil
}

// teamName is how messages name a team database: « base sur hôte », never
// with the password; a Unix socket is « ce poste ».
func teamName(cfg *pgx.ConnConfig) string {
	host := cfg.Host
	if strings.HasPrefix(host, "/") {
		host = "ce poste"
	}
	return cfg.Database + " sur " + host
}

// requireVerifiedTLS refuses to send personal data to a remote server
// without checking who it is: anything but a local socket or the loopback
// needs sslmode=verify-full (the default Atelier writes), so that neither
// an eavesdropper nor a server pretending to be the team's sees the
// roster.
func requireVerifiedTLS(cfg *pgx.ConnConfig, dsn, name string) error {
	if loopback.OnMachine(cfg.Host) {
		return nil
	}
	mode := sslmode(dsn)
	if mode == "verify-full" && cfg.TLSConfig != nil && !cfg.TLSConfig.InsecureSkipVerify {
		return nil
	}
	return usererr.New("Atelier refuse de se connecter à la base d’équipe «\u00a0%s\u00a0» sans vérifier l’identité du serveur "+
		"(sslmode=%s)\u00a0: les données des personnes inscrites passeraient par le réseau sans garantie de qui les reçoit. "+
		"Utilisez sslmode=verify-full, avec sslrootcert=<fichier .crt de l’autorité> si le serveur a sa propre autorité.", name, mode)
}

// sslmode is the sslmode the address asks for, or libpq's default
// (prefer) when it asks for none, read from the URL or the key=value form.
func sslmode(dsn string) string {
	for _, sep := range []string{"sslmode=", "sslmode ="} {
		if _, rest, ok := strings.Cut(dsn, sep); ok {
			rest = strings.TrimSpace(rest)
			end := strings.IndexAny(rest, "& ")
			if end >= 0 {
				rest = rest[:end]
			}
			return rest
		}
	}
	return "prefer"
}

// mayWrite reports whether the role may change the data (an INSERT on the
// attendance, the table a live session writes most).
func (s *Store) mayWrite(ctx context.Context) (bool, error) {
	var ok bool
	err := s.db.QueryRowContext(ctx, "SELECT has_table_privilege('attendance', 'INSERT')").Scan(&ok)
	if err != nil {
		return false, teamUnreachable(s.path, err)
	}
	return ok, nil
}

// checkTeam refuses, without changing anything, a database that is not
// Atelier's at this build's schema: a read-only open cannot bring it up
// to date, and a command that must find data should not make a schema in
// an empty database.
func (s *Store) checkTeam(ctx context.Context, readOnly bool) error {
	latest, err := latestVersion()
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return teamUnreachable(s.path, err)
	}
	defer tx.Rollback()
	current, err := teamVersion(ctx, tx, s.path)
	if err != nil {
		return err
	}
	switch {
	case current == 0:
		return usererr.New("La base d’équipe «\u00a0%s\u00a0» est vide\u00a0: elle n’a pas encore les tables d’Atelier. "+
			"Ouvrez-la une première fois dans Atelier (ou copiez-y un fichier avec «\u00a0atelier db copy\u00a0»). Rien n’a été modifié.", s.path).Of(ErrMissing)
	case current > latest:
		return usererr.New("Impossible d’ouvrir la base d’équipe «\u00a0%s\u00a0»\u00a0: elle vient d’une version plus récente d’Atelier (schéma %d)\u202f; "+
			"mettez l’application à jour pour l’ouvrir. Rien n’a été modifié.", s.path, current).Of(ErrTooNew)
	case current < latest && readOnly:
		return usererr.New("La base d’équipe «\u00a0%s\u00a0» a un schéma plus ancien (%d) que cette version d’Atelier (%d)\u00a0: "+
			"ouvrez-la une fois sans lecture seule pour la mettre à jour.", s.path, current, latest).Of(ErrNeedsUpdate)
	}
	return nil
}

// teamUnreachable explains that the server did not let Atelier in.
func teamUnreachable(name string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "28"): // invalid_authorization_specification, invalid_password
			return usererr.Wrap(err, "La base d’équipe «\u00a0%s\u00a0» refuse ce rôle ou ce mot de passe. "+
				"Vérifiez le nom du rôle, et le mot de passe dans ~/.pgpass ou PGPASSWORD.", name)
		case pe.Code == "3D000": // invalid_catalog_name
			return usererr.Wrap(err, "La base «\u00a0%s\u00a0» n’existe pas sur ce serveur. Vérifiez son nom, ou créez-la (README, «\u00a0Base d’équipe\u00a0»).", name).Of(ErrMissing)
		}
		if e, ok := explainTeam(usererr.New("Impossible d’ouvrir la base d’équipe «\u00a0%s\u00a0»", name), err); ok && !errors.Is(e, ErrOffline) {
			return e
		}
	}
	return usererr.Wrap(err, "Impossible de joindre la base d’équipe «\u00a0%s\u00a0»\u00a0: le serveur ne répond pas ou refuse la connexion. "+
		"Vérifiez le réseau, l’adresse et vos droits sur cette base, puis réessayez.", name).Of(ErrOffline)
}
