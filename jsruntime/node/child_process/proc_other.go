//go:build !unix

package child_process

import (
	"os"
	"syscall"
)

// sysProcAttr is nil: hosts without process groups start children plainly.
func sysProcAttr() *syscall.SysProcAttr { return nil }

// killGroup kills p; without process groups, what p started itself survives.
func killGroup(p *os.Process) { _ = p.Kill() }

// exitStatus is the process's exit code: these hosts report no terminating signal.
func exitStatus(ps *os.ProcessState) (code int, signal string) { return ps.ExitCode(), "" }
