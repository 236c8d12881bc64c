const info = { id: 'other', name: 'other plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'other' }));
}
module.exports = { info, init };
