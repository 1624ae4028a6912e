package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"atelier/app/domain/participants"
	"atelier/app/formats/callreport"
	"atelier/app/formats/registration"
	"atelier/app/kit/inputfile"
	"atelier/app/kit/textfmt"
	"atelier/app/kit/usererr"
	"atelier/app/service"
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
		return usageError(env, "utilisation\u00a0: atelier import roster FICHIER [--cohort NOM].")
	}
	fs := flag.NewFlagSet("import roster", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cohortName := fs.String("cohort", "", "")
	files, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if len(files) != 1 {
		return usageError(env, "indiquez un seul fichier\u00a0: atelier import roster FICHIER [--cohort NOM].")
	}
	svc, c, err := openCohort(env, dbPath, *cohortName, creating)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	sheet, err := readSheet(files[0], c.Location())
	if err != nil {
		return fail(env, err)
	}
	res, err := svc.ImportRoster(context.Background(), c.ID, sheet)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "Cohorte «\u00a0%s\u00a0», fichier %s (%s, %s).\n", c.Name, filepath.Base(files[0]), sheet.Format, sheet.Encoding)
	for _, w := range sheet.Warnings {
		fmt.Fprintln(env.Stdout, w.Error())
	}
	fmt.Fprintln(env.Stdout, res.Summary())
	return ExitOK
}

func readSheet(path string, loc *time.Location) (*registration.Sheet, error) {
	f, err := inputfile.Open(path, registration.MaxSize)
	if err != nil {
		return nil, unreadable(path, err)
	}
	defer f.Close()
	return registration.Parse(f, filepath.Base(path), loc)
}

// unreadable explains a file given on the command line that cannot be read.
func unreadable(path string, err error) error {
	if usererr.ForPerson(err) {
		return err // it names the file already
	}
	return usererr.Wrap(err, "Impossible de lire «\u00a0%s\u00a0»\u00a0: %s", path, lowerFirst(usererr.Message(err)))
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// runAttendanceImport runs « atelier attendance import --session N
// FICHIER »: the video tool's participant report marks the session, and
// the people expected but not in it are marked absent·e·s (unless
// --absent=false).
func runAttendanceImport(env Env, dbPath string, args []string) int {
	fs := flag.NewFlagSet("attendance import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	session := fs.Int("session", 0, "")
	cohortName := fs.String("cohort", "", "")
	late := fs.Int("late", 10, "")
	absent := fs.Bool("absent", true, "")
	otherDay := fs.Bool("other-day", false, "")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if *session == 0 || len(files) != 1 || *late < 0 {
		return usageError(env, "utilisation\u00a0: atelier attendance import --session N FICHIER [--late MINUTES] [--absent=false] [--other-day].")
	}
	svc, c, s, err := openSession(env, dbPath, *cohortName, *session, creating)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	ctx := context.Background()
	f, err := inputfile.Open(files[0], callreport.MaxSize)
	if err != nil {
		return fail(env, unreadable(files[0], err))
	}
	defer f.Close()
	rep, err := callreport.Parse(f, s.StartsAt, c.Location())
	if err != nil {
		return fail(env, err)
	}
	plan, err := svc.PlanReport(ctx, c, s.ID, rep, time.Duration(*late)*time.Minute)
	if err != nil {
		return fail(env, err)
	}
	plan.OtherDay = *otherDay
	out, err := svc.ApplyReport(ctx, c.ID, plan, nil, *absent)
	if errors.Is(err, service.ErrOtherDay) {
		return fail(env, usererr.Wrap(err, "%s Si c’est bien le rapport de la séance %d, relancez la commande avec --other-day.", usererr.Reason(err), s.Number))
	}
	if err != nil {
		return fail(env, err)
	}
	if plan.DateWarning != nil {
		fmt.Fprintln(env.Stdout, plan.DateWarning.Error())
	}
	fmt.Fprint(env.Stdout, reportSummary(plan, out))
	return ExitOK
}

// reportSummary says in French what an attendance import did.
func reportSummary(plan service.ReportPlan, out service.ReportOutcome) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Rapport %s, séance %d\u00a0: %s, %s.\n", plan.Report.Tool, plan.Session.Number,
		countPeople(out.Present, "marquée présente", "marquées présentes"), countPeople(out.Late, "en retard", "en retard"))
	if len(plan.Waiting) > 0 {
		fmt.Fprintf(&b, "Dans le rapport mais en liste d’attente (présent·e·s, sans place)\u00a0: %s.\n", names(plan.Waiting))
	}
	if len(out.Absent) > 0 {
		fmt.Fprintf(&b, "%s, absentes du rapport\u00a0: %s.\n", capitalise(countPeople(len(out.Absent), "attendue marquée absente", "attendues marquées absentes")), names(out.Absent))
	}
	if len(plan.Result.Team) > 0 {
		var team []string
		for _, a := range plan.Result.Team {
			team = append(team, a.Name)
		}
		fmt.Fprintf(&b, "Équipe d’animation, sans marque\u00a0: %s.\n", strings.Join(team, ", "))
	}
	if len(plan.Result.Unmatched) > 0 {
		var list []string
		for _, a := range plan.Result.Unmatched {
			n := a.Name
			if a.Email != "" {
				n += " <" + a.Email + ">"
			}
			list = append(list, n)
		}
		fmt.Fprintf(&b, "Non reconnues (à lier dans Atelier ou à ajouter comme arrivées sans inscription)\u00a0: %s.\n", strings.Join(list, "\u202f; "))
	}
	for _, p := range plan.Report.Warnings {
		fmt.Fprintf(&b, "Ligne %d\u00a0: %s\n", p.Line, p.Reason)
	}
	for _, p := range plan.Report.Skipped {
		fmt.Fprintf(&b, "Ligne %d ignorée\u00a0: %s\n", p.Line, p.Reason)
	}
	return b.String()
}

// countPeople is « 1 personne marquée présente », « 3 personnes marquées
// présentes », « 0 personne … ».
func countPeople(n int, one, many string) string {
	return textfmt.French.Count(n, "personne "+one, "personnes "+many)
}

func names(list []participants.Participant) string {
	var out []string
	for _, p := range list {
		out = append(out, p.Name)
	}
	return strings.Join(out, ", ")
}

func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// runAttendanceAbsent runs « atelier attendance absent --session N »: the
// people expected at the session who have no mark are marked absent·e·s.
func runAttendanceAbsent(env Env, dbPath string, args []string) int {
	fs := flag.NewFlagSet("attendance absent", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	session := fs.Int("session", 0, "")
	cohortName := fs.String("cohort", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if *session == 0 || len(rest) > 0 {
		return usageError(env, "utilisation\u00a0: atelier attendance absent --session N [--cohort NOM].")
	}
	svc, c, s, err := openSession(env, dbPath, *cohortName, *session, writing)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	marked, err := svc.MarkRestAbsent(context.Background(), c.ID, s.ID)
	if err != nil {
		return fail(env, err)
	}
	if len(marked) == 0 {
		fmt.Fprintf(env.Stdout, "Séance %d\u00a0: toutes les personnes attendues ont déjà une marque.\n", s.Number)
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "Séance %d\u00a0: %s\u00a0: %s.\n", s.Number, countPeople(len(marked), "marquée absente", "marquées absentes"), names(marked))
	return ExitOK
}

// runAttendanceSummary runs « atelier attendance summary »: each session's
// figures and the rates, the same the window and the workbook give.
func runAttendanceSummary(env Env, dbPath string, args []string) int {
	fs := flag.NewFlagSet("attendance summary", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cohortName := fs.String("cohort", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if len(rest) > 0 {
		return usageError(env, "utilisation\u00a0: atelier attendance summary [--cohort NOM].")
	}
	svc, c, err := openCohort(env, dbPath, *cohortName, reading)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	r, _, err := svc.Tally(context.Background(), c)
	if err != nil {
		return fail(env, err)
	}
	fr := textfmt.French
	fmt.Fprintf(env.Stdout, "Cohorte «\u00a0%s\u00a0»\u00a0: %s à chaque séance (une place chacune), %s sur %d.\n",
		c.Name, countPeople(r.Expected, "attendue", "attendues"), heldSessions(r.Held), len(c.Sessions))
	for i, t := range r.Sessions {
		ses := c.Sessions[i]
		head := fmt.Sprintf("Séance %d (%s)", ses.Number, fr.MediumDate(ses.StartsAt.In(c.Location())))
		if !t.Held {
			fmt.Fprintf(env.Stdout, "%s\u00a0: pas encore tenue.\n", head)
			continue
		}
		line := fmt.Sprintf("%s\u00a0: %s et %s en retard sur %s, soit %s\u202f; %s, %s, %s sans marque",
			head, textfmt.French.Count(t.Present, "présent·e", "présent·e·s"), fr.Int(t.Late), textfmt.French.Count(t.Expected, "attendu·e", "attendu·e·s"),
			t.Rate().Percent(fr), textfmt.French.Count(t.Absent, "absent·e", "absent·e·s"), textfmt.French.Count(t.Excused, "excusé·e", "excusé·e·s"), fr.Int(t.Unmarked))
		if t.Others > 0 {
			line += fmt.Sprintf("\u202f; et %s sans place", textfmt.French.Count(t.Others, "présent·e", "présent·e·s"))
		}
		fmt.Fprintln(env.Stdout, line+".")
	}
	fmt.Fprintf(env.Stdout, "Taux de présence de la cohorte\u00a0: %s.\n", r.Cohort.Percent(fr))
	return ExitOK
}

func heldSessions(n int) string {
	return textfmt.French.Count(n, "séance tenue", "séances tenues")
}
