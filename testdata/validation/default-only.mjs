export default {
    info: { id: 'default-only', name: 'Default only', description: 'info and init on default' },
    init(router) { router.get('/which', (req, res) => res.json({ which: 'default' })); },
};
