const info = { id: 'good', name: 'good plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'good' }));
}
module.exports = { info, init };
