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

// runExport dispatches « atelier export KIND ».
func runExport(env Env, dbPath string, args []string) int {
	if len(args) == 0 {
		return usageError(env, "précisez ce qu’il faut exporter\u00a0: atelier export structure --name NOM -o FICHIER.png|FICHIER.pdf.")
	}
	switch args[0] {
	case "structure":
		return runExportStructure(env, dbPath, args[1:])
	case "roster":
		return runExportRoster(env, dbPath, args[1:])
	case "attendance":
		return runExportAttendance(env, dbPath, args[1:])
	case "handout":
		return runExportHandout(env, dbPath, args[1:])
	case "signin":
		return runExportSignIn(env, dbPath, args[1:])
	case "certificates":
		return runExportCertificates(env, dbPath, args[1:])
	case "booklet":
		return runExportBooklet(env, dbPath, args[1:])
	case "slides":
		return runExportSlides(env, dbPath, args[1:])
	case "guide":
		return runExportGuide(env, dbPath, args[1:])
	}
	return usageError(env, fmt.Sprintf("export inconnu «\u00a0%s\u00a0»\u202f; disponibles\u00a0: attendance, booklet, certificates, handout, roster, signin, slides, structure.", args[0]))
}

// runExportStructure writes a session-3 diagram to PNG or PDF.
func runExportStructure(env Env, dbPath string, args []string) int {
	fs := flag.NewFlagSet("export structure", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	name := fs.String("name", "", "")
	out := fs.String("o", "", "")
	cohortName := fs.String("cohort", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *name == "" || *out == "" || len(rest) > 0 || (ext != ".png" && ext != ".pdf") {
		return usageError(env, "utilisation\u00a0: atelier export structure --name NOM -o FICHIER.png|FICHIER.pdf [--cohort NOM].")
	}
	svc, c, err := openCohort(env, dbPath, *cohortName, reading)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	ctx := context.Background()
	s, err := svc.FindStructure(ctx, c, *name)
	if err != nil {
		return fail(env, err)
	}
	return writeExport(env, svc, *out, said("Structure «\u00a0%s\u00a0» exportée", s.Name), func(w io.Writer) error {
		if ext == ".pdf" {
			return svc.StructurePDF(ctx, w, s)
		}
		return svc.StructurePNG(w, s)
	})
}

// runExportRoster writes the cohort's roster to XLSX or CSV (UTF-8 with a
// BOM), through a temp file.
func runExportRoster(env Env, dbPath string, args []string) int {
	fs := flag.NewFlagSet("export roster", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "")
	cohortName := fs.String("cohort", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out == "" || len(rest) > 0 || (ext != ".xlsx" && ext != ".csv") {
		return usageError(env, "utilisation\u00a0: atelier export roster -o FICHIER.xlsx|FICHIER.csv [--cohort NOM].")
	}
	svc, c, err := openCohort(env, dbPath, *cohortName, reading)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	var done service.Written
	return writeExport(env, svc, *out, func() string {
		return fmt.Sprintf("Liste de «\u00a0%s\u00a0» exportée (%s)", done.Cohort, textfmt.French.Count(done.People, "personne", "personnes"))
	}, func(w io.Writer) error {
		var err error
		done, err = svc.RosterFile(context.Background(), w, c.ID, ext == ".csv")
		return err
	})
}

// runExportAttendance writes the cohort's attendance workbook.
func runExportAttendance(env Env, dbPath string, args []string) int {
	fs := flag.NewFlagSet("export attendance", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "")
	cohortName := fs.String("cohort", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError(env, frenchFlagError(err))
	}
	if *out == "" || len(rest) > 0 || !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return usageError(env, "utilisation\u00a0: atelier export attendance [--cohort NOM] -o FICHIER.xlsx.")
	}
	svc, c, err := openCohort(env, dbPath, *cohortName, reading)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Store().Close()
	var done service.Written
	return writeExport(env, svc, *out, func() string {
		return fmt.Sprintf("Présences de «\u00a0%s\u00a0» exportées (%s, %s)", done.Cohort,
			textfmt.French.Count(done.People, "personne", "personnes"), textfmt.French.Count(done.Marks, "marque", "marques"))
	}, func(w io.Writer) error {
		var err error
		done, err = svc.Workbook(context.Background(), w, c.ID)
		return err
	})
}

// writeExport writes a file through a temp file and a rename, then says
// what was written (what is asked once the file is written) and where.
func writeExport(env Env, svc *service.Service, path string, what func() string, write func(io.Writer) error) int {
	if err := svc.SaveFile(path, write); err != nil {
		return fail(env, err)
	}
	abs, _ := filepath.Abs(path)
	fmt.Fprintf(env.Stdout, "%s\u00a0: %s\n", what(), abs)
	return ExitOK
}

// said is a fixed message for writeExport.
func said(format string, args ...any) func() string {
	return func() string { return fmt.Sprintf(format, args...) }
}
