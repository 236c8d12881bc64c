package fs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// Error is a failed filesystem call in the shape Node gives it: an Error whose message reads
// "ENOENT: no such file or directory, open '/x'", with code, errno, syscall, path and dest properties.
type Error struct {
	Errno   syscall.Errno
	Syscall string
	Path    string
	Dest    string // for two-path calls (rename, copyfile, symlink)
}

// errnoInfo holds Node's (libuv's) code, negative errno and description for the errors plugins meet.
var errnoInfo = map[syscall.Errno]struct {
	code  string
	errno int
	desc  string
}{
	syscall.ENOENT:       {"ENOENT", -2, "no such file or directory"},
	syscall.EEXIST:       {"EEXIST", -17, "file already exists"},
	syscall.EISDIR:       {"EISDIR", -21, "illegal operation on a directory"},
	syscall.ENOTDIR:      {"ENOTDIR", -20, "not a directory"},
	syscall.EACCES:       {"EACCES", -13, "permission denied"},
	syscall.EPERM:        {"EPERM", -1, "operation not permitted"},
	syscall.ENOTEMPTY:    {"ENOTEMPTY", -39, "directory not empty"},
	syscall.EBADF:        {"EBADF", -9, "bad file descriptor"},
	syscall.EINVAL:       {"EINVAL", -22, "invalid argument"},
	syscall.EMFILE:       {"EMFILE", -24, "too many open files"},
	syscall.ELOOP:        {"ELOOP", -40, "too many symbolic links encountered"},
	syscall.EXDEV:        {"EXDEV", -18, "cross-device link not permitted"},
	syscall.ENAMETOOLONG: {"ENAMETOOLONG", -36, "name too long"},
	syscall.ENOSPC:       {"ENOSPC", -28, "no space left on device"},
	syscall.EROFS:        {"EROFS", -30, "read-only file system"},
	syscall.EBUSY:        {"EBUSY", -16, "resource busy or locked"},
}

func (e *Error) Error() string {
	info, ok := errnoInfo[e.Errno]
	if !ok {
		info.code, info.errno, info.desc = "UNKNOWN", -int(e.Errno), e.Errno.Error()
	}
	msg := fmt.Sprintf("%s: %s, %s", info.code, info.desc, e.Syscall)
	switch {
	case e.Dest != "":
		msg += fmt.Sprintf(" '%s' -> '%s'", e.Path, e.Dest)
	case e.Path != "":
		msg += fmt.Sprintf(" '%s'", e.Path)
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Errno }

// JSValue builds the JS error; jsruntime uses it when the error is thrown or rejected.
func (e *Error) JSValue(vm *goja.Runtime) goja.Value {
	ctor, _ := goja.AssertConstructor(vm.Get("Error"))
	obj, err := ctor(nil, vm.ToValue(e.Error()))
	if err != nil {
		return vm.NewGoError(e)
	}
	info, ok := errnoInfo[e.Errno]
	if !ok {
		info.code, info.errno = "UNKNOWN", -int(e.Errno)
	}
	_ = obj.Set("errno", info.errno)
	_ = obj.Set("code", info.code)
	_ = obj.Set("syscall", e.Syscall)
	if e.Path != "" {
		_ = obj.Set("path", e.Path)
	}
	if e.Dest != "" {
		_ = obj.Set("dest", e.Dest)
	}
	return obj
}

// wrap converts an error from the os package into an *Error for the named syscall. Errors without an
// errno (none are expected from these calls) pass through unchanged.
func wrap(err error, syscallName, path, dest string) error {
	if err == nil {
		return nil
	}
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errno = syscall.ENOENT
		case errors.Is(err, fs.ErrExist):
			errno = syscall.EEXIST
		case errors.Is(err, fs.ErrPermission):
			errno = syscall.EACCES
		case errors.Is(err, fs.ErrClosed):
			errno = syscall.EBADF
		default:
			return fmt.Errorf("%s '%s': %w", syscallName, path, err)
		}
	}
	var pe *os.PathError
	if errors.As(err, &pe) && pe.Op == "read" {
		// Node reports read failures (EISDIR on a directory) without a path.
		return &Error{Errno: errno, Syscall: "read"}
	}
	return &Error{Errno: errno, Syscall: syscallName, Path: path, Dest: dest}
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
	if info, ok := errnoInfo[e.errno]; ok {
		return info.code
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
