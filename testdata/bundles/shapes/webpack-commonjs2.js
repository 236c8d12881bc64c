// What webpack 5 emits for libraryTarget 'commonjs2' + libraryExport 'default': module.exports is the
// default export itself.
(() => {
    'use strict';
    var __webpack_exports__ = {};
    (() => {
        var exports = __webpack_exports__;
        Object.defineProperty(exports, '__esModule', { value: true });
        const plugin = {
            info: { id: 'webpack-commonjs2', name: 'webpack commonjs2', description: 'libraryTarget commonjs2, libraryExport default' },
            async init(router) {
                router.get('/which', (req, res) => res.json({ which: 'webpack-commonjs2' }));
            },
        };
        exports['default'] = plugin;
    })();
    module.exports = __webpack_exports__['default'];
})();
