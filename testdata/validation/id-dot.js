const info = { id: 'my.plugin', name: 'my.plugin plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'x' }));
}
module.exports = { info, init };
