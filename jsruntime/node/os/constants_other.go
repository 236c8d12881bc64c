//go:build !linux

package os

import (
	"syscall"

	"github.com/dop251/goja"
)

// constants is os.constants with the signals and errno values packages look up by name, on systems
// other than Linux (where constants_linux.go has Node's full tables). The numbers come from the host's
// syscall tables, so they match Node's on the same platform.
func constants(vm *goja.Runtime) *goja.Object {
	signals := object(vm,
		"SIGHUP", int(syscall.SIGHUP), "SIGINT", int(syscall.SIGINT), "SIGQUIT", int(syscall.SIGQUIT),
		"SIGILL", int(syscall.SIGILL), "SIGTRAP", int(syscall.SIGTRAP), "SIGABRT", int(syscall.SIGABRT),
		"SIGBUS", int(syscall.SIGBUS), "SIGFPE", int(syscall.SIGFPE), "SIGKILL", int(syscall.SIGKILL),
		"SIGSEGV", int(syscall.SIGSEGV), "SIGPIPE", int(syscall.SIGPIPE), "SIGALRM", int(syscall.SIGALRM),
		"SIGTERM", int(syscall.SIGTERM),
	)
	errno := object(vm,
		"EACCES", int(syscall.EACCES), "EADDRINUSE", int(syscall.EADDRINUSE), "EAGAIN", int(syscall.EAGAIN),
		"EBADF", int(syscall.EBADF), "ECONNREFUSED", int(syscall.ECONNREFUSED),
		"ECONNRESET", int(syscall.ECONNRESET), "EEXIST", int(syscall.EEXIST), "EINVAL", int(syscall.EINVAL),
		"EISDIR", int(syscall.EISDIR), "EMFILE", int(syscall.EMFILE), "ENOENT", int(syscall.ENOENT),
		"ENOTDIR", int(syscall.ENOTDIR), "ENOTEMPTY", int(syscall.ENOTEMPTY), "EPERM", int(syscall.EPERM),
		"EPIPE", int(syscall.EPIPE), "ETIMEDOUT", int(syscall.ETIMEDOUT),
	)
	return object(vm, "errno", errno, "signals", signals, "priority", priorities(vm))
}
