const info = { id: 'main-wins', name: 'main-wins plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'main' }));
}
module.exports = { info, init };
