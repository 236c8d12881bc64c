const info = { id: 'type-commonjs', name: 'type-commonjs plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'cjs by type' }));
}
module.exports = { info, init };
