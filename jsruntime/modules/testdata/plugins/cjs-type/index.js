module.exports = { info: { id: 'cjs-type' }, init() {} };
