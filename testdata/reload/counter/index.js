// The plugin the reload tests edit: answer.js holds its version.
const answer = require('./answer.js');

let received = 0; // /slow requests this runtime has been given

module.exports = {
    info: { id: 'counter', name: 'Counter', description: 'Answers with the version in answer.js' },
    async init(router) {
        router.get('/answer', (req, res) => res.json({ answer }));
        router.get('/slow', (req, res) => {
            received++;
            setTimeout(() => res.json({ answer }), Number(req.query.ms) || 100);
        });
        router.get('/received', (req, res) => res.json({ answer, received }));
        console.log(`init ${answer}`);
    },
    async exit() {
        console.log(`exit ${answer}`);
    },
};
