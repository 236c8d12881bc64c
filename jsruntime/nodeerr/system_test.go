package nodeerr

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"syscall"
	"testing"

	"github.com/dop251/goja"
)

// TestSystemError compares each kind of system error with what Node 20 gives for the same failure
// (fs.openSync, fs.renameSync, fs.readSync on a bad fd, net.connect to a closed port, dns.lookup of
// an unknown name): name, message, own enumerable keys and their values.
func TestSystemError(t *testing.T) {
	vm := goja.New()
	show, err := vm.RunString(`(e) => [e.name, e.message, Object.keys(e).join(), Object.values(e).join()].join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(show)
	notFound := &net.DNSError{Err: "no such host", Name: "nothing.invalid", IsNotFound: true}
	tests := []struct {
		err  *SystemError
		want string
	}{
		{FileError(syscall.ENOENT, "open", "/nonexistent/x", ""),
			"Error|ENOENT: no such file or directory, open '/nonexistent/x'|errno,code,syscall,path|-2,ENOENT,open,/nonexistent/x"},
		{FileError(syscall.ENOENT, "rename", "/nonexistent/a", "/nonexistent/b"),
			"Error|ENOENT: no such file or directory, rename '/nonexistent/a' -> '/nonexistent/b'|errno,code,syscall,path,dest|-2,ENOENT,rename,/nonexistent/a,/nonexistent/b"},
		{FileError(syscall.EBADF, "read", "", ""), "Error|EBADF: bad file descriptor, read|errno,code,syscall|-9,EBADF,read"},
		{NetError(syscall.ECONNREFUSED, "connect", "127.0.0.1", 1),
			"Error|connect ECONNREFUSED 127.0.0.1:1|errno,code,syscall,address,port|-111,ECONNREFUSED,connect,127.0.0.1,1"},
		{NetError(syscall.ECONNRESET, "read", "", 0), "Error|read ECONNRESET|errno,code,syscall|-104,ECONNRESET,read"},
		{LookupError(fmt.Errorf("dial: %w", notFound), "nothing.invalid"),
			"Error|getaddrinfo ENOTFOUND nothing.invalid|errno,code,syscall,hostname|-3008,ENOTFOUND,getaddrinfo,nothing.invalid"},
		{LookupError(&net.DNSError{Err: "i/o timeout", Name: "slow.example", IsTimeout: true}, "slow.example"),
			"Error|getaddrinfo EAI_AGAIN slow.example|errno,code,syscall,hostname|-3001,EAI_AGAIN,getaddrinfo,slow.example"},
		{LookupError(&net.AddrError{Err: "no suitable address found", Addr: "v6only.example"}, "v6only.example"),
			"Error|getaddrinfo ENOTFOUND v6only.example|errno,code,syscall,hostname|-3008,ENOTFOUND,getaddrinfo,v6only.example"},
		{LookupError(errors.New("cancelled"), "x.example"),
			"Error|getaddrinfo EAI_FAIL x.example|errno,code,syscall,hostname|-3004,EAI_FAIL,getaddrinfo,x.example"},
	}
	for _, tc := range tests {
		got, err := fn(nil, tc.err.JSValue(vm))
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
		if !errors.Is(tc.err, tc.err.cause) || tc.err.Error() != tc.err.JSValue(vm).ToObject(vm).Get("message").String() {
			t.Errorf("%s: the Go error must unwrap to its cause and carry the JS message", tc.err)
		}
	}
}

func TestErrnoOf(t *testing.T) {
	tests := []struct {
		err  error
		want syscall.Errno
		ok   bool
	}{
		{&os.PathError{Op: "open", Path: "/x", Err: syscall.ENOTDIR}, syscall.ENOTDIR, true},
		{fmt.Errorf("wrapped: %w", fs.ErrNotExist), syscall.ENOENT, true},
		{fs.ErrExist, syscall.EEXIST, true},
		{fs.ErrPermission, syscall.EACCES, true},
		{os.ErrClosed, syscall.EBADF, true},
		{errors.New("no errno"), 0, false},
	}
	for _, tc := range tests {
		if got, ok := ErrnoOf(tc.err); got != tc.want || ok != tc.ok {
			t.Errorf("ErrnoOf(%v) = %v, %v; want %v, %v", tc.err, got, ok, tc.want, tc.ok)
		}
	}
}

// TestErrnoNames checks util.getSystemErrorName's answers (Node 20) and the code table a JS half gets.
func TestErrnoNames(t *testing.T) {
	for n, want := range map[int]string{-2: "ENOENT", -32: "EPIPE", -111: "ECONNREFUSED", -9999: "Unknown system error -9999"} {
		if got := ErrnoName(n); got != want {
			t.Errorf("ErrnoName(%d) = %q, want %q", n, got, want)
		}
	}
	if got := UVErrnos()["ESRCH"]; got != -int(syscall.ESRCH) {
		t.Errorf("UVErrnos()[ESRCH] = %d, want %d", got, -int(syscall.ESRCH))
	}
	if code, ok := UVCode(syscall.Errno(0)); ok {
		t.Errorf("errno 0 must not be named, got %q", code)
	}
}

// TestFileErrorUnknownErrno keeps fs's fallback for an errno libuv does not name: code UNKNOWN and
// the host's description.
func TestFileErrorUnknownErrno(t *testing.T) {
	e := FileError(syscall.Errno(200), "open", "/x", "")
	if e.Code != "UNKNOWN" || e.Errno != -200 || e.Error() != "UNKNOWN: "+syscall.Errno(200).Error()+", open '/x'" {
		t.Errorf("got %+v %q", e, e.Error())
	}
}
