package nodeerr

import (
	"errors"
	"net"
	"strconv"
	"syscall"

	"github.com/dop251/goja"
)

// SystemError is a failed system call as Node reports it: an Error whose message names the code
// and what failed, with errno, code, syscall and, where they apply, path, dest, hostname, address and
// port properties. FileError, NetError and LookupError build one with the message Node gives that
// kind of call; it unwraps to the errno or resolver error behind it.
type SystemError struct {
	Code     string // libuv's code: "ENOENT", "ECONNREFUSED", "ENOTFOUND"
	Errno    int    // Node's errno: the negative of the host's (-2), or libuv's own (-3008)
	Syscall  string // "open", "connect", "getaddrinfo"
	Path     string
	Dest     string
	Hostname string
	Address  string
	Port     int // 0 when there is none

	message string
	cause   error
}

func (e *SystemError) Error() string { return e.message }

func (e *SystemError) Unwrap() error { return e.cause }

// JSValue builds the JS error, its properties in Node's order; jsruntime uses it when the error is
// thrown or rejected.
func (e *SystemError) JSValue(vm *goja.Runtime) goja.Value {
	ctor, _ := goja.AssertConstructor(vm.Get("Error"))
	obj, err := ctor(nil, vm.ToValue(e.message))
	if err != nil {
		return vm.NewGoError(e)
	}
	_ = obj.Set("errno", e.Errno)
	_ = obj.Set("code", e.Code)
	_ = obj.Set("syscall", e.Syscall)
	for _, kv := range []struct{ k, v string }{{"path", e.Path}, {"dest", e.Dest}, {"hostname", e.Hostname}, {"address", e.Address}} {
		if kv.v != "" {
			_ = obj.Set(kv.k, kv.v)
		}
	}
	if e.Port != 0 {
		_ = obj.Set("port", e.Port)
	}
	return obj
}

// FileError is a failed file system call as Node's uvException words it: "ENOENT: no such file or
// directory, open '/x'", with "-> '/y'" after the path for two-path calls (rename, copyfile,
// symlink). An errno libuv does not name has the code UNKNOWN and the host's description.
func FileError(errno syscall.Errno, syscallName, path, dest string) *SystemError {
	info, ok := uvErrors[errno]
	if !ok {
		info.code, info.desc = "UNKNOWN", errno.Error()
	}
	msg := info.code + ": " + info.desc + ", " + syscallName
	switch {
	case dest != "":
		msg += " '" + path + "' -> '" + dest + "'"
	case path != "":
		msg += " '" + path + "'"
	}
	return &SystemError{Code: info.code, Errno: -int(errno), Syscall: syscallName, Path: path, Dest: dest, message: msg, cause: errno}
}

// NetError is a failed network call as Node's exceptionWithHostPort words it: "connect
// ECONNREFUSED 127.0.0.1:1", or without the port (a unix socket's path) or the address (a read or
// write on a connection) when there is none.
func NetError(errno syscall.Errno, syscallName, address string, port int) *SystemError {
	code, ok := UVCode(errno)
	if !ok {
		code = "UNKNOWN"
	}
	msg := syscallName + " " + code
	switch {
	case address != "" && port != 0:
		msg += " " + net.JoinHostPort(address, strconv.Itoa(port))
	case address != "":
		msg += " " + address
	}
	return &SystemError{Code: code, Errno: -int(errno), Syscall: syscallName, Address: address, Port: port, message: msg, cause: errno}
}

// lookupErrnos are libuv's numbers for getaddrinfo's errors, by the code Node gives them.
var lookupErrnos = map[string]int{
	"ENOTFOUND": -3008, // UV_EAI_NONAME
	"EAI_AGAIN": -3001,
	"EAI_FAIL":  -3004,
}

// LookupError is a failed getaddrinfo (dns.lookup, connecting by name) of hostname as Node's
// dnsException words it: "getaddrinfo ENOTFOUND example.invalid". err is the resolver's failure:
// the code is ENOTFOUND when the name does not exist or has no address of the family asked for,
// EAI_AGAIN when the resolver timed out or failed for now, EAI_FAIL otherwise.
func LookupError(err error, hostname string) *SystemError {
	code := "EAI_FAIL"
	var dnsErr *net.DNSError
	var addrErr *net.AddrError
	switch {
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		code = "ENOTFOUND"
	case dnsErr != nil && (dnsErr.IsTimeout || dnsErr.IsTemporary):
		code = "EAI_AGAIN"
	case dnsErr == nil && errors.As(err, &addrErr):
		code = "ENOTFOUND"
	}
	msg := "getaddrinfo " + code
	if hostname != "" {
		msg += " " + hostname
	}
	return &SystemError{Code: code, Errno: lookupErrnos[code], Syscall: "getaddrinfo", Hostname: hostname, message: msg, cause: err}
}
