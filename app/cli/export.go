package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"atelier/app/domain/course"
	"atelier/app/formats/attendancexlsx"
	"atelier/app/formats/diagram"
	"atelier/app/formats/rosterexport"
	"atelier/app/kit/atomicfile"
	"atelier/app/kit/fold"
)

// runExport dispatches « atelier export KIND ».
func runExport(env Env, dbPath string, args []string) int {
	if len(args) == 0 {
		return usageError(env, "précisez ce qu’il faut exporter : atelier export structure --name NOM -o FICHIER.png|FICHIER.pdf.")
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
	}
	return usageError(env, fmt.Sprintf("export inconnu « %s » ; disponibles : attendance, booklet, certificates, handout, roster, signin, structure.", args[0]))
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
		return usageError(env, "utilisation : atelier export structure --name NOM -o FICHIER.png|FICHIER.pdf [--cohort NOM].")
	}
	st, c, err := openCohort(env, dbPath, *cohortName)
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	ctx := context.Background()
	list, err := st.Structures(ctx, c.ID)
	if err != nil {
		return fail(env, err)
	}
	var names []string
	for _, x := range list {
		names = append(names, "« "+x.Name+" »")
		if fold.Key(x.Name) != fold.Key(*name) {
			continue
		}
		s, err := st.Structure(ctx, x.ID)
		if err != nil {
			return fail(env, err)
		}
		return writeExport(env, *out, fmt.Sprintf("Structure « %s » exportée", s.Name), func(w io.Writer) error {
			if ext == ".pdf" {
				return diagram.PDF(w, s, diagram.PDFOptions{Subtitle: c.Name, Created: env.Now()})
			}
			return diagram.PNG(w, s, diagram.Options{Scale: 2, Title: s.Name})
		})
	}
	if len(names) == 0 {
		return fail(env, fmt.Errorf("la cohorte « %s » n’a encore aucune structure", c.Name))
	}
	return fail(env, fmt.Errorf("aucune structure ne s’appelle « %s » ; structures de la cohorte : %s", *name, strings.Join(names, ", ")))
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
		return usageError(env, "utilisation : atelier export roster -o FICHIER.xlsx|FICHIER.csv [--cohort NOM].")
	}
	st, c, err := openCohort(env, dbPath, *cohortName)
	if err != nil {
		return fail(env, err)
	}
	defer st.Close()
	people, err := st.Participants(context.Background(), c.ID)
	if err != nil {
		return fail(env, err)
	}
	what := fmt.Sprintf("Liste de « %s » exportée (%s)", c.Name, plural(len(people), "personne", "personnes"))
	return writeExport(env, *out, what, func(w io.Writer) error {
		if ext == ".csv" {
			return rosterexport.CSV(w, people, c.Location())
		}
		return rosterexport.XLSX(w, people, c.Location())
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
		return usageError(env, "utilisation : atelier export attendance [--cohort NOM] -o FICHIER.xlsx.")
	}
	st, c, err := openCohort(env, dbPath, *cohortName)
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
	what := fmt.Sprintf("Présences de « %s » exportées (%s, %s)", c.Name,
		plural(len(people), "personne", "personnes"), plural(len(marks), "marque", "marques"))
	return writeExport(env, *out, what, func(w io.Writer) error {
		return attendancexlsx.Write(w, c, people, marks, attendancexlsx.Options{Author: "Atelier", Created: env.Now(), ShortTitles: course.ShortTitles(env.Plans)})
	})
}

// writeExport writes a file through a temp file and a rename, then says
// what was written and where.
func writeExport(env Env, path, what string, write func(io.Writer) error) int {
	if err := atomicfile.Write(path, 0o600, write); err != nil {
		return fail(env, err)
	}
	abs, _ := filepath.Abs(path)
	fmt.Fprintf(env.Stdout, "%s : %s\n", what, abs)
	return ExitOK
}
