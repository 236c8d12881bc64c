// Workload 5: files sent with res.sendFile, a 1 MiB one and a small one (the benchmark writes both
// into files/).
const path = require('path');

const info = {
    id: 'static',
    name: 'Static',
    description: 'Sends files',
};

const root = path.join(__dirname, 'files');

async function init(router) {
    router.get('/large', (req, res) => {
        res.sendFile('large.bin', { root });
    });
    router.get('/small', (req, res) => {
        res.sendFile(path.join(root, 'small.css'));
    });
}

module.exports = { info, init };
