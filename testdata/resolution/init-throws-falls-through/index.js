module.exports = {
    info: { id: 'init-throws-falls-through', name: 'x', description: 'x' },
    init(router) { router.get('/which', (req, res) => res.json({ which: 'index.js' })); throw new Error('init exploded'); },
};
