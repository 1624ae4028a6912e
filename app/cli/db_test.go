package cli

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"atelier/app/domain/course"
	"atelier/app/store"
	"atelier/app/store/pgtest"
)

// cohortNames reads the cohorts of the database at location.
func cohortNames(t *testing.T, location string) []string {
	t.Helper()
	st, err := store.Open(location, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Cohorts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range list {
		names = append(names, c.Name)
	}
	return names
}

// A file copied to a new file: counted in French, readable by its owner
// only, never over an existing file.
func TestDBCopyToNewFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "atelier.db")
	if code, _, stderr, _ := run(t, "--db", db); code != ExitOK {
		t.Fatal(stderr)
	}
	dest := filepath.Join(dir, "copie.db")
	code, out, stderr, _ := run(t, "--db", db, "db", "copy", "--to", dest)
	if code != ExitOK || !strings.Contains(out, "Base copiée vers «\u00a0"+dest+"\u00a0»\u00a0: 1\u00a0cohorte, 0\u00a0personne, 0\u00a0présence, 5\u00a0séances") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	if info, err := os.Stat(dest); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("copy mode %v, %v", info.Mode(), err)
	}
	if got, want := cohortNames(t, dest), cohortNames(t, db); !slices.Equal(got, want) || len(got) != 1 {
		t.Errorf("the copy holds %v, the file %v", got, want)
	}
	before, _ := os.ReadFile(dest)
	code, _, stderr, _ = run(t, "--db", db, "db", "copy", "--to", dest)
	if code != ExitError || !strings.Contains(stderr, "existe déjà") {
		t.Errorf("copy over an existing file: exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(dest); string(after) != string(before) {
		t.Error("the existing file changed")
	}
	code, _, stderr, _ = run(t, "--db", filepath.Join(dir, "absente.db"), "db", "copy", "--to", filepath.Join(dir, "x.db"))
	if code != ExitError || !strings.Contains(stderr, "n’existe pas") {
		t.Errorf("copy of a missing file: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "absente.db")); err == nil {
		t.Error("the missing source was created")
	}
}

// A file copied to a team database, which is then backed up to a new
// file; a second copy into it is refused.
func TestDBCopyToTeamDatabaseAndBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "atelier.db")
	if code, _, stderr, _ := run(t, "--db", db); code != ExitOK {
		t.Fatal(stderr)
	}
	team := pgtest.Start(t)
	code, out, stderr, _ := run(t, "--db", db, "db", "copy", "--to", team)
	if code != ExitOK || !strings.Contains(out, "sur ce poste\u00a0»\u00a0: 1\u00a0cohorte, 0\u00a0personne, 0\u00a0présence, 5\u00a0séances") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	if got, want := cohortNames(t, team), cohortNames(t, db); !slices.Equal(got, want) {
		t.Errorf("the team database holds %v, the file %v", got, want)
	}
	code, _, stderr, _ = run(t, "--db", db, "db", "copy", "--to", team)
	if code != ExitError || !strings.Contains(stderr, "la base de destination n’est pas vide") {
		t.Errorf("second copy: exit %d, %s", code, stderr)
	}
	backup := filepath.Join(dir, "équipe.db")
	code, out, stderr, _ = run(t, "--db", team, "backup", "-o", backup)
	if code != ExitOK || !strings.Contains(out, "Sauvegarde écrite") {
		t.Fatalf("backup of the team database: exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	if info, err := os.Stat(backup); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, %v", info.Mode(), err)
	}
	if got, want := cohortNames(t, backup), cohortNames(t, db); !slices.Equal(got, want) {
		t.Errorf("the backup holds %v, the file %v", got, want)
	}
}

// A role that may only read opens the window on the team's data: the
// first start's cohort and catalogue are not attempted.
func TestWindowOnAReadOnlyRole(t *testing.T) {
	team := pgtest.Start(t)
	if code, _, stderr, _ := run(t, "--db", team); code != ExitOK {
		t.Fatal(stderr)
	}
	code, _, stderr, gui := run(t, "--db", pgtest.ReadOnlyRole(t, team))
	if list, _ := gui.cohorts.([]course.Summary); code != ExitOK || !gui.called || gui.openErr != nil || len(list) != 1 {
		t.Errorf("exit %d, window %+v, stderr %s", code, gui, stderr)
	}
}
