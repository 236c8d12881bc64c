package fs

import (
	"net/url"
	"strconv"

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
	case goja.IsUndefined(v) || goja.IsNull(v):
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
