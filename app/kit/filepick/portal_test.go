//go:build linux

package filepick

import (
	"bufio"
	"context"
	"errors"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// privateBus starts a session bus of its own for the test and returns its
// address; it stops with the test.
func privateBus(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Skip("dbus-daemon is not installed (Debian: apt-get install dbus-daemon); the portal cannot be tested")
	}
	cmd := exec.Command(bin, "--session", "--nofork", "--nopidfile", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon gave no address: %v", err)
	}
	return strings.TrimSpace(line)
}

// fakePortal answers FileChooser's calls as xdg-desktop-portal does: the
// request's handle at once, the choice later as a Response signal on it.
type fakePortal struct {
	conn *dbus.Conn
	code uint32 // 0 chosen, 1 cancelled
	uri  string
	hold bool // never answer: the person is still choosing
	// legacy answers on a path of its own, as portals before 0.9 did,
	// once the caller has had time to subscribe to it.
	legacy bool
	mu     sync.Mutex
	calls  []fakeCall
	// wire are the options as they came off the bus: the values handed
	// to the methods above have lost their D-Bus signatures.
	wire []map[string]dbus.Variant
}

type fakeCall struct {
	method, parent, title string
	options               map[string]dbus.Variant
}

func (f *fakePortal) OpenFile(sender dbus.Sender, parent, title string, options map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	return f.answer("OpenFile", sender, parent, title, options)
}

func (f *fakePortal) SaveFile(sender dbus.Sender, parent, title string, options map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	return f.answer("SaveFile", sender, parent, title, options)
}

func (f *fakePortal) answer(method string, sender dbus.Sender, parent, title string, options map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	f.mu.Lock()
	f.calls = append(f.calls, fakeCall{method, parent, title, options})
	f.mu.Unlock()
	var token string
	if err := options["handle_token"].Store(&token); err != nil {
		return "", dbus.MakeFailedError(err)
	}
	s := strings.ReplaceAll(strings.TrimPrefix(string(sender), ":"), ".", "_")
	handle := dbus.ObjectPath(requestPrefix + s + "/" + token)
	if f.legacy {
		handle = dbus.ObjectPath(requestPrefix + s + "/legacy")
		go func() {
			time.Sleep(200 * time.Millisecond)
			f.conn.Emit(handle, requestIface+".Response",
				uint32(0), map[string]dbus.Variant{"uris": dbus.MakeVariant([]string{f.uri})})
		}()
		return handle, nil
	}
	if !f.hold {
		// Sent at once, racing the reply: a client that subscribed only
		// after the call returned could miss it. A response to another
		// request comes first and must be ignored.
		go func() {
			f.conn.Emit(dbus.ObjectPath(requestPrefix+s+"/other"), requestIface+".Response",
				uint32(0), map[string]dbus.Variant{"uris": dbus.MakeVariant([]string{"file:///wrong"})})
			f.conn.Emit(handle, requestIface+".Response",
				f.code, map[string]dbus.Variant{"uris": dbus.MakeVariant([]string{f.uri})})
		}()
	}
	return handle, nil
}

// startPortal exports a fake portal on the bus at addr.
func startPortal(t *testing.T, addr string, f *fakePortal) {
	t.Helper()
	conn, err := dbus.Connect(addr, dbus.WithIncomingInterceptor(func(m *dbus.Message) {
		if m.Type == dbus.TypeMethodCall && len(m.Body) == 3 {
			if o, ok := m.Body[2].(map[string]dbus.Variant); ok {
				f.mu.Lock()
				f.wire = append(f.wire, o)
				f.mu.Unlock()
			}
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	f.conn = conn
	if err := conn.Export(f, portalPath, chooser); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(portalName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("the fake portal could not take its name: %v %v", reply, err)
	}
}

func TestPortalOpenAndSave(t *testing.T) {
	addr := privateBus(t)
	f := &fakePortal{uri: "file:///home/camille/Mes%20documents/pr%C3%A9sences%20%C3%A9t%C3%A9.csv"}
	startPortal(t, addr, f)
	p := Portal{Address: addr}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req := Request{
		Title:   "Importer des inscriptions",
		Folder:  "/home/camille/Mes documents",
		Name:    "Présences Automne.xlsx",
		Filters: []Filter{{Name: "Tableaux", Extensions: []string{".csv", ".xlsx"}}},
		Parent:  "x11:3a00007",
	}
	for _, method := range []string{"OpenFile", "SaveFile"} {
		pick := p.Open
		if method == "SaveFile" {
			pick = p.Save
		}
		got, err := pick(ctx, req)
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if want := "/home/camille/Mes documents/présences été.csv"; got != want {
			t.Errorf("%s: got %q, want %q", method, got, want)
		}
		f.mu.Lock()
		c := f.calls[len(f.calls)-1]
		wire := f.wire[len(f.wire)-1]
		f.mu.Unlock()
		if c.method != method || c.parent != req.Parent || c.title != req.Title {
			t.Errorf("%s: the portal got %s(%q, %q)", method, c.method, c.parent, c.title)
		}
		var folder []byte
		if err := c.options["current_folder"].Store(&folder); err != nil || string(folder) != req.Folder+"\x00" {
			t.Errorf("%s: current_folder %q (%v), want the folder ending in NUL", method, folder, err)
		}
		if sig := wire["current_folder"].Signature().String(); sig != "ay" {
			t.Errorf("%s: current_folder sent as %s, want ay", method, sig)
		}
		if sig := wire["filters"].Signature().String(); sig != "a(sa(us))" {
			t.Errorf("%s: filters sent as %s, want a(sa(us))", method, sig)
		}
		if sig := wire["current_filter"].Signature().String(); sig != "(sa(us))" {
			t.Errorf("%s: current_filter sent as %s, want (sa(us))", method, sig)
		}
		var filters []portalFilter
		if err := c.options["filters"].Store(&filters); err != nil {
			t.Fatalf("%s: filters: %v", method, err)
		}
		want := []portalPattern{{0, "*.csv"}, {0, "*.CSV"}, {0, "*.xlsx"}, {0, "*.XLSX"}}
		if len(filters) != 1 || filters[0].Name != "Tableaux" || !slices.Equal(filters[0].Patterns, want) {
			t.Errorf("%s: filters %+v, want Tableaux %v", method, filters, want)
		}
		var modal bool
		if err := c.options["modal"].Store(&modal); err != nil || !modal {
			t.Errorf("%s: not modal", method)
		}
		v, sent := c.options["current_name"]
		if method == "OpenFile" && sent {
			t.Errorf("OpenFile was sent a file name")
		}
		if method == "SaveFile" {
			var name string
			if !sent || v.Store(&name) != nil || name != req.Name {
				t.Errorf("SaveFile: current_name %v, want %q", v, req.Name)
			}
		}
	}
}

func TestPortalCancelled(t *testing.T) {
	addr := privateBus(t)
	startPortal(t, addr, &fakePortal{code: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := (Portal{Address: addr}).Open(ctx, Request{}); !errors.Is(err, ErrCancelled) {
		t.Errorf("got %v, want ErrCancelled", err)
	}
}

func TestPortalAbsent(t *testing.T) {
	addr := privateBus(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := (Portal{Address: addr}).Save(ctx, Request{}); !errors.Is(err, ErrUnavailable) {
		t.Errorf("a bus without a portal: got %v, want ErrUnavailable", err)
	}
	if _, err := (Portal{Address: "unix:path=/nonexistent/bus"}).Save(ctx, Request{}); !errors.Is(err, ErrUnavailable) {
		t.Errorf("no bus: got %v, want ErrUnavailable", err)
	}
}

// A dialog left open when the window gives up (ctx) returns at once.
func TestPortalGivenUp(t *testing.T) {
	addr := privateBus(t)
	startPortal(t, addr, &fakePortal{hold: true})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, err := (Portal{Address: addr}).Open(ctx, Request{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the context's end", err)
	}
}

// A portal that picks the request's path itself is followed there.
func TestPortalOwnRequestPath(t *testing.T) {
	addr := privateBus(t)
	startPortal(t, addr, &fakePortal{legacy: true, uri: "file:///tmp/a.csv"})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if got, err := (Portal{Address: addr}).Open(ctx, Request{}); err != nil || got != "/tmp/a.csv" {
		t.Errorf("got %q, %v", got, err)
	}
}
