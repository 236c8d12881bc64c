package fs

import (
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

var defs = []def{
	{"readFile", readFile},
	{"writeFile", func(m *module, args []goja.Value) op { return writeFile(m, args, "w") }},
	{"appendFile", func(m *module, args []goja.Value) op { return writeFile(m, args, "a") }},
	{"stat", func(m *module, args []goja.Value) op { return stat(m, args, os.Stat, "stat") }},
	{"lstat", func(m *module, args []goja.Value) op { return stat(m, args, os.Lstat, "lstat") }},
	{"readdir", readdir},
	{"mkdir", mkdir},
	{"rm", rm},
	{"rmdir", rmdir},
	{"unlink", pathOp("unlink", syscall.Unlink)},
	{"rename", twoPathOp("rename", "oldPath", "newPath", os.Rename, bothWritten)},
	{"copyFile", copyFile},
	{"access", access},
	{"realpath", realpath},
	{"mkdtemp", mkdtemp},
	{"symlink", twoPathOp("symlink", "target", "path", os.Symlink, linkPaths)},
	{"readlink", readlink},
	{"chmod", chmod},
	{"truncate", truncate},
	{"link", twoPathOp("link", "existingPath", "newPath", os.Link, bothWritten)},
	{"utimes", utimes},
	{"lutimes", lutimesOp},
	{"chown", chown("chown", os.Chown)},
	{"lchown", chown("lchown", os.Lchown)},
	{"statfs", statfs},
}

// jsDefs are calls only the JS half uses: fs.opendir's Dir and realpath.native.
var jsDefs = []def{
	{"opendir", opendir},
	{"realpathNative", realpathNative},
}

// fdDefs are the calls on descriptors. fs.promises has none of them (its open gives a FileHandle,
// whose methods reach these through the natives).
var fdDefs = []def{
	{"open", open},
	{"close", closeFd},
	{"fstat", fstat},
	{"ftruncate", ftruncate},
	{"fsync", fdOp("fsync", func(of *openFile) error { return of.f.Sync() })},
	{"fdatasync", fdOp("fdatasync", func(of *openFile) error { return fdatasync(of.f) })},
	{"fchmod", fchmod},
	{"fchown", fchown},
	{"futimes", futimes},
}

func none(*module) goja.Value { return goja.Undefined() }

func str(s string) result { return func(m *module) goja.Value { return m.vm.ToValue(s) } }

// pathOp is a call taking one path, which it removes, and returning nothing.
func pathOp(name string, fn func(string) error) func(*module, []goja.Value) op {
	return func(m *module, args []goja.Value) op {
		p := m.path(arg(args, 0), "path")
		return func() (result, error) {
			if err := m.allow(name, policy.Write(p).NoFollow()); err != nil {
				return nil, err
			}
			return none, wrap(fn(p), name, p, "")
		}
	}
}

// twoPathOp is a call taking a source and a destination and returning nothing; access says what it
// does to each, for the policy.
func twoPathOp(name, from, to string, fn func(string, string) error, access func(a, b string) []policy.Path) func(*module, []goja.Value) op {
	return func(m *module, args []goja.Value) op {
		a, b := m.path(arg(args, 0), from), m.path(arg(args, 1), to)
		return func() (result, error) {
			if err := m.allow(name, access(a, b)...); err != nil {
				return nil, err
			}
			return none, wrap(fn(a, b), name, a, b)
		}
	}
}

// bothWritten is the access of rename and link, which change both names (a hard link also makes
// its source writable through the new name), not where a final link leads.
func bothWritten(a, b string) []policy.Path {
	return []policy.Path{policy.Write(a).NoFollow(), policy.Write(b).NoFollow()}
}

// linkPaths is symlink's access: the new link is written, and where it will lead must be readable.
func linkPaths(target, path string) []policy.Path {
	return []policy.Path{{Name: target, Check: policy.LinkTarget(path, target)}, policy.Write(path).NoFollow()}
}

func readFile(m *module, args []goja.Value) op {
	fd, isFd := m.fdOrPath(arg(args, 0))
	p := ""
	if !isFd {
		p = m.path(arg(args, 0), "path")
	}
	o := m.fileOptions(arg(args, 1), "r")
	return func() (result, error) {
		var data []byte
		var err error
		if isFd {
			data, err = readRest(m, fd)
		} else if err = m.allow("open", policy.Read(p)); err != nil {
			return nil, err
		} else if data, err = os.ReadFile(p); err != nil {
			err = wrap(err, "open", p, "")
		}
		if err != nil {
			return nil, err
		}
		if o.hasEncoding {
			return str(o.encoding.Encode(data)), nil
		}
		return func(m *module) goja.Value { return buffer.New(m.rt, data) }, nil
	}
}

// openFlags maps Node's string flags to os.OpenFile flags.
var openFlags = map[string]int{
	"r": os.O_RDONLY, "rs": os.O_RDONLY | os.O_SYNC, "sr": os.O_RDONLY | os.O_SYNC,
	"r+": os.O_RDWR, "rs+": os.O_RDWR | os.O_SYNC, "sr+": os.O_RDWR | os.O_SYNC,
	"w": os.O_WRONLY | os.O_CREATE | os.O_TRUNC, "wx": os.O_WRONLY | os.O_CREATE | os.O_TRUNC | os.O_EXCL,
	"xw": os.O_WRONLY | os.O_CREATE | os.O_TRUNC | os.O_EXCL,
	"w+": os.O_RDWR | os.O_CREATE | os.O_TRUNC, "wx+": os.O_RDWR | os.O_CREATE | os.O_TRUNC | os.O_EXCL,
	"xw+": os.O_RDWR | os.O_CREATE | os.O_TRUNC | os.O_EXCL,
	"a":   os.O_APPEND | os.O_CREATE | os.O_WRONLY, "ax": os.O_APPEND | os.O_CREATE | os.O_WRONLY | os.O_EXCL,
	"xa": os.O_APPEND | os.O_CREATE | os.O_WRONLY | os.O_EXCL, "as": os.O_APPEND | os.O_CREATE | os.O_WRONLY | os.O_SYNC,
	"sa": os.O_APPEND | os.O_CREATE | os.O_WRONLY | os.O_SYNC, "a+": os.O_APPEND | os.O_CREATE | os.O_RDWR,
	"ax+": os.O_APPEND | os.O_CREATE | os.O_RDWR | os.O_EXCL, "xa+": os.O_APPEND | os.O_CREATE | os.O_RDWR | os.O_EXCL,
	"as+": os.O_APPEND | os.O_CREATE | os.O_RDWR | os.O_SYNC, "sa+": os.O_APPEND | os.O_CREATE | os.O_RDWR | os.O_SYNC,
}

func writeFile(m *module, args []goja.Value, defaultFlag string) op {
	fd, isFd := m.fdOrPath(arg(args, 0))
	p := ""
	if !isFd {
		p = m.path(arg(args, 0), "path")
	}
	o := m.fileOptions(arg(args, 2), defaultFlag)
	data := m.data(arg(args, 1), o.encoding)
	flags, ok := openFlags[o.flag]
	if !ok {
		panic(nodeerr.InvalidArgValue(m.vm, "flags", m.vm.ToValue(o.flag), ""))
	}
	if isFd {
		// A descriptor is written at its current position and left open.
		return func() (result, error) {
			of, err := m.file(fd, "write")
			if err != nil {
				return nil, err
			}
			_, err = of.f.Write(data)
			return none, wrap(err, "write", "", "")
		}
	}
	return func() (result, error) {
		if err := m.allow("open", openPath(p, flags)); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(p, flags, fs.FileMode(o.mode))
		if err != nil {
			return nil, wrap(err, "open", p, "")
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return none, wrap(err, "write", p, "")
	}
}

func stat(m *module, args []goja.Value, fn func(string) (fs.FileInfo, error), name string) op {
	p := m.path(arg(args, 0), "path")
	bigint := boolOption(arg(args, 1), "bigint")
	throwIfNoEntry := true
	if o, ok := arg(args, 1).(*goja.Object); ok {
		if v := o.Get("throwIfNoEntry"); v != nil && !goja.IsUndefined(v) {
			throwIfNoEntry = v.ToBoolean()
		}
	}
	path := policy.Read(p)
	if name == "lstat" {
		path = path.NoFollow()
	}
	return func() (result, error) {
		if err := m.allow(name, path); err != nil {
			return nil, err
		}
		info, err := fn(p)
		if err != nil {
			if !throwIfNoEntry && errors.Is(err, fs.ErrNotExist) {
				return none, nil
			}
			return nil, wrap(err, name, p, "")
		}
		st := statOf(info)
		return func(m *module) goja.Value { return m.newStats(st, bigint) }, nil
	}
}

// entry is one readdir result: its name relative to the listed directory and its type.
type entry struct {
	dir, name string
	mode      fs.FileMode
}

func readdir(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	withTypes := boolOption(arg(args, 1), "withFileTypes")
	recursive := boolOption(arg(args, 1), "recursive")
	return func() (result, error) {
		if err := m.allow("scandir", policy.Read(p)); err != nil {
			return nil, err
		}
		entries, err := list(p, "", recursive, true)
		if err != nil {
			return nil, wrap(err, "scandir", p, "")
		}
		return func(m *module) goja.Value {
			out := make([]any, len(entries))
			for i, e := range entries {
				if withTypes {
					out[i] = m.newDirent(e.dir, filepath.Base(e.name), e.mode)
				} else {
					out[i] = e.name
				}
			}
			return m.vm.NewArray(out...)
		}, nil
	}
}

// list reads dir (root/rel), descending into subdirectories when recursive.
// readdir lists in name order, as libuv's scandir; opendir in the directory's own order, as readdir(3).
func list(root, rel string, recursive, sorted bool) ([]entry, error) {
	dir := filepath.Join(root, rel)
	des, err := readDir(dir, sorted)
	if err != nil {
		return nil, err
	}
	var out []entry
	for _, de := range des {
		name := filepath.Join(rel, de.Name())
		out = append(out, entry{dir: dir, name: name, mode: de.Type()})
		if recursive && de.IsDir() {
			sub, err := list(root, name, true, sorted)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		}
	}
	return out, nil
}

// readDir reads a directory's entries, sorted by name or in the order the directory holds them.
func readDir(dir string, sorted bool) ([]fs.DirEntry, error) {
	if sorted {
		return os.ReadDir(dir)
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.ReadDir(-1)
}

func mkdir(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	opts := arg(args, 1)
	recursive := boolOption(opts, "recursive")
	mode := int64(0o777)
	if o, ok := opts.(*goja.Object); ok {
		if md := o.Get("mode"); md != nil {
			mode = m.mode(md, mode)
		}
	} else {
		mode = m.mode(opts, mode)
	}
	return func() (result, error) {
		if err := m.allow("mkdir", policy.Write(p)); err != nil {
			return nil, err
		}
		if !recursive {
			return none, wrap(os.Mkdir(p, fs.FileMode(mode)), "mkdir", p, "")
		}
		first := firstMissing(p)
		if err := os.MkdirAll(p, fs.FileMode(mode)); err != nil {
			return nil, wrap(err, "mkdir", p, "")
		}
		if first == "" {
			return none, nil
		}
		return str(first), nil
	}
}

// firstMissing is the outermost directory of p that does not exist yet (what mkdir -p creates first),
// or "" when p exists.
func firstMissing(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	first := ""
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			return first
		}
		first = d
		if filepath.Dir(d) == d {
			return first
		}
	}
}

func rm(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	recursive, force := boolOption(arg(args, 1), "recursive"), boolOption(arg(args, 1), "force")
	return func() (result, error) {
		if err := m.allow("rm", policy.Write(p).NoFollow()); err != nil {
			return nil, err
		}
		info, err := os.Lstat(p)
		switch {
		case err != nil && force && errors.Is(err, fs.ErrNotExist):
			return none, nil
		case err != nil:
			return nil, wrap(err, "lstat", p, "")
		case info.IsDir() && !recursive:
			return nil, rmDirError(p)
		case info.IsDir():
			return none, wrap(os.RemoveAll(p), "rm", p, "")
		}
		return none, wrap(os.Remove(p), "rm", p, "")
	}
}

func rmdir(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	remove := func(p string) error { return syscall.Rmdir(p) }
	if boolOption(arg(args, 1), "recursive") {
		remove = os.RemoveAll
	}
	return func() (result, error) {
		if err := m.allow("rmdir", policy.Write(p).NoFollow()); err != nil {
			return nil, err
		}
		return none, wrap(remove(p), "rmdir", p, "")
	}
}

func copyFile(m *module, args []goja.Value) op {
	src, dst := m.path(arg(args, 0), "src"), m.path(arg(args, 1), "dest")
	mode := m.mode(arg(args, 2), 0)
	return func() (result, error) {
		if err := m.allow("copyfile", policy.Read(src), policy.Write(dst)); err != nil {
			return nil, err
		}
		return none, copyFileNow(src, dst, mode)
	}
}

// copyFileNow copies src to dst, as copyfile(2) would; mode holds the COPYFILE_* flags.
func copyFileNow(src, dst string, mode int64) error {
	in, err := os.Open(src)
	if err != nil {
		return wrap(err, "copyfile", src, dst)
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return wrap(err, "copyfile", src, dst)
	}
	if info.IsDir() {
		return nodeerr.FileError(syscall.EISDIR, "copyfile", src, dst)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if mode&copyFlagExcl != 0 {
		flags |= os.O_EXCL
	}
	out, err := os.OpenFile(dst, flags, info.Mode().Perm())
	if err != nil {
		return wrap(err, "copyfile", src, dst)
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return wrap(err, "copyfile", src, dst)
}

func access(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	mode := uint32(m.mode(arg(args, 1), 0))
	return func() (result, error) {
		if err := m.allow("access", policy.Read(p)); err != nil {
			return nil, err
		}
		return none, wrap(accessPath(p, mode), "access", p, "")
	}
}

func realpath(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	return func() (result, error) {
		if err := m.allow("realpath", policy.Read(p)); err != nil {
			return nil, err
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, wrap(err, "realpath", p, "")
		}
		resolved, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return nil, realpathError(abs, err)
		}
		return str(resolved), nil
	}
}

// realpathError reports a failed resolution as Node's realpath, which walks the path with lstat,
// does: the lstat of the first component that is missing, after the links before it are resolved.
func realpathError(abs string, err error) error {
	dir := string(filepath.Separator)
	for _, part := range strings.Split(abs, string(filepath.Separator)) {
		if part == "" {
			continue
		}
		next := filepath.Join(dir, part)
		if _, lerr := os.Lstat(next); lerr != nil {
			return wrap(lerr, "lstat", next, "")
		}
		resolved, serr := filepath.EvalSymlinks(next)
		if serr != nil {
			return wrap(serr, "stat", next, "")
		}
		dir = resolved
	}
	return wrap(err, "lstat", abs, "")
}

// realpathNative is realpath.native: realpath(3), which reports the path as given.
func realpathNative(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	return func() (result, error) {
		if err := m.allow("realpath", policy.Read(p)); err != nil {
			return nil, err
		}
		abs, err := filepath.Abs(p)
		if err == nil {
			abs, err = filepath.EvalSymlinks(abs)
		}
		if err != nil {
			return nil, wrap(err, "realpath", p, "")
		}
		return str(abs), nil
	}
}

func utimes(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	atime, mtime := m.timeArg(arg(args, 1)), m.timeArg(arg(args, 2))
	return func() (result, error) {
		if err := m.allow("utime", policy.Write(p)); err != nil {
			return nil, err
		}
		return none, wrap(os.Chtimes(p, atime, mtime), "utime", p, "")
	}
}

func lutimesOp(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	atime, mtime := m.timeArg(arg(args, 1)), m.timeArg(arg(args, 2))
	return func() (result, error) {
		if err := m.allow("lutime", policy.Write(p).NoFollow()); err != nil {
			return nil, err
		}
		return none, wrap(lutimes(p, atime, mtime), "lutime", p, "")
	}
}

func chown(name string, fn func(string, int, int) error) func(*module, []goja.Value) op {
	return func(m *module, args []goja.Value) op {
		p := m.path(arg(args, 0), "path")
		uid, gid := m.id(arg(args, 1), "uid"), m.id(arg(args, 2), "gid")
		path := policy.Write(p)
		if name == "lchown" {
			path = path.NoFollow()
		}
		return func() (result, error) {
			if err := m.allow(name, path); err != nil {
				return nil, err
			}
			return none, wrap(fn(p, uid, gid), name, p, "")
		}
	}
}

// opendir reads a directory for fs.Dir (dir.js): its entries as Dirents, recursively when asked
// (path, recursive, withPath). Node's opendirSync error names no path; withPath is false for it.
func opendir(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	recursive, withPath := arg(args, 1).ToBoolean(), arg(args, 2).ToBoolean()
	return func() (result, error) {
		if err := m.allow("opendir", policy.Read(p)); err != nil {
			return nil, err
		}
		entries, err := list(p, "", recursive, false)
		if err != nil && withPath {
			return nil, wrap(err, "opendir", p, "")
		}
		if err != nil {
			return nil, wrap(err, "opendir", "", "")
		}
		return func(m *module) goja.Value {
			out := make([]any, len(entries))
			for i, e := range entries {
				out[i] = m.newDirent(e.dir, filepath.Base(e.name), e.mode)
			}
			return m.vm.NewArray(out...)
		}, nil
	}
}

func mkdtemp(m *module, args []goja.Value) op {
	prefix := m.path(arg(args, 0), "prefix")
	return func() (result, error) {
		if err := m.allow("mkdtemp", policy.Write(prefix+"XXXXXX").NoFollow()); err != nil {
			return nil, err
		}
		p, err := makeTempDir(prefix)
		if err != nil {
			return nil, wrap(err, "mkdtemp", prefix+"XXXXXX", "")
		}
		return str(p), nil
	}
}

const tempChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// makeTempDir creates prefix followed by six random characters, as mkdtemp(3) and Node do.
func makeTempDir(prefix string) (string, error) {
	for range 100 {
		var suffix [6]byte
		for i := range suffix {
			suffix[i] = tempChars[rand.IntN(len(tempChars))]
		}
		p := prefix + string(suffix[:])
		err := os.Mkdir(p, 0o700)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", syscall.EEXIST
}

func readlink(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	return func() (result, error) {
		if err := m.allow("readlink", policy.Read(p).NoFollow()); err != nil {
			return nil, err
		}
		target, err := os.Readlink(p)
		if err != nil {
			return nil, wrap(err, "readlink", p, "")
		}
		return str(target), nil
	}
}

func chmod(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	mode := m.mode(arg(args, 1), 0)
	return func() (result, error) {
		if err := m.allow("chmod", policy.Write(p)); err != nil {
			return nil, err
		}
		return none, wrap(os.Chmod(p, goMode(mode)), "chmod", p, "")
	}
}

func truncate(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	n := arg(args, 1).ToInteger()
	return func() (result, error) {
		if err := m.allow("open", policy.Write(p)); err != nil {
			return nil, err
		}
		return none, wrap(os.Truncate(p, n), "open", p, "")
	}
}

// tryPath reads a path argument without throwing, for existsSync and exists, which never throw.
func (m *module) tryPath(v goja.Value) (p string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return m.path(v, "path"), true
}

func statOK(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// fdOrPath reports whether a readFile/writeFile target is a descriptor rather than a path.
func (m *module) fdOrPath(v goja.Value) (int, bool) {
	if !goja.IsNumber(v) {
		return 0, false
	}
	return m.fdArg(v), true
}

// readRest reads an open descriptor from its current position to the end.
func readRest(m *module, fd int) ([]byte, error) {
	of, err := m.file(fd, "read")
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(of.f)
	return data, wrap(err, "read", "", "")
}
