package fs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// cpJob is one fs.cp/cpSync call, following Node's lib/internal/fs/cp: the same checks, in the same
// order, with the same errors.
type cpJob struct {
	recursive, force, errorOnExist, dereference, preserveTimestamps, verbatimSymlinks bool
	mode                                                                              int64
	// filter decides whether src is copied to dest; nil copies everything.
	filter func(src, dest string) (bool, error)
	// allow checks paths against the plugin's policy: each source read and each destination
	// written, item by item, so that links met on the way cannot lead out.
	allow func(syscallName string, paths ...policy.Path) error
}

// cpArgs reads cp's (src, dest, options) as Node's validateCpOptions does.
func (m *module) cpArgs(args []goja.Value) (src, dest string, job *cpJob, filter goja.Callable) {
	job = &cpJob{force: true, allow: m.allow}
	opts := arg(args, 2)
	if !goja.IsUndefined(opts) && !goja.IsNull(opts) {
		o, ok := opts.(*goja.Object)
		if !ok {
			panic(nodeerr.InvalidArgType(m.vm, "options", "of type object", opts))
		}
		for name, dst := range map[string]*bool{
			"recursive": &job.recursive, "force": &job.force, "errorOnExist": &job.errorOnExist,
			"dereference": &job.dereference, "preserveTimestamps": &job.preserveTimestamps,
			"verbatimSymlinks": &job.verbatimSymlinks,
		} {
			if v := o.Get(name); v != nil && !goja.IsUndefined(v) {
				if _, isBool := v.Export().(bool); !isBool {
					panic(nodeerr.InvalidArgType(m.vm, "options."+name, "of type boolean", v))
				}
				*dst = v.ToBoolean()
			}
		}
		if v := o.Get("filter"); v != nil && !goja.IsUndefined(v) {
			fn, ok := goja.AssertFunction(v)
			if !ok {
				panic(nodeerr.InvalidArgType(m.vm, "options.filter", "of type function", v))
			}
			filter = fn
		}
		job.mode = m.mode(o.Get("mode"), 0)
		if job.dereference && job.verbatimSymlinks {
			panic(nodeerr.New(m.vm, "TypeError", "ERR_INCOMPATIBLE_OPTION_PAIR",
				`Option "dereference" cannot be used in combination with option "verbatimSymlinks"`))
		}
	}
	return m.path(arg(args, 0), "src"), m.path(arg(args, 1), "dest"), job, filter
}

// installCp defines cpSync, cp and promises.cp. They are not a def: the filter is called on the loop
// directly by cpSync, and by cp from its goroutine through the loop, where it may return a promise.
func (m *module) installCp() {
	m.set(m.exports, "cpSync", func(call goja.FunctionCall) goja.Value {
		src, dest, job, filter := m.cpArgs(call.Arguments)
		if filter != nil {
			job.filter = m.syncFilter(filter)
		}
		if err := job.run(src, dest); err != nil {
			panic(m.rt.ErrorValue(err))
		}
		return goja.Undefined()
	})
	start := func(args []goja.Value) *goja.Promise {
		src, dest, job, filter := m.cpArgs(args)
		if filter != nil {
			job.filter = m.loopFilter(filter)
		}
		return m.async(func() (result, error) { return none, job.run(src, dest) })
	}
	m.set(m.promises, "cp", func(call goja.FunctionCall) goja.Value { return m.vm.ToValue(start(call.Arguments)) })
	m.set(m.exports, "cp", func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		var cb goja.Callable
		if n := len(args); n > 0 {
			cb, _ = goja.AssertFunction(args[n-1])
			if cb != nil {
				args = args[:n-1]
			}
		}
		if cb == nil {
			panic(nodeerr.InvalidArgType(m.vm, "cb", "of type function", goja.Undefined()))
		}
		m.rt.WhenSettled(m.vm.ToValue(start(args)), func(_ goja.Value, err error) {
			if err != nil {
				m.callback(cb, m.rt.ErrorValue(err))
				return
			}
			m.callback(cb, goja.Null())
		})
		return goja.Undefined()
	})
}

// syncFilter calls fn on the loop, where cpSync runs; like Node it refuses a promise.
func (m *module) syncFilter(fn goja.Callable) func(src, dest string) (bool, error) {
	return func(src, dest string) (bool, error) {
		v, err := fn(goja.Undefined(), m.vm.ToValue(src), m.vm.ToValue(dest))
		if err != nil {
			return false, err
		}
		if o, ok := v.(*goja.Object); ok {
			if _, isPromise := o.Export().(*goja.Promise); isPromise {
				return false, m.rt.JSError(nodeerr.New(m.vm, "TypeError", "ERR_INVALID_RETURN_VALUE",
					`Expected boolean to be returned from the "filter" function but got an instance of Promise.`))
			}
		}
		return v.ToBoolean(), nil
	}
}

// loopFilter calls fn on the loop for cp's goroutine and waits for its answer, awaiting a promise.
func (m *module) loopFilter(fn goja.Callable) func(src, dest string) (bool, error) {
	type answer struct {
		ok  bool
		err error
	}
	return func(src, dest string) (bool, error) {
		ch := make(chan answer, 1)
		queued := m.rt.RunOnLoop(func(vm *goja.Runtime) {
			v, err := fn(goja.Undefined(), vm.ToValue(src), vm.ToValue(dest))
			if err != nil {
				ch <- answer{err: err}
				return
			}
			m.rt.WhenSettled(v, func(v goja.Value, err error) { ch <- answer{ok: err == nil && v.ToBoolean(), err: err} })
		})
		if !queued {
			return false, jsruntime.ErrClosed
		}
		select {
		case a := <-ch:
			return a.ok, a.err
		case <-m.rt.Context().Done():
			return false, jsruntime.ErrClosed
		}
	}
}

func cpError(code, prefix string, errno syscall.Errno, detail, path string) error {
	return &systemError{code: code, prefix: prefix, errno: errno, syscall: "cp", detail: detail, path: path}
}

// run is cpSyncFn: check the pair, refuse to copy a directory into itself, create dest's parent, copy.
func (j *cpJob) run(src, dest string) error {
	if err := j.permit(src, dest); err != nil {
		return err
	}
	srcInfo, destInfo, skipped, err := j.checkPaths(src, dest)
	if err != nil || skipped {
		return err
	}
	if err := j.checkParentPaths(src, srcInfo, dest); err != nil {
		return err
	}
	if parent := filepath.Dir(dest); !exists(parent) {
		if err := os.MkdirAll(parent, 0o777); err != nil {
			return wrap(err, "mkdir", parent, "")
		}
	}
	return j.copy(destInfo, src, dest)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func (j *cpJob) stat(p string) (fs.FileInfo, error) {
	if j.dereference {
		info, err := os.Stat(p)
		return info, wrap(err, "stat", p, "")
	}
	info, err := os.Lstat(p)
	return info, wrap(err, "lstat", p, "")
}

func identical(a, b fs.FileInfo) bool {
	sa, sb := statOf(a), statOf(b)
	return sb.ino != 0 && sb.dev != 0 && sa.ino == sb.ino && sa.dev == sb.dev
}

// isSubdir reports whether dest is src or inside it, comparing resolved path components.
func isSubdir(src, dest string) bool {
	split := func(p string) []string {
		abs, _ := filepath.Abs(p)
		var parts []string
		for _, s := range strings.Split(abs, string(filepath.Separator)) {
			if s != "" {
				parts = append(parts, s)
			}
		}
		return parts
	}
	s, d := split(src), split(dest)
	for i, part := range s {
		if i >= len(d) || d[i] != part {
			return false
		}
	}
	return true
}

func (j *cpJob) checkPaths(src, dest string) (srcInfo, destInfo fs.FileInfo, skipped bool, err error) {
	if j.filter != nil {
		ok, err := j.filter(src, dest)
		if err != nil || !ok {
			return nil, nil, true, err
		}
	}
	if srcInfo, err = j.stat(src); err != nil {
		return nil, nil, false, err
	}
	destInfo, err = j.stat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		destInfo = nil
	case err != nil:
		return nil, nil, false, err
	case identical(srcInfo, destInfo):
		return nil, nil, false, cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", syscall.EINVAL, "src and dest cannot be the same", dest)
	case srcInfo.IsDir() && !destInfo.IsDir():
		return nil, nil, false, cpError("ERR_FS_CP_DIR_TO_NON_DIR", "Cannot overwrite non-directory with directory", syscall.EISDIR,
			"cannot overwrite non-directory "+dest+" with directory "+src, dest)
	case !srcInfo.IsDir() && destInfo.IsDir():
		return nil, nil, false, cpError("ERR_FS_CP_NON_DIR_TO_DIR", "Cannot overwrite directory with non-directory", syscall.ENOTDIR,
			"cannot overwrite directory "+dest+" with non-directory "+src, dest)
	}
	if srcInfo.IsDir() && isSubdir(src, dest) {
		return nil, nil, false, cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", syscall.EINVAL,
			"cannot copy "+src+" to a subdirectory of self "+dest, dest)
	}
	return srcInfo, destInfo, false, nil
}

// checkParentPaths walks up from dest's parent, refusing when one of them is src itself.
func (j *cpJob) checkParentPaths(src string, srcInfo fs.FileInfo, dest string) error {
	srcParent, _ := filepath.Abs(filepath.Dir(src))
	destParent, _ := filepath.Abs(filepath.Dir(dest))
	if destParent == srcParent || destParent == filepath.Dir(destParent) {
		return nil
	}
	info, err := os.Stat(destParent)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return wrap(err, "stat", destParent, "")
	case identical(srcInfo, info):
		return cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", syscall.EINVAL, "cannot copy "+src+" to a subdirectory of self "+dest, dest)
	}
	return j.checkParentPaths(src, srcInfo, destParent)
}

// permit checks copying src to dest against the plugin's policy: src is read (a link in it followed
// only when dereferencing) and dest written.
func (j *cpJob) permit(src, dest string) error {
	from := policy.Read(src)
	if !j.dereference {
		from = from.NoFollow()
	}
	return j.allow("cp", from, policy.Write(dest).NoFollow())
}

// copy is Node's getStats: copy src by its type.
func (j *cpJob) copy(destInfo fs.FileInfo, src, dest string) error {
	if err := j.permit(src, dest); err != nil {
		return err
	}
	info, err := j.stat(src)
	if err != nil {
		return err
	}
	mode := info.Mode()
	switch {
	case mode.IsDir() && j.recursive:
		return j.copyDir(info, destInfo, src, dest)
	case mode.IsDir():
		return &systemError{code: "ERR_FS_EISDIR", prefix: "Path is a directory", errno: syscall.EINVAL, uvCode: "EISDIR",
			syscall: "cp", detail: src + " is a directory (not copied)", path: src}
	case mode.IsRegular() || mode&fs.ModeDevice != 0:
		return j.copyFile(info, destInfo, src, dest)
	case mode&fs.ModeSymlink != 0:
		return j.copyLink(destInfo, src, dest)
	case mode&fs.ModeSocket != 0:
		return cpError("ERR_FS_CP_SOCKET", "Cannot copy a socket file", syscall.EINVAL, "cannot copy a socket file: "+dest, dest)
	case mode&fs.ModeNamedPipe != 0:
		return cpError("ERR_FS_CP_FIFO_PIPE", "Cannot copy a FIFO pipe", syscall.EINVAL, "cannot copy a FIFO pipe: "+dest, dest)
	}
	return cpError("ERR_FS_CP_UNKNOWN", "Cannot copy an unknown file type", syscall.EINVAL, "cannot copy an unknown file type: "+dest, dest)
}

func (j *cpJob) copyFile(info, destInfo fs.FileInfo, src, dest string) error {
	if destInfo != nil {
		switch {
		case j.force:
			if err := os.Remove(dest); err != nil {
				return wrap(err, "unlink", dest, "")
			}
		case j.errorOnExist:
			return cpError("ERR_FS_CP_EEXIST", "Target already exists", syscall.EEXIST, dest+" already exists", dest)
		default:
			return nil
		}
	}
	if err := copyFileNow(src, dest, j.mode); err != nil {
		return err
	}
	if j.preserveTimestamps {
		if info.Mode().Perm()&0o200 == 0 {
			if err := os.Chmod(dest, info.Mode().Perm()|0o200); err != nil {
				return wrap(err, "chmod", dest, "")
			}
		}
		st := statOf(info)
		if err := os.Chtimes(dest, st.atime, st.mtime); err != nil {
			return wrap(err, "utime", dest, "")
		}
	}
	return wrap(os.Chmod(dest, goMode(unixMode(info.Mode()))), "chmod", dest, "")
}

func (j *cpJob) copyDir(info, destInfo fs.FileInfo, src, dest string) error {
	if destInfo == nil {
		if err := os.Mkdir(dest, 0o777); err != nil {
			return wrap(err, "mkdir", dest, "")
		}
	}
	// Node walks the directory with opendir, in the directory's own order.
	entries, err := readDir(src, false)
	if err != nil {
		return wrap(err, "opendir", src, "")
	}
	for _, e := range entries {
		srcItem, destItem := filepath.Join(src, e.Name()), filepath.Join(dest, e.Name())
		_, itemDest, skipped, err := j.checkPaths(srcItem, destItem)
		if err == nil && !skipped {
			err = j.copy(itemDest, srcItem, destItem)
		}
		if err != nil {
			return err
		}
	}
	if destInfo == nil {
		return wrap(os.Chmod(dest, goMode(unixMode(info.Mode()))), "chmod", dest, "")
	}
	return nil
}

func (j *cpJob) copyLink(destInfo fs.FileInfo, src, dest string) error {
	target, err := os.Readlink(src)
	if err != nil {
		return wrap(err, "readlink", src, "")
	}
	if !j.verbatimSymlinks && !filepath.IsAbs(target) {
		target, _ = filepath.Abs(filepath.Join(filepath.Dir(src), target))
	}
	if err := j.allow("symlink", policy.Path{Name: target, Check: policy.LinkTarget(dest, target)}, policy.Write(dest).NoFollow()); err != nil {
		return err
	}
	if destInfo == nil {
		return wrap(os.Symlink(target, dest), "symlink", target, dest)
	}
	destTarget, err := os.Readlink(dest)
	if errors.Is(err, syscall.EINVAL) {
		// dest is a file or directory, not a link: replace it.
		destTarget, err = "", nil
	}
	if err != nil {
		return wrap(err, "readlink", dest, "")
	}
	if destTarget != "" {
		if !filepath.IsAbs(destTarget) {
			destTarget, _ = filepath.Abs(filepath.Join(filepath.Dir(dest), destTarget))
		}
		if isSubdir(target, destTarget) {
			return cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", syscall.EINVAL,
				"cannot copy "+target+" to a subdirectory of self "+destTarget, dest)
		}
		if info, err := os.Stat(dest); err == nil && info.IsDir() && isSubdir(destTarget, target) {
			return cpError("ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY", "Cannot overwrite symlink in subdirectory of self", syscall.EINVAL,
				"cannot overwrite "+destTarget+" with "+target, dest)
		}
	}
	if err := os.Remove(dest); err != nil {
		return wrap(err, "unlink", dest, "")
	}
	return wrap(os.Symlink(target, dest), "symlink", target, dest)
}
