module.exports = require('./bad.json');
