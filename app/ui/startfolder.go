package ui

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// lastFolderKey is the preference where Fyne's file dialogs remember the
// folder last used (fyne.io/fyne/v2/dialog keeps it under this name).
const lastFolderKey = "fyne:fileDialogLastFolder"

// startInDocuments opens d in the person's Documents folder as long as no
// file has been picked yet; after that Fyne reopens the folder last used,
// which is where the next export is most likely wanted. Without it the
// first dialog opens on the home folder, which on Windows is a list of
// system folders a facilitator never saves in.
func (u *UI) startInDocuments(d *dialog.FileDialog) {
	if l := u.startFolder(); l != nil {
		d.SetLocation(l)
	}
}

// startFolder is the Documents folder when the dialogs have no folder of
// their own to reopen, else nil.
func (u *UI) startFolder() fyne.ListableURI {
	if u.app.Preferences().String(lastFolderKey) != "" {
		return nil
	}
	dir := documentsDir()
	if dir == "" {
		return nil
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

// xdgDocuments reads the Documents folder from user-dirs.dirs (written by
// xdg-user-dirs-update, in the desktop's language: ~/Documents in French
// too), else ~/Documents.
func xdgDocuments(home, configHome string) string {
	if configHome == "" {
		configHome = filepath.Join(home, ".config")
	}
	if f, err := os.Open(filepath.Join(configHome, "user-dirs.dirs")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
			if !ok {
				continue
			}
			v = strings.Trim(v, `"`)
			if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
				v = home + rest
			}
			if filepath.IsAbs(v) && filepath.Clean(v) != filepath.Clean(home) {
				return filepath.Clean(v)
			}
		}
	}
	return filepath.Join(home, "Documents")
}
