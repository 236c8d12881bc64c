package url

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
)

// fileURLToPath(url) accepts a file: URL string or URL object.
func (u *urlModule) fileURLToPath(call goja.FunctionCall) goja.Value {
	href, ok := hrefOf(call.Argument(0))
	if !ok {
		panic(u.codedError("ERR_INVALID_ARG_TYPE", `The "path" argument must be of type string or an instance of URL`))
	}
	p, err := FilePath(href)
	if err != nil {
		code := "ERR_INVALID_URL"
		switch {
		case errors.Is(err, ErrNotFileURL):
			code = "ERR_INVALID_URL_SCHEME"
		case errors.Is(err, ErrFileURLHost):
			code = "ERR_INVALID_FILE_URL_HOST"
		case errors.Is(err, ErrEncodedSlashes):
			code = "ERR_INVALID_FILE_URL_PATH"
		}
		panic(u.codedError(code, err.Error()))
	}
	return u.vm.ToValue(p)
}

// pathToFileURL(path) resolves path against the working directory and returns a URL object; a
// trailing separator is kept, as Node keeps it.
func (u *urlModule) pathToFileURL(call goja.FunctionCall) goja.Value {
	p, ok := call.Argument(0).Export().(string)
	if !ok {
		panic(u.codedError("ERR_INVALID_ARG_TYPE", `The "path" argument must be of type string`))
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		u.rt.Throw(err)
	}
	if (strings.HasSuffix(p, "/") || strings.HasSuffix(p, string(filepath.Separator))) && !strings.HasSuffix(abs, string(filepath.Separator)) {
		abs += string(filepath.Separator)
	}
	obj, err := u.vm.New(u.ctor, u.vm.ToValue(FileURL(abs)))
	if err != nil {
		u.rt.Throw(err)
	}
	return obj
}

// hrefOf reads a URL string, or the href of a URL object.
func hrefOf(v goja.Value) (string, bool) {
	if obj, ok := v.(*goja.Object); ok {
		return stringProp(obj, "href")
	}
	s, ok := v.Export().(string)
	return s, ok
}

// codedError is a TypeError carrying a Node error code.
func (u *urlModule) codedError(code, msg string) *goja.Object {
	obj := u.vm.NewTypeError(msg)
	_ = obj.Set("code", code)
	return obj
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
