package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"atelier/app/domain/library"
	"atelier/app/domain/structure"
	"atelier/app/service"
	"atelier/app/store"
	"atelier/workshops"
)

// run runs the command line with captured output and a GUI that records
// what it was given instead of opening a window.
func run(t *testing.T, args ...string) (code int, stdout, stderr string, gui *guiCall) {
	t.Helper()
	var out, errb bytes.Buffer
	gui = &guiCall{}
	code = Run(args, Env{
		Stdout:    &out,
		Stderr:    &errb,
		Version:   "test",
		Plans:     workshops.MustPlans(),
		Catalogue: workshops.Catalogue(),
		Now:       func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) },
		GUI: func(svc *service.Service, openErr error) error {
			gui.called = true
			gui.openErr = openErr
			if svc != nil {
				gui.cohorts, _ = svc.Cohorts(context.Background())
			}
			return nil
		},
	})
	return code, out.String(), errb.String(), gui
}

type guiCall struct {
	called  bool
	openErr error
	cohorts any
}

func TestNoCommandOpensTheWindowOnAFirstCohort(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sub", "atelier.db")
	code, _, stderr, gui := run(t, "--db", db)
	if code != ExitOK || !gui.called || gui.openErr != nil {
		t.Fatalf("exit %d, gui %+v, stderr %q", code, gui, stderr)
	}
	if !strings.Contains(stringOf(gui.cohorts), "Cohorte hiver 2026") {
		t.Errorf("cohorts given to the window: %v", gui.cohorts)
	}
	info, err := os.Stat(db)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("database file: %v, %v", info, err)
	}
}

func stringOf(v any) string { return fmt.Sprint(v) }

func TestDatabaseFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("ATELIER_DB", db)
	if code, _, stderr, _ := run(t); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("ATELIER_DB not used: %v", err)
	}
}

func TestForeignFileIsRefusedAndKept(t *testing.T) {
	db := filepath.Join(t.TempDir(), "notes.db")
	content := []byte("des notes, pas une base\n")
	if err := os.WriteFile(db, content, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr, gui := run(t, "--db", db)
	if code != ExitError || gui.openErr == nil {
		t.Fatalf("exit %d, gui %+v", code, gui)
	}
	if !strings.Contains(stderr, "n’est pas une base de données Atelier") {
		t.Errorf("stderr %q", stderr)
	}
	if got, _ := os.ReadFile(db); !bytes.Equal(got, content) {
		t.Error("the refused file was changed")
	}
}

func TestCommands(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"version", []string{"version"}, ExitOK, "Atelier test (schéma de base 8", ""},
		{"help", []string{"help"}, ExitOK, "backup -o FICHIER", ""},
		{"-h", []string{"-h"}, ExitOK, "Utilisation", ""},
		{"unknown command", []string{"imprimer"}, ExitUsage, "", "commande inconnue «\u00a0imprimer\u00a0»"},
		{"unknown flag", []string{"--couleur", "rouge"}, ExitUsage, "", "option inconnue «\u00a0-couleur\u00a0»"},
		{"backup without file", []string{"backup"}, ExitUsage, "", "atelier backup -o FICHIER"},
		{"help names db copy", []string{"help"}, ExitOK, "db copy --to postgres://…|FICHIER.db", ""},
		{"db without what to do", []string{"db"}, ExitUsage, "", "atelier db copy --to DESTINATION"},
		{"db copy without destination", []string{"db", "copy"}, ExitUsage, "", "--to postgres://… (une base d’équipe vide) ou --to FICHIER.db"},
		{"db copy extra argument", []string{"db", "copy", "--to", "b.db", "c.db"}, ExitUsage, "", "indiquez la destination"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--db", filepath.Join(t.TempDir(), "a.db")}, tt.args...)
			code, out, errOut, gui := run(t, args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.err) {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			if gui.called {
				t.Error("a command opened the window")
			}
		})
	}
}

func TestBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "atelier.db")
	if code, _, stderr, _ := run(t, "--db", db); code != ExitOK {
		t.Fatal(stderr)
	}
	copyPath := filepath.Join(dir, "copie.db")
	code, out, stderr, _ := run(t, "--db", db, "backup", "-o", copyPath)
	if code != ExitOK || !strings.Contains(out, "Sauvegarde écrite") {
		t.Fatalf("exit %d, %q, %q", code, out, stderr)
	}
	st, err := store.Open(copyPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Cohorts(context.Background())
	if err != nil || len(list) != 1 {
		t.Errorf("backup holds %v, %v", list, err)
	}
	if info, _ := os.Stat(copyPath); info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", info.Mode())
	}
}

func TestImportRosterTwiceAddsNobodyTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	file := filepath.Join("..", "formats", "registration", "testdata", "excel-fr.csv")
	code, out, stderr, _ := run(t, "--db", db, "import", "roster", file)
	if code != ExitOK || !strings.Contains(out, "3 personnes ajoutées") || !strings.Contains(out, "ligne 4") {
		t.Fatalf("first import: exit %d, %q, %q", code, out, stderr)
	}
	code, out, _, _ = run(t, "--db", db, "import", "roster", file, "--cohort", "cohorte hiver 2026")
	if code != ExitOK || !strings.Contains(out, "0 personne ajoutée") {
		t.Errorf("second import: exit %d, %q", code, out)
	}
	garbage := filepath.Join(t.TempDir(), "vide.csv")
	os.WriteFile(garbage, nil, 0o600)
	if code, _, stderr, _ := run(t, "--db", db, "import", "roster", garbage); code != ExitError || stderr == "" {
		t.Errorf("empty file: exit %d, %q", code, stderr)
	}
	if code, _, stderr, _ := run(t, "--db", db, "import", "roster", file, "--cohort", "Inconnue"); code != ExitError || !strings.Contains(stderr, "Aucune cohorte ne s’appelle «\u00a0Inconnue\u00a0»") {
		t.Errorf("unknown cohort: exit %d, %q", code, stderr)
	}
}

// A registration file whose titles hold bytes that are not UTF-8 is
// imported with its warning printed in French, word for word.
func TestImportRosterWarning(t *testing.T) {
	dir := t.TempDir()
	db, file := filepath.Join(dir, "a.db"), filepath.Join(dir, "inscriptions.csv")
	if err := os.WriteFile(file, []byte("Nom;Vill\xe9\r\nHélène Côté;Québec\r\nZoé Œuvray;Lévis\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr, _ := run(t, "--db", db, "import", "roster", file)
	if code != ExitOK {
		t.Fatalf("exit %d, %q, %q", code, out, stderr)
	}
	want := "\nLigne 1\u00a0: des caractères illisibles (qui ne sont pas de l’UTF-8) sont remplacés par «\u00a0\ufffd\u00a0»\u202f; vérifiez les titres de colonnes.\n2 personnes ajoutées"
	if !strings.Contains(out, want) {
		t.Errorf("output %q lacks %q", out, want)
	}
}

func TestAttendanceMarkAndImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	roster := filepath.Join(dir, "inscriptions.csv")
	csv := "Nom;Courriel\nKarim Benali;karim.benali@exemple.org\nMarie-Ève Gagnon;megagnon@exemple.org\n"
	if err := os.WriteFile(roster, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr, _ := run(t, "--db", db, "import", "roster", roster); code != ExitOK {
		t.Fatal(stderr)
	}
	code, out, stderr, _ := run(t, "--db", db, "attendance", "mark", "--session", "1", "--email", "KARIM.benali@exemple.org", "--status", "late")
	if code != ExitOK || !strings.Contains(out, "Karim Benali\u00a0: en retard à la séance 1") {
		t.Errorf("mark: exit %d, %q, %q", code, out, stderr)
	}
	for _, bad := range [][]string{
		{"--session", "1", "--email", "personne@exemple.org", "--status", "present"},
		{"--session", "9", "--email", "karim.benali@exemple.org", "--status", "present"},
	} {
		if code, _, _, _ := run(t, append([]string{"--db", db, "attendance", "mark"}, bad...)...); code != ExitError {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
	if code, _, _, _ := run(t, "--db", db, "attendance", "mark", "--session", "1", "--email", "a@b.ca", "--status", "peut-être"); code != ExitUsage {
		t.Errorf("unknown status: exit %d", code)
	}
	report := filepath.Join("..", "formats", "callreport", "testdata", "zoom_participants.csv")
	code, out, stderr, _ = run(t, "--db", db, "attendance", "import", "--session", "2", "--other-day", report) // a November report
	if code != ExitOK || !strings.Contains(out, "Rapport Zoom, séance 2") || !strings.Contains(out, "Non reconnues") {
		t.Fatalf("import: exit %d, %q, %q", code, out, stderr)
	}
	// The meeting's host is the team: named apart, not among those to place.
	hosted := filepath.Join("..", "formats", "callreport", "testdata", "zoom_host_tag_fr.csv")
	code, out, stderr, _ = run(t, "--db", db, "attendance", "import", "--session", "3", "--other-day", hosted)
	if code != ExitOK || !strings.Contains(out, "Équipe d’animation, sans marque\u00a0: ") {
		t.Fatalf("import with a host: exit %d, %q, %q", code, out, stderr)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	list, _ := st.Cohorts(ctx)
	c, _ := st.Cohort(ctx, list[0].ID)
	marks, _ := st.SessionAttendance(ctx, c.Sessions[1].ID)
	if len(marks) != 2 {
		t.Errorf("session 2 marks %+v", marks)
	}
	for _, m := range marks {
		if m.Minutes == 0 {
			t.Errorf("no minutes recorded: %+v", m)
		}
	}
}

func TestExportStructure(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, stderr, _ := run(t, "--db", db); code != ExitOK { // the window makes the file
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "xr.png")
	if code, _, stderr, _ := run(t, "--db", db, "export", "structure", "--name", "Groupe Rive-Sud", "-o", out); code != ExitError || !strings.Contains(stderr, "n’a encore aucune structure") {
		t.Errorf("no structure yet: exit %d, %q", code, stderr)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := service.New(st, workshops.MustPlans(), nil).FirstStart(ctx, library.Catalogue{}); err != nil {
		t.Fatal(err)
	}
	list, _ := st.Cohorts(ctx)
	s, err := structure.FromTemplate("xr-groupe-local", "Groupe Rive-Sud")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateStructure(ctx, list[0].ID, s); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, name := range []string{"xr.png", "xr.pdf"} {
		out := filepath.Join(dir, name)
		code, stdout, stderr, _ := run(t, "--db", db, "export", "structure", "--name", "groupe rive-sud", "-o", out)
		if code != ExitOK || !strings.Contains(stdout, "exportée") {
			t.Fatalf("%s: exit %d, %q, %q", name, code, stdout, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil || len(data) < 1000 {
			t.Errorf("%s: %d bytes, %v", name, len(data), err)
		}
	}
	if code, _, _, _ := run(t, "--db", db, "export", "structure", "--name", "x", "-o", filepath.Join(dir, "x.gif")); code != ExitUsage {
		t.Errorf("gif accepted: exit %d", code)
	}
}

func TestLibrarySearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if code, _, stderr, _ := run(t, "--db", db); code != ExitOK {
		t.Fatal(stderr)
	}
	code, out, stderr, _ := run(t, "--db", db, "library", "search", "coalition", "--session", "4")
	if code != ExitOK || !strings.HasPrefix(out, "1. ") {
		t.Fatalf("exit %d, %q, %q", code, out, stderr)
	}
	if code, out, _, _ := run(t, "--db", db, "library", "search", "zzzqqq"); code != ExitOK || !strings.Contains(out, "Aucune ressource") {
		t.Errorf("no match: exit %d, %q", code, out)
	}
	if code, _, _, _ := run(t, "--db", db, "library", "search", "x", "--session", "9"); code != ExitUsage {
		t.Errorf("session 9: exit %d", code)
	}
}

func TestExportRoster(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	roster := filepath.Join(dir, "inscriptions.csv")
	if err := os.WriteFile(roster, []byte("Nom;Courriel\nHélène Œuvre;h@exemple.ca\n=1+1;x@exemple.ca\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr, _ := run(t, "--db", db, "import", "roster", roster); code != ExitOK {
		t.Fatal(stderr)
	}
	for _, name := range []string{"liste.csv", "liste.xlsx"} {
		out := filepath.Join(dir, name)
		code, stdout, stderr, _ := run(t, "--db", db, "export", "roster", "-o", out)
		if code != ExitOK || !strings.Contains(stdout, "2 personnes") {
			t.Fatalf("%s: exit %d, %q, %q", name, code, stdout, stderr)
		}
		info, err := os.Stat(out)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v", name, info, err)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "liste.csv"))
	if !strings.Contains(string(data), "Hélène Œuvre") || !strings.Contains(string(data), "'=1+1") {
		t.Errorf("csv %q", data)
	}
	if code, _, _, _ := run(t, "--db", db, "export", "roster", "-o", filepath.Join(dir, "x.ods")); code != ExitUsage {
		t.Errorf("ods accepted: exit %d", code)
	}
}

func TestExportAttendance(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	roster := filepath.Join(dir, "inscriptions.csv")
	if err := os.WriteFile(roster, []byte("Nom;Courriel\nHélène Œuvre;h@exemple.ca\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr, _ := run(t, "--db", db, "import", "roster", roster); code != ExitOK {
		t.Fatal(stderr)
	}
	if code, _, stderr, _ := run(t, "--db", db, "attendance", "mark", "--session", "2", "--email", "h@exemple.ca", "--status", "late"); code != ExitOK {
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "presences.xlsx")
	code, stdout, stderr, _ := run(t, "--db", db, "export", "attendance", "-o", out)
	if code != ExitOK || !strings.Contains(stdout, "(1 personne, 1 marque)") {
		t.Fatalf("exit %d, %q, %q", code, stdout, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Présences", "A2"); v != "Hélène Œuvre" {
		t.Errorf("A2 = %q", v)
	}
	if v, _ := f.GetCellValue("Présences", "G2"); v != "En retard" {
		t.Errorf("G2 = %q", v)
	}
	if code, _, _, _ := run(t, "--db", db, "export", "attendance", "-o", filepath.Join(dir, "x.csv")); code != ExitUsage {
		t.Errorf("csv accepted: exit %d", code)
	}
}

func TestExportPDFs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	roster := filepath.Join(dir, "inscriptions.csv")
	if err := os.WriteFile(roster, []byte("Nom;Courriel\nÉlodie Gagnon;e@exemple.ca\nDominique Roy;d@exemple.ca\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr, _ := run(t, "--db", db, "import", "roster", roster); code != ExitOK {
		t.Fatal(stderr)
	}
	for s := range 3 {
		if code, _, stderr, _ := run(t, "--db", db, "attendance", "mark", "--session", fmt.Sprint(s+1), "--email", "e@exemple.ca", "--status", "present"); code != ExitOK {
			t.Fatal(stderr)
		}
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"handout", "--session", "4"}, "Document de la séance 4"},
		{[]string{"signin", "--session", "1"}, "Feuille d’émargement"},
		{[]string{"certificates", "--min", "3"}, "Attestations"},
		{[]string{"booklet"}, "Livret"},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, tt.args[0]+".pdf")
		args := append([]string{"--db", db, "export"}, tt.args...)
		code, stdout, stderr, _ := run(t, append(args, "-o", out)...)
		if code != ExitOK || !strings.Contains(stdout, tt.want) {
			t.Errorf("%v: exit %d, %q, %q", tt.args, code, stdout, stderr)
			continue
		}
		if data, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Errorf("%v: not a PDF (%v)", tt.args, err)
		}
	}
	if code, _, stderr, _ := run(t, "--db", db, "export", "certificates", "--min", "4", "-o", filepath.Join(dir, "x.pdf")); code != ExitError || stderr == "" {
		t.Errorf("nobody with 4 sessions: exit %d, %q", code, stderr)
	}
	if code, _, _, _ := run(t, "--db", db, "export", "handout", "-o", filepath.Join(dir, "x.pdf")); code != ExitUsage {
		t.Errorf("handout without session: exit %d", code)
	}
}

// TestAttendanceAddsUp runs the commands a facilitator would after a
// session: a video report that lists only who came, the rest marked
// absent, then the figures, which count the people expected.
func TestAttendanceAddsUp(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	roster := filepath.Join(dir, "inscriptions.csv")
	var b strings.Builder
	b.WriteString("Nom;Courriel\nKarim Benali;karim.benali@exemple.org\nMarie-Ève Gagnon;megagnon@exemple.org\n")
	for i := range 9 {
		fmt.Fprintf(&b, "Personne %d;p%d@exemple.org\n", i, i)
	}
	if err := os.WriteFile(roster, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr, _ := run(t, "--db", db, "import", "roster", roster); code != ExitOK {
		t.Fatal(stderr)
	}
	report := filepath.Join("..", "formats", "callreport", "testdata", "zoom_participants.csv")
	// The report is from another day: nothing is written until the
	// facilitator says it is the right one.
	code, out, stderr, _ := run(t, "--db", db, "attendance", "import", "--session", "1", report)
	if code != ExitError || !strings.Contains(stderr, "Rien n’a été enregistré") || !strings.Contains(stderr, "--other-day") {
		t.Fatalf("report of another day: exit %d, %q, %q", code, out, stderr)
	}
	// The warning reads in French, word for word, where it refuses and
	// where, confirmed, it is printed before the summary.
	warning := "Attention\u00a0: ce rapport date du 4 novembre 2026, alors que la séance a lieu le 2 décembre 2026. Vérifiez le fichier et la séance choisie."
	if want := "atelier\u00a0: " + warning + " Rien n’a été enregistré. Si c’est bien le rapport de la séance 1, relancez la commande avec --other-day.\n"; stderr != want {
		t.Errorf("refusal\n got %q\nwant %q", stderr, want)
	}
	if _, out, _, _ = run(t, "--db", db, "attendance", "summary"); !strings.Contains(out, "Séance 1 (mer. 2 déc. 2026)\u00a0: pas encore tenue.") {
		t.Fatalf("marks written by the refused import: %q", out)
	}
	code, out, stderr, _ = run(t, "--db", db, "attendance", "import", "--session", "1", "--other-day", report)
	if code != ExitOK || !strings.Contains(out, "9 personnes attendues marquées absentes, absentes du rapport") {
		t.Fatalf("import: exit %d, %q, %q", code, out, stderr)
	}
	if !strings.HasPrefix(out, warning+"\n") {
		t.Errorf("the confirmed import does not start with the warning: %q", out)
	}
	if !strings.Contains(out, "Attention\u00a0: ce rapport date du") {
		t.Errorf("no warning for a report of another day: %q", out)
	}
	code, out, _, _ = run(t, "--db", db, "attendance", "absent", "--session", "1")
	if code != ExitOK || !strings.Contains(out, "toutes les personnes attendues ont déjà une marque") {
		t.Errorf("absent again: exit %d, %q", code, out)
	}
	code, out, stderr, _ = run(t, "--db", db, "attendance", "summary")
	want := "Séance 1 (mer. 2 déc. 2026)\u00a0: 2 présent·e·s et 0 en retard sur 11 attendu·e·s, soit 18\u00a0%\u202f; 9 absent·e·s, 0 excusé·e, 0 sans marque."
	if code != ExitOK || !strings.Contains(out, want) || !strings.Contains(out, "Taux de présence de la cohorte\u00a0: 18\u00a0%.") {
		t.Errorf("summary: exit %d, %q, %q\nwant %q", code, out, stderr, want)
	}
	// Nobody qualifies for a certificate yet: a sentence, not an internal error.
	code, _, stderr, _ = run(t, "--db", db, "export", "certificates", "-o", filepath.Join(dir, "att.pdf"))
	if code != ExitError || !strings.HasPrefix(stderr, "atelier\u00a0: Aucune attestation à produire\u00a0: personne n’a encore suivi au moins 4 séances") {
		t.Errorf("certificates: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "att.pdf")); !os.IsNotExist(err) {
		t.Errorf("a refused export left a file: %v", err)
	}
}

// TestErrorsAreSentences makes the database unwritable and checks that
// the person reads a sentence, and the driver's text only with
// ATELIER_DEBUG.
func TestErrorsAreSentences(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, stderr, _ := run(t, "--db", db); code != ExitOK {
		t.Fatal(stderr)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// Another Atelier holds the write lock for longer than the wait.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	locked, release := make(chan struct{}), make(chan struct{})
	go func() {
		st.EditRoster(ctx, 1, "le test", func(*store.Roster) error {
			close(locked)
			<-release
			return nil
		})
	}()
	<-locked
	defer close(release)
	t.Setenv("ATELIER_DEBUG", "1")
	code, _, stderr, _ := run(t, "--db", db, "attendance", "absent", "--session", "1")
	sentence, detail, _ := strings.Cut(stderr, "\n")
	if code != ExitError || !strings.Contains(sentence, "occupée par un autre Atelier") || strings.Contains(sentence, "locked") || strings.Contains(sentence, "(5)") {
		t.Errorf("busy: exit %d, %q", code, stderr)
	}
	if !strings.HasPrefix(detail, "détail\u00a0:") || !strings.Contains(detail, "locked") {
		t.Errorf("ATELIER_DEBUG shows no detail: %q", detail)
	}
}
