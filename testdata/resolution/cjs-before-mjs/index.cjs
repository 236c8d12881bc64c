const info = { id: 'cjs-before-mjs', name: 'cjs-before-mjs plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'index.cjs' }));
}
module.exports = { info, init };
