"use strict";
// What tsc (module commonjs), Babel and webpack without libraryExport emit for `export default plugin`.
// Node 20's import() makes module.exports the default export without unwrapping exports.default, so
// Luker refuses this plugin ("plugin info not found"); pluginhost reads exports.default, as an ES
// module's default export.
Object.defineProperty(exports, "__esModule", { value: true });
const plugin = {
    info: { id: 'transpiled-default', name: 'Transpiled default', description: 'exports.default with __esModule' },
    init(router) {
        router.get('/which', (req, res) => res.json({ which: 'transpiled-default' }));
    },
};
exports.default = plugin;
