const info = { id: 'invalid-falls-through', name: 'invalid-falls-through plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'index.cjs' }));
}
module.exports = { info, init };
