package os

import "runtime"

// systemNames are os.type() by GOOS, for hosts where uname is not read.
var systemNames = map[string]string{
	"linux": "Linux", "darwin": "Darwin", "windows": "Windows_NT", "freebsd": "FreeBSD",
	"openbsd": "OpenBSD", "netbsd": "NetBSD", "solaris": "SunOS", "illumos": "SunOS", "aix": "AIX",
}

// machines are os.machine() by GOARCH, for hosts where uname is not read.
var machines = map[string]string{
	"amd64": "x86_64", "386": "i686", "arm64": "arm64", "arm": "arm", "riscv64": "riscv64",
	"ppc64": "ppc64", "ppc64le": "ppc64le", "s390x": "s390x", "loong64": "loongarch64",
}

// fallbackHost is the host described from the Go build target alone.
func fallbackHost() hostInfo {
	h := hostInfo{sysname: systemNames[runtime.GOOS], machine: machines[runtime.GOARCH]}
	if h.sysname == "" {
		h.sysname = runtime.GOOS
	}
	if h.machine == "" {
		h.machine = runtime.GOARCH
	}
	return h
}
