// Package atomicfile writes a file through a temp file in the same folder
// and a rename, so that a reader never sees half a file and a failure
// leaves the old file, if any, as it was.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"

	"atelier/app/kit/usererr"
)

// Write creates or replaces path with what write produces, with mode perm.
// A failure is explained for the person (usererr.NotSaved) and leaves no
// temp file behind.
func Write(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return usererr.NotSaved(path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = usererr.NotSaved(path, err)
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
