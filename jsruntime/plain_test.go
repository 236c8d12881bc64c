package jsruntime_test

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
)

// plainGlobal converts v with PlainValue and binds it to the global name.
func plainGlobal(t *testing.T, rt *jsruntime.Runtime, name string, v any) {
	t.Helper()
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		jv, err := jsruntime.PlainValue(vm, v)
		if err != nil {
			return err
		}
		return vm.Set(name, jv)
	})
}

// Go data becomes ordinary JS values: objects with sorted keys, real Arrays, JSON in its own order,
// URL objects; the plugin can change and clone them.
func TestPlainValue(t *testing.T) {
	rt := jstest.New(t, nodeurl.Install)
	plainGlobal(t, rt, "v", map[string]any{
		"b":       []string{"x", "y"},
		"a":       map[string]int{"z": 1, "y": 2},
		"n":       nil,
		"ok":      true,
		"f":       1.5,
		"ordered": json.RawMessage(`{"zeta":1,"alpha":[true,null,"s"],"__proto__":{"p":1},"n":-2.5e1}`),
		"u":       &url.URL{Scheme: "http", Host: "127.0.0.1:8000"},
		"none":    []int(nil),
	})
	got := jstest.Eval(t, rt, `JSON.stringify([
		Object.keys(v), Object.keys(v.a), Array.isArray(v.b), Object.getPrototypeOf(v) === Object.prototype,
		Object.keys(v.ordered), v.ordered.n, Object.getPrototypeOf(v.ordered) === Object.prototype,
		v.u instanceof URL, v.u.port, String(v.u), v.none, v.n, {...v.a, w: 0}, (v.b.push('z'), v.b.length),
	])`)
	want := `[["a","b","f","n","none","ok","ordered","u"],["y","z"],true,true,` +
		`["zeta","alpha","__proto__","n"],-25,true,true,"8000","http://127.0.0.1:8000/",null,null,{"y":2,"z":1,"w":0},3]`
	jstest.Expect(t, "converted", got, want)
}

// Without the URL global a URL is its string; a failing or malformed marshaller is an error.
func TestPlainValueFallbacksAndErrors(t *testing.T) {
	rt := jstest.New(t)
	plainGlobal(t, rt, "u", &url.URL{Scheme: "https", Host: "x.test", Path: "/a"})
	jstest.Expect(t, "URL without the global", jstest.Eval(t, rt, `typeof u + ' ' + u`), "string https://x.test/a")
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		if _, err := jsruntime.PlainValue(vm, []any{badJSON{}}); err == nil || !strings.Contains(err.Error(), "marshal") {
			return errors.New("a marshaller's error must be returned")
		}
		if _, err := jsruntime.PlainValue(vm, json.RawMessage(`{"a":1} 2`)); err == nil {
			return errors.New("trailing data must be an error")
		}
		return nil
	})
}

type badJSON struct{}

func (badJSON) MarshalJSON() ([]byte, error) { return nil, errors.New("no") }
