package usererr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

var errNotFound = New("Élément introuvable.")

func TestMessageShowsOnlySentences(t *testing.T) {
	driver := errors.New("attempt to write a readonly database (8)")
	_, missing := os.Open(filepath.Join(t.TempDir(), "absent.csv"))
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"sentence", New("La base est pleine."), "La base est pleine."},
		{"formatted", New("La séance %d n’existe pas.", 7), "La séance 7 n’existe pas."},
		{"wrapped cause hidden", Wrap(driver, "Impossible d’enregistrer : la base est en lecture seule."), "Impossible d’enregistrer : la base est en lecture seule."},
		{"inside fmt wrapper", fmt.Errorf("ctx: %w", New("Phrase.")), "Phrase."},
		{"list", List{New("Le nom est obligatoire."), New("Le courriel n’est pas valide.")}, "Le nom est obligatoire.\nLe courriel n’est pas valide."},
		{"driver text", driver, Unexpected},
		{"disk full", &fs.PathError{Op: "write", Path: "/x/a.pdf", Err: syscall.ENOSPC}, "Le disque est plein\u00a0: libérez de la place, puis réessayez. Rien n’a été modifié."},
		{"missing file", missing, "«\u00a0" + filepath.Join(filepath.Dir(missingPath(missing)), "absent.csv") + "\u00a0»\u00a0: ce fichier ou ce dossier est introuvable. Vérifiez le chemin, puis réessayez."},
		{"permission", &fs.PathError{Op: "open", Path: "/etc/x", Err: syscall.EACCES}, "«\u00a0/etc/x\u00a0»\u00a0: vous n’avez pas les droits nécessaires sur ce fichier ou ce dossier. Choisissez un autre emplacement ou vérifiez ses droits."},
		{"nil", nil, ""},
	} {
		if got := Message(c.err); got != c.want {
			t.Errorf("%s: Message = %q, want %q", c.name, got, c.want)
		}
		if strings.Contains(Message(c.err), "readonly database") {
			t.Errorf("%s: driver text reached the person", c.name)
		}
	}
}

func missingPath(err error) string {
	var pe *fs.PathError
	errors.As(err, &pe)
	return pe.Path
}

func TestKindsAndCauses(t *testing.T) {
	driver := errors.New("database is locked (5)")
	e := Wrap(driver, "La personne n° %d est introuvable.", 3).Of(errNotFound)
	if !errors.Is(e, errNotFound) || !errors.Is(fmt.Errorf("x: %w", e), errNotFound) {
		t.Error("errors.Is does not find the kind")
	}
	if errors.Is(New("Autre."), errNotFound) {
		t.Error("an error of no kind matches errNotFound")
	}
	if !errors.Is(e, driver) {
		t.Error("the cause is not reachable")
	}
	if d := Detail(fmt.Errorf("ctx: %w", e)); !strings.Contains(d, "La personne n° 3 est introuvable.") || !strings.Contains(d, "database is locked (5)") {
		t.Errorf("Detail = %q", d)
	}
	if !ForPerson(e) || !ForPerson(List{New("x")}) || ForPerson(driver) {
		t.Error("ForPerson")
	}
}

func TestListAdd(t *testing.T) {
	var l List
	l.Add(false, "non %d", 1)
	if l.Err() != nil {
		t.Fatal("empty list is an error")
	}
	l.Add(true, "Un problème.")
	if err := l.Err(); err == nil || err.Error() != "Un problème." {
		t.Fatalf("Err = %v", err)
	}
}

func TestNotSaved(t *testing.T) {
	path := filepath.Join("/dossier", "presences.xlsx")
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "write", Path: "/dossier/.presences.xlsx.1.tmp", Err: syscall.ENOSPC}, "le disque est plein"},
		{&fs.PathError{Op: "open", Path: "/dossier/.presences.xlsx.1.tmp", Err: syscall.EACCES}, "Atelier n’a pas le droit d’écrire dans le dossier «\u00a0/dossier\u00a0»"},
		{&fs.PathError{Op: "open", Path: "/dossier/.presences.xlsx.1.tmp", Err: syscall.ENOENT}, "le dossier «\u00a0/dossier\u00a0» n’existe pas"},
		{&fs.PathError{Op: "open", Path: "/dossier/x", Err: syscall.EROFS}, "lecture seule"},
		{errors.New("quelque chose"), "une erreur inattendue"},
	} {
		got := Message(NotSaved(path, c.err))
		if !strings.HasPrefix(got, "«\u00a0/dossier/presences.xlsx\u00a0» n’a pas été enregistré\u00a0: ") || !strings.Contains(got, c.want) || strings.Contains(got, ".tmp") {
			t.Errorf("%v: %q, want it to say %q", c.err, got, c.want)
		}
	}
	already := New("Le document n’a pas pu être créé.")
	if NotSaved(path, already) != already || NotSaved(path, nil) != nil {
		t.Error("a sentence or no error must pass unchanged")
	}
}
