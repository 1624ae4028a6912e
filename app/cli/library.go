package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"atelier/app/store"
)

// runLibrary runs « atelier library search REQUÊTE [--session N] »: the
// matches, best first.
func runLibrary(env Env, dbPath string, args []string) int {
	if len(args) == 0 || args[0] != "search" {
		return usageError(env, "utilisation\u00a0: atelier library search REQUÊTE [--session N].")
	}
	fs := flag.NewFlagSet("library search", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	session := fs.Int("session", 0, "")
	words, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if *session < 0 || *session > 5 {
		return usageError(env, "la séance va de 1 à 5.")
	}
	svc, err := open(env, dbPath, reading)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	rs, err := svc.Store().SearchResources(context.Background(), store.Query{Text: strings.Join(words, " "), Session: *session, Limit: 50})
	if err != nil {
		return fail(env, err)
	}
	if len(rs) == 0 {
		fmt.Fprintln(env.Stdout, "Aucune ressource ne correspond.")
		return ExitOK
	}
	for i, r := range rs {
		line := fmt.Sprintf("%d. %s (%s", i+1, r.Title, r.Source)
		if r.Author != "" {
			line += ", " + r.Author
		}
		line += ")"
		if r.URL != "" {
			line += " — " + r.URL
		}
		fmt.Fprintln(env.Stdout, line)
	}
	return ExitOK
}
