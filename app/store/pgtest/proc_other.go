//go:build !linux

package pgtest

import (
	"os/exec"
	"syscall"
)

// procAttr: elsewhere than Linux the server runs as ourselves, and a test
// binary killed outright may leave it running.
func procAttr(as *account, dieWithUs bool) *syscall.SysProcAttr { return nil }

func startLocked(cmd *exec.Cmd, as *account, c *Cluster) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	c.proc = cmd.Process
	c.Pid = cmd.Process.Pid
	go func() {
		c.exited = cmd.Wait()
		close(c.done)
	}()
	return nil
}
