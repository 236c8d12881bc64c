package child_process

import (
	"errors"
	"os"
	"strconv"
	"syscall"
)

// errnoNames are libuv's codes for the errors starting, signalling and piping a process can give.
// Node reports each as the negative of the host's errno value (-2 for ENOENT on Linux), with this name
// as err.code.
var errnoNames = map[syscall.Errno]string{
	syscall.E2BIG:        "E2BIG",
	syscall.EACCES:       "EACCES",
	syscall.EAGAIN:       "EAGAIN",
	syscall.EBADF:        "EBADF",
	syscall.EINVAL:       "EINVAL",
	syscall.EIO:          "EIO",
	syscall.EISDIR:       "EISDIR",
	syscall.ELOOP:        "ELOOP",
	syscall.EMFILE:       "EMFILE",
	syscall.ENAMETOOLONG: "ENAMETOOLONG",
	syscall.ENFILE:       "ENFILE",
	syscall.ENOBUFS:      "ENOBUFS",
	syscall.ENOENT:       "ENOENT",
	syscall.ENOEXEC:      "ENOEXEC",
	syscall.ENOMEM:       "ENOMEM",
	syscall.ENOSYS:       "ENOSYS",
	syscall.ENOTDIR:      "ENOTDIR",
	syscall.EPERM:        "EPERM",
	syscall.EPIPE:        "EPIPE",
	syscall.ESRCH:        "ESRCH",
	syscall.ETIMEDOUT:    "ETIMEDOUT",
	syscall.ETXTBSY:      "ETXTBSY",
}

// errName is util.getSystemErrorName for a negative errno: its code, or "Unknown system error -n".
func errName(negErrno int) string {
	if name, ok := errnoNames[syscall.Errno(-negErrno)]; ok {
		return name
	}
	return "Unknown system error " + strconv.Itoa(negErrno)
}

// negErrno is the negative errno Node reports for err: the errno inside it, EPIPE for a pipe the
// plugin closed meanwhile, EIO for an I/O error that carries none.
func negErrno(err error) int {
	var errno syscall.Errno
	switch {
	case errors.As(err, &errno):
	case errors.Is(err, os.ErrClosed):
		errno = syscall.EPIPE
	case errors.Is(err, os.ErrNotExist):
		errno = syscall.ENOENT
	case errors.Is(err, os.ErrPermission):
		errno = syscall.EACCES
	default:
		errno = syscall.EIO
	}
	return -int(errno)
}
