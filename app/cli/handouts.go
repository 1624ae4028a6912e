package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"atelier/app/kit/textfmt"
	"atelier/app/service"
)

// pdfArgs reads the flags shared by the PDF exports.
type pdfArgs struct {
	out, cohort string
	session     int
	min         int
}

func parsePDFArgs(env Env, name string, args []string, needSession, takesMin bool) (pdfArgs, int) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var a pdfArgs
	fs.StringVar(&a.out, "o", "", "")
	fs.StringVar(&a.cohort, "cohort", "", "")
	fs.IntVar(&a.session, "session", 0, "")
	fs.IntVar(&a.min, "min", 0, "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return a, usageError(env, frenchFlagError(err))
	}
	usage := "utilisation\u00a0: atelier export " + name
	if needSession {
		usage += " --session N"
	}
	if takesMin {
		usage += " [--min N]"
	}
	usage += " -o FICHIER.pdf [--cohort NOM]."
	if a.out == "" || len(rest) > 0 || !strings.EqualFold(filepath.Ext(a.out), ".pdf") || (needSession && a.session == 0) ||
		a.min < 0 || a.min > 5 || (!takesMin && a.min != 0) {
		return a, usageError(env, usage)
	}
	return a, -1
}

// runPDF opens the cohort (and the session, when a.session is set) and
// writes one PDF made by write.
func runPDF(env Env, dbPath string, a pdfArgs, what func() string, write func(ctx context.Context, svc *service.Service, cohortID int64, w io.Writer) error) int {
	svc, c, err := openCohort(env, dbPath, a.cohort, reading)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	if a.session != 0 {
		if _, err := service.Session(c, a.session); err != nil {
			return fail(env, err)
		}
	}
	return writeExport(env, svc, a.out, what, func(w io.Writer) error {
		return write(context.Background(), svc, c.ID, w)
	})
}

// runExportHandout writes one session's handout.
func runExportHandout(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "handout", args, true, false)
	if code >= 0 {
		return code
	}
	return runPDF(env, dbPath, a, said("Document de la séance %d écrit", a.session),
		func(ctx context.Context, svc *service.Service, id int64, w io.Writer) error {
			return svc.Handout(ctx, w, id, a.session)
		})
}

// runExportSignIn writes a session's sign-in sheet.
func runExportSignIn(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "signin", args, true, false)
	if code >= 0 {
		return code
	}
	var done service.Written
	return runPDF(env, dbPath, a, func() string {
		return fmt.Sprintf("Feuille d’émargement de la séance %d écrite (%s)", a.session, textfmt.French.Count(done.People, "personne attendue", "personnes attendues"))
	}, func(ctx context.Context, svc *service.Service, id int64, w io.Writer) error {
		var err error
		done, err = svc.SignIn(ctx, w, id, a.session)
		return err
	})
}

// runExportSlides writes one session's slide deck (16:9 PDF).
func runExportSlides(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "slides", args, true, false)
	if code >= 0 {
		return code
	}
	return runPDF(env, dbPath, a, said("Diaporama de la séance %d écrit", a.session),
		func(ctx context.Context, svc *service.Service, id int64, w io.Writer) error {
			return svc.Slides(ctx, w, id, a.session)
		})
}

// runExportGuide writes one session's facilitator guide, for the team.
func runExportGuide(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "guide", args, true, false)
	if code >= 0 {
		return code
	}
	return runPDF(env, dbPath, a, said("Guide d’animation de la séance %d écrit", a.session),
		func(ctx context.Context, svc *service.Service, id int64, w io.Writer) error {
			return svc.Guide(ctx, w, id, a.session)
		})
}

// runExportCertificates writes the certificates of participation.
func runExportCertificates(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "certificates", args, false, true)
	if code >= 0 {
		return code
	}
	var done service.Written
	return runPDF(env, dbPath, a, func() string {
		return fmt.Sprintf("Attestations écrites (%s)", textfmt.French.Count(done.People, "personne", "personnes"))
	}, func(ctx context.Context, svc *service.Service, id int64, w io.Writer) error {
		var err error
		done, err = svc.Certificates(ctx, w, id, a.min)
		return err
	})
}

// runExportBooklet writes the five handouts in one PDF.
func runExportBooklet(env Env, dbPath string, args []string) int {
	a, code := parsePDFArgs(env, "booklet", args, false, false)
	if code >= 0 {
		return code
	}
	return runPDF(env, dbPath, a, said("Livret du cours écrit"),
		func(ctx context.Context, svc *service.Service, id int64, w io.Writer) error {
			return svc.Booklet(ctx, w, id)
		})
}
