package nodeerr

import (
	"errors"
	"io/fs"
	"strconv"
	"syscall"
)

// uvErrors are libuv's codes and descriptions (Node's util.getSystemErrorMap) for the system errors
// the built-in modules report. Node numbers each as the negative of the host's errno.
var uvErrors = map[syscall.Errno]struct{ code, desc string }{
	syscall.E2BIG:         {"E2BIG", "argument list too long"},
	syscall.EACCES:        {"EACCES", "permission denied"},
	syscall.EADDRNOTAVAIL: {"EADDRNOTAVAIL", "address not available"},
	syscall.EAGAIN:        {"EAGAIN", "resource temporarily unavailable"},
	syscall.EBADF:         {"EBADF", "bad file descriptor"},
	syscall.EBUSY:         {"EBUSY", "resource busy or locked"},
	syscall.ECONNABORTED:  {"ECONNABORTED", "software caused connection abort"},
	syscall.ECONNREFUSED:  {"ECONNREFUSED", "connection refused"},
	syscall.ECONNRESET:    {"ECONNRESET", "connection reset by peer"},
	syscall.EEXIST:        {"EEXIST", "file already exists"},
	syscall.EHOSTUNREACH:  {"EHOSTUNREACH", "host is unreachable"},
	syscall.EINVAL:        {"EINVAL", "invalid argument"},
	syscall.EIO:           {"EIO", "i/o error"},
	syscall.EISDIR:        {"EISDIR", "illegal operation on a directory"},
	syscall.ELOOP:         {"ELOOP", "too many symbolic links encountered"},
	syscall.EMFILE:        {"EMFILE", "too many open files"},
	syscall.ENAMETOOLONG:  {"ENAMETOOLONG", "name too long"},
	syscall.ENETUNREACH:   {"ENETUNREACH", "network is unreachable"},
	syscall.ENFILE:        {"ENFILE", "file table overflow"},
	syscall.ENOBUFS:       {"ENOBUFS", "no buffer space available"},
	syscall.ENOENT:        {"ENOENT", "no such file or directory"},
	syscall.ENOEXEC:       {"ENOEXEC", "exec format error"},
	syscall.ENOMEM:        {"ENOMEM", "not enough memory"},
	syscall.ENOSPC:        {"ENOSPC", "no space left on device"},
	syscall.ENOSYS:        {"ENOSYS", "function not implemented"},
	syscall.ENOTDIR:       {"ENOTDIR", "not a directory"},
	syscall.ENOTEMPTY:     {"ENOTEMPTY", "directory not empty"},
	syscall.ENOTSOCK:      {"ENOTSOCK", "socket operation on non-socket"},
	syscall.EPERM:         {"EPERM", "operation not permitted"},
	syscall.EPIPE:         {"EPIPE", "broken pipe"},
	syscall.EROFS:         {"EROFS", "read-only file system"},
	syscall.ESRCH:         {"ESRCH", "no such process"},
	syscall.ETIMEDOUT:     {"ETIMEDOUT", "connection timed out"},
	syscall.ETXTBSY:       {"ETXTBSY", "text file is busy"},
	syscall.EXDEV:         {"EXDEV", "cross-device link not permitted"},
}

// UVCode is libuv's code for errno e ("ENOENT"), and whether libuv names it.
func UVCode(e syscall.Errno) (string, bool) {
	info, ok := uvErrors[e]
	return info.code, ok
}

// UVErrnos returns the codes libuv names, each with Node's errno number for it (ENOENT: -2 on
// Linux): the table a JS half compares the errnos of its natives with.
func UVErrnos() map[string]int {
	out := make(map[string]int, len(uvErrors))
	for e, info := range uvErrors {
		out[info.code] = -int(e)
	}
	return out
}

// ErrnoName is util.getSystemErrorName: the code of Node's errno number n (-2 is "ENOENT"), or
// "Unknown system error n".
func ErrnoName(n int) string {
	if code, ok := UVCode(syscall.Errno(-n)); ok {
		return code
	}
	return "Unknown system error " + strconv.Itoa(n)
}

// ErrnoOf is the system errno behind err: the syscall.Errno it wraps or, for the io/fs errors the os
// package reports without one, the errno each stands for (ErrNotExist ENOENT, ErrExist EEXIST,
// ErrPermission EACCES, ErrClosed EBADF). ok is false when err carries neither.
func ErrnoOf(err error) (errno syscall.Errno, ok bool) {
	switch {
	case errors.As(err, &errno):
	case errors.Is(err, fs.ErrNotExist):
		errno = syscall.ENOENT
	case errors.Is(err, fs.ErrExist):
		errno = syscall.EEXIST
	case errors.Is(err, fs.ErrPermission):
		errno = syscall.EACCES
	case errors.Is(err, fs.ErrClosed):
		errno = syscall.EBADF
	default:
		return 0, false
	}
	return errno, true
}
