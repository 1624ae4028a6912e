package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"atelier/app/store"
)

// runDB runs « atelier db copy --to DESTINATION »: the database of --db
// (a file or a team database) copied whole into a team database that has
// no data yet, or into a new file.
func runDB(env Env, dbPath string, args []string) int {
	if len(args) == 0 || args[0] != "copy" {
		return usageError(env, "indiquez ce qu’il faut faire de la base\u00a0: atelier db copy --to DESTINATION.")
	}
	fs := flag.NewFlagSet("db copy", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	to := fs.String("to", "", "")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if *to == "" || fs.NArg() > 0 {
		return usageError(env, "indiquez la destination\u00a0: atelier db copy --to postgres://… (une base d’équipe vide) ou --to FICHIER.db (un nouveau fichier).")
	}
	ctx := context.Background()
	// Read-only: the source is never changed, and a copy of a file one
	// may only read, or of a team database one may only consult, works.
	src, err := store.Open(dbPath, store.Options{Now: env.Now, ReadOnly: true})
	if err != nil {
		return fail(env, err)
	}
	defer src.Close()
	var counts store.CopyCounts
	var where string
	if store.IsTeam(*to) {
		dst, err := store.Open(*to, store.Options{Now: env.Now})
		if err != nil {
			return fail(env, err)
		}
		where = dst.Path() // never the password the address may hold
		counts, err = store.Copy(ctx, src, dst)
		if cerr := dst.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if err != nil {
			return fail(env, err)
		}
	} else {
		where, _ = filepath.Abs(*to)
		if counts, err = store.CopyToNewFile(ctx, src, *to); err != nil {
			return fail(env, err)
		}
	}
	fmt.Fprintf(env.Stdout, "Base copiée vers «\u00a0%s\u00a0»\u00a0: %s\n", where, counts.Summary())
	return ExitOK
}
