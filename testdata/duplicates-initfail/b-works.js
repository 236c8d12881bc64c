module.exports = {
    info: { id: 'shared', name: 'second', description: 'would load in Luker once the first failed' },
    init(router) { router.get('/which', (req, res) => res.json({ which: 'b-works' })); },
};
