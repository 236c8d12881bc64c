package fs

import (
	"io/fs"
	"math"
	"math/big"
	"time"

	"github.com/dop251/goja"
)

// fileStat is what Stats reports about a file, gathered off the loop.
type fileStat struct {
	mode, size                                       int64 // st_mode, st_size
	dev, ino, nlink, uid, gid, rdev, blksize, blocks uint64
	atime, mtime, ctime, birth                       time.Time
}

// epoch is the time of the zeroed Stats that watchFile reports for a missing file.
var epoch = time.Unix(0, 0)

// zeroStat is Stats with every field zeroed, as Node reports a file that does not exist.
var zeroStat = fileStat{atime: epoch, mtime: epoch, ctime: epoch, birth: epoch}

// statOf gathers a FileInfo's fields, with the platform's stat structure when there is one.
func statOf(info fs.FileInfo) fileStat {
	st := sysStatOf(info)
	st.mode = unixMode(info.Mode())
	st.size = info.Size()
	st.mtime = info.ModTime()
	return st
}

// same reports whether two stats describe an unchanged file, comparing what libuv's fs poll compares.
func (a fileStat) same(b fileStat) bool {
	return a.ctime.Equal(b.ctime) && a.mtime.Equal(b.mtime) && a.birth.Equal(b.birth) && a.size == b.size &&
		a.mode == b.mode && a.uid == b.uid && a.gid == b.gid && a.ino == b.ino && a.dev == b.dev
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

// intOf reads an integer that may be a Number or a BigInt.
func intOf(v goja.Value) int64 {
	if goja.IsBigInt(v) {
		if b, ok := v.Export().(*big.Int); ok {
			return b.Int64()
		}
		return 0
	}
	return v.ToInteger()
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

// modeOf is the st_mode a Stats object reports, for its predicates.
func modeOf(this goja.Value) int64 {
	if o, ok := this.(*goja.Object); ok {
		if mode := o.Get("mode"); mode != nil {
			return intOf(mode)
		}
	}
	return 0
}

// newStats builds a Stats object like Node's: numeric fields, *Ms times and Date times. With bigint
// it is a BigIntStats: BigInt fields, *Ms times truncated to whole milliseconds and *Ns times.
func (m *module) newStats(st fileStat, bigint bool) goja.Value {
	vm := m.vm
	o := vm.NewObject()
	date := func(t time.Time) goja.Value {
		ms := math.Round(msOf(t))
		if bigint {
			ms = float64(t.UnixMilli())
		}
		d, err := vm.New(vm.Get("Date"), vm.ToValue(ms))
		if err != nil {
			panic(err)
		}
		return d
	}
	num := func(n uint64) any { return n }
	times := func(suffix string, f func(time.Time) any) []field {
		return []field{{"atime" + suffix, f(st.atime)}, {"mtime" + suffix, f(st.mtime)}, {"ctime" + suffix, f(st.ctime)}, {"birthtime" + suffix, f(st.birth)}}
	}
	ms := times("Ms", func(t time.Time) any { return msOf(t) })
	var ns []field
	if bigint {
		_ = o.SetPrototype(m.bigStatsProto)
		num = func(n uint64) any { return new(big.Int).SetUint64(n) }
		ms = times("Ms", func(t time.Time) any { return big.NewInt(t.UnixMilli()) })
		ns = times("Ns", func(t time.Time) any { return big.NewInt(t.UnixNano()) })
	} else {
		_ = o.SetPrototype(m.statsProto)
	}
	fields := []field{
		{"dev", num(st.dev)}, {"mode", num(uint64(st.mode))}, {"nlink", num(st.nlink)}, {"uid", num(st.uid)},
		{"gid", num(st.gid)}, {"rdev", num(st.rdev)}, {"blksize", num(st.blksize)}, {"ino", num(st.ino)},
		{"size", num(uint64(st.size))}, {"blocks", num(st.blocks)},
	}
	fields = append(append(append(fields, ms...), ns...), times("", func(t time.Time) any { return date(t) })...)
	for _, f := range fields {
		_ = o.Set(f.k, f.v)
	}
	return o
}

type field struct {
	k string
	v any
}

// msOf is a time in milliseconds since the epoch, with the nanoseconds as a fraction, as Node's *Ms.
func msOf(t time.Time) float64 { return float64(t.Unix())*1e3 + float64(t.Nanosecond())/1e6 }

// statFsField is one field of fs.statfs's result.
type statFsField struct {
	k string
	v int64
}

// newStatFs builds a StatFs object, with BigInt fields when bigint is set.
func (m *module) newStatFs(fields []statFsField, bigint bool) goja.Value {
	o := m.vm.NewObject()
	_ = o.SetPrototype(m.statFsProto)
	for _, f := range fields {
		if bigint {
			_ = o.Set(f.k, big.NewInt(f.v))
		} else {
			_ = o.Set(f.k, f.v)
		}
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
