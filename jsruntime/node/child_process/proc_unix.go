//go:build unix

package child_process

import (
	"os"
	"syscall"
)

// sysProcAttr puts every child in a process group of its own, so that closing the plugin can kill
// what the child started too (a shell's pipeline, a server's workers), not only the child.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}

// killGroup sends SIGKILL to the process group led by p.
func killGroup(p *os.Process) {
	_ = syscall.Kill(-p.Pid, syscall.SIGKILL)
}

// exitStatus is how a finished process ended: its exit code, or the name of the signal that killed
// it. A signal Node has no name for (a real-time one) reads as exit code 0 and no signal, as in Node.
func exitStatus(ps *os.ProcessState) (code int, signal string) {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 0, signalName(ws.Signal())
	}
	return ps.ExitCode(), ""
}
