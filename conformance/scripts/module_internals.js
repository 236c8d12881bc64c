// require('module')'s loader internals as bundles and require hooks use them: Module objects,
// require.extensions (a plugin's own extension), _resolveFilename and _load (replaced as
// module-alias and mocking libraries do), _compile (require-from-string), _findPath, _stat,
// _readPackage and SourceMap.
const fs = require('fs');
const path = require('path');
const Module = require('module');

const dir = fs.mkdtempSync(path.join(process.env.SCRIPT_TMPDIR, 'mod-'));
const rel = (p) => (typeof p === 'string' ? p.split(dir).join('<dir>') : p);
const show = (label, fn) => {
  try {
    console.log(label, JSON.stringify(fn(), (k, v) => rel(v)));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, rel(e.message).split('\n')[0]);
  }
};

fs.writeFileSync(path.join(dir, 'a.js'), 'module.exports = { name: "a", file: __filename };');
fs.writeFileSync(path.join(dir, 'data.json'), '{"x": 1}');
fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello text');
fs.writeFileSync(path.join(dir, 'other.txt'), 'other text');
fs.mkdirSync(path.join(dir, 'pkg'));
fs.writeFileSync(path.join(dir, 'pkg', 'package.json'), JSON.stringify({ name: 'pkg', main: 'main.js', type: 'commonjs', exports: { '.': './main.js' }, version: '1.0.0' }));
fs.writeFileSync(path.join(dir, 'pkg', 'main.js'), 'module.exports = "pkg main";');
fs.mkdirSync(path.join(dir, 'bad'));
fs.writeFileSync(path.join(dir, 'bad', 'package.json'), '{nope');
const req = Module.createRequire(path.join(dir, 'index.js'));

show('identity', () => [module instanceof Module, module.constructor === Module, Module.Module === Module, require.extensions === Module._extensions, Module._cache === require.cache]);
show('extensions', () => Object.keys(require.extensions));
show('wrapper', () => [Module.wrapper, Module.wrap('x;')]);
show('new Module', () => { const m = new Module('/x/y.js', module); return [Object.keys(m), m.path, m.filename, m.loaded, module.children.includes(m)]; });
show('prototype', () => ['require', 'load', '_compile'].map((k) => typeof Module.prototype[k]));
show('nodeModulePaths', () => Module._nodeModulePaths('/a/b/node_modules/c'));
show('findPath', () => [Module._findPath('a', [dir]), Module._findPath('pkg', [dir]), Module._findPath('nope', [dir]), Module._findPath(path.join(dir, 'a.js'), [])]);
show('resolveFilename', () => [Module._resolveFilename('./a', req('./a') && require.cache[path.join(dir, 'a.js')]), Module._resolveFilename('fs'), Module._resolveFilename('node:fs')]);
show('resolveFilename paths', () => Module._resolveFilename('./pkg', null, false, { paths: [dir] }));
show('resolveFilename missing', () => Module._resolveFilename('./nope', module));
show('resolveLookupPaths', () => [Module._resolveLookupPaths('./x', module)[0] === __dirname, Module._resolveLookupPaths('fs', module), Module._resolveLookupPaths('lodash', { paths: ['/p'] })[0]]);
show('stat', () => [Module._stat(dir), Module._stat(path.join(dir, 'a.js')), Module._stat(path.join(dir, 'nope'))]);
show('readPackage', () => [Module._readPackage(path.join(dir, 'pkg')), Module._readPackage(path.join(dir, 'nope'))]);
// The JSON parser's own words differ from V8's.
show('readPackage bad', () => {
  try {
    Module._readPackage(path.join(dir, 'bad'));
  } catch (e) {
    return [e.name, rel(e.message).startsWith('Error parsing <dir>/bad/package.json: ')];
  }
});
show('misc', () => [Module.findSourceMap(path.join(dir, 'a.js')), Module.syncBuiltinESMExports(), Module._initPaths(), typeof Module.register, typeof Module.runMain]);
show('builtins', () => [Module.isBuiltin('fs'), Module.isBuiltin('node:fs'), Module.isBuiltin('express'), Module.isBuiltin('nope'), Module.builtinModules.includes('path'), Module.builtinModules.includes('express')]);

// require.extensions: a handler for a new extension loads such files and makes require try it.
require.extensions['.txt'] = function (mod, filename) {
  mod.exports = fs.readFileSync(filename, 'utf8').toUpperCase();
};
show('txt', () => [req('./notes.txt'), req('./other'), req.resolve('./other')]);
delete require.extensions['.txt'];

// A hook around the '.js' handler sees the source through module._compile, as pirates-style hooks do.
const jsHandler = require.extensions['.js'];
require.extensions['.js'] = function (mod, filename) {
  const compile = mod._compile;
  mod._compile = function (code, file) {
    return compile.call(this, code.replace('"a"', '"hooked"'), file);
  };
  jsHandler(mod, filename);
};
delete require.cache[path.join(dir, 'a.js')];
show('js hook', () => req('./a').name);
require.extensions['.js'] = jsHandler;
delete require.cache[path.join(dir, 'a.js')];
show('js unhooked', () => req('./a').name);

// require-from-string.
show('compile', () => {
  const filename = path.join(dir, 'virtual.js');
  const m = new Module(filename, module);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(dir);
  m._compile('module.exports = [typeof require, __filename, __dirname, require("./a").name, require("path").sep];', filename);
  return [m.exports, m.loaded];
});
show('load', () => {
  const m = new Module(path.join(dir, 'data.json'));
  m.load(path.join(dir, 'data.json'));
  return [m.exports, m.loaded, m.filename];
});

// module-alias replaces _resolveFilename; mocking libraries replace _load.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  if (request === '@alias/a') request = path.join(dir, 'a.js');
  return resolveFilename.call(this, request, parent, isMain, options);
};
show('alias', () => [req('@alias/a').name, typeof req('fs').readFileSync]);
Module._resolveFilename = resolveFilename;
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'mocked') return { mocked: true, parentIsModule: parent instanceof Module };
  return load.apply(this, arguments);
};
show('mock', () => [req('mocked'), req('./a').name]);
Module._load = load;
show('unmocked', () => req('mocked'));

// SourceMap: the mappings of `a;\nb` compiled from two lines of src.ts, with a name.
const sm = new Module.SourceMap({ version: 3, file: 'out.js', sources: ['src.ts'], names: ['foo'], mappings: 'AAAA,EAAEA;AACF' });
show('sourcemap', () => [sm.payload.sources, sm.lineLengths, sm.findEntry(0, 0), sm.findEntry(0, 3), sm.findEntry(1, 5), sm.findOrigin(1, 3), sm.findOrigin(5, 1)]);
show('sourcemap sections', () => new Module.SourceMap({ version: 3, sections: [{ offset: { line: 2, column: 0 }, map: { version: 3, sources: ['s.js'], names: [], mappings: 'AAAA' } }] }, { lineLengths: [3, 4] }).findEntry(2, 0));
show('sourcemap bad', () => new Module.SourceMap(5));
