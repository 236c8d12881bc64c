// A CommonJS default property without __esModule: import() gives module.exports as the default, so
// Luker looks for module.exports.info and finds nothing.
module.exports = {
    default: {
        info: { id: 'plain-default', name: 'Plain default', description: 'module.exports.default without __esModule' },
        init(router) {
            router.get('/which', (req, res) => res.json({ which: 'plain-default' }));
        },
    },
};
