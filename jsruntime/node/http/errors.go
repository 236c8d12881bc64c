package http

import (
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

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
		return nodeerr.LookupError(err, dnsErr.Name)
	}
	var addrErr *net.AddrError
	if errors.As(err, &addrErr) && strings.Contains(addrErr.Err, "no suitable address") {
		// A name with no address in the requested family: getaddrinfo finds nothing.
		return nodeerr.LookupError(err, addrErr.Addr)
	}
	var opErr *net.OpError
	var errno syscall.Errno
	if errors.As(err, &opErr) && errors.As(err, &errno) {
		if _, known := nodeerr.UVCode(errno); known {
			if opErr.Op != "dial" {
				return nodeerr.NetError(errno, opErr.Op, "", 0)
			}
			switch a := opErr.Addr.(type) {
			case *net.TCPAddr:
				return nodeerr.NetError(errno, "connect", a.IP.String(), a.Port)
			case *net.UnixAddr:
				return nodeerr.NetError(errno, "connect", a.Name, 0)
			}
			return nodeerr.NetError(errno, "connect", "", 0)
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
