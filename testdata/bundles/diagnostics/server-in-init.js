// Opens its own HTTP server from init.
const http = require('node:http');

module.exports = {
    info: { id: 'server-in-init', name: 'Server in init', description: 'listens on a port of its own' },
    init() {
        http.createServer((req, res) => res.end('hi')).listen(0);
    },
};
