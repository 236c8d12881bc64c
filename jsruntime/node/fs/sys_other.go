//go:build !linux

package fs

import (
	"os"
	"syscall"
	"time"
)

func fdatasync(f *os.File) error { return f.Sync() }

func futimesFile(*os.File, time.Time, time.Time) error { return syscall.ENOTSUP }

func lutimes(string, time.Time, time.Time) error { return syscall.ENOTSUP }
