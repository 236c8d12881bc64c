module.exports = { info: { id: 'no-init', name: 'x', description: 'x' } };
