//go:build !unix

package inputfile

import "os"

// openFlags: no named pipe on these systems can be opened by path in a
// way that blocks.
const openFlags = os.O_RDONLY
