// Package atomicfile writes a file through a temp file in the same folder
// and a rename, so that a reader never sees half a file and a failure
// leaves the old file, if any, as it was.
package atomicfile

import (
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"atelier/app/kit/usererr"
)

// syncDir makes a rename in dir durable. A variable so that the tests see
// it called and make it fail.
var syncDir = syncFolder

// Write creates or replaces path with what write produces, with mode perm.
// A failure is explained for the person (usererr.NotSaved) and leaves no
// temp file behind, even when write panics (the panic goes on after).
func Write(path string, perm os.FileMode, write func(io.Writer) error) error {
	return writeVia(path, perm, write, nil)
}

// writeVia is Write, telling made the temp file's name before it exists
// (a Journal notes it); an error from made stops the write.
func writeVia(path string, perm os.FileMode, write func(io.Writer) error, made func(tmp string) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := CreateTemp(dir, filepath.Base(path), made)
	if err != nil {
		return usererr.NotSaved(path, err)
	}
	renamed := false
	defer func() {
		// Also on the way out of a panic: recover() is not called, so the
		// panic carries on once the temp file is gone.
		if !renamed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		if err != nil {
			err = usererr.NotSaved(path, err)
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	renamed, err = commit(tmp, path, perm)
	return err
}

// Install makes tmp, a complete temp file other code wrote (SQLite's
// copies of a database), into path the way Write ends: mode perm, synced,
// renamed over path, its folder synced.
func Install(tmp, path string, perm os.FileMode) error {
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	renamed, err := commit(f, path, perm)
	if !renamed {
		f.Close()
	}
	return err
}

// commit gives the open temp file f its mode, syncs and closes it, renames
// it to path and syncs the folder; renamed says whether f became path.
func commit(f *os.File, path string, perm os.FileMode) (renamed bool, err error) {
	if err = f.Chmod(perm); err != nil {
		return false, err
	}
	if err = f.Sync(); err != nil {
		return false, err
	}
	if err = f.Close(); err != nil {
		return false, err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return false, err
	}
	// Until the folder is synced, a power cut can bring the old file back,
	// or none at all.
	dir := filepath.Dir(path)
	if err := syncDir(dir); err != nil {
		return true, usererr.Wrap(err, "«\u00a0%s\u00a0» est écrit, mais le système n’a pas confirmé qu’il est bien sur le disque (dossier «\u00a0%s\u00a0»)\u00a0: "+
			"une coupure de courant pourrait le perdre. Réessayez, ou vérifiez le disque.", path, dir)
	}
	return true, nil
}

// Temp files are named « .<base>.atelier-<digits>.tmp »: hidden, telling
// what they were to become, and recognisable by Sweep as Atelier's.
const (
	tempMark   = ".atelier-"
	tempSuffix = ".tmp"
	// maxBase keeps the temp name within the 255 bytes most file systems
	// allow, whatever the length of the final name.
	maxBase = 200
)

// CreateTemp creates, readable by its owner only, a temp file in dir that
// is to become base, named as Atelier names its temp files. before, when
// not nil, is told the name first, before the file exists: a Journal
// notes it there, so that no kill can leave a temp file nobody knows of.
func CreateTemp(dir, base string, before func(name string) error) (*os.File, error) {
	prefix, suffix, _ := strings.Cut(TempPattern(base), "*")
	for range 100 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+suffix)
		if before != nil {
			if err := before(name); err != nil {
				return nil, err
			}
		}
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &os.PathError{Op: "createtemp", Path: filepath.Join(dir, prefix+"*"+suffix), Err: os.ErrExist}
}

// TempPattern is the os.CreateTemp pattern of a temp file that is to
// become base: for other code writing a file through a temp of its own
// (SQLite's copies), so that Sweep and a Journal know it as Atelier's.
func TempPattern(base string) string {
	if len(base) > maxBase {
		cut := maxBase
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + tempMark + "*" + tempSuffix
}
