module.exports = 'local file';
