package policy

import (
	"syscall"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// Denied is a call the policy refused: the system error a real EACCES gives for that call
// (nodeerr.SystemError, which it unwraps to), its message followed by the rule in parentheses.
type Denied struct {
	// Note names the rule: "pluginHost.plugins.my-plugin.fs does not allow it".
	Note string
	sys  *nodeerr.SystemError
}

func (d *Denied) Error() string { return d.sys.Error() + " (" + d.Note + ")" }

func (d *Denied) Unwrap() error { return d.sys }

// JSValue is the error as the plugin sees it; jsruntime uses it when the error is thrown or rejected.
func (d *Denied) JSValue(vm *goja.Runtime) goja.Value {
	v := d.sys.JSValue(vm)
	if o, ok := v.(*goja.Object); ok {
		// goja formats an error's stack when it is first read, so the stack shows this message too.
		_ = o.Set("message", d.Error())
	}
	return v
}

// fileDenied is Node's "EACCES: permission denied, open '/x'" (with "-> '/y'" for two paths).
func fileDenied(syscallName, path, dest, note string) *Denied {
	return &Denied{Note: note, sys: nodeerr.FileError(syscall.EACCES, syscallName, path, dest)}
}

// netDenied is Node's "connect EACCES host:port", or "spawn /bin/ls EACCES" without an address.
func netDenied(syscallName, address string, port int, note string) *Denied {
	return &Denied{Note: note, sys: nodeerr.NetError(syscall.EACCES, syscallName, address, port)}
}

// lookupDenied is "getaddrinfo EACCES host", with the hostname property a failed lookup has.
func lookupDenied(host, note string) *Denied {
	sys := nodeerr.NetError(syscall.EACCES, "getaddrinfo", host, 0)
	sys.Address, sys.Hostname = "", host
	return &Denied{Note: note, sys: sys}
}
