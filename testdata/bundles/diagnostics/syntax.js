// A syntax error on line 4.
module.exports = {
    info: { id: 'syntax', name: 'Syntax', description: 'does not parse' },
    init(router) { router.get('/', (req, res) => res.send('x'); },
};
