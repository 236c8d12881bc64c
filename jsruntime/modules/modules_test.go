package modules_test

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
)

func TestCommonJSBare(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("cjs-bare/index.js", map[string]any{
		"exp.info.id":               "cjs-bare",
		"exp.lib":                   "lib",
		"exp.libLoadedWhileRunning": false,
		"exp.answer":                int64(42),
		"exp.thisIsExports":         true,
		"exp.isMain":                true,
		"exp.id":                    ".",
		"exp.filename":              abs("cjs-bare/index.js"),
		"exp.dirname":               abs("cjs-bare"),
		"exp.loaded":                false,
		"exp.children":              int64(2),
		"exp.paths0":                abs("cjs-bare/node_modules"),
		"exp.resolved":              abs("cjs-bare/lib.js"),
		"exp.cached":                true,
		"exp.libParentIsMe":         true,
		"exp.moduleRequire":         true,
		"typeof require":            "undefined", // nothing global
		"typeof module":             "undefined",
	})
}

func TestESM(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("esm-mjs/index.mjs", map[string]any{
		"exp.info.id":       "esm-mjs",
		"typeof exp.init":   "function",
		"exp.meta.url":      "file://" + abs("esm-mjs/index.mjs"),
		"exp.meta.dirname":  abs("esm-mjs"),
		"exp.meta.filename": abs("esm-mjs/index.mjs"),
		"exp.meta.resolved": "file://" + abs("esm-mjs/lib.mjs"),
		"exp.meta.builtin":  "node:fs",
		"exp.types":         "undefined,undefined,undefined,undefined,undefined",
		"exp.fsOK":          true,
		"exp.libs":          "libdefault,libnamed,cjs,libdefault,libnamed",
		"exp.thisAtTop":     "undefined",
		"exp.strict":        true,
	})
}

func TestESMDefaultExport(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("esm-default/index.mjs", map[string]any{
		"exp.default.info.id":     "esm-default",
		"typeof exp.default.init": "function",
		"typeof exp.default.exit": "function",
		"exp.__esModule":          true,
		"typeof exp.init":         "undefined",
	})
}

func TestPackageTypeModule(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("esm-type", map[string]any{
		"exp.info.id":    "esm-type",
		"exp.out":        "helped",
		"exp.moduleType": "undefined",
	})
}

func TestPackageTypeCommonJS(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("cjs-type/index.js", map[string]any{"exp.info.id": "cjs-type"})
}

// A .js with export statements and a `typeof module` guard: in Node it is ESM, module is undefined,
// and the ESM exports count.
func TestDetectDualFile(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("detect-dual/index.js", map[string]any{
		"exp.info.id":     "dual",
		"typeof exp.init": "function",
		"exp.marker":      nil,
	})
}

func TestESMDeclaresNodeNames(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("esm-collide/index.mjs", map[string]any{
		"exp.out.lib":             "lib-cjs",
		"exp.out.filename":        abs("esm-collide/index.mjs"),
		"exp.out.dirname":         abs("esm-collide"),
		"exp.out.module":          "mine",
		"exp.out.exports":         "mine-exports",
		"exp.out.typeofRequire":   "function",
		"exp.out.resolved":        abs("esm-collide/lib.cjs"),
		"exp.out.metaDirname":     abs("esm-collide"),
		"exp.out.metaFilename":    abs("esm-collide/meta.mjs"),
		"exp.default.module.name": "mine",
		"exp.info.id":             "collide",
	})
}

func TestFormat(t *testing.T) {
	e := newEnv(t, modules.Options{})
	cases := map[string]modules.Format{
		"cjs-bare/index.js":      modules.CommonJS,
		"cjs-bare/data.json":     modules.JSON,
		"esm-mjs/index.mjs":      modules.ESM,
		"esm-mjs/cjs.cjs":        modules.CommonJS,
		"esm-type/index.js":      modules.ESM,
		"cjs-type/index.js":      modules.CommonJS,
		"cjs-type/sub/deep.js":   modules.CommonJS,
		"detect-dual/index.js":   modules.ESM,
		"detect-import/index.js": modules.ESM,
		"detect-meta/index.js":   modules.ESM,
		"cjs-lowered/index.js":   modules.CommonJS,
		"ts/index.ts":            modules.ESM,
		"ts/cjs.cts":             modules.CommonJS,
		"ts/esm.mts":             modules.ESM,
	}
	e.do(func(*goja.Runtime) error {
		for rel, want := range cases {
			got, err := e.sys.Format(abs(rel))
			if err != nil {
				t.Errorf("Format(%s): %v", rel, err)
			} else if got != want {
				t.Errorf("Format(%s) = %v, want %v", rel, got, want)
			}
		}
		_, err := e.sys.Format(abs("badpkg/index.js"))
		if err == nil || !strings.Contains(err.Error(), abs("badpkg/package.json")) {
			t.Errorf("Format with a malformed package.json: %v, want an error naming it", err)
		}
		return nil
	})
}

func TestMalformedPackageJSON(t *testing.T) {
	e := newEnv(t, modules.Options{})
	err := e.loadErr("badpkg/index.js")
	if !strings.Contains(err.Error(), abs("badpkg/package.json")) {
		t.Errorf("error %q does not name the package.json", err)
	}
}

func TestTopLevelAwait(t *testing.T) {
	e := newEnv(t, modules.Options{})
	err := e.loadErr("tla/index.mjs")
	msg := err.Error()
	if !strings.Contains(msg, "top-level await is not supported") || !strings.Contains(msg, abs("tla/index.mjs")+":3:") {
		t.Errorf("error = %q, want the top-level await message naming index.mjs:3", msg)
	}
}

// Stack traces point at the plugin's own file and line, through the wrapper and esbuild's source map.
func TestStackLines(t *testing.T) {
	e := newEnv(t, modules.Options{})
	for _, tc := range []struct{ file, line string }{
		{"stack/esm.mjs", ":4:"},
		{"stack/cjs.js", ":4:"},
		{"stack/lowered.js", ":5:"},
		{"stack/ts.ts", ":5:"},
	} {
		e.do(func(vm *goja.Runtime) error {
			exp, err := e.sys.LoadMain(abs(tc.file))
			if err != nil {
				return err
			}
			boom, _ := goja.AssertFunction(exp.ToObject(vm).Get("boom"))
			_, err = boom(goja.Undefined())
			stack := e.rt.Describe(err).Error()
			if !strings.Contains(stack, abs(tc.file)+tc.line) {
				t.Errorf("%s: stack does not point at line %s:\n%s", tc.file, tc.line, stack)
			}
			return nil
		})
	}
	for _, tc := range []struct{ file, line string }{
		{"stack/esm-throw.mjs", ":6:"},
		{"stack/cjs-throw.js", ":5:"},
	} {
		err := e.loadErr(tc.file)
		if !strings.Contains(err.Error(), abs(tc.file)+tc.line) {
			t.Errorf("%s: load error does not point at line %s:\n%v", tc.file, tc.line, err)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	e := newEnv(t, modules.Options{})
	for file, where := range map[string]string{
		"syntax/index.js": abs("syntax/index.js") + ":3:13",
		"syntax/esm.mjs":  abs("syntax/esm.mjs") + ":2:19",
	} {
		err := e.loadErr(file)
		if !strings.Contains(err.Error(), where) {
			t.Errorf("%s: error %q does not name %s", file, err, where)
		}
	}
}

func TestCircular(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("circular/a.js", map[string]any{
		"exp.a1":    "a1",
		"exp.a2":    "a2",
		"exp.fromB": "a1",
		"exp.bDone": true,
	})
	e.main("circular/a.mjs", map[string]any{
		"exp.a":     "A",
		"exp.fromB": "B",
		"exp.late":  "A",
	})
}

func TestRequireCache(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("cache/index.js", map[string]any{
		// One expression: the map's entries are evaluated in no particular order.
		"[exp.load(), exp.load(), (exp.drop(), exp.load()), exp.load()].join()": "1,1,2,2",
	})
}

func TestPackages(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("pkgs/index.js", map[string]any{
		"exp.cjs":        "cjs",
		"exp.feature":    "feature-node",
		"exp.sub":        "sub-x",
		"exp.arr":        "arr",
		"exp.pj":         "dual",
		"exp.mainonly":   "mainonly",
		"exp.mainfolder": "mainfolder",
		"exp.noindex":    "noindex",
		"exp.mainfalse":  "mainfalse index",
		"exp.scoped":     "scoped",
		"exp.scopedSub":  "scoped-extra",
		"exp.esm.kind":   "esm",
		"exp.esm.def":    "esm-default",
		"exp.resolved":   abs("pkgs/node_modules/dual/cjs.cjs"),
		"exp.privateErr": "ERR_PACKAGE_PATH_NOT_EXPORTED",
		"exp.missingErr": "ERR_PACKAGE_PATH_NOT_EXPORTED",
		"exp.brokenErr":  "MODULE_NOT_FOUND",
	})
}

func TestModuleNotFound(t *testing.T) {
	e := newEnv(t, modules.Options{})
	err := e.loadErr("notfound/index.js")
	want := "Cannot find module './missing-thing'\nRequire stack:\n- " + abs("notfound/a.js") + "\n- " + abs("notfound/index.js")
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error = %q, want it to contain %q", err, want)
	}
	e.do(func(vm *goja.Runtime) error {
		req := e.sys.CreateRequire(abs("notfound/index.js"))
		_ = vm.Set("req", req)
		e.check(vm, nil, map[string]any{
			"(() => { try { req('./nope') } catch (e) { return [e instanceof Error, e.code, e.requireStack.length].join() } })()": "true,MODULE_NOT_FOUND,1",
			"(() => { try { req('nopkg') } catch (e) { return e.message } })()":                                                   "Cannot find module 'nopkg'\nRequire stack:\n- " + abs("notfound/index.js"),
			"(() => { try { req(42) } catch (e) { return e.code } })()":                                                           "ERR_INVALID_ARG_TYPE",
			"(() => { try { req('') } catch (e) { return e.code } })()":                                                           "ERR_INVALID_ARG_VALUE",
		})
		return nil
	})
	e2 := newEnv(t, modules.Options{})
	if err := e2.loadErr("notfound/missing-main.js"); !strings.Contains(err.Error(), "Cannot find module") {
		t.Errorf("missing main: %v", err)
	}
}

func TestNativeAddon(t *testing.T) {
	e := newEnv(t, modules.Options{})
	msg := e.loadErr("native/index.js").Error()
	for _, want := range []string{"addon.node", `"addon"`, abs("native/index.js"), "native"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %s", msg, want)
		}
	}
}

func TestLoweredSyntaxInCommonJS(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.do(func(vm *goja.Runtime) error {
		exp, err := e.sys.LoadMain(abs("cjs-lowered/index.js"))
		if err != nil {
			return err
		}
		obj := exp.ToObject(vm)
		for name, want := range map[string]string{"collect": "1,2", "dyn": "dep/object"} {
			fn, _ := goja.AssertFunction(obj.Get(name))
			v, err := fn(goja.Undefined())
			if err != nil {
				return err
			}
			p := v.Export().(*goja.Promise)
			if p.State() != goja.PromiseStateFulfilled || p.Result().String() != want {
				t.Errorf("%s() settled %v with %v, want %q", name, p.State(), p.Result(), want)
			}
		}
		return nil
	})
}

func TestTypeScript(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("ts/index.ts", map[string]any{
		"exp.info.id": "ts",
		"exp.out":     "n=7,cts,mts",
	})
}

func TestJSON(t *testing.T) {
	e := newEnv(t, modules.Options{})
	err := e.loadErr("badjson/index.js")
	if !strings.Contains(err.Error(), abs("badjson/bad.json")+":") || !strings.Contains(err.Error(), "SyntaxError") {
		t.Errorf("error = %q, want a SyntaxError naming bad.json", err)
	}
}

func TestBuiltinsWinOverNodeModules(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("builtin-wins/index.js", map[string]any{
		"exp.express": "builtin express",
		"exp.nodeFs":  true,
		"exp.unknown": "ERR_UNKNOWN_BUILTIN_MODULE",
	})
}

func TestBuiltinInstantiatedOncePerRuntime(t *testing.T) {
	calls := 0
	reg := new(modules.Registry)
	reg.Register("thing", func(rt *jsruntime.Runtime) (goja.Value, error) {
		calls++
		return rt.VM().NewObject(), nil
	})
	reg.Register("replaced", func(rt *jsruntime.Runtime) (goja.Value, error) { return rt.VM().ToValue("old"), nil })
	reg.Register("node:replaced", func(rt *jsruntime.Runtime) (goja.Value, error) { return rt.VM().ToValue("new"), nil })
	reg.Register("thing/part", reg.Member("thing", "part"))
	e := newEnv(t, modules.Options{Registry: reg})
	e.do(func(vm *goja.Runtime) error {
		_ = vm.Set("req", e.sys.CreateRequire(abs("x.js")))
		e.check(vm, nil, map[string]any{
			"req('thing') === req('node:thing')": true,
			"req('replaced')":                    "new",
			"req('thing').part = {}; req('thing/part') === req('thing').part": true,
		})
		return nil
	})
	if calls != 1 {
		t.Errorf("builtin constructed %d times, want 1", calls)
	}
}

func TestHashbangAndBOM(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("hashbang/index.js", map[string]any{"exp": "hashbang"})
	e.main("bom/index.js", map[string]any{"exp": "bom"})
}

func TestRequireESMAndCreateRequire(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.main("require-esm/index.js", map[string]any{
		"exp.named":     "named",
		"exp.def":       "def",
		"exp.esModule":  true,
		"exp.same":      "dep,dep,dep,dep",
		"exp.builtins":  true,
		"exp.isBuiltin": "true,true,false",
		"exp.mainSeen":  true,
		"exp.badArg":    "ERR_INVALID_ARG_VALUE",
	})
}

// node_modules walking and package "type" lookup stop at Root.
func TestRootBoundary(t *testing.T) {
	outside, _ := filepath.Abs("testdata/outside/plugins")
	e := newEnv(t, modules.Options{Root: outside})
	e.do(func(vm *goja.Runtime) error {
		exp, err := e.sys.LoadMain(filepath.Join(outside, "p/index.js"))
		if err != nil {
			return err
		}
		e.check(vm, exp, map[string]any{"exp.leak": "MODULE_NOT_FOUND", "exp.kind": "cjs"})
		if f, err := e.sys.Format(filepath.Join(outside, "p/index.js")); err != nil || f != modules.CommonJS {
			t.Errorf("Format = %v, %v; the type:module package.json above Root must not count", f, err)
		}
		return nil
	})
}

// Runtimes sharing a TransformCache compile each file once and can load it at the same time.
func TestSharedCacheAcrossRuntimes(t *testing.T) {
	cache := new(modules.TransformCache)
	var wg sync.WaitGroup
	for range 4 {
		rt := jstest.New(t)
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
				sys := modules.Enable(rt, modules.Options{Registry: testRegistry(), Root: pluginsDir, Cache: cache})
				exp, err := sys.LoadMain(abs("esm-mjs/index.mjs"))
				if err != nil {
					return err
				}
				if id := exp.ToObject(vm).Get("info").ToObject(vm).Get("id").String(); id != "esm-mjs" {
					t.Errorf("info.id = %q", id)
				}
				return nil
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func TestEnableOncePerRuntime(t *testing.T) {
	e := newEnv(t, modules.Options{})
	e.do(func(*goja.Runtime) error {
		if modules.Enable(e.rt, modules.Options{}) != e.sys || modules.Of(e.rt) != e.sys {
			t.Error("a second Enable or Of did not return the first System")
		}
		return nil
	})
}

// Bare names fall back to the shared folders after the plugin's own node_modules chain; the plugin's
// copy of a package wins, built-ins win over both, and a shared package resolves its own dependencies
// from where it lives.
func TestSharedDirs(t *testing.T) {
	shared, _ := filepath.Abs("testdata/shared/node_modules")
	e := newEnv(t, modules.Options{SharedDirs: []string{"testdata/shared/node_modules"}})
	e.main("shared-dirs/index.js", map[string]any{
		"exp.shared":   "shared shared copy",
		"exp.own":      "own copy",
		"exp.express":  "builtin express",
		"exp.resolved": filepath.Join(shared, "sharedpkg", "index.js"),
		"exp.missing":  "MODULE_NOT_FOUND",
	})
}

// "#name" requests resolve through the "imports" of the requiring file's package, with the export
// conditions (import for ESM importers), patterns, package targets and Node's errors. The expected
// values are what Node 20 gives for the same tree.
func TestPackageImports(t *testing.T) {
	root := abs("imports/node_modules")
	pj := filepath.Join(root, "pkg", "package.json")
	from := filepath.Join(root, "pkg", "index.js")
	e := newEnv(t, modules.Options{})
	e.main("imports/index.js", map[string]any{
		"exp['#dep']":         "dep",
		"exp['#int/dep']":     "dep",
		"exp['#int/node']":    "node",
		"exp['#cond']":        "node",
		"exp['#bare']":        "deplib",
		"exp['#bare/sub']":    "MODULE_NOT_FOUND | Cannot find module '" + filepath.Join(root, "dep", "sub") + "'",
		"exp['#bad']":         `ERR_INVALID_PACKAGE_TARGET | Invalid "imports" target "../outside.js" defined for '#bad' in the package config ` + pj + " imported from " + from,
		"exp['#null']":        `ERR_PACKAGE_IMPORT_NOT_DEFINED | Package import specifier "#null" is not defined in package ` + pj + " imported from " + from,
		"exp['#arr']":         "MODULE_NOT_FOUND | Cannot find module '" + filepath.Join(root, "pkg", "lib", "nope-missing.js") + "'",
		"exp['#nope']":        `ERR_PACKAGE_IMPORT_NOT_DEFINED | Package import specifier "#nope" is not defined in package ` + pj + " imported from " + from,
		"exp['#']":            `ERR_INVALID_MODULE_SPECIFIER | Invalid module "#" is not a valid internal imports specifier name imported from ` + from,
		"exp['#/x']":          `ERR_INVALID_MODULE_SPECIFIER | Invalid module "#/x" is not a valid internal imports specifier name imported from ` + from,
		"exp['#int/missing']": "MODULE_NOT_FOUND | Cannot find module '" + filepath.Join(root, "pkg", "lib", "missing.js") + "'",
		"exp.outside":         "MODULE_NOT_FOUND",
	})
	e.main("imports/esm.mjs", map[string]any{"exp.cond": "esm"})
}

// HostFiles answers relative requests and file: URLs that leave the plugins directory, from ESM and
// CommonJS, with one instance per runtime; what it declines, and everything inside the plugins
// directory, resolves from the file system as usual.
func TestHostFiles(t *testing.T) {
	src := filepath.Join(filepath.Dir(pluginsDir), "src")
	var asked []string
	util := filepath.Join(src, "util.js")
	e := newEnv(t, modules.Options{HostFiles: func(path string) (string, modules.Builtin) {
		asked = append(asked, path)
		if path != util && path != strings.TrimSuffix(util, ".js") {
			return "", nil
		}
		return util, func(rt *jsruntime.Runtime) (goja.Value, error) {
			obj := rt.VM().NewObject()
			_ = obj.Set("answer", 42)
			return obj, nil
		}
	}})
	e.main("host-files/index.mjs", map[string]any{
		"exp.esm":          int64(42),
		"exp.required":     int64(42),
		"exp.sameInstance": true,
		"exp.viaURL":       true,
		"exp.missing":      "MODULE_NOT_FOUND",
		"exp.inside":       "local file",
	})
	for _, p := range asked {
		if !strings.HasPrefix(p, src+string(filepath.Separator)) {
			t.Errorf("HostFiles was asked for %s, which is not outside the plugins directory", p)
		}
	}
}
