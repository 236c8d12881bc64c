package modules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/modules"
)

// writeFiles creates files (name to content) under a new temporary directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Module objects are instances of the System's Module, whose loader statics tools use and replace:
// require.extensions handlers, _resolveFilename (module-alias), _load (mocking libraries) and
// _compile (require-from-string, require hooks).
func TestModuleClass(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.js":      `module.exports = { name: "a" };`,
		"notes.txt": ``,
		"main.js": `
			const Module = module.constructor;
			const out = {};
			out.instance = module instanceof Module && require.extensions === Module._extensions && Module._cache === require.cache;
			out.extensions = Object.keys(require.extensions).join();
			require.extensions['.txt'] = (m, filename) => { m.exports = filename.slice(-9).toUpperCase(); };
			out.txt = require('./notes.txt') + ',' + require('./notes');
			const resolveFilename = Module._resolveFilename;
			Module._resolveFilename = function (request, ...rest) {
				return resolveFilename.call(this, request === '@alias/a' ? './a' : request, ...rest);
			};
			out.alias = require('@alias/a').name + ',' + require('fs').fake;
			Module._resolveFilename = resolveFilename;
			const load = Module._load;
			Module._load = function (request, parent) {
				return request === 'mocked' ? 'mock from ' + (parent === module) : load.apply(this, arguments);
			};
			out.mock = require('mocked');
			Module._load = load;
			try { require('mocked'); } catch (e) { out.unmocked = e.code; }
			const m = new Module(__dirname + '/virtual.js', module);
			m.filename = __dirname + '/virtual.js';
			m._compile('module.exports = require("./a").name + typeof __dirname', m.filename);
			out.compiled = m.exports + ',' + module.children.includes(m);
			const js = require.extensions['.js'];
			require.extensions['.js'] = (mod, filename) => {
				const compile = mod._compile;
				mod._compile = (code, file) => compile.call(mod, code.replace('"a"', '"hooked"'), file);
				js(mod, filename);
			};
			delete require.cache[__dirname + '/a.js'];
			out.hooked = require('./a').name;
			require.extensions['.js'] = js;
			module.exports = out;`,
	})
	e := newEnv(t, modules.Options{Root: dir})
	e.do(func(vm *goja.Runtime) error {
		exp, err := e.sys.LoadMain(filepath.Join(dir, "main.js"))
		if err != nil {
			return err
		}
		e.check(vm, exp, map[string]any{
			"exp.instance":   true,
			"exp.extensions": ".js,.json,.node",
			"exp.txt":        "NOTES.TXT,NOTES.TXT",
			"exp.alias":      "a,true",
			"exp.mock":       "mock from true",
			"exp.unmocked":   "MODULE_NOT_FOUND",
			"exp.compiled":   "astring,true",
			"exp.hooked":     "hooked",
		})
		return nil
	})
}

// Module's resolution statics answer as Node's do.
func TestModuleStatics(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.js": `module.exports = 1;`, "main.js": `module.exports = module.constructor;`})
	e := newEnv(t, modules.Options{Root: dir, SharedDirs: []string{"/shared/node_modules"}})
	e.do(func(vm *goja.Runtime) error {
		exp, err := e.sys.LoadMain(filepath.Join(dir, "main.js"))
		if err != nil {
			return err
		}
		_ = vm.Set("dir", dir)
		e.check(vm, exp, map[string]any{
			"exp === exp.prototype.constructor":                                           true,
			"exp._resolveFilename('./a', exp._cache[dir + '/main.js']) === dir + '/a.js'": true,
			"exp._resolveFilename('node:fs')":                                             "node:fs",
			"exp._findPath('a', [dir]) === dir + '/a.js' && exp._findPath('b', [dir])":    false,
			"exp._nodeModulePaths('/x/node_modules/y').join()":                            "/x/node_modules/y/node_modules,/x/node_modules,/node_modules",
			"exp._resolveLookupPaths('fs', null)":                                         nil,
			"exp._resolveLookupPaths('pkg', { paths: ['/p'] }).join()":                    "/p,/shared/node_modules",
			"exp.globalPaths.join()":                                                      "/shared/node_modules",
			"exp.wrap('x')":                                                               "(function (exports, require, module, __filename, __dirname) { x\n});",
			"Object.keys(new exp('/m/n.js')).join() + new exp('/m/n.js').path":            "id,path,exports,filename,loaded,children/m",
			"(() => { try { exp._load('./nope') } catch (e) { return e.message } })()":    "Cannot find module './nope'",
		})
		return nil
	})
}
