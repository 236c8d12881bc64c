module.exports = { kind: 'lib-cjs' };
