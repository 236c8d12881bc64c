//go:build linux

package fs

import (
	"io/fs"
	"syscall"
	"time"
)

func sysStatOf(info fs.FileInfo) fileStat {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		t := info.ModTime()
		return fileStat{atime: t, ctime: t, birth: t}
	}
	ts := func(t syscall.Timespec) time.Time { return time.Unix(t.Sec, t.Nsec) }
	return fileStat{
		dev: st.Dev, ino: st.Ino, nlink: uint64(st.Nlink), uid: uint64(st.Uid), gid: uint64(st.Gid),
		rdev: st.Rdev, blksize: uint64(st.Blksize), blocks: uint64(st.Blocks),
		// Linux stat has no birth time; Node then reports ctime's value there too.
		atime: ts(st.Atim), ctime: ts(st.Ctim), birth: ts(st.Ctim),
	}
}
