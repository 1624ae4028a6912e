package usererr

import (
	"errors"
	"syscall"
)

// isDiskFull recognises Windows' own « disk full » codes, which do not
// match syscall.ENOSPC.
func isDiskFull(err error) bool {
	const errorHandleDiskFull, errorDiskFull syscall.Errno = 39, 112
	return errors.Is(err, errorHandleDiskFull) || errors.Is(err, errorDiskFull)
}
