const info = { id: 'single-cjs', name: 'single-cjs plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'single-cjs.cjs' }));
}
module.exports = { info, init };
