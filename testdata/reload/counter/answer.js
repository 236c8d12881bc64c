module.exports = 'v1';
