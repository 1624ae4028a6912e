//go:build !unix

package atomicfile

import "os"

// running reports whether process pid exists: on Windows, FindProcess
// opens the process and fails when there is none.
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
