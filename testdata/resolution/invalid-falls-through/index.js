module.exports = { info: { id: 'invalid-falls-through', name: 'x', description: 'x' } };
