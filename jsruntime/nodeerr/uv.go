package nodeerr

import (
	"errors"
	"io/fs"
	"strconv"
	"syscall"
)

// uvTable is libuv's table of codes and descriptions, in its order (Node's util.getSystemErrorMap),
// keyed by the host's errno; Node numbers each as the negative of that errno. libuv's own codes (the
// resolver's EAI_*, EOF, UNKNOWN, ECHARSET) have fixed numbers on every platform. Left out are the four
// whose number depends on the platform in ways the syscall package does not mirror (EFTYPE, ENONET,
// EREMOTEIO, EUNATCH).
var uvTable = []uvError{
	{syscall.E2BIG, "E2BIG", "argument list too long"},
	{syscall.EACCES, "EACCES", "permission denied"},
	{syscall.EADDRINUSE, "EADDRINUSE", "address already in use"},
	{syscall.EADDRNOTAVAIL, "EADDRNOTAVAIL", "address not available"},
	{syscall.EAFNOSUPPORT, "EAFNOSUPPORT", "address family not supported"},
	{syscall.EAGAIN, "EAGAIN", "resource temporarily unavailable"},
	{uvOwn(3000), "EAI_ADDRFAMILY", "address family not supported"},
	{uvOwn(3001), "EAI_AGAIN", "temporary failure"},
	{uvOwn(3002), "EAI_BADFLAGS", "bad ai_flags value"},
	{uvOwn(3013), "EAI_BADHINTS", "invalid value for hints"},
	{uvOwn(3003), "EAI_CANCELED", "request canceled"},
	{uvOwn(3004), "EAI_FAIL", "permanent failure"},
	{uvOwn(3005), "EAI_FAMILY", "ai_family not supported"},
	{uvOwn(3006), "EAI_MEMORY", "out of memory"},
	{uvOwn(3007), "EAI_NODATA", "no address"},
	{uvOwn(3008), "EAI_NONAME", "unknown node or service"},
	{uvOwn(3009), "EAI_OVERFLOW", "argument buffer overflow"},
	{uvOwn(3014), "EAI_PROTOCOL", "resolved protocol is unknown"},
	{uvOwn(3010), "EAI_SERVICE", "service not available for socket type"},
	{uvOwn(3011), "EAI_SOCKTYPE", "socket type not supported"},
	{syscall.EALREADY, "EALREADY", "connection already in progress"},
	{syscall.EBADF, "EBADF", "bad file descriptor"},
	{syscall.EBUSY, "EBUSY", "resource busy or locked"},
	{syscall.ECANCELED, "ECANCELED", "operation canceled"},
	{uvOwn(4080), "ECHARSET", "invalid Unicode character"},
	{syscall.ECONNABORTED, "ECONNABORTED", "software caused connection abort"},
	{syscall.ECONNREFUSED, "ECONNREFUSED", "connection refused"},
	{syscall.ECONNRESET, "ECONNRESET", "connection reset by peer"},
	{syscall.EDESTADDRREQ, "EDESTADDRREQ", "destination address required"},
	{syscall.EEXIST, "EEXIST", "file already exists"},
	{syscall.EFAULT, "EFAULT", "bad address in system call argument"},
	{syscall.EFBIG, "EFBIG", "file too large"},
	{syscall.EHOSTUNREACH, "EHOSTUNREACH", "host is unreachable"},
	{syscall.EINTR, "EINTR", "interrupted system call"},
	{syscall.EINVAL, "EINVAL", "invalid argument"},
	{syscall.EIO, "EIO", "i/o error"},
	{syscall.EISCONN, "EISCONN", "socket is already connected"},
	{syscall.EISDIR, "EISDIR", "illegal operation on a directory"},
	{syscall.ELOOP, "ELOOP", "too many symbolic links encountered"},
	{syscall.EMFILE, "EMFILE", "too many open files"},
	{syscall.EMSGSIZE, "EMSGSIZE", "message too long"},
	{syscall.ENAMETOOLONG, "ENAMETOOLONG", "name too long"},
	{syscall.ENETDOWN, "ENETDOWN", "network is down"},
	{syscall.ENETUNREACH, "ENETUNREACH", "network is unreachable"},
	{syscall.ENFILE, "ENFILE", "file table overflow"},
	{syscall.ENOBUFS, "ENOBUFS", "no buffer space available"},
	{syscall.ENODEV, "ENODEV", "no such device"},
	{syscall.ENOENT, "ENOENT", "no such file or directory"},
	{syscall.ENOMEM, "ENOMEM", "not enough memory"},
	{syscall.ENOPROTOOPT, "ENOPROTOOPT", "protocol not available"},
	{syscall.ENOSPC, "ENOSPC", "no space left on device"},
	{syscall.ENOSYS, "ENOSYS", "function not implemented"},
	{syscall.ENOTCONN, "ENOTCONN", "socket is not connected"},
	{syscall.ENOTDIR, "ENOTDIR", "not a directory"},
	{syscall.ENOTEMPTY, "ENOTEMPTY", "directory not empty"},
	{syscall.ENOTSOCK, "ENOTSOCK", "socket operation on non-socket"},
	{syscall.ENOTSUP, "ENOTSUP", "operation not supported on socket"},
	{syscall.EOVERFLOW, "EOVERFLOW", "value too large for defined data type"},
	{syscall.EPERM, "EPERM", "operation not permitted"},
	{syscall.EPIPE, "EPIPE", "broken pipe"},
	{syscall.EPROTO, "EPROTO", "protocol error"},
	{syscall.EPROTONOSUPPORT, "EPROTONOSUPPORT", "protocol not supported"},
	{syscall.EPROTOTYPE, "EPROTOTYPE", "protocol wrong type for socket"},
	{syscall.ERANGE, "ERANGE", "result too large"},
	{syscall.EROFS, "EROFS", "read-only file system"},
	{syscall.ESHUTDOWN, "ESHUTDOWN", "cannot send after transport endpoint shutdown"},
	{syscall.ESPIPE, "ESPIPE", "invalid seek"},
	{syscall.ESRCH, "ESRCH", "no such process"},
	{syscall.ETIMEDOUT, "ETIMEDOUT", "connection timed out"},
	{syscall.ETXTBSY, "ETXTBSY", "text file is busy"},
	{syscall.EXDEV, "EXDEV", "cross-device link not permitted"},
	{uvOwn(4094), "UNKNOWN", "unknown error"},
	{uvOwn(4095), "EOF", "end of file"},
	{syscall.ENXIO, "ENXIO", "no such device or address"},
	{syscall.EMLINK, "EMLINK", "too many links"},
	{syscall.EHOSTDOWN, "EHOSTDOWN", "host is down"},
	{syscall.ENOTTY, "ENOTTY", "inappropriate ioctl for device"},
	{syscall.EILSEQ, "EILSEQ", "illegal byte sequence"},
	{syscall.ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT", "socket type not supported"},
	{syscall.ENODATA, "ENODATA", "no data available"},
}

type uvError struct {
	errno      syscall.Errno
	code, desc string
}

// uvOwn is the errno under which uvTable files one of libuv's own codes: Node's number is -n.
func uvOwn(n int) syscall.Errno { return syscall.Errno(n) }

// uvErrors is uvTable by errno.
var uvErrors = func() map[syscall.Errno]struct{ code, desc string } {
	m := make(map[syscall.Errno]struct{ code, desc string }, len(uvTable))
	for _, e := range uvTable {
		m[e.errno] = struct{ code, desc string }{e.code, e.desc}
	}
	return m
}()

// SystemErrors calls f with Node's errno number, code and description of each entry of libuv's
// table, in Node's order: util.getSystemErrorMap.
func SystemErrors(f func(errno int, code, desc string)) {
	for _, e := range uvTable {
		f(-int(e.errno), e.code, e.desc)
	}
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
