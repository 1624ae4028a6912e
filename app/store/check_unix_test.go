//go:build unix

package store

import (
	"path/filepath"
	"syscall"
	"testing"
)

// specialFiles are what only unix can make: a named pipe, which os.Open
// would wait on forever.
var specialFiles = []struct {
	name string
	path func(t *testing.T) string
	says string
}{
	{"tube nommé", func(t *testing.T) string {
		p := filepath.Join(t.TempDir(), "atelier.db")
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		return p
	}, "un tube nommé"},
}
