package fs

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// wrap converts an error from the os package into Node's error for the named syscall
// (nodeerr.FileError). Errors without an errno (none are expected from these calls) and the policy's
// refusals, which are already Node's, pass through unchanged.
func wrap(err error, syscallName, path, dest string) error {
	var denied *policy.Denied
	if err == nil || errors.As(err, &denied) {
		return err
	}
	errno, ok := nodeerr.ErrnoOf(err)
	if !ok {
		return fmt.Errorf("%s '%s': %w", syscallName, path, err)
	}
	var pe *os.PathError
	if errors.As(err, &pe) && pe.Op == "read" {
		// Node reports read failures (EISDIR on a directory) without a path.
		return nodeerr.FileError(errno, "read", "", "")
	}
	return nodeerr.FileError(errno, syscallName, path, dest)
}

// systemError is one of Node's SystemErrors for fs (ERR_FS_EISDIR, ERR_FS_CP_*): a message such as
// "Path is a directory: rm returned EISDIR (is a directory) /x" and code, info, errno (positive),
// syscall and path properties.
type systemError struct {
	code, prefix string // "ERR_FS_CP_EINVAL", "Invalid src or dest"
	errno        syscall.Errno
	uvCode       string // the code in the message and info, when it is not errno's (cp's EISDIR has EINVAL)
	syscall      string
	detail, path string
}

func (e *systemError) errnoCode() string {
	if e.uvCode != "" {
		return e.uvCode
	}
	if code, ok := nodeerr.UVCode(e.errno); ok {
		return code
	}
	return "UNKNOWN"
}

func (e *systemError) Error() string {
	return fmt.Sprintf("%s: %s returned %s (%s) %s", e.prefix, e.syscall, e.errnoCode(), e.detail, e.path)
}

func (e *systemError) JSValue(vm *goja.Runtime) goja.Value {
	obj := nodeerr.New(vm, "Error", e.code, e.Error())
	info := vm.NewObject()
	for _, kv := range []field{{"message", e.detail}, {"path", e.path}, {"syscall", e.syscall}, {"errno", int(e.errno)}, {"code", e.errnoCode()}} {
		_ = info.Set(kv.k, kv.v)
	}
	_ = obj.DefineDataProperty("name", vm.ToValue("SystemError"), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	for _, kv := range []field{{"info", info}, {"errno", int(e.errno)}, {"syscall", e.syscall}, {"path", e.path}} {
		_ = obj.Set(kv.k, kv.v)
	}
	return obj
}

// rmDirError is what rm without recursive reports for a directory.
func rmDirError(path string) error {
	return &systemError{code: "ERR_FS_EISDIR", prefix: "Path is a directory", errno: syscall.EISDIR, syscall: "rm", detail: "is a directory", path: path}
}
