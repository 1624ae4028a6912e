package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"atelier/app/kit/usererr"
)

// Sweep removes from dir the temp files Write leaves when Atelier is
// stopped in the middle of a write (a crash, a power cut): only files named
// as Write names them, only regular files, only those last modified before
// olderThan, so that a write under way in another Atelier is spared. It
// returns how many it removed; a file that cannot be removed is skipped,
// the first such failure returned.
func Sweep(dir string, olderThan time.Time) (removed int, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, usererr.Wrap(err, "Atelier n’a pas pu parcourir le dossier «\u00a0%s\u00a0» pour en retirer ses fichiers temporaires.", dir)
	}
	var failed error
	for _, e := range entries {
		if !isTemp(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(olderThan) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			if failed == nil {
				failed = usererr.Wrap(err, "Atelier n’a pas pu retirer son fichier temporaire «\u00a0%s\u00a0», reste d’un enregistrement interrompu\u00a0; "+
					"vous pouvez le supprimer vous-même.", p)
			}
			continue
		}
		removed++
	}
	return removed, failed
}

// isTemp reports whether name is one Write gives its temp files:
// « . », a base, « .atelier- », the digits os.CreateTemp adds, « .tmp ».
func isTemp(name string) bool {
	if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, tempSuffix) {
		return false
	}
	rest := strings.TrimSuffix(name, tempSuffix)
	i := strings.LastIndex(rest, tempMark)
	if i < 1 {
		return false
	}
	digits := rest[i+len(tempMark):]
	if digits == "" {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
