package pgtest

import (
	"os/exec"
	"runtime"
	"syscall"
)

// procAttr runs a program as as (nil: as ourselves). With dieWithUs, the
// kernel kills it when the thread that started it ends.
func procAttr(as *account, dieWithUs bool) *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{}
	if as != nil {
		attr.Credential = &syscall.Credential{Uid: as.Uid, Gid: as.Gid}
	}
	if dieWithUs {
		attr.Pdeathsig = syscall.SIGKILL
	}
	return attr
}

// startLocked starts the server from a goroutine locked to its thread
// until the server exits. Pdeathsig follows the starting thread, not the
// process: on a thread the runtime may retire, the server would be killed
// at a random moment; on this one it dies only with the test binary.
func startLocked(cmd *exec.Cmd, as *account, c *Cluster) error {
	cmd.SysProcAttr = procAttr(as, true)
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		// Never unlocked: the thread ends with the goroutine, after the
		// server is gone.
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		c.proc = cmd.Process
		c.Pid = cmd.Process.Pid
		started <- nil
		c.exited = cmd.Wait()
		close(c.done)
	}()
	return <-started
}
