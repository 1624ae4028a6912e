package filepick

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

const (
	portalName    = "org.freedesktop.portal.Desktop"
	portalPath    = dbus.ObjectPath("/org/freedesktop/portal/desktop")
	chooser       = "org.freedesktop.portal.FileChooser"
	requestIface  = "org.freedesktop.portal.Request"
	requestPrefix = "/org/freedesktop/portal/desktop/request/"
)

// callTimeout bounds the call that opens the dialog (not the person's
// choice): a portal that is activatable but never answers is as good as
// absent.
const callTimeout = 20 * time.Second

// Portal asks xdg-desktop-portal's FileChooser, which shows the desktop's
// own dialog (GTK's, KDE's) outside the app.
type Portal struct {
	// Address is the bus to reach it on; empty: the session bus.
	Address string
}

// Open asks for an existing file.
func (p Portal) Open(ctx context.Context, r Request) (string, error) {
	return p.choose(ctx, "OpenFile", r)
}

// Save asks where to write a file; the portal has the person confirm
// replacing one that exists.
func (p Portal) Save(ctx context.Context, r Request) (string, error) {
	return p.choose(ctx, "SaveFile", r)
}

// portalFilter is a filter as the portal takes it, (sa(us)): a name and
// its patterns, 0 marking a glob.
type portalFilter struct {
	Name     string
	Patterns []portalPattern
}

type portalPattern struct {
	Kind    uint32
	Pattern string
}

// options are the a{sv} of OpenFile and SaveFile for r.
func options(method, token string, r Request) map[string]dbus.Variant {
	o := map[string]dbus.Variant{
		"handle_token": dbus.MakeVariant(token),
		"modal":        dbus.MakeVariant(true),
	}
	if r.Accept != "" {
		o["accept_label"] = dbus.MakeVariant(r.Accept)
	}
	if r.Folder != "" {
		// A byte string ending in NUL: a path need not be UTF-8.
		o["current_folder"] = dbus.MakeVariant(append([]byte(r.Folder), 0))
	}
	if method == "SaveFile" && r.Name != "" {
		o["current_name"] = dbus.MakeVariant(r.Name)
	}
	if len(r.Filters) > 0 {
		fs := make([]portalFilter, len(r.Filters))
		for i, f := range r.Filters {
			fs[i].Name = f.Name
			for _, g := range patterns(f.Extensions) {
				fs[i].Patterns = append(fs[i].Patterns, portalPattern{0, g})
			}
		}
		o["filters"] = dbus.MakeVariant(fs)
		o["current_filter"] = dbus.MakeVariant(fs[0])
	}
	return o
}

func (p Portal) connect() (*dbus.Conn, error) {
	if p.Address != "" {
		return dbus.Connect(p.Address)
	}
	// Never autolaunch a bus (dbus-launch would start an X client): no
	// session bus means no portal.
	c, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return nil, err
	}
	if err = c.Auth(nil); err == nil {
		err = c.Hello()
	}
	if err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// absent are the errors that say the bus has no FileChooser to offer.
var absent = map[string]bool{
	"org.freedesktop.DBus.Error.ServiceUnknown":    true,
	"org.freedesktop.DBus.Error.NameHasNoOwner":    true,
	"org.freedesktop.DBus.Error.UnknownMethod":     true,
	"org.freedesktop.DBus.Error.UnknownInterface":  true,
	"org.freedesktop.DBus.Error.UnknownObject":     true,
	"org.freedesktop.DBus.Error.NoReply":           true,
	"org.freedesktop.DBus.Error.Spawn.ChildExited": true,
	"org.freedesktop.DBus.Error.Spawn.Failed":      true,
	"org.freedesktop.DBus.Error.TimedOut":          true,
}

// choose calls method and waits for the Response of the request it
// opens, the person's choice.
func (p Portal) choose(ctx context.Context, method string, r Request) (string, error) {
	conn, err := p.connect()
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	defer conn.Close()

	// The request's path is known before the call (the sender's name and
	// our token): subscribe to its Response first, or a quick answer
	// could come before the subscription and be lost.
	token := newToken()
	names := conn.Names()
	if len(names) == 0 {
		return "", fmt.Errorf("%w: no name on the bus", ErrUnavailable)
	}
	sender := strings.ReplaceAll(strings.TrimPrefix(names[0], ":"), ".", "_")
	want := dbus.ObjectPath(requestPrefix + sender + "/" + token)
	signals := make(chan *dbus.Signal, 8)
	conn.Signal(signals)
	if err := subscribe(conn, want); err != nil {
		return "", fmt.Errorf("%w: %v", ErrUnavailable, err)
	}

	callCtx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	var handle dbus.ObjectPath
	err = conn.Object(portalName, portalPath).CallWithContext(callCtx, chooser+"."+method, 0,
		r.Parent, r.Title, options(method, token, r)).Store(&handle)
	if err != nil {
		var de dbus.Error
		if errors.As(err, &de) && absent[de.Name] || errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return "", fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fmt.Errorf("filepick: %s: %w", method, err)
	}
	// Portals older than version 0.9 chose the path themselves.
	if handle != want {
		if err := subscribe(conn, handle); err != nil {
			return "", fmt.Errorf("filepick: %s: %w", method, err)
		}
	}
	for {
		select {
		case <-ctx.Done():
			conn.Object(portalName, handle).Call(requestIface+".Close", dbus.FlagNoReplyExpected)
			return "", ctx.Err()
		case s, ok := <-signals:
			if !ok {
				return "", fmt.Errorf("filepick: %s: the bus closed before the portal answered", method)
			}
			if s.Path != handle || s.Name != requestIface+".Response" {
				continue
			}
			return response(method, s.Body)
		}
	}
}

func subscribe(conn *dbus.Conn, path dbus.ObjectPath) error {
	return conn.AddMatchSignal(
		dbus.WithMatchObjectPath(path),
		dbus.WithMatchInterface(requestIface),
		dbus.WithMatchMember("Response"),
	)
}

// response reads a Response's body, (u a{sv}): 0 a choice, 1 cancelled,
// 2 ended otherwise (the dialog could not be shown).
func response(method string, body []any) (string, error) {
	if len(body) != 2 {
		return "", fmt.Errorf("filepick: %s: a response of %d values", method, len(body))
	}
	code, _ := body[0].(uint32)
	switch code {
	case 0:
	case 1:
		return "", ErrCancelled
	default:
		return "", fmt.Errorf("filepick: %s: the portal ended the dialog (%d)", method, code)
	}
	results, _ := body[1].(map[string]dbus.Variant)
	var uris []string
	if v, ok := results["uris"]; ok {
		if err := v.Store(&uris); err != nil {
			return "", fmt.Errorf("filepick: %s: uris: %w", method, err)
		}
	}
	if len(uris) == 0 {
		return "", fmt.Errorf("filepick: %s: the portal answered without a file", method)
	}
	return PathFromURI(uris[0])
}

// newToken is a handle_token: letters, digits and underscores, unique
// enough that two dialogs of one connection never share a path.
func newToken() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return "atelier_" + hex.EncodeToString(b)
}
