// Requires a package that is not installed.
const leftPad = require('left-pad');

module.exports = {
    info: { id: 'missing-package', name: 'Missing package', description: 'requires left-pad' },
    init(router) {
        router.get('/pad', (req, res) => res.send(leftPad('x', 3)));
    },
};
