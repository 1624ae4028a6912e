package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"atelier/app/domain/course"
	"atelier/app/domain/library"
	"atelier/app/formats/handout"
	"atelier/app/store"
)

// pdfArgs reads the flags shared by the PDF exports.
type pdfArgs struct {
	out, cohort string
	session     int
	min         int
}

func parsePDFArgs(env Env, name string, args []string, needSession, needMin bool) (pdfArgs, int) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var a pdfArgs
	fs.StringVar(&a.out, "o", "", "")
	fs.StringVar(&a.cohort, "cohort", "", "")
	fs.IntVar(&a.session, "session", 0, "")
	fs.IntVar(&a.min, "min", 1, "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return a, usageError(env, frenchFlagError(err))
	}
	usage := "utilisation\u00a0: atelier export " + name
	if needSession {
		usage += " --session N"
	}
	if needMin {
		usage += " --min N"
	}
	usage += " -o FICHIER.pdf [--cohort NOM]."
	if a.out == "" || len(rest) > 0 || !strings.EqualFold(filepath.Ext(a.out), ".pdf") || (needSession && a.session == 0) || a.min < 1 {
		return a, usageError(env, usage)
	}
	return a, -1
}

func sessionResources(st *store.Store, s course.Session) ([]library.Resource, error) {
	return st.SessionResources(context.Background(), s.ID)
}

// runExportHandout writes one session's handout.
func runExportHandout(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "handout", args, true, false)
	if code >= 0 {
		return code
	}
	st, c, s, err := openSession(env, dbPath, a.cohort, a.session)
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	rs, err := sessionResources(st, s)
	if err != nil {
		return fail(env, err)
	}
	diagrams, err := st.CohortStructures(context.Background(), c.ID)
	if err != nil {
		return fail(env, err)
	}
	opt := handout.Options{Created: c.Sessions[0].StartsAt, Structures: diagrams}
	plan, _ := course.PlanFor(env.Plans, s.Number)
	return writeExport(env, a.out, fmt.Sprintf("Document de la séance %d écrit", s.Number), func(w io.Writer) error {
		return handout.Handout(w, c, s, plan, rs, opt)
	})
}

// runExportSignIn writes a session's sign-in sheet.
func runExportSignIn(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "signin", args, true, false)
	if code >= 0 {
		return code
	}
	st, c, s, err := openSession(env, dbPath, a.cohort, a.session)
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	people, err := st.Participants(context.Background(), c.ID)
	if err != nil {
		return fail(env, err)
	}
	opt := handout.Options{Created: c.Sessions[0].StartsAt}
	return writeExport(env, a.out, fmt.Sprintf("Feuille d’émargement de la séance %d écrite", s.Number), func(w io.Writer) error {
		return handout.SignIn(w, c, s, people, opt)
	})
}

// runExportCertificates writes the attendance certificates.
func runExportCertificates(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "certificates", args, false, true)
	if code >= 0 {
		return code
	}
	st, c, err := openCohort(env, dbPath, a.cohort)
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	ctx := context.Background()
	people, err := st.Participants(ctx, c.ID)
	if err != nil {
		return fail(env, err)
	}
	marks, err := st.Attendance(ctx, c.ID)
	if err != nil {
		return fail(env, err)
	}
	opt := handout.Options{Created: c.Sessions[0].StartsAt}
	return writeExport(env, a.out, "Attestations écrites", func(w io.Writer) error {
		return handout.Certificates(w, c, people, marks, a.min, opt)
	})
}

// runExportBooklet writes the five handouts in one PDF.
func runExportBooklet(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "booklet", args, false, false)
	if code >= 0 {
		return code
	}
	st, c, err := openCohort(env, dbPath, a.cohort)
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	bySession := map[int][]library.Resource{}
	for _, s := range c.Sessions {
		rs, err := sessionResources(st, s)
		if err != nil {
			return fail(env, err)
		}
		bySession[s.Number] = rs
	}
	diagrams, err := st.CohortStructures(context.Background(), c.ID)
	if err != nil {
		return fail(env, err)
	}
	opt := handout.Options{Created: c.Sessions[0].StartsAt, Structures: diagrams}
	return writeExport(env, a.out, "Livret du cours écrit", func(w io.Writer) error {
		return handout.Booklet(w, c, env.Plans, bySession, opt)
	})
}
