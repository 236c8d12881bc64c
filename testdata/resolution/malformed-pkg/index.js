const info = { id: 'malformed-pkg', name: 'malformed-pkg plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'index.js' }));
}
module.exports = { info, init };
