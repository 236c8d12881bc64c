package fs

import (
	"io/fs"
	"math"
	"os"
	"sync"
	"syscall"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// fdTable maps the descriptors a plugin opened to their files. A plugin reaches only descriptors it
// opened: 0, 1, 2 and every other descriptor of the host are EBADF to it. The table is shared by the
// loop and the goroutines doing I/O; the runtime closes what is left when it closes.
type fdTable struct {
	mu     sync.Mutex
	files  map[int]*openFile
	closed bool
}

// openFile is one open descriptor.
type openFile struct {
	f *os.File
	// append is set for O_APPEND files, where Linux's pwrite ignores the position and appends.
	append bool
	// readOnly is set for files opened for reading only: under a policy, their mode, owner and
	// times cannot be changed through them (the policy checked reading only).
	readOnly bool
}

// add enters f under its descriptor number and returns the number. A file opened after the runtime
// closed is closed at once.
func (t *fdTable) add(f *os.File, flags int) (int, error) {
	var fd int
	conn, err := f.SyscallConn()
	if err == nil {
		err = conn.Control(func(u uintptr) { fd = int(u) })
	}
	if err != nil {
		_ = f.Close()
		return 0, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		_ = f.Close()
		return 0, syscall.EBADF
	}
	if t.files == nil {
		t.files = map[int]*openFile{}
	}
	t.files[fd] = &openFile{f: f, append: flags&os.O_APPEND != 0, readOnly: flags&(os.O_WRONLY|os.O_RDWR) == 0}
	return fd, nil
}

// get returns the open file fd names, or nil.
func (t *fdTable) get(fd int) *openFile {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.files[fd]
}

// remove takes fd out of the table and returns its file, or nil when fd is not open.
func (t *fdTable) remove(fd int) *openFile {
	t.mu.Lock()
	defer t.mu.Unlock()
	of := t.files[fd]
	delete(t.files, fd)
	return of
}

// closeAll closes every descriptor still open; the runtime calls it when it closes.
func (t *fdTable) closeAll() {
	t.mu.Lock()
	files := t.files
	t.files, t.closed = nil, true
	t.mu.Unlock()
	for _, of := range files {
		_ = of.f.Close()
	}
}

// file returns the open file fd names, or an EBADF error for the named call.
func (m *module) file(fd int, syscallName string) (*openFile, error) {
	if of := m.files.get(fd); of != nil {
		return of, nil
	}
	return nil, nodeerr.FileError(syscall.EBADF, syscallName, "", "")
}

// fdArg validates a descriptor argument as Node's getValidatedFd does.
func (m *module) fdArg(v goja.Value) int {
	if !goja.IsNumber(v) {
		panic(nodeerr.InvalidArgType(m.vm, "fd", "of type number", v))
	}
	f := v.ToFloat()
	if f != math.Trunc(f) {
		panic(nodeerr.OutOfRange(m.vm, "fd", "an integer", v))
	}
	if f < 0 || f > math.MaxInt32 {
		panic(nodeerr.OutOfRange(m.vm, "fd", ">= 0 && <= 2147483647", v))
	}
	return int(f)
}

// flags reads open flags: one of Node's strings, or a number of O_* bits.
func (m *module) flags(v goja.Value, def int) int {
	switch {
	case goja.IsUndefined(v) || goja.IsNull(v):
		return def
	case goja.IsNumber(v):
		return int(v.ToInteger())
	case goja.IsString(v):
		if f, ok := openFlags[v.String()]; ok {
			return f
		}
	}
	panic(nodeerr.InvalidArgValue(m.vm, "flags", v, ""))
}

// fdOp is a call on a descriptor that returns nothing.
func fdOp(name string, fn func(of *openFile) error) func(*module, []goja.Value) op {
	return func(m *module, args []goja.Value) op {
		fd := m.fdArg(arg(args, 0))
		return func() (result, error) {
			of, err := m.file(fd, name)
			if err != nil {
				return nil, err
			}
			return none, wrap(fn(of), name, "", "")
		}
	}
}

func open(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	flags := m.flags(arg(args, 1), os.O_RDONLY)
	mode := m.mode(arg(args, 2), 0o666)
	return func() (result, error) {
		if err := m.allow("open", openPath(p, flags)); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(p, flags, fs.FileMode(mode&0o777))
		if err != nil {
			return nil, wrap(err, "open", p, "")
		}
		fd, err := m.files.add(f, flags)
		if err != nil {
			return nil, wrap(err, "open", p, "")
		}
		return func(m *module) goja.Value { return m.vm.ToValue(fd) }, nil
	}
}

func closeFd(m *module, args []goja.Value) op {
	fd := m.fdArg(arg(args, 0))
	return func() (result, error) {
		of := m.files.remove(fd)
		if of == nil {
			return nil, nodeerr.FileError(syscall.EBADF, "close", "", "")
		}
		return none, wrap(of.f.Close(), "close", "", "")
	}
}

func fstat(m *module, args []goja.Value) op {
	fd := m.fdArg(arg(args, 0))
	bigint := boolOption(arg(args, 1), "bigint")
	return func() (result, error) {
		of, err := m.file(fd, "fstat")
		if err != nil {
			return nil, err
		}
		info, err := of.f.Stat()
		if err != nil {
			return nil, wrap(err, "fstat", "", "")
		}
		st := statOf(info)
		return func(m *module) goja.Value { return m.newStats(st, bigint) }, nil
	}
}

func ftruncate(m *module, args []goja.Value) op {
	fd := m.fdArg(arg(args, 0))
	n := m.length(arg(args, 1))
	return func() (result, error) {
		of, err := m.file(fd, "ftruncate")
		if err != nil {
			return nil, err
		}
		return none, wrap(of.f.Truncate(n), "ftruncate", "", "")
	}
}

// length reads the length argument of truncate and ftruncate: an integer, 0 when omitted.
func (m *module) length(v goja.Value) int64 {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return 0
	}
	if !goja.IsNumber(v) {
		panic(nodeerr.InvalidArgType(m.vm, "len", "of type number", v))
	}
	f := v.ToFloat()
	if f != math.Trunc(f) {
		panic(nodeerr.OutOfRange(m.vm, "len", "an integer", v))
	}
	return max(int64(f), 0)
}

func fchmod(m *module, args []goja.Value) op {
	mode := m.mode(arg(args, 1), 0)
	return fdOp("fchmod", m.written("fchmod", func(of *openFile) error { return of.f.Chmod(fs.FileMode(mode & 0o777)) }))(m, args)
}

func fchown(m *module, args []goja.Value) op {
	uid, gid := m.id(arg(args, 1), "uid"), m.id(arg(args, 2), "gid")
	return fdOp("fchown", m.written("fchown", func(of *openFile) error { return of.f.Chown(uid, gid) }))(m, args)
}

func futimes(m *module, args []goja.Value) op {
	atime, mtime := m.timeArg(arg(args, 1)), m.timeArg(arg(args, 2))
	return fdOp("futime", m.written("futime", func(of *openFile) error { return futimesFile(of.f, atime, mtime) }))(m, args)
}

// written guards a change of a file's metadata through its descriptor: under a policy, a file the
// plugin opened for reading only (which the policy checked for reading) is not changed.
func (m *module) written(syscallName string, fn func(of *openFile) error) func(of *openFile) error {
	return func(of *openFile) error {
		if of.readOnly && m.gate.Restricted() {
			if err := m.gate.CheckFile(syscallName, policy.Path{Write: true, Check: of.f.Name()}); err != nil {
				return err
			}
		}
		return fn(of)
	}
}
