const missing = require('./missing');

module.exports = () => missing;
