module.exports = {
    info: { id: 'logged-id', name: 'Logged', description: 'folder name differs from the id' },
    init(router) {
        console.log('hello from init');
        router.get('/x', (req, res) => res.end());
    },
};
