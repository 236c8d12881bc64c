//go:build unix

package fs

import "syscall"

func accessPath(p string, mode uint32) error { return syscall.Access(p, mode) }
