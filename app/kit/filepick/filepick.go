// Package filepick asks the system for a file to open or a place to save
// one, with the dialog the person knows from every other program: the
// desktop portal on Linux (GNOME's, KDE's, with their path bar and
// bookmarks), the common dialog on Windows. When the system has none, the
// pickers say so with ErrUnavailable and the window shows its own.
package filepick

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

var (
	// ErrCancelled: the person closed the dialog without choosing.
	ErrCancelled = errors.New("filepick: cancelled")
	// ErrUnavailable: this system has no file dialog to offer (no portal
	// on the session bus, no session bus at all); the caller shows its own.
	ErrUnavailable = errors.New("filepick: no system file dialog")
)

// Filter is one choice of the dialog's file types: a name shown to the
// person and the extensions it keeps, with their dot (".csv").
type Filter struct {
	Name       string
	Extensions []string
}

// Request is what the dialog shows and where it starts.
type Request struct {
	Title   string   // the dialog's title
	Accept  string   // the confirm button's label; empty: the system's
	Folder  string   // the folder it opens in; empty: the system's choice
	Name    string   // Save: the file name proposed
	Filters []Filter // the types offered, the first one selected; none: every file
	// Parent names the window the dialog belongs to, so that it opens
	// above it and modal to it: "x11:<hex XID>" for the portal,
	// "hwnd:<hex>" on Windows; empty: none.
	Parent string
}

// Picker shows the system's file dialogs. Both calls block until the
// person has chosen (the path, absolute) or given up (ErrCancelled); they
// must not be called on the UI goroutine.
type Picker interface {
	Open(ctx context.Context, r Request) (string, error)
	Save(ctx context.Context, r Request) (string, error)
}

// Unavailable is a Picker for a system without file dialogs: every call
// answers ErrUnavailable. Tests use it so as never to reach the desktop.
type Unavailable struct{}

// Open answers ErrUnavailable.
func (Unavailable) Open(context.Context, Request) (string, error) { return "", ErrUnavailable }

// Save answers ErrUnavailable.
func (Unavailable) Save(context.Context, Request) (string, error) { return "", ErrUnavailable }

// PathFromURI is the local path a file:// URI names, its percent-escapes
// decoded (« Mes%20documents/%C3%A9t%C3%A9.csv » is « Mes documents/été.csv »).
// A URI of another machine or scheme is refused: Atelier reads local files.
func PathFromURI(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("filepick: %q is not a URI: %w", uri, err)
	}
	if u.Scheme != "file" || (u.Host != "" && u.Host != "localhost") || u.Path == "" {
		return "", fmt.Errorf("filepick: %q is not a local file", uri)
	}
	p := filepath.FromSlash(u.Path)
	// file:///C:/Users/… on Windows: the drive comes after a slash.
	if len(p) >= 3 && p[0] == filepath.Separator && p[2] == ':' {
		p = p[1:]
	}
	return p, nil
}

// patterns are the glob patterns of a filter's extensions, in both cases:
// a file exported on another system as « LISTE.CSV » still shows.
func patterns(exts []string) []string {
	var out []string
	for _, e := range exts {
		e = "*." + strings.TrimPrefix(e, ".")
		out = append(out, strings.ToLower(e))
		if up := strings.ToUpper(e); up != strings.ToLower(e) {
			out = append(out, up)
		}
	}
	return out
}
