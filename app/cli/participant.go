package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"atelier/app/domain/course"
	"atelier/app/kit/textfmt"
	"atelier/app/service"
)

// runParticipant runs « atelier participant erase|export --email E »: a
// person's request for their data, or for its erasure, arrives by
// courriel, and is answered for one cohort (--cohort, else the usual one).
func runParticipant(env Env, dbPath string, args []string) int {
	const use = "utilisation\u00a0: atelier participant erase --email COURRIEL [--cohort NOM], ou atelier participant export --email COURRIEL -o FICHIER.json [--cohort NOM]."
	if len(args) == 0 || (args[0] != "erase" && args[0] != "export") {
		return usageError(env, use)
	}
	fs := flag.NewFlagSet("participant "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	email := fs.String("email", "", "")
	out := fs.String("o", "", "")
	cohortName := fs.String("cohort", "", "")
	rest, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	export := args[0] == "export"
	if strings.TrimSpace(*email) == "" || len(rest) > 0 || export != (*out != "") {
		return usageError(env, use)
	}
	a := writing
	if export {
		a = reading
	}
	svc, c, err := openCohort(env, dbPath, *cohortName, a)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	ctx := context.Background()
	p, err := svc.PersonByEmail(ctx, c, *email)
	if err != nil {
		return fail(env, err)
	}
	if export {
		code := writeExport(env, svc, *out, said("Données %s (cohorte «\u00a0%s\u00a0») exportées", textfmt.French.Of(p.Name), c.Name), func(w io.Writer) error {
			return svc.PersonalData(ctx, w, c, p.ID)
		})
		alsoIn(env, svc, c, *email)
		return code
	}
	if err := svc.Erase(ctx, p.ID); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "Toutes les données %s (cohorte «\u00a0%s\u00a0») sont effacées du fichier\u00a0: coordonnées, notes, présences et sous-groupes.\n", textfmt.French.Of(p.Name), c.Name)
	alsoIn(env, svc, c, *email)
	return ExitOK
}

// alsoIn says in which other cohorts the courriel appears, so that the
// request can be answered there too.
func alsoIn(env Env, svc *service.Service, c course.Cohort, email string) {
	others, err := svc.CohortsWithEmail(context.Background(), c, email)
	if err != nil || len(others) == 0 {
		return
	}
	quoted := make([]string, len(others))
	for i, n := range others {
		quoted[i] = "«\u00a0" + n + "\u00a0»"
	}
	fmt.Fprintf(env.Stdout, "Ce courriel figure aussi dans %s\u00a0: relancez la commande avec --cohort pour chacune.\n", strings.Join(quoted, ", "))
}
