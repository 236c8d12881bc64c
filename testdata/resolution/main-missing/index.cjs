const info = { id: 'main-missing', name: 'main-missing plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'index.cjs' }));
}
module.exports = { info, init };
