package pgtest

import (
	"bufio"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestMain(m *testing.M) { Main(m) }

func open(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestRoundTrip(t *testing.T) {
	db := open(t, Start(t))
	t.Logf("initdb and server start: %s", shared.cluster.Took)
	if _, err := db.Exec("CREATE TABLE people (id bigint PRIMARY KEY, name text NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	const name = "Hélène Œuvré\u00a0!"
	if _, err := db.Exec("INSERT INTO people VALUES ($1, $2)", 1, name); err != nil {
		t.Fatal(err)
	}
	var got, encoding string
	if err := db.QueryRow("SELECT name, current_setting('server_encoding') FROM people WHERE id = $1", 1).Scan(&got, &encoding); err != nil {
		t.Fatal(err)
	}
	if got != name || encoding != "UTF8" {
		t.Errorf("read back %q in %s, want %q in UTF8", got, encoding, name)
	}
	// Full-text parsing must see « é » as a letter (C.UTF-8), or library
	// search on PostgreSQL would split words at every accent.
	var lexemes string
	if err := db.QueryRow("SELECT to_tsvector('simple', 'déjà vu')::text").Scan(&lexemes); err != nil {
		t.Fatal(err)
	}
	if lexemes != "'déjà':1 'vu':2" {
		t.Errorf("to_tsvector('simple', 'déjà vu') = %s, want 'déjà':1 'vu':2", lexemes)
	}
}

func TestDatabasesIsolated(t *testing.T) {
	a, b := Start(t), Start(t)
	if a == b {
		t.Fatalf("two calls gave the same database %s", a)
	}
	dbA, dbB := open(t, a), open(t, b)
	if _, err := dbA.Exec("CREATE TABLE only_in_a (x int)"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		db   *sql.DB
		want int
	}{{dbA, 1}, {dbB, 0}} {
		var n int
		if err := c.db.QueryRow("SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_a'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != c.want {
			t.Errorf("only_in_a found %d times, want %d", n, c.want)
		}
	}
}

func TestMissingBinariesFail(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	old := debianBins
	debianBins = t.TempDir() + "/*/bin/initdb"
	t.Cleanup(func() { debianBins = old })
	c, err := StartCluster()
	if err == nil {
		c.Stop()
		t.Fatal("a cluster started without the server programs")
	}
	if !errors.Is(err, errNoBinaries) || !strings.Contains(err.Error(), ".ci/deps test") {
		t.Errorf("error does not say how to install PostgreSQL: %v", err)
	}
}

// childEnv makes the test binary, run again, act as a package whose test
// starts a cluster: TestChild then prints the cluster's folder and
// postmaster pid, and either returns (Main must then stop the server) or
// hangs until killed (the kernel must then stop it).
const childEnv = "PGTEST_CHILD"

func TestChild(t *testing.T) {
	mode := os.Getenv(childEnv)
	if mode == "" {
		return // only a step of the two tests below
	}
	Start(t)
	fmt.Printf("cluster %s %d\n", shared.cluster.Dir, shared.cluster.Pid)
	if mode == "hang" {
		time.Sleep(time.Minute)
	}
}

// runChild starts the child and reads the cluster it started.
func runChild(t *testing.T, mode string) (cmd *exec.Cmd, dir string, pid int) {
	t.Helper()
	cmd = exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"="+mode)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if _, err := fmt.Sscanf(sc.Text(), "cluster %s %d", &dir, &pid); err == nil {
			break
		}
	}
	if dir == "" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the child printed no cluster")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	return cmd, dir, pid
}

// serverGone waits a little for the postmaster and everything started on
// its folder to be gone, and fails if they stay.
func serverGone(t *testing.T, dir string, pid int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		alive := syscall.Kill(pid, 0) == nil
		err := exec.Command("pgrep", "-f", dir).Run()
		var exit *exec.ExitError
		stray := err == nil
		if err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
			t.Fatalf("pgrep: %v", err)
		}
		if !alive && !stray {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("postgres still running on %s (postmaster %d alive: %v; pgrep found a process: %v)", dir, pid, alive, stray)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestMainStopsCluster(t *testing.T) {
	cmd, dir, pid := runChild(t, "return")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	serverGone(t, dir, pid)
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the cluster's folder %s is still there (%v)", dir, err)
	}
}

func TestKilledBinaryLeavesNoServer(t *testing.T) {
	cmd, dir, pid := runChild(t, "hang")
	if err := syscall.Kill(pid, 0); err != nil {
		t.Fatalf("postmaster %d not running while the child is: %v", pid, err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	serverGone(t, dir, pid)
	os.RemoveAll(dir) // nobody else will: the child was killed
}

// A pool opened before a restart reaches the server again after it, and
// fails while the server is down; the data survives.
func TestRestart(t *testing.T) {
	c := Own(t)
	if err := c.CreateDatabase("kept"); err != nil {
		t.Fatal(err)
	}
	db := open(t, c.DSN("kept"))
	if _, err := db.Exec("CREATE TABLE t (x int); INSERT INTO t VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	pid := c.Pid
	if err := c.Halt(); err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(); err == nil {
		t.Error("Ping succeeded while the server was halted")
	}
	if err := c.Resume(); err != nil {
		t.Fatal(err)
	}
	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	if c.Pid == pid {
		t.Errorf("the postmaster kept pid %d across Restart", pid)
	}
	var x int
	if err := db.QueryRow("SELECT x FROM t").Scan(&x); err != nil || x != 7 {
		t.Errorf("after the restart: x = %d, %v", x, err)
	}
	if err := c.Resume(); err == nil {
		t.Error("Resume of a running server succeeded")
	}
}
