package config

import (
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/url"
	"strconv"
	"strings"

	"atelier/app/kit/loopback"
)

// Team is the team database a facilitator chose in « Réglages » (issue
// 16): where the server is and who they are on it. No password: libpq's
// rules give it (~/.pgpass, PGPASSWORD), so that no file of Atelier's
// ever holds one in clear.
type Team struct {
	On       bool   `json:"active"`
	Host     string `json:"hote"`
	Port     int    `json:"port,omitempty"`
	Database string `json:"base"`
	User     string `json:"role"`
	// CA is the certificate of the authority that signed the server's,
	// when it is not one the system knows (sslrootcert).
	CA string `json:"autorite,omitempty"`
	// Who is the name the rest of the team sees in « qui est là ».
	Who string `json:"nom,omitempty"`
}

// OutboxPath is where the check-in keeps the marks taken while the team
// database at dsn is out of reach: one file per database, named by a
// digest of its address, so that two team databases never mix their
// marks and the file name tells nothing of the server.
func OutboxPath(dsn string) (string, error) {
	sum := sha256.Sum256([]byte(dsn))
	return host.outboxPath(hex.EncodeToString(sum[:8]) + ".json")
}

// DSN is the postgres:// address of the team database. The server's
// certificate is always verified (sslmode=verify-full) unless the server
// is on this machine: a Unix socket or the loopback.
func (t Team) DSN() string {
	u := url.URL{Scheme: "postgres", Path: "/" + t.Database}
	q := url.Values{}
	host := strings.TrimSpace(t.Host)
	switch {
	case strings.HasPrefix(host, "/"):
		q.Set("host", host) // a socket folder goes in the query
	case t.Port != 0:
		u.Host = net.JoinHostPort(host, strconv.Itoa(t.Port))
	default:
		u.Host = host
	}
	if t.User != "" {
		u.User = url.User(t.User)
	}
	if !loopback.OnMachine(host) {
		q.Set("sslmode", "verify-full")
		if t.CA != "" {
			q.Set("sslrootcert", t.CA)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}
