//go:build !linux

package fs

import "io/fs"

// sysStatOf falls back to the portable fields where the stat structure differs from Linux's.
func sysStatOf(info fs.FileInfo) fileStat {
	t := info.ModTime()
	return fileStat{nlink: 1, blksize: 4096, atime: t, ctime: t, birth: t}
}
