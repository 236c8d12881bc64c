package url

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// fileURLToPath(url) accepts a file: URL string, a URL object, or any object with a string href.
func (m *module) fileURLToPath(call goja.FunctionCall) goja.Value {
	arg := call.Argument(0)
	var rec *record
	if u, ok := stateOf[*urlObject](m, arg); ok {
		rec = u.rec
	} else {
		href, ok := hrefOf(arg)
		if !ok {
			panic(nodeerr.InvalidArgType(m.vm, "path", "of type string or an instance of URL", arg))
		}
		if rec, ok = parse(href, nil); !ok {
			panic(m.invalidURL([]goja.Value{m.vm.ToValue(href)}))
		}
	}
	p, err := filePath(rec)
	if err != nil {
		code := "ERR_INVALID_FILE_URL_PATH"
		switch {
		case errors.Is(err, ErrNotFileURL):
			code = "ERR_INVALID_URL_SCHEME"
		case errors.Is(err, ErrFileURLHost):
			code = "ERR_INVALID_FILE_URL_HOST"
		}
		panic(m.codedError(code, err.Error()))
	}
	return m.vm.ToValue(p)
}

// pathToFileURL(path) resolves path against the working directory and returns a URL object; a
// trailing separator is kept, as Node keeps it, because it marks a directory.
func (m *module) pathToFileURL(call goja.FunctionCall) goja.Value {
	p, ok := call.Argument(0).Export().(string)
	if !ok {
		panic(nodeerr.InvalidArgType(m.vm, "path", "of type string", call.Argument(0)))
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		m.rt.Throw(err)
	}
	if (strings.HasSuffix(p, "/") || strings.HasSuffix(p, string(filepath.Separator))) && !strings.HasSuffix(abs, string(filepath.Separator)) {
		abs += "/"
	}
	rec, ok := fileRecord(abs)
	if !ok {
		panic(m.invalidURL([]goja.Value{m.vm.ToValue(abs)}))
	}
	return m.newURL(rec)
}

// hrefOf reads a URL string, or the href of a URL-like object.
func hrefOf(v goja.Value) (string, bool) {
	if obj, ok := v.(*goja.Object); ok {
		return stringProp(obj, "href")
	}
	s, ok := v.Export().(string)
	return s, ok
}

// stringProp reads a string property; ok is false when it is missing or not a string.
func stringProp(obj *goja.Object, name string) (string, bool) {
	v := obj.Get(name)
	if v == nil {
		return "", false
	}
	s, ok := v.Export().(string)
	return s, ok
}
