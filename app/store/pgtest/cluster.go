package pgtest

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	// Dir holds the data folder, the server's log and its socket.
	Dir string
	// Pid is the postmaster's process id.
	Pid int
	// Took is how long initdb and the server's start took together.
	Took time.Duration

	done   chan struct{} // closed when the postmaster has exited
	exited error
	proc   *os.Process

	// What Resume needs to start the server again on the same folder.
	bin     string
	as      *account
	env     []string
	running bool
}

// errNoBinaries says how to get what StartCluster needs.
var errNoBinaries = errors.New("pgtest: PostgreSQL's server programs (initdb, postgres) are not installed; " +
	"run `.ci/deps test`, which installs Debian's postgresql package, then run the tests again")

// debianBins is where Debian's postgresql-N packages put initdb.
var debianBins = "/usr/lib/postgresql/*/bin/initdb"

// startTimeout bounds the wait for a new server to accept connections.
const startTimeout = 30 * time.Second

// StartCluster makes a cluster in a new temporary folder and starts its
// server, listening on a Unix socket in that folder only. When the tests
// run as root, it runs as the postgres user, as PostgreSQL requires.
func StartCluster() (*Cluster, error) {
	begin := time.Now()
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	as, err := serverAccount()
	if err != nil {
		return nil, err
	}
	// Not t.TempDir: that folder is private to the tests' user, and the
	// postgres user must reach its own.
	dir, err := os.MkdirTemp("", "atelier-pg-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	c := &Cluster{Dir: dir, bin: bin, as: as}
	fail := func(err error) (*Cluster, error) {
		os.RemoveAll(dir)
		return nil, err
	}
	if as != nil {
		if err := os.Chown(dir, int(as.Uid), int(as.Gid)); err != nil {
			return fail(fmt.Errorf("pgtest: %w", err))
		}
	}
	data := filepath.Join(dir, "data")
	// --no-sync: a cluster thrown away at the end needs no durability,
	// and fsync is most of initdb's time. C.UTF-8 classifies letters
	// beyond ASCII, which full-text parsing relies on.
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-A", "trust", "-U", User,
		"-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions")
	initdb.Dir = dir
	initdb.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	initdb.SysProcAttr = procAttr(as, false)
	if out, err := initdb.CombinedOutput(); err != nil {
		return fail(fmt.Errorf("pgtest: initdb: %v\n%s", err, out))
	}
	c.env = initdb.Env
	if err := c.start(); err != nil {
		if c.running {
			c.Stop()
			return nil, err
		}
		return fail(err)
	}
	c.Took = time.Since(begin)
	return c, nil
}

// start runs the postmaster on the cluster's folder and waits for it to
// accept connections; its log goes on at the end of server.log.
func (c *Cluster) start() error {
	logPath := filepath.Join(c.Dir, "server.log")
	logFile, err := os.OpenFile(logPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	defer logFile.Close()
	// The postmaster is started directly, not through pg_ctl, so that it
	// is this process's child and dies with it (procAttr): a test binary
	// killed by -timeout leaves no server behind. Durability is off for
	// speed: nothing here outlives the tests.
	server := exec.Command(filepath.Join(c.bin, "postgres"), "-D", filepath.Join(c.Dir, "data"), "-k", c.Dir,
		"-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
		"-c", "full_page_writes=off", "-c", "max_connections=50")
	server.Dir = c.Dir
	server.Stdout, server.Stderr = logFile, logFile
	server.Env = c.env
	c.done = make(chan struct{})
	if err := startLocked(server, c.as, c); err != nil {
		return fmt.Errorf("pgtest: starting postgres: %w", err)
	}
	c.running = true
	return c.waitReady(logPath)
}

// waitReady waits for the server to accept connections, or to die.
func (c *Cluster) waitReady(logPath string) error {
	db, err := sql.Open("pgx", c.DSN("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	deadline := time.Now().Add(startTimeout)
	for {
		if err = db.Ping(); err == nil {
			return nil
		}
		select {
		case <-c.done:
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("pgtest: postgres exited at start (%v):\n%s", c.exited, trimLog(log))
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("pgtest: postgres not ready after %s (%v):\n%s", startTimeout, err, trimLog(log))
		}
	}
}

// Stop shuts the server down (fast shutdown: open sessions are ended),
// waits for it to exit and removes the cluster's folder.
func (c *Cluster) Stop() error {
	c.halt()
	if err := os.RemoveAll(c.Dir); err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	return nil
}

// Halt shuts the server down as Stop does but keeps its folder, so that
// Resume can start it again with its databases: what a server stopped
// under a running Atelier looks like. Not for the shared cluster of Main,
// which other tests are using: see Own.
func (c *Cluster) Halt() error {
	if !c.running {
		return errors.New("pgtest: Halt: the server is not running")
	}
	c.halt()
	if c.exited != nil && !isSignalExit(c.exited) {
		return fmt.Errorf("pgtest: postgres stopped with %v", c.exited)
	}
	return nil
}

// Resume starts a halted server again on the same folder and socket: the
// same DSNs reach it, and a *sql.DB opened before the halt reconnects.
func (c *Cluster) Resume() error {
	if c.running {
		return errors.New("pgtest: Resume: the server is already running")
	}
	if err := c.start(); err != nil {
		c.halt()
		return err
	}
	return nil
}

// Restart halts the server (fast shutdown) and starts it again.
func (c *Cluster) Restart() error {
	if err := c.Halt(); err != nil {
		return err
	}
	return c.Resume()
}

// halt stops the server if it runs and waits for it to exit.
func (c *Cluster) halt() {
	if !c.running {
		return
	}
	c.proc.Signal(syscall.SIGINT)
	select {
	case <-c.done:
	case <-time.After(15 * time.Second):
		c.proc.Kill()
		<-c.done
	}
	c.running = false
}

// isSignalExit: a postmaster asked to stop exits with status 0; one
// killed after the wait ends by a signal, which Halt does not report.
func isSignalExit(err error) bool {
	var exit *exec.ExitError
	return errors.As(err, &exit) && !exit.Exited()
}

// binDir finds the folder of initdb and postgres: on the PATH, else the
// newest of Debian's /usr/lib/postgresql/N/bin.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
			return dir, nil
		}
	}
	found, _ := filepath.Glob(debianBins)
	slices.SortFunc(found, func(a, b string) int { return version(a) - version(b) })
	for i := len(found) - 1; i >= 0; i-- {
		dir := filepath.Dir(found[i])
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
			return dir, nil
		}
	}
	return "", errNoBinaries
}

// version reads N in /usr/lib/postgresql/N/bin/initdb.
func version(initdb string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(initdb))))
	return n
}

// account is who the server runs as, when not the tests' own user.
type account struct{ Uid, Gid uint32 }

// serverAccount is the postgres user when the tests run as root (the
// server refuses to), nil otherwise.
func serverAccount() (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("pgtest: running as root, and there is no postgres user to run the server as (%v); "+
			"run `.ci/deps test`, which installs Debian's postgresql package and makes that user", err)
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("pgtest: postgres user: %w", err)
	}
	return &account{uint32(uid), uint32(gid)}, nil
}

// trimLog keeps the end of a server log for an error message.
func trimLog(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return strings.ToValidUTF8(string(b), "?")
}
