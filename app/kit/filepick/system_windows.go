package filepick

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// System is Windows' common file dialog, the one Notepad shows.
func System() Picker { return commonDialog{} }

var (
	comdlg32     = syscall.NewLazyDLL("comdlg32.dll")
	getOpenName  = comdlg32.NewProc("GetOpenFileNameW")
	getSaveName  = comdlg32.NewProc("GetSaveFileNameW")
	extendedErr  = comdlg32.NewProc("CommDlgExtendedError")
	ole32        = syscall.NewLazyDLL("ole32.dll")
	coInitialize = ole32.NewProc("CoInitializeEx")
	coUninit     = ole32.NewProc("CoUninitialize")
)

const errBufferLen = 0x3003 // FNERR_BUFFERTOOSMALL

// openFileName is OPENFILENAMEW.
type openFileName struct {
	structSize      uint32
	owner           uintptr
	instance        uintptr
	filter          *uint16
	customFilter    *uint16
	maxCustomFilter uint32
	filterIndex     uint32
	file            *uint16
	maxFile         uint32
	fileTitle       *uint16
	maxFileTitle    uint32
	initialDir      *uint16
	title           *uint16
	flags           uint32
	fileOffset      uint16
	fileExtension   uint16
	defExt          *uint16
	custData        uintptr
	hook            uintptr
	templateName    *uint16
	reserved        uintptr
	reservedDW      uint32
	flagsEx         uint32
}

const (
	ofnOverwritePrompt = 0x00000002
	ofnHideReadOnly    = 0x00000004
	ofnNoChangeDir     = 0x00000008
	ofnPathMustExist   = 0x00000800
	ofnFileMustExist   = 0x00001000
	ofnExplorer        = 0x00080000
	maxPath            = 32768
)

type commonDialog struct{}

// Open shows the Open dialog. The dialog is modal and cannot be closed
// from outside: ctx is only checked before.
func (commonDialog) Open(ctx context.Context, r Request) (string, error) {
	return show(ctx, getOpenName, r, ofnFileMustExist|ofnPathMustExist|ofnHideReadOnly|ofnNoChangeDir|ofnExplorer)
}

// Save shows the Save As dialog, which asks before replacing a file.
func (commonDialog) Save(ctx context.Context, r Request) (string, error) {
	return show(ctx, getSaveName, r, ofnOverwritePrompt|ofnPathMustExist|ofnHideReadOnly|ofnNoChangeDir|ofnExplorer)
}

func show(ctx context.Context, proc *syscall.LazyProc, r Request, flags uint32) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if proc.Find() != nil {
		return "", ErrUnavailable
	}
	file := make([]uint16, maxPath)
	if name, err := syscall.UTF16FromString(r.Name); err == nil {
		copy(file[:maxPath-1], name)
	}
	o := openFileName{
		file:    &file[0],
		maxFile: maxPath,
		flags:   flags,
	}
	o.structSize = uint32(unsafe.Sizeof(o))
	if h, ok := strings.CutPrefix(r.Parent, "hwnd:"); ok {
		if v, err := strconv.ParseUint(h, 16, 64); err == nil {
			o.owner = uintptr(v)
		}
	}
	if filter := filterString(r.Filters); filter != nil {
		o.filter = &filter[0]
		o.filterIndex = 1
	}
	if len(r.Filters) > 0 && len(r.Filters[0].Extensions) > 0 {
		o.defExt = utf16(strings.TrimPrefix(r.Filters[0].Extensions[0], "."))
	}
	o.initialDir = utf16(r.Folder)
	o.title = utf16(r.Title)

	// The dialog runs its own message loop on this thread, which must be
	// in a single-threaded COM apartment for the Explorer-style dialog.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const apartmentThreaded, noOLE1DDE = 0x2, 0x4
	if hr, _, _ := coInitialize.Call(0, apartmentThreaded|noOLE1DDE); int32(hr) >= 0 {
		defer coUninit.Call()
	}
	ok, _, _ := proc.Call(uintptr(unsafe.Pointer(&o)))
	runtime.KeepAlive(file)
	if ok == 0 {
		code, _, _ := extendedErr.Call()
		if code == 0 {
			return "", ErrCancelled
		}
		if int(code) == errBufferLen {
			return "", fmt.Errorf("filepick: the path chosen is too long")
		}
		return "", fmt.Errorf("filepick: the common dialog failed (0x%x)", code)
	}
	return filepath.Clean(syscall.UTF16ToString(file)), nil
}

// filterString is lpstrFilter: « name\0*.csv;*.tsv\0 » for each filter,
// then a last NUL; nil without filters.
func filterString(fs []Filter) []uint16 {
	if len(fs) == 0 {
		return nil
	}
	var b []uint16
	for _, f := range fs {
		name, err := syscall.UTF16FromString(f.Name)
		if err != nil {
			continue
		}
		b = append(b, name...)
		// Windows' globs ignore case: one pattern an extension.
		var globs []string
		for _, e := range f.Extensions {
			globs = append(globs, "*."+strings.TrimPrefix(e, "."))
		}
		g, _ := syscall.UTF16FromString(strings.Join(globs, ";"))
		b = append(b, g...)
	}
	if b == nil {
		return nil
	}
	return append(b, 0)
}

// utf16 is s for a LPCWSTR, nil when empty (or holding a NUL).
func utf16(s string) *uint16 {
	if s == "" {
		return nil
	}
	p, err := syscall.UTF16PtrFromString(s)
	if err != nil {
		return nil
	}
	return p
}
