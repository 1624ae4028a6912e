package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"atelier/app/kit/usererr"
)

// Journal remembers, in a folder of the app's own, the temp files of the
// writes under way. A write cut short by a crash or a kill leaves its temp
// file (names, courriels) beside a file the person chose, somewhere the
// app would never look again; its entry names it, so that the next start
// removes it. The zero Journal keeps no entries: Write is then the
// package's Write.
type Journal struct {
	Dir string
}

// entryPrefix starts the name of every entry of a journal.
const entryPrefix = "ecriture-"

// Write is the package's Write, with an entry naming its temp file kept
// for as long as it runs.
func (j Journal) Write(path string, perm os.FileMode, write func(io.Writer) error) error {
	if j.Dir == "" {
		return Write(path, perm, write)
	}
	var entries []string // a name already taken is tried again under another
	defer func() {
		for _, e := range entries {
			os.Remove(e)
		}
	}()
	return writeVia(path, perm, write, func(tmp string) error {
		entry, err := j.note(tmp)
		if err == nil {
			entries = append(entries, entry)
		}
		return err
	})
}

// Track notes tmp, a temp file some other code writes (SQLite's copy of
// a database), until release is called: before the file is created, so
// that a kill in between leaves nothing unknown. The zero Journal notes
// nothing.
func (j Journal) Track(tmp string) (release func(), err error) {
	if j.Dir == "" {
		return func() {}, nil
	}
	entry, err := j.note(tmp)
	if err != nil {
		return nil, err
	}
	return func() { os.Remove(entry) }, nil
}

// note writes an entry for the temp file tmp of this process, and returns
// the entry's name.
func (j Journal) note(tmp string) (string, error) {
	abs, err := filepath.Abs(tmp)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(j.Dir, 0o700); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(j.Dir, entryPrefix+"*")
	if err != nil {
		return "", err
	}
	_, err = fmt.Fprintf(f, "%d\n%s", os.Getpid(), abs)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// Recover removes the temp files of the writes its entries name that were
// cut short: their process is gone, or their entry is older than
// olderThan (a process number the system gave again to another program).
// The entry of a write still running, in another Atelier, stays. Only a
// regular file named as Write names its temp files is removed.
func (j Journal) Recover(olderThan time.Time) (removed int, err error) {
	if j.Dir == "" {
		return 0, nil
	}
	entries, err := os.ReadDir(j.Dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, usererr.Wrap(err, "Atelier n’a pas pu lire son journal des enregistrements en cours («\u00a0%s\u00a0»).", j.Dir)
	}
	var failed error
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), entryPrefix) || !e.Type().IsRegular() {
			continue
		}
		name := filepath.Join(j.Dir, e.Name())
		info, err := e.Info()
		if err != nil {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		pidText, tmp, complete := strings.Cut(string(data), "\n")
		pid, _ := strconv.Atoi(pidText)
		old := info.ModTime().Before(olderThan)
		// An entry still empty is being written, by a process still
		// running; one left empty by a kill goes once it is old.
		if (!complete || pid <= 0 || running(pid)) && !old {
			continue
		}
		if complete && isTemp(filepath.Base(tmp)) {
			// SQLite's copy (VACUUM INTO) keeps a journal beside it.
			n, err := removeTemps(tmp, tmp+"-journal")
			removed += n
			if err != nil {
				if failed == nil {
					failed = err
				}
				continue
			}
		}
		os.Remove(name)
	}
	return removed, failed
}

// removeTemps removes the regular files among paths, and counts them.
func removeTemps(paths ...string) (removed int, err error) {
	for _, p := range paths {
		fi, lerr := os.Lstat(p)
		if lerr != nil || !fi.Mode().IsRegular() {
			continue
		}
		if rerr := os.Remove(p); rerr != nil {
			return removed, usererr.Wrap(rerr, "Atelier n’a pas pu retirer son fichier temporaire «\u00a0%s\u00a0», reste d’un enregistrement interrompu\u00a0; "+
				"vous pouvez le supprimer vous-même.", p)
		}
		removed++
	}
	return removed, nil
}
