const path = require('node:path');
const { greet } = require('./lib/helper');
const data = require('./data.json');
module.exports = {
    info: { id: 'cjs-require', name: 'Requires', description: 'relative requires' },
    init(router) {
        router.get('/r', (req, res) => res.json({ greet: greet('bob'), value: data.value, file: path.basename(__filename), dir: path.basename(__dirname) }));
    },
};
