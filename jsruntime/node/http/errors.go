package http

import (
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/dop251/goja"
)

// netError is a failed network call in Node's shape: "connect ECONNREFUSED 127.0.0.1:1" with code,
// errno, syscall and the address (and port) or hostname it concerned.
type netError struct {
	code     string
	errno    int
	syscall  string
	address  string
	port     int // 0 when there is none (a unix socket)
	hostname string
}

// errnos are libuv's codes and negative errnos for the failures a client meets.
var errnos = map[syscall.Errno]struct {
	code  string
	errno int
}{
	syscall.ECONNREFUSED:  {"ECONNREFUSED", -111},
	syscall.ECONNRESET:    {"ECONNRESET", -104},
	syscall.ECONNABORTED:  {"ECONNABORTED", -103},
	syscall.ETIMEDOUT:     {"ETIMEDOUT", -110},
	syscall.EHOSTUNREACH:  {"EHOSTUNREACH", -113},
	syscall.ENETUNREACH:   {"ENETUNREACH", -101},
	syscall.EADDRNOTAVAIL: {"EADDRNOTAVAIL", -99},
	syscall.EPIPE:         {"EPIPE", -32},
	syscall.ENOENT:        {"ENOENT", -2},
	syscall.EACCES:        {"EACCES", -13},
	syscall.EPERM:         {"EPERM", -1},
	syscall.ENOTSOCK:      {"ENOTSOCK", -88},
}

func (e *netError) Error() string {
	switch {
	case e.syscall == "getaddrinfo":
		return "getaddrinfo " + e.code + " " + e.hostname
	case e.address != "" && e.port != 0:
		return e.syscall + " " + e.code + " " + net.JoinHostPort(e.address, strconv.Itoa(e.port))
	case e.address != "":
		return e.syscall + " " + e.code + " " + e.address
	}
	return e.syscall + " " + e.code
}

func (e *netError) JSValue(vm *goja.Runtime) goja.Value {
	obj := newError(vm, e.Error())
	_ = obj.Set("errno", e.errno)
	_ = obj.Set("code", e.code)
	_ = obj.Set("syscall", e.syscall)
	if e.hostname != "" {
		_ = obj.Set("hostname", e.hostname)
	}
	if e.address != "" {
		_ = obj.Set("address", e.address)
	}
	if e.port != 0 {
		_ = obj.Set("port", e.port)
	}
	return obj
}

// codedError is an Error with only a code, like Node's "socket hang up" (ECONNRESET) or a parse
// error (HPE_*).
type codedError struct {
	code string
	msg  string
}

func (e *codedError) Error() string { return e.msg }

func (e *codedError) JSValue(vm *goja.Runtime) goja.Value {
	obj := newError(vm, e.msg)
	_ = obj.Set("code", e.code)
	return obj
}

func newError(vm *goja.Runtime, msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(vm.Get("Error"))
	obj, err := ctor(nil, vm.ToValue(msg))
	if err != nil {
		return vm.NewGoError(errors.New(msg))
	}
	return obj
}

// hangUp is Node's connResetException('socket hang up'): the connection ended before a response.
var hangUp = &codedError{code: "ECONNRESET", msg: "socket hang up"}

// nodeError turns what net/http reports into the error Node would emit. Errors that already have a
// JS shape (TLS checks) pass through.
func nodeError(err error) error {
	var shaped interface {
		JSValue(*goja.Runtime) goja.Value
	}
	if errors.As(err, &shaped) {
		return err
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		ne := &netError{code: "ENOTFOUND", errno: -3008, syscall: "getaddrinfo", hostname: dnsErr.Name}
		if !dnsErr.IsNotFound && (dnsErr.IsTemporary || dnsErr.IsTimeout) {
			ne.code, ne.errno = "EAI_AGAIN", -3001
		}
		return ne
	}
	var addrErr *net.AddrError
	if errors.As(err, &addrErr) && strings.Contains(addrErr.Err, "no suitable address") {
		// A name with no address in the requested family: getaddrinfo finds nothing.
		return &netError{code: "ENOTFOUND", errno: -3008, syscall: "getaddrinfo", hostname: addrErr.Addr}
	}
	var opErr *net.OpError
	var errno syscall.Errno
	if errors.As(err, &opErr) && errors.As(err, &errno) {
		if info, ok := errnos[errno]; ok {
			ne := &netError{code: info.code, errno: info.errno, syscall: opErr.Op}
			if opErr.Op == "dial" {
				ne.syscall = "connect"
				switch a := opErr.Addr.(type) {
				case *net.TCPAddr:
					ne.address, ne.port = a.IP.String(), a.Port
				case *net.UnixAddr:
					ne.address = a.Name
				}
			}
			return ne
		}
	}
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return hangUp
	case strings.Contains(err.Error(), "server response headers exceeded"):
		return &codedError{code: "HPE_HEADER_OVERFLOW", msg: "Parse Error: Header overflow"}
	case strings.Contains(err.Error(), "malformed HTTP"):
		return &codedError{code: "HPE_INVALID_CONSTANT", msg: "Parse Error: " + err.Error()}
	}
	return err
}
