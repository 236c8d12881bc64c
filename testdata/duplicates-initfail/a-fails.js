module.exports = {
    info: { id: 'shared', name: 'first', description: 'claims the id, then fails in init' },
    init() { throw new Error('first init fails'); },
};
