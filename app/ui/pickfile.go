package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"atelier/app/kit/filepick"
)

// Every file Atelier opens or saves is chosen here: with the system's own
// dialog (filepick) when there is one, else with a field where a path can
// be typed or pasted, and Fyne's browser behind « Parcourir… ».

// pickOpen asks for an existing file among exts (any file when none) and
// calls use with its path, on the UI goroutine.
func (u *UI) pickOpen(exts []string, use func(path string)) {
	u.pick(false, "", exts, use)
}

// pickSave asks where to save a file proposed as name (offering exts when
// given) and calls use with the path chosen, on the UI goroutine.
func (u *UI) pickSave(name string, exts []string, use func(path string)) {
	u.pick(true, name, exts, use)
}

// pick asks the system's picker off the UI goroutine (it blocks until the
// person has chosen), and comes back to use, or to the path field when the
// system has no dialog. One pick at a time: a second click on « Exporter »
// while the dialog is open does nothing.
func (u *UI) pick(save bool, name string, exts []string, use func(path string)) {
	if u.picking {
		return
	}
	u.picking = true
	req := filepick.Request{
		Title:   pickTitle(save),
		Accept:  pickAccept(save),
		Folder:  u.startDir(),
		Name:    name,
		Filters: pickFilters(exts),
		Parent:  u.parentHandle(),
	}
	files := u.files
	u.pickWait.Add(1)
	go func() {
		defer u.pickWait.Done()
		var path string
		var err error
		if save {
			path, err = files.Save(context.Background(), req)
		} else {
			path, err = files.Open(context.Background(), req)
		}
		fyne.DoAndWait(func() {
			u.picking = false
			switch {
			case err == nil:
				u.rememberFolder(filepath.Dir(path))
				use(path)
			case errors.Is(err, filepick.ErrCancelled):
			default:
				if !errors.Is(err, filepick.ErrUnavailable) {
					log.Printf("system file dialog: %v", err)
				}
				u.pathDialog(save, name, exts, use)
			}
		})
	}()
}

func pickTitle(save bool) string {
	if save {
		return lang.X("files.save.title", "Enregistrer le fichier")
	}
	return lang.X("files.open.title", "Ouvrir un fichier")
}

func pickAccept(save bool) string {
	if save {
		return lang.X("files.save", "Enregistrer")
	}
	return lang.X("files.open", "Ouvrir")
}

// pickFilters is one filter for exts, named for them (« Fichiers CSV,
// TSV »); none without exts.
func pickFilters(exts []string) []filepick.Filter {
	if len(exts) == 0 {
		return nil
	}
	names := make([]string, len(exts))
	for i, e := range exts {
		names[i] = strings.ToUpper(strings.TrimPrefix(e, "."))
	}
	return []filepick.Filter{{
		Name:       lang.X("files.filter", "Fichiers {{.Types}}", map[string]any{"Types": strings.Join(names, ", ")}),
		Extensions: exts,
	}}
}

// parentHandle names the window for the portal (X11) or Windows, so that
// the system's dialog opens above it, modal; "" elsewhere (Wayland would
// need the surface exported first).
func (u *UI) parentHandle() string {
	nw, ok := u.win.(driver.NativeWindow)
	if !ok {
		return ""
	}
	var h string
	nw.RunNative(func(c any) {
		switch c := c.(type) {
		case driver.X11WindowContext:
			if c.WindowHandle != 0 {
				h = fmt.Sprintf("x11:%x", c.WindowHandle)
			}
		case driver.WindowsWindowContext:
			if c.HWND != 0 {
				h = fmt.Sprintf("hwnd:%x", c.HWND)
			}
		}
	})
	return h
}

// startDir is the folder a dialog opens in: the one last used, else
// Documents, else the home folder — never the folder Atelier was started
// from, where a name typed alone would land out of sight — else "".
func (u *UI) startDir() string {
	if s := u.app.Preferences().String(lastFolderKey); s != "" {
		if uri, err := storage.ParseURI(s); err == nil && isDir(filepath.FromSlash(uri.Path())) {
			return filepath.FromSlash(uri.Path())
		}
	}
	if dir := documentsDir(); dir != "" && isDir(dir) {
		return dir
	}
	if home, err := os.UserHomeDir(); err == nil && isDir(home) {
		return home
	}
	return ""
}

// rememberFolder keeps dir as the folder the next dialog opens in, in the
// preference Fyne's own dialog reads too.
func (u *UI) rememberFolder(dir string) {
	if isDir(dir) {
		u.app.Preferences().SetString(lastFolderKey, storage.NewFileURI(dir).String())
	}
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// pathDialog is the window's own picker: a field for the path, filled with
// the start folder (and the name proposed), and « Parcourir… » for Fyne's
// browser.
func (u *UI) pathDialog(save bool, name string, exts []string, use func(path string)) {
	start := u.startDir()
	entry := widget.NewEntry()
	switch {
	case save:
		entry.SetText(filepath.Join(start, name))
	case start != "":
		entry.SetText(start + string(filepath.Separator))
	}
	entry.Validator = func(s string) error { return checkPath(save, resolvePath(s, start)) }
	var d *dialog.CustomDialog
	submit := func() {
		d.Hide()
		path := withExtension(resolvePath(entry.Text, start), save, exts)
		done := func() {
			u.rememberFolder(filepath.Dir(path))
			use(path)
		}
		if _, err := os.Stat(path); save && err == nil {
			confirmThen(u.win, pickTitle(save),
				lang.X("files.replace", "Le fichier «\u00a0{{.Name}}\u00a0» existe déjà dans ce dossier. Le remplacer\u202f?", map[string]any{"Name": filepath.Base(path)}),
				lang.X("files.replace.action", "Remplacer"), lang.X("action.cancel", "Annuler"), done)
			return
		}
		done()
	}
	confirm := widget.NewButtonWithIcon(pickAccept(save), theme.ConfirmIcon(), submit)
	confirm.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.X("action.cancel", "Annuler"), theme.CancelIcon(), func() { d.Hide() })
	browse := widget.NewButtonWithIcon(lang.X("files.browse", "Parcourir…"), theme.FolderOpenIcon(), func() {
		u.browse(save, name, exts, func(path string) {
			d.Hide()
			u.rememberFolder(filepath.Dir(path))
			use(path)
		})
	})
	// The confirm button is off while the path names nothing to open or
	// no folder to save in; the hint under the field says why.
	form := widget.NewForm(widget.NewFormItem(lang.X("files.path", "Chemin du fichier"), entry))
	form.SetOnValidationChanged(func(err error) {
		if err != nil {
			confirm.Disable()
		} else {
			confirm.Enable()
		}
	})
	if form.Validate() != nil {
		confirm.Disable()
	}
	entry.OnSubmitted = func(string) {
		if !confirm.Disabled() {
			submit()
		}
	}
	buttons := container.NewHBox(browse, layout.NewSpacer(), cancel, confirm)
	d = dialog.NewCustomWithoutButtons(pickTitle(save), container.NewVBox(form, layout.NewSpacer(), buttons), u.win)
	d.Resize(fyne.NewSize(u.win.Canvas().Size().Width*0.7, 0))
	d.Show()
	u.win.Canvas().Focus(entry)
}

// resolvePath reads what was typed or pasted: quotes around it, a file://
// URI (copied from a file manager), « ~ » for home, a path relative to the
// folder shown.
func resolvePath(s, start string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		s = s[1 : len(s)-1]
	}
	if strings.HasPrefix(s, "file:") {
		if p, err := filepick.PathFromURI(s); err == nil {
			s = p
		}
	}
	if rest, ok := strings.CutPrefix(s, "~"); ok && (rest == "" || rest[0] == '/' || rest[0] == filepath.Separator) {
		if home, err := os.UserHomeDir(); err == nil {
			s = home + rest
		}
	}
	if s != "" && !filepath.IsAbs(s) && start != "" {
		s = filepath.Join(start, s)
	}
	if s == "" {
		return ""
	}
	return filepath.Clean(s)
}

// withExtension adds the first of exts to a name saved without any.
func withExtension(path string, save bool, exts []string) string {
	if save && len(exts) > 0 && filepath.Ext(path) == "" {
		return path + exts[0]
	}
	return path
}

// checkPath says, under the field, why path cannot be opened or saved.
func checkPath(save bool, path string) error {
	if path == "" || strings.HasSuffix(path, string(filepath.Separator)) {
		return errors.New(lang.X("files.err.empty", "Indiquez le chemin du fichier."))
	}
	info, err := os.Stat(path)
	if err == nil && info.IsDir() {
		return errors.New(lang.X("files.err.folder", "C’est un dossier\u00a0: ajoutez le nom du fichier."))
	}
	if save {
		if !isDir(filepath.Dir(path)) {
			return errors.New(lang.X("files.err.nofolder", "Ce dossier n’existe pas."))
		}
		return nil
	}
	if err != nil {
		return errors.New(lang.X("files.err.nofile", "Aucun fichier à cet endroit."))
	}
	return nil
}

// browse is Fyne's own file dialog, at nearly the window's size, in our
// words; use gets the path chosen.
func (u *UI) browse(save bool, name string, exts []string, use func(path string)) {
	var d *dialog.FileDialog
	if save {
		d = dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			path := filepath.FromSlash(w.URI().Path())
			// Files are written through a temp file and a rename.
			w.Close()
			use(path)
		}, u.win)
		d.SetFileName(name)
	} else {
		d = dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err != nil || rc == nil {
				return
			}
			path := filepath.FromSlash(rc.URI().Path())
			rc.Close()
			use(path)
		}, u.win)
	}
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	u.startInDocuments(d)
	d.SetTitleText(pickTitle(save))
	d.SetConfirmText(pickAccept(save))
	d.SetDismissText(lang.X("action.cancel", "Annuler"))
	s := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(s.Width*0.9, s.Height*0.9))
	d.Show()
}
