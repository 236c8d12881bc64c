// Waits for Luker's 'server-started' event, as plugins that call back into the server once it
// listens do.
const { EventEmitter } = require('node:events');
const path = require('node:path');

let started = null;
process.serverEvents.on('server-started', ({ url }) => {
    started = { isURL: url instanceof URL, protocol: url.protocol, hostname: url.hostname, hasPort: url.port !== '', path: url.pathname };
});

module.exports = {
    info: { id: 'server-events', name: 'Server events', description: 'listens to process.serverEvents' },
    async init(router) {
        router.get('/started', (req, res) => {
            res.json({
                started,
                emitter: process.serverEvents instanceof EventEmitter,
                listeners: process.serverEvents.listenerCount('server-started'),
                dataRoot: typeof globalThis.DATA_ROOT === 'string' && path.isAbsolute(globalThis.DATA_ROOT),
            });
        });
    },
};
