package ui

import (
	"os"
	"path/filepath"
	"syscall"
	"unsafe"
)

// folderIDDocuments is FOLDERID_Documents, {FDD39AD0-238F-46AF-ADB4-6C85480369C7}.
var folderIDDocuments = struct {
	data1        uint32
	data2, data3 uint16
	data4        [8]byte
}{0xFDD39AD0, 0x238F, 0x46AF, [8]byte{0xAD, 0xB4, 0x6C, 0x85, 0x48, 0x03, 0x69, 0xC7}}

// documentsDir is the person's Documents folder as Windows knows it, which
// may have moved (into OneDrive, onto another drive), else
// %USERPROFILE%\Documents.
func documentsDir() string {
	var p *uint16
	get := syscall.NewLazyDLL("shell32.dll").NewProc("SHGetKnownFolderPath")
	if get.Find() == nil {
		if r, _, _ := get.Call(uintptr(unsafe.Pointer(&folderIDDocuments)), 0, 0, uintptr(unsafe.Pointer(&p))); r == 0 && p != nil {
			defer syscall.NewLazyDLL("ole32.dll").NewProc("CoTaskMemFree").Call(uintptr(unsafe.Pointer(p)))
			return syscall.UTF16ToString(unsafe.Slice(p, 32768))
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, "Documents")
	}
	return ""
}
