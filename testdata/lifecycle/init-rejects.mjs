export const info = { id: 'init-rejects', name: 'x', description: 'x' };
export async function init(router) {
    router.get('/x', (req, res) => res.end());
    await null;
    throw new Error('async init failure');
}
