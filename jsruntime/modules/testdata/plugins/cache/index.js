exports.load = () => require('./counter');
exports.drop = () => { delete require.cache[require.resolve('./counter')]; };
