const info = { id: 'index-order', name: 'index-order plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'index.cjs' }));
}
module.exports = { info, init };
