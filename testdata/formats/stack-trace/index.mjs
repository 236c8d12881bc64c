export const info = { id: 'stack-trace', name: 'Stack', description: 'source-mapped stacks' };

function where() {
    return new Error('here').stack;
}

export async function init(router) {
    router.get('/stack', (req, res) => res.json({ stack: where() }));
}
