package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"atelier/app/domain/course"
	"atelier/app/domain/participants"
	"atelier/app/store"
)

// statusWords are the words the command line takes for a mark, in English
// as the scripts use them and in French.
var statusWords = map[string]participants.Mark{
	"present": participants.Present, "présent": participants.Present, "présente": participants.Present,
	"absent": participants.Absent, "absente": participants.Absent,
	"excused": participants.Excuse, "excuse": participants.Excuse, "excusé": participants.Excuse, "excusée": participants.Excuse,
	"late": participants.Retard, "retard": participants.Retard, "en-retard": participants.Retard,
}

// pickCohort finds the cohort named name, or, with no name, the one the
// window showed last, or the most recent.
func pickCohort(ctx context.Context, st *store.Store, name string) (course.Cohort, error) {
	list, err := st.Cohorts(ctx)
	if err != nil {
		return course.Cohort{}, err
	}
	if len(list) == 0 {
		return course.Cohort{}, fmt.Errorf("la base ne contient aucune cohorte ; ouvrez d’abord Atelier pour en créer une")
	}
	if name != "" {
		var names []string
		for _, c := range list {
			if strings.EqualFold(c.Name, strings.TrimSpace(name)) {
				return st.Cohort(ctx, c.ID)
			}
			names = append(names, "«\u00a0"+c.Name+"\u00a0»")
		}
		return course.Cohort{}, fmt.Errorf("aucune cohorte ne s’appelle «\u00a0%s\u00a0» ; cohortes connues\u00a0: %s", name, strings.Join(names, ", "))
	}
	pick := list[0].ID // the most recent
	var want int64
	if v, err := st.Setting(ctx, "cohorte_courante"); err == nil {
		fmt.Sscan(v, &want)
	}
	for _, c := range list {
		if c.ID == want {
			pick = want
		}
	}
	return st.Cohort(ctx, pick)
}

// openCohort opens the database (creating the first cohort on a new file)
// and picks the cohort named name, as pickCohort does.
func openCohort(env Env, dbPath, name string) (*store.Store, course.Cohort, error) {
	st, err := openWithCohort(env, dbPath)
	if err != nil {
		return nil, course.Cohort{}, err
	}
	c, err := pickCohort(context.Background(), st, name)
	if err != nil {
		st.Close()
		return nil, course.Cohort{}, err
	}
	return st, c, nil
}

// openSession is openCohort followed by finding session n.
func openSession(env Env, dbPath, name string, n int) (*store.Store, course.Cohort, course.Session, error) {
	st, c, err := openCohort(env, dbPath, name)
	if err != nil {
		return nil, c, course.Session{}, err
	}
	s, err := sessionNumber(c, n)
	if err != nil {
		st.Close()
		return nil, c, s, err
	}
	return st, c, s, nil
}

// sessionNumber finds session n of c.
func sessionNumber(c course.Cohort, n int) (course.Session, error) {
	for _, s := range c.Sessions {
		if s.Number == n {
			return s, nil
		}
	}
	return course.Session{}, fmt.Errorf("la séance %d n’existe pas : indiquez un numéro de 1 à %d", n, len(c.Sessions))
}

// runAttendance dispatches « atelier attendance mark|import ».
func runAttendance(env Env, dbPath string, args []string) int {
	if len(args) == 0 {
		return usageError(env, "précisez « attendance mark » ou « attendance import ».")
	}
	switch args[0] {
	case "mark":
		return runAttendanceMark(env, dbPath, args[1:])
	case "import":
		return runAttendanceImport(env, dbPath, args[1:])
	}
	return usageError(env, fmt.Sprintf("commande inconnue « attendance %s ».", args[0]))
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
		return usageError(env, "utilisation : atelier attendance mark --session N --email COURRIEL --status present|absent|excused|late.")
	}
	st, c, s, err := openSession(env, dbPath, *cohortName, *session)
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	ctx := context.Background()
	people, err := st.Participants(ctx, c.ID)
	if err != nil {
		return fail(env, err)
	}
	for _, p := range people {
		if strings.EqualFold(p.Email, strings.TrimSpace(*email)) {
			a := participants.Attendance{ParticipantID: p.ID, SessionID: s.ID, Mark: mark, Minutes: *minutes, Note: *note}
			if err := st.SetAttendance(ctx, []participants.Attendance{a}); err != nil {
				return fail(env, err)
			}
			fmt.Fprintf(env.Stdout, "%s : %s à la séance %d (%s).\n", p.Name, participants.MarkLabels[mark], s.Number, c.Name)
			return ExitOK
		}
	}
	return fail(env, fmt.Errorf("personne n’a le courriel « %s » dans la cohorte « %s »", *email, c.Name))
}
