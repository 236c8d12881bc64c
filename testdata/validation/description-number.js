module.exports = { info: { id: 'description-number', name: 'x', description: 5 }, init() {} };
