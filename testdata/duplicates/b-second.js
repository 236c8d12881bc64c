const info = { id: 'dup', name: 'dup second', description: 'x' };
async function init(router) {
    console.log('b-second init ran');
    router.get('/which', (req, res) => res.json({ which: 'b-second' }));
}
module.exports = { info, init };
