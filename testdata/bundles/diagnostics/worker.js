// Starts a worker thread at load time.
const { Worker } = require('node:worker_threads');

const worker = new Worker('./job.js');

module.exports = {
    info: { id: 'worker', name: 'Worker', description: 'starts a worker thread' },
    init() {},
};
