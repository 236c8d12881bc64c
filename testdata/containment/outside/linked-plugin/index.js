const info = { id: 'linked-plugin', name: 'linked-plugin plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'linked' }));
}
module.exports = { info, init };
