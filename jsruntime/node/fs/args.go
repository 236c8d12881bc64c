package fs

import (
	"net/url"
	"strconv"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

func arg(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}

func (m *module) argTypeError(name, expected string, got goja.Value) *goja.Object {
	e := m.vm.NewTypeError("The \"" + name + "\" argument must be " + expected + ". Received " + buffer.Received(got))
	_ = e.Set("code", "ERR_INVALID_ARG_TYPE")
	return e
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
	panic(m.argTypeError(name, "of type string or an instance of Buffer or URL", v))
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
			panic(m.argTypeError("options", "of type object", v))
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
			e := m.vm.NewTypeError("The argument 'encoding' is invalid encoding. Received '" + encName.String() + "'")
			_ = e.Set("code", "ERR_INVALID_ARG_VALUE")
			panic(e)
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
			panic(m.argTypeError("mode", "a 32-bit unsigned integer or an octal string", v))
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
	panic(m.argTypeError("data", "of type string or an instance of Buffer, TypedArray, or DataView", v))
}
