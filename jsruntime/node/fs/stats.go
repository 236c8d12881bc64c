package fs

import (
	"io/fs"
	"time"

	"github.com/dop251/goja"
)

// fileStat is what stat, lstat and Dirent need from a file, gathered off the loop.
type fileStat struct {
	info fs.FileInfo
	sys  sysStat
}

// sysStat holds the fields that come from the platform's stat structure.
type sysStat struct {
	dev, ino, nlink, uid, gid, rdev, blksize, blocks uint64
	atime, ctime, birth                              time.Time
}

// S_IFMT and the file type bits of st_mode, as on Linux.
const (
	sIFMT   = 0o170000
	sIFSOCK = 0o140000
	sIFLNK  = 0o120000
	sIFREG  = 0o100000
	sIFBLK  = 0o060000
	sIFDIR  = 0o040000
	sIFCHR  = 0o020000
	sIFIFO  = 0o010000
)

// unixMode turns a Go FileMode into st_mode.
func unixMode(m fs.FileMode) int64 {
	mode := int64(m.Perm())
	switch {
	case m&fs.ModeDir != 0:
		mode |= sIFDIR
	case m&fs.ModeSymlink != 0:
		mode |= sIFLNK
	case m&fs.ModeNamedPipe != 0:
		mode |= sIFIFO
	case m&fs.ModeSocket != 0:
		mode |= sIFSOCK
	case m&fs.ModeCharDevice != 0:
		mode |= sIFCHR
	case m&fs.ModeDevice != 0:
		mode |= sIFBLK
	default:
		mode |= sIFREG
	}
	if m&fs.ModeSetuid != 0 {
		mode |= 0o4000
	}
	if m&fs.ModeSetgid != 0 {
		mode |= 0o2000
	}
	if m&fs.ModeSticky != 0 {
		mode |= 0o1000
	}
	return mode
}

// typeProto builds a prototype with the isFile/isDirectory/… predicates, reading the file type from
// the object through typeOf.
func typeProto(vm *goja.Runtime, name string, typeOf func(this goja.Value) int64) *goja.Object {
	ctor := vm.ToValue(func(goja.ConstructorCall) *goja.Object { panic(vm.NewTypeError("Illegal constructor")) }).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	p := vm.NewObject()
	_ = p.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = ctor.Set("prototype", p)
	for method, bits := range map[string]int64{
		"isFile": sIFREG, "isDirectory": sIFDIR, "isSymbolicLink": sIFLNK, "isFIFO": sIFIFO,
		"isSocket": sIFSOCK, "isBlockDevice": sIFBLK, "isCharacterDevice": sIFCHR,
	} {
		_ = p.DefineDataProperty(method, vm.ToValue(func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(typeOf(call.This)&sIFMT == bits)
		}), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	return p
}

// newStats builds a Stats object like Node's: numeric fields, *Ms times and Date times.
func (m *module) newStats(st fileStat) goja.Value {
	vm := m.vm
	o := vm.NewObject()
	_ = o.SetPrototype(m.statsProto)
	mtime := st.info.ModTime()
	ms := func(t time.Time) float64 { return float64(t.UnixNano()) / 1e6 }
	date := func(t time.Time) goja.Value {
		d, err := vm.New(vm.Get("Date"), vm.ToValue(float64(t.UnixMilli())))
		if err != nil {
			panic(err)
		}
		return d
	}
	s := st.sys
	for _, kv := range []struct {
		k string
		v any
	}{
		{"dev", s.dev}, {"mode", unixMode(st.info.Mode())}, {"nlink", s.nlink}, {"uid", s.uid}, {"gid", s.gid},
		{"rdev", s.rdev}, {"blksize", s.blksize}, {"ino", s.ino}, {"size", st.info.Size()}, {"blocks", s.blocks},
		{"atimeMs", ms(s.atime)}, {"mtimeMs", ms(mtime)}, {"ctimeMs", ms(s.ctime)}, {"birthtimeMs", ms(s.birth)},
		{"atime", date(s.atime)}, {"mtime", date(mtime)}, {"ctime", date(s.ctime)}, {"birthtime", date(s.birth)},
	} {
		_ = o.Set(kv.k, kv.v)
	}
	return o
}

// newDirent builds a Dirent for an entry of dir.
func (m *module) newDirent(dir, name string, mode fs.FileMode) goja.Value {
	o := m.vm.NewObject()
	_ = o.SetPrototype(m.direntProto)
	_ = o.Set("name", name)
	_ = o.Set("parentPath", dir)
	_ = o.Set("path", dir)
	_ = o.DefineDataPropertySymbol(m.typeKey, m.vm.ToValue(unixMode(mode)), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return o
}
