package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"atelier/app/domain/participants"
)

// statusWords are the words the command line takes for a mark, in English
// as the scripts use them and in French.
var statusWords = map[string]participants.Mark{
	"present": participants.Present, "présent": participants.Present, "présente": participants.Present,
	"absent": participants.Absent, "absente": participants.Absent,
	"excused": participants.Excuse, "excuse": participants.Excuse, "excusé": participants.Excuse, "excusée": participants.Excuse,
	"late": participants.Retard, "retard": participants.Retard, "en-retard": participants.Retard,
}

// runAttendance dispatches « atelier attendance mark|import ».
func runAttendance(env Env, dbPath string, args []string) int {
	if len(args) == 0 {
		return usageError(env, "précisez «\u00a0attendance mark\u00a0» ou «\u00a0attendance import\u00a0».")
	}
	switch args[0] {
	case "mark":
		return runAttendanceMark(env, dbPath, args[1:])
	case "import":
		return runAttendanceImport(env, dbPath, args[1:])
	case "absent":
		return runAttendanceAbsent(env, dbPath, args[1:])
	case "summary":
		return runAttendanceSummary(env, dbPath, args[1:])
	}
	return usageError(env, fmt.Sprintf("commande inconnue «\u00a0attendance %s\u00a0».", args[0]))
}

func runAttendanceMark(env Env, dbPath string, args []string) int {
	fs := flag.NewFlagSet("attendance mark", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	session := fs.Int("session", 0, "")
	email := fs.String("email", "", "")
	status := fs.String("status", "", "")
	cohortName := fs.String("cohort", "", "")
	minutes := fs.Int("minutes", 0, "")
	note := fs.String("note", "", "")
	if err := fs.Parse(args); err != nil {
		return usageError(env, frenchFlagError(err))
	}
	mark, ok := statusWords[strings.ToLower(*status)]
	if *session == 0 || *email == "" || !ok || fs.NArg() > 0 {
		return usageError(env, "utilisation\u00a0: atelier attendance mark --session N --email COURRIEL --status present|absent|excused|late.")
	}
	svc, c, _, err := openSession(env, dbPath, *cohortName, *session, writing)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	a := participants.Attendance{Mark: mark, Minutes: *minutes, Note: *note}
	p, err := svc.MarkByEmail(context.Background(), c, *session, *email, a)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "%s\u00a0: %s à la séance %d (%s).\n", p.Name, participants.MarkLabels[mark], *session, c.Name)
	return ExitOK
}
