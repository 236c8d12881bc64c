package fs

import (
	"io/fs"
	"math"
	"net/url"
	"strconv"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

func arg(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}

// path reads a path argument: a string, a Buffer, or a file: URL.
func (m *module) path(v goja.Value, name string) string {
	if goja.IsString(v) {
		return v.String()
	}
	if b, ok := buffer.Bytes(m.rt, v); ok {
		return string(b)
	}
	if o, ok := v.(*goja.Object); ok {
		if href, proto := o.Get("href"), o.Get("protocol"); href != nil && proto != nil && proto.String() == "file:" {
			if u, err := url.Parse(href.String()); err == nil {
				return u.Path
			}
		}
	}
	panic(nodeerr.InvalidArgType(m.vm, name, "of type string or an instance of Buffer or URL", v))
}

// fileOptions are the encoding, flag and mode of readFile/writeFile options (a string is the encoding).
type fileOptions struct {
	encoding    buffer.Encoding
	hasEncoding bool
	flag        string
	mode        int64
}

func (m *module) fileOptions(v goja.Value, defaultFlag string) fileOptions {
	o := fileOptions{flag: defaultFlag, mode: 0o666}
	encName := goja.Undefined()
	switch {
	case goja.IsString(v):
		encName = v
	case goja.IsUndefined(v) || goja.IsNull(v):
	default:
		obj, ok := v.(*goja.Object)
		if !ok {
			panic(nodeerr.InvalidArgType(m.vm, "options", "of type object", v))
		}
		if e := obj.Get("encoding"); e != nil {
			encName = e
		}
		if f := obj.Get("flag"); f != nil && !goja.IsUndefined(f) {
			o.flag = f.String()
		}
		if md := obj.Get("mode"); md != nil && !goja.IsUndefined(md) {
			o.mode = m.mode(md, o.mode)
		}
	}
	if !goja.IsUndefined(encName) && !goja.IsNull(encName) && encName.String() != "buffer" {
		enc, ok := buffer.ParseEncoding(encName.String())
		if !ok {
			panic(nodeerr.InvalidArgValue(m.vm, "encoding", encName, "is invalid encoding"))
		}
		o.encoding, o.hasEncoding = enc, true
	}
	return o
}

// mode reads a file mode given as a number or an octal string.
func (m *module) mode(v goja.Value, def int64) int64 {
	switch {
	case v == nil || goja.IsUndefined(v) || goja.IsNull(v):
		return def
	case goja.IsString(v):
		n, err := strconv.ParseInt(v.String(), 8, 64)
		if err != nil {
			panic(nodeerr.InvalidArgType(m.vm, "mode", "a 32-bit unsigned integer or an octal string", v))
		}
		return n
	}
	return v.ToInteger()
}

// boolOption reads a boolean field of an options object.
func boolOption(v goja.Value, name string) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	f := o.Get(name)
	return f != nil && f.ToBoolean()
}

// data reads the data argument of writeFile/appendFile, copying bytes so the write can happen off the
// loop while JS goes on.
func (m *module) data(v goja.Value, enc buffer.Encoding) []byte {
	if goja.IsString(v) {
		return enc.Decode(v.String())
	}
	if b, ok := buffer.Bytes(m.rt, v); ok {
		return append([]byte(nil), b...)
	}
	panic(nodeerr.InvalidArgType(m.vm, "data", "of type string or an instance of Buffer, TypedArray, or DataView", v))
}

// goMode turns a numeric mode (permission bits with setuid, setgid and sticky) into a Go FileMode.
func goMode(mode int64) fs.FileMode {
	m := fs.FileMode(mode & 0o777)
	if mode&0o4000 != 0 {
		m |= fs.ModeSetuid
	}
	if mode&0o2000 != 0 {
		m |= fs.ModeSetgid
	}
	if mode&0o1000 != 0 {
		m |= fs.ModeSticky
	}
	return m
}

// id reads a uid or gid: an integer from -1 (leave unchanged) to 2**32-1.
func (m *module) id(v goja.Value, name string) int {
	if !goja.IsNumber(v) {
		panic(nodeerr.InvalidArgType(m.vm, name, "of type number", v))
	}
	f := v.ToFloat()
	switch {
	case f != math.Trunc(f):
		panic(nodeerr.OutOfRange(m.vm, name, "an integer", v))
	case f < -1 || f > math.MaxUint32:
		panic(nodeerr.OutOfRange(m.vm, name, ">= -1 && <= 4294967295", v))
	}
	return int(f)
}

// timeArg reads an atime or mtime as Node's toUnixTimestamp does: a Date, a number of seconds (a
// negative one means now) or a numeric string.
func (m *module) timeArg(v goja.Value) time.Time {
	seconds := func(s float64) time.Time {
		if s < 0 {
			return time.Now()
		}
		sec, frac := math.Modf(s)
		return time.Unix(int64(sec), int64(math.Round(frac*1e9)))
	}
	switch {
	case goja.IsString(v):
		if f, err := strconv.ParseFloat(v.String(), 64); err == nil {
			return seconds(f)
		}
	case goja.IsNumber(v):
		if f := v.ToFloat(); !math.IsInf(f, 0) && !math.IsNaN(f) {
			return seconds(f)
		}
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Date" {
		if getTime, ok := goja.AssertFunction(o.Get("getTime")); ok {
			if ms, err := getTime(o); err == nil {
				return time.UnixMilli(ms.ToInteger())
			}
		}
	}
	panic(nodeerr.InvalidArgType(m.vm, "time", "an instance of Date or an Time in seconds", v))
}
