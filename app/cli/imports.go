package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/formats/callreport"
	"atelier/app/formats/registration"
)

// parseInterspersed parses flags wherever they stand among the arguments
// (« import roster FICHIER --cohort NOM » as well as the other order) and
// returns the rest.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// runImport runs « atelier import roster FICHIER [--cohort NOM] ». It fails
// only when the file is unusable; rejected rows are reported and the good
// ones imported.
func runImport(env Env, dbPath string, args []string) int {
	if len(args) == 0 || args[0] != "roster" {
		return usageError(env, "utilisation : atelier import roster FICHIER [--cohort NOM].")
	}
	fs := flag.NewFlagSet("import roster", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cohortName := fs.String("cohort", "", "")
	files, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if len(files) != 1 {
		return usageError(env, "indiquez un seul fichier : atelier import roster FICHIER [--cohort NOM].")
	}
	st, c, err := openCohort(env, dbPath, *cohortName)
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	ctx := context.Background()
	sheet, err := readSheet(files[0], c.Location())
	if err != nil {
		return fail(env, err)
	}
	existing, err := st.Participants(ctx, c.ID)
	if err != nil {
		return fail(env, err)
	}
	res := registration.Plan(sheet, existing, c.SeatLimit)
	if err := st.ApplyImport(ctx, c.ID, res.Add, res.Update); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "Cohorte « %s », fichier %s (%s, %s).\n%s\n", c.Name, filepath.Base(files[0]), sheet.Format, sheet.Encoding, res.Summary())
	return ExitOK
}

func readSheet(path string, loc *time.Location) (*registration.Sheet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("impossible de lire « %s » : %w", path, err)
	}
	defer f.Close()
	return registration.Parse(f, filepath.Base(path), loc)
}

// runAttendanceImport runs « atelier attendance import --session N FICHIER »:
// the video tool's participant report marks the session.
func runAttendanceImport(env Env, dbPath string, args []string) int {
	fs := flag.NewFlagSet("attendance import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	session := fs.Int("session", 0, "")
	cohortName := fs.String("cohort", "", "")
	late := fs.Int("late", 10, "")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if *session == 0 || len(files) != 1 {
		return usageError(env, "utilisation : atelier attendance import --session N FICHIER [--late MINUTES].")
	}
	st, c, s, err := openSession(env, dbPath, *cohortName, *session)
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	ctx := context.Background()
	f, err := os.Open(files[0])
	if err != nil {
		return fail(env, fmt.Errorf("impossible de lire « %s » : %w", files[0], err))
	}
	defer f.Close()
	rep, err := callreport.Parse(f, s.StartsAt, c.Location())
	if err != nil {
		return fail(env, err)
	}
	people, err := st.Participants(ctx, c.ID)
	if err != nil {
		return fail(env, err)
	}
	res := callreport.MatchRoster(rep, people, callreport.Options{SessionID: s.ID, Start: s.StartsAt, LateAfter: time.Duration(*late) * time.Minute})
	if err := st.SetAttendance(ctx, res.Marks()); err != nil {
		return fail(env, err)
	}
	fmt.Fprint(env.Stdout, reportSummary(rep, res, s.Number))
	if w := callreport.DateWarning(rep, s.StartsAt); w != "" {
		fmt.Fprintln(env.Stdout, w)
	}
	return ExitOK
}

// reportSummary says in French what an attendance import did.
func reportSummary(rep *callreport.Report, res callreport.Result, session int) string {
	present, late := 0, 0
	for _, m := range res.Matched {
		if m.Mark.Mark == participants.Retard {
			late++
		} else {
			present++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Rapport %s, séance %d : %s marquée%s présente%s, %s en retard.\n", rep.Tool, session,
		plural(present, "personne", "personnes"), pluralS(present), pluralS(present), plural(late, "personne", "personnes"))
	if len(res.Unmatched) > 0 {
		var names []string
		for _, a := range res.Unmatched {
			n := a.Name
			if a.Email != "" {
				n += " <" + a.Email + ">"
			}
			names = append(names, n)
		}
		fmt.Fprintf(&b, "Non reconnues (à lier dans Atelier ou à ajouter comme arrivées sans inscription) : %s.\n", strings.Join(names, " ; "))
	}
	for _, p := range rep.Skipped {
		fmt.Fprintf(&b, "Ligne %d ignorée : %s\n", p.Line, p.Reason)
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n <= 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func pluralS(n int) string {
	if n <= 1 {
		return ""
	}
	return "s"
}
