const helper = require('./lib/helper');

module.exports = {
    info: { id: 'needs-helper', name: 'Needs helper', description: 'its helper requires a missing file' },
    init(router) {
        router.get('/help', (req, res) => res.send(helper()));
    },
};
