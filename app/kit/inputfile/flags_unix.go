//go:build unix

package inputfile

import (
	"os"
	"syscall"
)

// openFlags open without waiting: a path swapped for a named pipe between
// the check and the opening would otherwise block until a writer came.
// O_NONBLOCK changes nothing for a regular file.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
