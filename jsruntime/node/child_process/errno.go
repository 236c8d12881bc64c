package child_process

import (
	"errors"
	"os"
	"syscall"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// negErrno is the negative errno Node reports for err: the errno behind it (nodeerr.ErrnoOf), EPIPE
// for a pipe the plugin closed meanwhile, EIO for an I/O error that carries none.
func negErrno(err error) int {
	var errno syscall.Errno
	if !errors.As(err, &errno) && errors.Is(err, os.ErrClosed) {
		return -int(syscall.EPIPE)
	}
	if errno, ok := nodeerr.ErrnoOf(err); ok {
		return -int(errno)
	}
	return -int(syscall.EIO)
}
