package ui

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"atelier/app/domain/participants"
	"atelier/app/kit/textfmt"
)

// exportsText shows the Exports area and gathers its labels.
func exportsText(u *UI) (fyne.CanvasObject, string) {
	u.nav.Select(areaExports)
	root := u.content.Objects[0]
	return root, dialogTextOf(root)
}

func TestBackupsListedAndRestoredAfterConfirmation(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	if made, err := u.svc.AutoBackup(ctx); err != nil || !made {
		t.Fatal(made, err)
	}
	if _, err := u.svc.AddPerson(ctx, u.cohort.ID, participants.Participant{Name: "Après la copie", Status: participants.Inscrit}); err != nil {
		t.Fatal(err)
	}
	people := func() int {
		ps, err := st.Participants(ctx, u.cohort.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(ps)
	}

	root, text := exportsText(u)
	taken := now.Local()
	when := textfmt.French.LongDate(taken) + " à " + textfmt.French.Clock(taken)
	if !strings.Contains(text, when+" · copie du jour · ") || !strings.Contains(text, "\u00a0ko · 0 personne") {
		t.Errorf("the list does not show the backup as %q:\n%s", when, text)
	}

	tapButton(t, root, "Restaurer…")
	if q := dialogText(u); !strings.Contains(q, "sera remplacé par celui de la sauvegarde du "+when+". Atelier garde d’abord une copie") {
		t.Fatalf("no question before restoring: %q", q)
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Annuler")
	if n := people(); n != 1 {
		t.Fatalf("cancelling restored anyway: %d people", n)
	}

	tapButton(t, root, "Restaurer…")
	tapButton(t, u.win.Canvas().Overlays().Top(), "Restaurer")
	if n := people(); n != 0 {
		t.Errorf("%d people after the restore, want the backup's 0", n)
	}
	if !strings.Contains(dialogText(u), "La base a repris le contenu de la sauvegarde") {
		t.Errorf("no word of the restore: %q", dialogText(u))
	}
	// The screens were rebuilt on the restored file: the list holds the
	// copy of what was replaced.
	if u.current != areaExports {
		t.Errorf("area %d on view after the restore", u.current)
	}
	if _, text := exportsText(u); !strings.Contains(text, "avant une restauration · ") || !strings.Contains(text, "· 1 personne") {
		t.Errorf("after the restore the list reads:\n%s", text)
	}
	if u.cohort.ID == 0 || len(u.cohort.Sessions) != 5 {
		t.Errorf("cohort after the restore: %+v", u.cohort)
	}
}

func TestBackupFailureShownInExports(t *testing.T) {
	u, st := newTestUI(t)
	if err := os.WriteFile(st.BackupDir(), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := u.svc.AutoBackup(context.Background()); err == nil {
		t.Fatal("AutoBackup succeeded")
	}
	// Said at once when the window opens, not only in Exports.
	u.start()
	if !strings.Contains(dialogText(u), "La sauvegarde automatique du jour n’a pas pu être faite") {
		t.Errorf("no word of the failure at start: %q", dialogText(u))
	}
	if _, text := exportsText(u); !strings.Contains(text, "La sauvegarde du jour n’a pas pu être faite\u00a0: Impossible de lire le dossier des sauvegardes") {
		t.Errorf("the failure is not shown:\n%s", text)
	} else if strings.Count(text, "dossier des sauvegardes") != 1 {
		t.Errorf("the failure is shown twice:\n%s", text)
	}
}

func TestFileSize(t *testing.T) {
	tests := []struct {
		n      int64
		fr, en string
	}{
		{0, "0\u00a0ko", "0\u00a0kB"},
		{1, "1\u00a0ko", "1\u00a0kB"},
		{312_400, "313\u00a0ko", "313\u00a0kB"},
		{1_234_567, "1,2\u00a0Mo", "1.2\u00a0MB"},
	}
	for _, tt := range tests {
		if got := fileSize(textfmt.French, tt.n); got != tt.fr {
			t.Errorf("fileSize(fr, %d) = %q, want %q", tt.n, got, tt.fr)
		}
		if got := fileSize(textfmt.English, tt.n); got != tt.en {
			t.Errorf("fileSize(en, %d) = %q, want %q", tt.n, got, tt.en)
		}
	}
}
