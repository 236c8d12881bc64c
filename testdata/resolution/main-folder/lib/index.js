const info = { id: 'main-folder', name: 'main-folder plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'lib/index.js' }));
}
module.exports = { info, init };
