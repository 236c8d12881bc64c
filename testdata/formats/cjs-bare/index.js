const info = { id: 'cjs-bare', name: 'cjs-bare plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'cjs' }));
}
module.exports = { info, init };
