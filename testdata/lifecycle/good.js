const info = { id: 'good', name: 'Good', description: 'x' };
async function init(router) { router.get('/which', (req, res) => res.json({ which: 'good' })); }
async function exit() { console.log('good exit called'); }
module.exports = { info, init, exit };
