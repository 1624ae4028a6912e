//go:build !windows

package main

// attachConsole has nothing to do outside Windows: the standard output of a
// program is always where it was started from.
func attachConsole() {}
