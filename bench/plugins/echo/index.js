// Workload 2: echoes a JSON body. Luker's global JSON parser has already parsed it into req.body.
const info = {
    id: 'echo',
    name: 'Echo',
    description: 'Answers a JSON body with the same JSON',
};

async function init(router) {
    router.post('/echo', (req, res) => {
        res.json(req.body);
    });
}

module.exports = { info, init };
