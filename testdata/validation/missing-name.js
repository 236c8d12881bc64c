module.exports = { info: { id: 'missing-name', description: 'x' }, init() {} };
