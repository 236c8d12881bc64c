//go:build linux

package fs

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// control runs fn with f's descriptor, which stays open meanwhile.
func control(f *os.File, fn func(fd int) error) error {
	conn, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var callErr error
	if err := conn.Control(func(fd uintptr) { callErr = fn(int(fd)) }); err != nil {
		return err
	}
	return callErr
}

func fdatasync(f *os.File) error { return control(f, unix.Fdatasync) }

func timespecs(atime, mtime time.Time) []unix.Timespec {
	return []unix.Timespec{unix.NsecToTimespec(atime.UnixNano()), unix.NsecToTimespec(mtime.UnixNano())}
}

func futimesFile(f *os.File, atime, mtime time.Time) error {
	tv := []unix.Timeval{unix.NsecToTimeval(atime.UnixNano()), unix.NsecToTimeval(mtime.UnixNano())}
	return control(f, func(fd int) error { return unix.Futimes(fd, tv) })
}

// lutimes sets a symbolic link's own times.
func lutimes(p string, atime, mtime time.Time) error {
	return unix.UtimesNanoAt(unix.AT_FDCWD, p, timespecs(atime, mtime), unix.AT_SYMLINK_NOFOLLOW)
}
