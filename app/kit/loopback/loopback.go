// Package loopback says whether a database host is this machine: the one
// rule both the team database's address (config) and its connection
// (store) follow to decide whether TLS must be verified.
package loopback

import (
	"net"
	"strings"
)

// OnMachine reports whether host is this machine, with no network in
// between: a Unix socket folder, localhost, a loopback address, or no
// host at all (libpq's default socket).
func OnMachine(host string) bool {
	if host == "" || strings.HasPrefix(host, "/") || host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
