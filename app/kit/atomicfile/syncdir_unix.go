//go:build !windows

package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// syncFolder syncs dir, so that the entries renamed in it survive a power
// cut. EINVAL is a file system that cannot sync a folder (some network
// and FUSE ones): nothing more can be done there.
func syncFolder(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, syscall.EINVAL) {
		return nil
	}
	return err
}
