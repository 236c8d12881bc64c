// Package assert is Node's "assert" and "assert/strict" modules for plugin runtimes: assert() and
// ok, equal, notEqual, strictEqual, notStrictEqual, deepEqual, deepStrictEqual, notDeepEqual,
// notDeepStrictEqual, throws, doesNotThrow, rejects, doesNotReject, match, doesNotMatch, fail,
// ifError, assert.strict, and AssertionError (code ERR_ASSERTION, actual, expected, operator,
// generatedMessage), with the argument errors of Node 20.
//
// The module is JS (js/*.js) over util: deep equality, strict and loose, is util's comparison
// (util.DeepEqual, what util.isDeepStrictEqual runs). Messages are Node's:
// "1 !== 2" for short primitives, the "+ actual - expected" line diff otherwise (rendered by
// inspect.js, util.inspect with compact: false and sorted keys, as Node's assert renders), and, for
// a falsy assert(value), the source text of the call ("The expression evaluated to a falsy value:
// assert(x === 1)"), read from the plugin's file as Node does.
//
// Differences from Node: inside the diff, errors, dates, functions, boxed primitives and promises
// appear in util.inspect's one-line form, and values util.inspect renders differently from Node
// differ there too; the source of a falsy assert() is found by scanning the call's text rather than
// parsing it, so an expression the scan cannot delimit (or a call on a file's first line, where the
// module wrapper shifts columns) gets Node's fallback message "value == true"; console.log of an
// AssertionError shows actual and expected at the default depth (Node limits them to one level);
// assert.CallTracker, deprecated in Node 20, throws ERR_NOT_SUPPORTED_IN_PLUGINHOST.
package assert

import (
	"embed"
	"fmt"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed js/*.js
var sources embed.FS

// scripts are the module's parts in evaluation order: each adds to a namespace the later ones use.
var scripts = func() []*jsruntime.Script {
	var out []*jsruntime.Script
	for _, name := range []string{"inspect.js", "assertion_error.js", "assert.js"} {
		src, err := sources.ReadFile("js/" + name)
		if err != nil {
			panic(err)
		}
		out = append(out, jsruntime.NewScript("node:assert/"+name, string(src)))
	}
	return out
}()

type moduleKey struct{}

// Require returns the "assert" module, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return jsruntime.Module(rt, moduleKey{}, func() (goja.Value, error) {
		n, err := natives(rt)
		if err != nil {
			return nil, fmt.Errorf("assert: %w", err)
		}
		ns := rt.VM().NewObject()
		for _, s := range scripts {
			if _, err := s.Call(rt, ns, n); err != nil {
				return nil, err
			}
		}
		return ns.Get("assert"), nil
	})
}

// RequireStrict returns "assert/strict", which is require('assert').strict. Must be called on the
// loop.
func RequireStrict(rt *jsruntime.Runtime) (goja.Value, error) {
	a, err := Require(rt)
	if err != nil {
		return nil, err
	}
	return a.ToObject(rt.VM()).Get("strict"), nil
}

// natives is the object through which the module's JS reaches Go and util.
func natives(rt *jsruntime.Runtime) (*goja.Object, error) {
	vm := rt.VM()
	utilMod, err := util.Require(rt)
	if err != nil {
		return nil, err
	}
	deepEqual, err := util.DeepEqual(rt)
	if err != nil {
		return nil, err
	}
	warned := map[string]bool{}
	sources := map[string][]byte{}
	values := map[string]any{
		"util":      utilMod,
		"deepEqual": deepEqual,
		// warn logs a deprecation once per code; pluginhost has no process.emitWarning.
		"warn": func(msg, code string) {
			if !warned[code] {
				warned[code] = true
				rt.Logger().Warn(fmt.Sprintf("[%s] DeprecationWarning: %s", code, msg))
			}
		},
		"falsyMessage": func(fn string) goja.Value {
			if msg, ok := falsyMessage(vm, fn, sources); ok {
				return vm.ToValue(msg)
			}
			return goja.Undefined()
		},
	}
	obj := nodeerr.Natives(vm)
	for name, v := range values {
		if err := obj.Set(name, v); err != nil {
			return nil, err
		}
	}
	return obj, nil
}
