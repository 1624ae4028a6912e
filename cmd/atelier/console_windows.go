package main

import (
	"os"
	"syscall"
)

// attachConsole gives the commands (atelier.exe version, import…) an output
// on Windows. atelier.exe is built as a GUI program (-H=windowsgui) so that
// double-clicking it opens no black console window beside Atelier's; such
// a program starts with no console, and what it prints is lost. When its
// output is already redirected (to a file, a pipe) the handles work as they
// are; otherwise it attaches to the console of the program that started it
// (cmd.exe, PowerShell), if any. One binary rather than a second console
// build keeps one file to sign and the installer half the size; the price
// is that cmd.exe shows its prompt again before the output, since it does
// not wait for a GUI program.
func attachConsole() {
	out, errOut := usable(syscall.STD_OUTPUT_HANDLE), usable(syscall.STD_ERROR_HANDLE)
	if out && errOut {
		return
	}
	const attachParentProcess = 0xFFFFFFFF // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if attach.Find() != nil {
		return
	}
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer: no console to write to
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !out {
		os.Stdout = con
	}
	if !errOut {
		os.Stderr = con
	}
}

// usable reports whether the standard handle std leads somewhere.
func usable(std int) bool {
	h, err := syscall.GetStdHandle(std)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != 0 // FILE_TYPE_UNKNOWN: no real file behind it
}
