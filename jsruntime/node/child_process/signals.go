package child_process

import "syscall"

type namedSignal struct {
	name string
	sig  syscall.Signal
}

// signalName is the name Node gives a signal number: the first in signalList, or "" for one it does
// not know.
func signalName(sig syscall.Signal) string {
	for _, s := range signalList {
		if s.sig == sig {
			return s.name
		}
	}
	return ""
}
