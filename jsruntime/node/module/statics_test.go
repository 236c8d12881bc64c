package module_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/module"
)

// The statics this package adds, with Node 20's answers; the host's own built-ins are not Node's.
func TestStatics(t *testing.T) {
	dir := t.TempDir()
	express := func(rt *jsruntime.Runtime) (goja.Value, error) { return rt.VM().ToValue("express"), nil }
	rt := jstest.New(t, jstest.Modules(dir, map[string]modules.Builtin{"module": module.Require, "express": express}),
		jstest.Global("Module", module.Require), jstest.Set("dir", dir))
	for expr, want := range map[string]any{
		"Module.builtinModules.join()": "module",
		"Module.isBuiltin('module') && !Module.isBuiltin('express') && !Module.isBuiltin(5)": true,
		"Module._stat(dir) + ',' + Module._stat(dir + '/nope')":                              "1,-2",
		"JSON.stringify(Module._readPackage(dir + '/nope'))":                                 `{"exists":false,"pjsonPath":"` + dir + `/nope/package.json","type":"none"}`,
		"Module.findSourceMap(dir + '/x.js')":                                                nil,
		"(() => { try { Module.register('x') } catch (e) { return e.code } })()":             "ERR_NOT_SUPPORTED_IN_PLUGINHOST",
		"(() => { try { Module.runMain() } catch (e) { return e.code } })()":                 "ERR_NOT_SUPPORTED_IN_PLUGINHOST",
		// Node 20's answers for this map: `a;\nb` from two lines of src.ts, with a name.
		"JSON.stringify(new Module.SourceMap({ version: 3, sources: ['src.ts'], names: ['foo'], mappings: 'AAAA,EAAEA;AACF' }).findOrigin(1, 3))": `{"name":"foo","fileName":"src.ts","lineNumber":1,"columnNumber":3}`,
		"JSON.stringify(new Module.SourceMap({ version: 3, sources: ['src.ts'], names: [], mappings: 'AAAA' }).findEntry(0, 5))":                  `{"generatedLine":0,"generatedColumn":0,"originalSource":"src.ts","originalLine":0,"originalColumn":0}`,
	} {
		if got := jstest.EvalValue(t, rt, expr); got != want {
			t.Errorf("%s = %#v, want %#v", expr, got, want)
		}
	}
}
