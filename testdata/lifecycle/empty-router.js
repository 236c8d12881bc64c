module.exports = { info: { id: 'empty-router', name: 'Empty', description: 'x' }, async init(router) {} };
