// What webpack 5 emits for libraryTarget 'commonjs' + libraryExport 'default' (the module bodies
// reduced to the plugin's): the default export's enumerable properties are copied onto exports.
(() => {
    'use strict';
    var __webpack_exports__ = {};
    (() => {
        var exports = __webpack_exports__;
        Object.defineProperty(exports, '__esModule', { value: true });
        exports.info = void 0;
        exports.init = init;
        exports.exit = exit;
        async function init(router) {
            router.get('/which', (req, res) => res.json({ which: 'webpack-commonjs' }));
        }
        async function exit() {}
        exports.info = { id: 'webpack-commonjs', name: 'webpack commonjs', description: 'libraryTarget commonjs, libraryExport default' };
        const plugin = { init, exit, info: exports.info };
        exports['default'] = plugin;
    })();
    const o = exports, t = __webpack_exports__['default'];
    for (var s in t) o[s] = t[s];
    t.__esModule && Object.defineProperty(o, '__esModule', { value: true });
})();
