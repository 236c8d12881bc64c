module.exports = { info: 'nope', init() {} };
